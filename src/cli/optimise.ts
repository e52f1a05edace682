/**
 * npm run optimise -- MODEL --lever 'name=lo..hi' ... --objective 'min|max EXPR at TIME'
 *                     [--budget X] [--cost 'name=X' ...] [--frontier 'X,Y,…'] [--scenario NAME] [--json]
 *
 * Finds the mix of levers (constants, within their bounds) that does best on the objective, for
 * at most the budget. A lever's cost is what one unit more than the model's own value costs:
 * --cost, else a notebook lever's cost a year. --frontier also finds the best at each of those
 * budgets. Prints the mix, the objective and the spend, or with --json
 * {"values": {name: value}, "objective": x, "spend": x, "frontier": [{budget, objective, spend, values}]}.
 */
import { parseObjective, withObjective } from '../lib/analysis/objective';
import { optimise, type OptimiseLever } from '../lib/analysis/optimise';
import { localRunner } from '../lib/analysis/runner';
import { compileModel } from '../lib/engine';
import { hasErrors, InputError } from '../lib/model/diagnostics';
import { findVariable } from '../lib/model/lookup';
import { canonicalName } from '../lib/model/names';
import { findScenario } from '../lib/model/scenarios';
import { parseArgs } from './args';
import { commandMain, oneModelFile } from './command-main';
import { parseBound, parseNumber, parsePair, shortNumber, UsageError } from './fit-args';
import { loadModelFile } from './load-model';

export const USAGE =
	"usage: flowbook optimise MODEL --lever 'name=lo..hi' ... --objective 'min|max EXPR at TIME' [--budget X] [--cost 'name=X' ...] [--frontier 'X,Y,…'] [--scenario NAME] [--restarts N] [--seed N] [--json]";

async function run(argv: readonly string[]): Promise<number> {
	const args = parseArgs(argv, {
		flags: ['json', 'help'],
		options: ['objective', 'budget', 'frontier', 'restarts', 'seed', 'scenario'],
		lists: ['lever', 'cost'],
		aliases: { h: 'help' }
	});
	if (!args.ok) throw new UsageError(args.message);
	if (args.flags.has('help')) {
		console.log(USAGE);
		return 0;
	}
	oneModelFile(args.positionals);
	const bounds = (args.lists.get('lever') ?? []).map((l) => parseBound(l, 'lever'));
	if (bounds.length === 0) throw new UsageError("which levers? give --lever 'name=lo..hi'");
	const objectiveText = args.options.get('objective');
	if (!objectiveText)
		throw new UsageError("what to optimise? give --objective 'min|max EXPR at TIME'");
	const objective = parseObjective(objectiveText);
	if (typeof objective === 'string') throw new UsageError(objective);
	const budget = parseNumber(args.options.get('budget'), 'budget');
	const frontierText = args.options.get('frontier');
	const frontier = frontierText?.split(',').map((b) => parseNumber(b, 'frontier')!);

	const loaded = loadModelFile(args.positionals[0]);
	if (hasErrors(loaded.diagnostics))
		throw new InputError('the model has errors', loaded.diagnostics);
	const plain = compileModel(loaded.model);
	if (!plain.ok) throw new InputError('the model has errors', plain.diagnostics);
	const known = new Set(plain.simulation.constants.map(canonicalName));
	for (const b of bounds)
		if (!known.has(canonicalName(b.name)))
			throw new UsageError(`--lever names "${b.name}", which is not a constant of the model`);
	const compiled = compileModel(withObjective(loaded.model, objective));
	if (!compiled.ok)
		throw new InputError(
			`the objective "${objective.expression}" cannot be worked out`,
			compiled.diagnostics.filter((d) => d.severity === 'error')
		);

	const costs = new Map(
		(args.lists.get('cost') ?? []).map((c) => {
			const [name, value] = parsePair(c, 'cost', 'name=cost');
			return [canonicalName(name), parseNumber(value, 'cost')!] as const;
		})
	);
	const leverCost = (name: string) => {
		const variable = findVariable(loaded.model, name);
		return loaded.levers?.find((l) => variable && l.variable === variable.id)?.cost?.perYear;
	};
	const start = plain.simulation.run({ outputs: bounds.map((b) => b.name) });
	const baseOf = (name: string) => {
		const index = start.names.findIndex((n) => canonicalName(n) === canonicalName(name));
		return index < 0 ? 0 : start.series[index][0];
	};
	const levers: OptimiseLever[] = bounds.map((b) => ({
		...b,
		cost: costs.get(canonicalName(b.name)) ?? leverCost(b.name) ?? 0,
		base: baseOf(b.name)
	}));
	if (budget !== undefined && levers.every((l) => !l.cost))
		throw new UsageError("a budget needs the levers' costs: give --cost 'name=X'");

	const scenarioName = args.options.get('scenario');
	const scenario = scenarioName ? findScenario(loaded.scenarios, scenarioName) : undefined;
	if (scenarioName && !scenario)
		throw new UsageError(`there is no scenario "${scenarioName}" in ${args.positionals[0]}`);
	const best = await optimise(
		{
			levers,
			...(scenario && { samples: [scenario.overrides] }),
			objective,
			budget,
			frontier,
			restarts: parseNumber(args.options.get('restarts'), 'restarts'),
			seed: parseNumber(args.options.get('seed'), 'seed')
		},
		localRunner(compiled.simulation, loaded.model.simSpecs)
	);
	if (args.flags.has('json')) {
		const { runs, ...rest } = best;
		console.log(JSON.stringify({ ...rest, runs }, null, 2));
		return 0;
	}
	console.log(
		`${objective.sense === 'max' ? 'highest' : 'lowest'} ${objective.expression}${objective.at === undefined ? '' : ` at ${objective.at}`}: ${shortNumber(best.objective)}, spending ${shortNumber(best.spend)}${budget === undefined ? '' : ` of ${shortNumber(budget)}`} (${best.runs} runs)`
	);
	console.log('lever\tvalue\tlow\thigh');
	for (const l of levers)
		console.log(`${l.name}\t${shortNumber(best.values[l.name])}\t${l.min}\t${l.max}`);
	if (best.frontier.length) {
		console.log(
			`budget\tbest ${objective.expression}\tspend\t${levers.map((l) => l.name).join('\t')}`
		);
		for (const f of best.frontier)
			console.log(
				[f.budget, f.objective, f.spend, ...levers.map((l) => f.values[l.name])]
					.map(shortNumber)
					.join('\t')
			);
	}
	return 0;
}

/** The help text, as `flowbook help` and the command registry (commands.ts) read it. */
export const usage = USAGE;

/** Runs the command; problems are printed (never a stack) and give exit code 1. */
export const main = commandMain('optimise', USAGE, run);
