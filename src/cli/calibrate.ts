/**
 * npm run calibrate -- MODEL --data FILE.csv --fit 'name=lo..hi' ... [--series 'column=variable' ...]
 *                      [--weight 'column=w' ...] [--payoff least-squares|gaussian|poisson]
 *                      [--restarts N] [--seed N] [--json]
 *
 * Fits the model's constants to a data file (CSV or XLSX: time in the first column, one series
 * per column; a notebook's own data series when --data is left out). Columns named like model
 * variables are matched by name; --series pairs the others. Prints the fitted values with
 * approximate 95% intervals and each series' fit statistics, or with --json
 * {"values": {name: value}, "intervals": {...}, "payoff": x, "statistics": {series: {...}}}.
 */
import { readFileSync } from 'node:fs';
import { calibrate, type FitTarget } from '../lib/analysis/calibrate';
import { PAYOFF_KINDS, type PayoffKind } from '../lib/analysis/payoff';
import { localRunner } from '../lib/analysis/runner';
import { readDataFile } from '../lib/data/cells';
import { linkByName, linkByPairs } from '../lib/data/link';
import { seriesFromGrid } from '../lib/data/series';
import { compileModel } from '../lib/engine';
import { hasErrors, InputError } from '../lib/model/diagnostics';
import { canonicalName } from '../lib/model/names';
import type { DataSeries } from '../lib/model/types';
import { parseArgs } from './args';
import { commandMain, oneModelFile } from './command-main';
import { parseBound, parseNumber, parsePair, shortNumber, UsageError } from './fit-args';
import { loadModelFile } from './load-model';

export const USAGE =
	"usage: flowbook calibrate MODEL --data FILE.csv --fit 'name=lo..hi' ... [--series 'column=variable' ...] [--weight 'column=w' ...] [--payoff least-squares|gaussian|poisson] [--restarts N] [--seed N] [--json]";

async function readSeries(file: string, calendar: { startDate?: string; timeUnits?: string }) {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(file);
	} catch (e) {
		throw new InputError(`cannot read the data file ${file}: ${(e as Error).message}`);
	}
	let grid;
	try {
		grid = await readDataFile(file, bytes);
	} catch (e) {
		throw new InputError((e as Error).message);
	}
	const { series, problems } = seriesFromGrid(grid, calendar);
	if (problems.length) throw new InputError(problems[0].message, problems);
	return series;
}

async function run(argv: readonly string[]): Promise<number> {
	const args = parseArgs(argv, {
		flags: ['json', 'help'],
		options: ['data', 'payoff', 'restarts', 'seed'],
		lists: ['fit', 'series', 'weight'],
		aliases: { h: 'help' }
	});
	if (!args.ok) throw new UsageError(args.message);
	if (args.flags.has('help')) {
		console.log(USAGE);
		return 0;
	}
	const file = oneModelFile(args.positionals);
	const fits = (args.lists.get('fit') ?? []).map((f) => parseBound(f, 'fit'));
	if (fits.length === 0) throw new UsageError("which constants? give --fit 'name=lo..hi'");
	const payoff = (args.options.get('payoff') ?? 'least-squares') as PayoffKind;
	if (!PAYOFF_KINDS.includes(payoff))
		throw new UsageError(`--payoff must be ${PAYOFF_KINDS.join(', ')}, not "${payoff}"`);

	const loaded = loadModelFile(file);
	if (hasErrors(loaded.diagnostics))
		throw new InputError('the model has errors', loaded.diagnostics);
	const compiled = compileModel(loaded.model);
	if (!compiled.ok) throw new InputError('the model has errors', compiled.diagnostics);
	const known = new Set(compiled.simulation.constants.map(canonicalName));
	for (const f of fits)
		if (!known.has(canonicalName(f.name)))
			throw new UsageError(`--fit names "${f.name}", which is not a constant of the model`);

	const dataFile = args.options.get('data');
	let series: DataSeries[] = dataFile
		? await readSeries(dataFile, loaded.model.simSpecs)
		: (loaded.data ?? []);
	if (series.length === 0)
		throw new UsageError('which data? give --data FILE.csv (or a notebook with data series)');
	const pairs = new Map(
		(args.lists.get('series') ?? []).map((s) => parsePair(s, 'series', 'column=variable'))
	);
	const paired = linkByPairs(series, loaded.model, pairs);
	if (typeof paired === 'string') throw new UsageError(paired);
	series = linkByName(paired, loaded.model);
	const weights = new Map(
		(args.lists.get('weight') ?? []).map((w) => {
			const [column, value] = parsePair(w, 'weight', 'column=weight');
			return [canonicalName(column), parseNumber(value, 'weight')!] as const;
		})
	);
	const targets: FitTarget[] = series
		.filter((s) => s.variable)
		.map((s) => ({
			name: s.name,
			variable: s.variable!,
			times: s.times,
			values: s.values,
			weight: weights.get(canonicalName(s.name)) ?? 1
		}));
	const unlinked = series.filter((s) => !s.variable).map((s) => `"${s.name}"`);
	if (targets.length === 0)
		throw new UsageError(
			`no data column is named like a model variable (${unlinked.join(', ')}): pair them with --series 'column=variable'`
		);
	if (unlinked.length && !args.flags.has('json'))
		console.error(
			`calibrate: not fitted, as no variable is named like them: ${unlinked.join(', ')}`
		);

	const fit = await calibrate(
		{
			parameters: fits,
			targets,
			payoff,
			restarts: parseNumber(args.options.get('restarts'), 'restarts'),
			seed: parseNumber(args.options.get('seed'), 'seed')
		},
		localRunner(compiled.simulation, loaded.model.simSpecs)
	);
	if (args.flags.has('json')) {
		const json = {
			values: fit.values,
			intervals: fit.intervals,
			payoff: fit.payoff,
			payoffKind: fit.payoffKind,
			statistics: fit.statistics,
			runs: fit.runs
		};
		console.log(
			JSON.stringify(json, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)
		);
		return 0;
	}
	console.log(`fitted by ${payoff} (payoff ${shortNumber(fit.payoff)}, ${fit.runs} runs)`);
	console.log('constant\tvalue\t95% interval (approximate)');
	for (const f of fits) {
		const interval = fit.intervals[f.name];
		console.log(
			`${f.name}\t${shortNumber(fit.values[f.name])}\t${interval ? `${shortNumber(interval.low)} to ${shortNumber(interval.high)}` : 'not found (the payoff is flat there)'}`
		);
	}
	console.log('series\tpoints\tR²\tRMSE\tMAPE %\tbias U^M\tvariance U^S\tcovariance U^C');
	for (const [name, s] of Object.entries(fit.statistics))
		console.log(
			[name, s.n, s.r2, s.rmse, s.mape, s.bias, s.variance, s.covariance]
				.map((v) => (typeof v === 'number' ? shortNumber(v) : v))
				.join('\t')
		);
	return 0;
}

/** The help text, as `flowbook help` and the command registry (commands.ts) read it. */
export const usage = USAGE;

/** Runs the command; problems are printed (never a stack) and give exit code 1. */
export const main = commandMain('calibrate', USAGE, run);
