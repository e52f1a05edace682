/**
 * A small command-line argument parser shared by the CLIs (conformance, sim, bench).
 * Supports boolean flags (`--json`), options with a value (`--filter teacup` or `--filter=teacup`),
 * positionals, and `--` to end the options. Never throws: a mistake comes back as a message.
 *
 *   const parsed = parseArgs(process.argv.slice(2), { flags: ['json', 'help'], options: ['filter'], aliases: { h: 'help' } });
 *   if (!parsed.ok) { console.error(parsed.message); process.exitCode = 2; return; }
 */

export interface ArgSpec {
	/** Boolean flags, without the leading `--`. */
	flags?: readonly string[];
	/** Options that take a value, without the leading `--`. The last one given wins. */
	options?: readonly string[];
	/** Options that may be given many times (`--set a=1 --set b=2`); every value is kept, in order. */
	lists?: readonly string[];
	/** Single-letter aliases: `{ h: 'help' }` makes `-h` mean `--help`. */
	aliases?: Readonly<Record<string, string>>;
}

export interface ParsedArgs {
	flags: Set<string>;
	options: Map<string, string>;
	lists: Map<string, string[]>;
	positionals: string[];
}

export type ParseResult = ({ ok: true } & ParsedArgs) | { ok: false; message: string };

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParseResult {
	const flags = new Set<string>();
	const options = new Map<string, string>();
	const lists = new Map<string, string[]>();
	const positionals: string[] = [];
	const isFlag = (n: string) => spec.flags?.includes(n) ?? false;
	const isList = (n: string) => spec.lists?.includes(n) ?? false;
	const isOption = (n: string) => (spec.options?.includes(n) ?? false) || isList(n);

	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') {
			positionals.push(...argv.slice(i + 1));
			break;
		}
		let name: string | undefined;
		let inline: string | undefined;
		if (arg.startsWith('--')) {
			const eq = arg.indexOf('=');
			name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
			inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
		} else if (arg.length > 1 && arg.startsWith('-') && !/^-[\d.]/.test(arg)) {
			const alias = spec.aliases?.[arg.slice(1)];
			if (!alias) return { ok: false, message: `unknown option ${arg}` };
			name = alias;
		}
		if (name === undefined) {
			positionals.push(arg);
			continue;
		}
		if (isFlag(name)) {
			if (inline !== undefined) return { ok: false, message: `--${name} takes no value` };
			flags.add(name);
		} else if (isOption(name)) {
			const value = inline ?? argv[i + 1];
			if (value === undefined || (inline === undefined && value.startsWith('--')))
				return { ok: false, message: `--${name} needs a value` };
			if (inline === undefined) i++;
			if (isList(name)) lists.set(name, [...(lists.get(name) ?? []), value]);
			else options.set(name, value);
		} else {
			return { ok: false, message: `unknown option --${name}` };
		}
	}
	return { ok: true, flags, options, lists, positionals };
}
