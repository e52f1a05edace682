/**
 * The CLIs' (conformance, sim, convert, bench) arguments, parsed by Node's own `util.parseArgs`
 * in strict mode. This file only turns a CLI's short spec into parseArgs' config and its errors
 * into one-line messages that name the option, so no CLI throws a stack at its user.
 *
 *   const parsed = parseArgs(process.argv.slice(2), { flags: ['json', 'help'], options: ['filter'], aliases: { h: 'help' } });
 *   if (!parsed.ok) { console.error(parsed.message); process.exitCode = 2; return; }
 */
import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';

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

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

function optionsConfig(spec: ArgSpec): OptionsConfig {
	const config: OptionsConfig = {};
	for (const name of spec.flags ?? []) config[name] = { type: 'boolean' };
	for (const name of spec.options ?? []) config[name] = { type: 'string' };
	for (const name of spec.lists ?? []) config[name] = { type: 'string', multiple: true };
	for (const [short, name] of Object.entries(spec.aliases ?? {})) {
		if (config[name]) config[name].short = short;
	}
	return config;
}

/**
 * parseArgs takes `--dt -0.5` for a forgotten value; a negative number after an option that
 * wants one is that option's value, so it is joined as `--dt=-0.5` first.
 */
function joinNegativeValues(argv: readonly string[], config: OptionsConfig): string[] {
	const joined: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') {
			joined.push(...argv.slice(i));
			break;
		}
		const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
		const next = argv[i + 1];
		if (name && config[name]?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
			joined.push(`${arg}=${next}`);
			i++;
		} else joined.push(arg);
	}
	return joined;
}

/** parseArgs' message, on one line and without its advice on positionals. */
function shortMessage(err: unknown): string {
	const message = err instanceof Error ? err.message : String(err);
	return message
		.replace(/\. To specify a positional argument[\s\S]*$/, '')
		.replace(/\s*\n\s*/g, ' ')
		.trim();
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParseResult {
	const config = optionsConfig(spec);
	let parsed: ReturnType<typeof parseNodeArgs>;
	try {
		parsed = parseNodeArgs({
			args: joinNegativeValues(argv, config),
			options: config,
			strict: true,
			allowPositionals: true
		});
	} catch (err) {
		return { ok: false, message: shortMessage(err) };
	}
	const flags = new Set<string>();
	const options = new Map<string, string>();
	const lists = new Map<string, string[]>();
	for (const [name, value] of Object.entries(parsed.values)) {
		if (value === true) flags.add(name);
		else if (Array.isArray(value)) lists.set(name, value.map(String));
		else if (typeof value === 'string') options.set(name, value);
	}
	return { ok: true, flags, options, lists, positionals: parsed.positionals };
}
