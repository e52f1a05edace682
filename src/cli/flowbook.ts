/**
 * The `flowbook` command: `flowbook COMMAND [ARGS]`, `flowbook help [COMMAND]`,
 * `flowbook COMMAND --help`. The subcommands are in commands.ts. Built into dist-cli/flowbook.js
 * (vite.cli.config.ts) and started by bin/flowbook.js.
 */
import { COMMANDS, findCommand } from './commands';
import { closestNames } from '../lib/engine/names';

function overview(): string {
	const width = Math.max(...COMMANDS.map((c) => c.name.length));
	return [
		'usage: flowbook COMMAND [ARGS]   (flowbook COMMAND --help for its options)',
		'',
		...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)
	].join('\n');
}

export async function flowbook(argv: readonly string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
		const topic = name === 'help' ? rest[0] : undefined;
		if (topic === undefined) {
			console.log(overview());
			return name === undefined ? 2 : 0;
		}
		const command = findCommand(topic);
		if (!command) return unknown(topic);
		console.log((await command.load()).usage);
		return 0;
	}
	const command = findCommand(name);
	if (!command) return unknown(name);
	const module = await command.load();
	return module.main(rest);
}

function unknown(name: string): number {
	const [near] = closestNames(
		name,
		COMMANDS.map((c) => c.name),
		1
	);
	console.error(
		`flowbook: there is no command "${name}"${near ? `; did you mean "${near}"?` : ''}\n\n${overview()}`
	);
	return 2;
}

// A reader that stops early (`flowbook run m.xmile | head`) closes the pipe: that is the end of
// the output, as for any Unix tool, not a crash to print.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
	if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw e;
});

flowbook(process.argv.slice(2)).then(
	(code) => (process.exitCode = code),
	(e) => {
		console.error(`flowbook: ${e instanceof Error ? e.message : String(e)}`);
		process.exitCode = 1;
	}
);
