/**
 * What every subcommand's entry shares: a mistake in how it was called (UsageError) prints the
 * message and the help; a problem in the model (InputError) prints each diagnostic; anything else
 * prints its message. Never a stack, and exit code 1.
 */
import { formatDiagnostic, InputError } from '../lib/model/diagnostics';

export class UsageError extends Error {}

/** `main(argv)` for the command `name`, around the function that does its work. */
export function commandMain(
	name: string,
	usage: string,
	run: (argv: readonly string[]) => Promise<number>
): (argv: readonly string[]) => Promise<number> {
	return async (argv) => {
		try {
			return await run(argv);
		} catch (e) {
			if (e instanceof UsageError) console.error(`${name}: ${e.message}\n${usage}`);
			else if (e instanceof InputError)
				for (const d of e.diagnostics) console.error(formatDiagnostic(d));
			else console.error(`${name}: ${e instanceof Error ? e.message : String(e)}`);
			return 1;
		}
	};
}

/** The one model file a command was given, or the mistake in how many it was given. */
export function oneModelFile(positionals: readonly string[]): string {
	if (positionals.length !== 1)
		throw new UsageError(
			positionals.length
				? `one model file at a time, not ${positionals.length}`
				: 'which model? give a file'
		);
	return positionals[0];
}
