/**
 * npm run loops -- FILE [--json] [--scenario NAME] [--set name=value ...] [--for VARIABLE]
 *                       [--max-loops N] [--budget MS]
 *
 * The feedback loops that matter in a model (Loops that Matter: link, loop and relative loop
 * scores, see src/lib/engine/loops): each loop's id, polarity and variables in order, then a
 * table of relative loop scores over time (signed fractions, balancing loops negative, as Stella
 * reports them). --json prints {"time": [...], "loops": [{"id", "polarity": "R"|"B",
 * "variables": [...], "relativeScore": [...], "name", "polarityChanges"}], "discovery": {...}}.
 * --for VARIABLE adds a sentence per phase of dominance over that variable.
 */
import { analyseLoops, dominance } from '../lib/engine/loops';
import { compileModel } from '../lib/engine';
import { hasErrors, InputError } from '../lib/model/diagnostics';
import { findScenario } from '../lib/model/scenarios';
import { parseArgs } from './args';
import { commandMain, oneModelFile, UsageError } from './command-main';
import { loadModelFile } from './load-model';
import { parseOverrides, withScenario } from './overrides';

export const USAGE =
	'usage: flowbook loops FILE [--json] [--scenario NAME] [--set name=value ...] [--for VARIABLE] [--max-loops N] [--budget MS]';

function count(value: string | undefined, option: string): number | undefined {
	if (value === undefined) return undefined;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1)
		throw new UsageError(`--${option} needs a whole number above 0, not "${value}"`);
	return n;
}

async function run(argv: readonly string[]): Promise<number> {
	const args = parseArgs([...argv], {
		flags: ['json', 'help'],
		options: ['scenario', 'for', 'max-loops', 'budget'],
		lists: ['set'],
		aliases: { h: 'help' }
	});
	if (!args.ok) throw new UsageError(args.message);
	if (args.flags.has('help')) {
		console.log(USAGE);
		return 0;
	}
	const file = oneModelFile(args.positionals);
	const loaded = loadModelFile(file);
	if (hasErrors(loaded.diagnostics))
		throw new InputError('the model has errors', loaded.diagnostics);
	const compiled = compileModel(loaded.model);
	if (!compiled.ok) throw new InputError('the model does not compile', compiled.diagnostics);
	const sets = parseOverrides(args.lists.get('set') ?? []);
	if (!sets.ok) throw new UsageError(sets.message);
	const scenarioName = args.options.get('scenario');
	const scenario =
		scenarioName === undefined ? undefined : findScenario(loaded.scenarios, scenarioName);
	if (scenarioName !== undefined && !scenario) {
		const known = loaded.scenarios.map((s) => `"${s.name}"`).join(', ');
		throw new InputError(
			`there is no scenario "${scenarioName}" in ${file}${known ? `; it has ${known}` : ' (it has no scenarios)'}`
		);
	}
	const analysis = analyseLoops(compiled.simulation, {
		run: { overrides: withScenario(scenario?.overrides, sets.overrides) },
		maxLoops: count(args.options.get('max-loops'), 'max-loops'),
		budgetMs: count(args.options.get('budget'), 'budget')
	});
	const output = args.options.get('for');
	const phases = output === undefined ? undefined : dominance(analysis, output);
	if (
		output !== undefined &&
		!phases!.loops.length &&
		!compiled.simulation.outputs.some((o) => o.toLowerCase() === output.toLowerCase())
	)
		throw new InputError(`there is no variable called "${output}" in ${file}`);

	if (args.flags.has('json')) {
		console.log(
			JSON.stringify({
				time: [...analysis.time],
				loops: analysis.loops.map((l) => ({
					id: l.id,
					polarity: l.polarity,
					variables: l.variables,
					relativeScore: [...l.relativeScore],
					name: l.name,
					polarityChanges: l.polarityChanges
				})),
				discovery: {
					method: analysis.discovery.method,
					found: analysis.discovery.candidates,
					complete: analysis.discovery.complete,
					ms: Math.round(analysis.discovery.ms)
				},
				...(phases ? { dominance: { output, sentence: phases.sentence } } : {})
			})
		);
		return 0;
	}
	const { discovery } = analysis;
	console.log(
		`${file}${scenario ? ` (scenario "${scenario.name}")` : ''}: ${analysis.loops.length} loops ${discovery.method === 'all' ? `(every loop of the model, ${discovery.candidates})` : `(the strongest of ${discovery.candidates} found by strongest-path search in ${Math.round(discovery.ms)} ms)`}`
	);
	for (const loop of analysis.loops) {
		const changes =
			loop.polarityChanges.length > 1
				? `; polarity ${loop.polarityChanges.map((c) => `${c.polarity} from ${c.time}`).join(', ')}`
				: '';
		console.log(`${loop.id}\t${loop.name}${changes}\n\t${loop.variables.join(' → ')}`);
	}
	if (phases) console.log(phases.sentence);
	console.log(['time', ...analysis.loops.map((l) => l.id)].join('\t'));
	analysis.time.forEach((t, r) =>
		console.log([t, ...analysis.loops.map((l) => round(l.relativeScore[r]))].join('\t'))
	);
	return 0;
}

function round(x: number): number {
	return Math.round(x * 1e6) / 1e6;
}

/** The help text, as `flowbook help` and the command registry (commands.ts) read it. */
export const usage = USAGE;

/** Runs the command; problems are printed (never a stack) and give exit code 1. */
export const main = commandMain('loops', USAGE, run);
