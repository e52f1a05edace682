/**
 * Every `flowbook` subcommand, in the order `flowbook help` lists them. A command's module is
 * loaded only when it is named, so starting one never parses the others (or their libraries).
 *
 * To add a command, add one line here, pointing at a module that exports `usage` (its help text)
 * and `main(argv) => Promise<number>` (its exit code):
 *
 *   { name: 'loops', summary: 'the feedback loops that matter', load: () => import('./loops') },
 */

/** What a command's module exports. */
export interface CommandModule {
	usage: string;
	main(argv: readonly string[]): Promise<number>;
}

export interface Command {
	name: string;
	/** One line for `flowbook help`. */
	summary: string;
	load(): Promise<CommandModule>;
}

export const COMMANDS: readonly Command[] = [
	{ name: 'run', summary: 'run a model and write its results as CSV', load: () => import('./sim') },
	{
		name: 'check',
		summary: "list a model's errors and warnings, units included",
		load: async () => {
			const sim = await import('./sim');
			return { usage: sim.checkUsage, main: sim.check };
		}
	},
	{
		name: 'convert',
		summary: 'convert between XMILE, Vensim .mdl and Flowbook notebooks',
		load: () => import('./convert')
	},
	{
		name: 'sweep',
		summary: 'run a model over many sampled inputs, sharded if need be; merge the shards',
		load: () => import('./sweep')
	},
	{
		name: 'conformance',
		summary: 'run the conformance suites against their reference outputs',
		load: () => import('./conformance')
	},
	{ name: 'bench', summary: 'time the engine and the big models', load: () => import('./bench') },
	{
		name: 'bench-cli',
		summary: "time the CLI's cold start and a sweep of model A on worker threads",
		load: () => import('./bench-cli')
	},
	{
		name: 'bench-sensitivity',
		summary: "time a sensitivity analysis through the page's worker pool",
		load: () => import('./bench-sensitivity')
	},
	{
		name: 'calibrate',
		summary: "fit a model's constants to data",
		load: () => import('./calibrate')
	},
	{ name: 'loops', summary: 'the feedback loops that matter', load: () => import('./loops') },
	{
		name: 'optimise',
		summary: 'find the best mix of levers for a budget',
		load: () => import('./optimise')
	}
];

export function findCommand(name: string): Command | undefined {
	return COMMANDS.find((c) => c.name === name);
}
