/**
 * Loops that matter, for a compiled model: which feedback loops drive its behaviour, and when.
 *
 *   const compiled = compileModel(model);
 *   const analysis = analyseLoops(compiled.simulation, { run: { overrides } });
 *   analysis.loops[0];  // { id: 'R1', polarity: 'R', name: 'the … loop through …', relativeScore, … }
 *   dominance(analysis, 'Bed occupancy').sentence;  // "Until day 180 the reinforcing loop R1 …"
 *
 * One traced run (every node's value at each saved time and the step before it), then discovery
 * (discover.ts) and the link and loop scores of the loops kept (link-scores.ts, loop-scores.ts).
 * A new lever setting can reuse the loops found before (`loops`), which skips discovery.
 */
import { InputError } from '../../model/diagnostics';
import { canonicalName } from '../../model/names';
import type { RunOptions, Simulation } from '../api';
import { Program } from '../program';
import { discoverLoops, type Discovery, type DiscoveryOptions } from './discover';
import { causalGraph } from './graph';
import { cyclePartitions, loopScoresFrom } from './loop-scores';
import { dominancePhases, loopNames, phaseSentence, type Phase } from './words';

export interface LoopsOptions extends DiscoveryOptions {
	run?: Omit<RunOptions, 'outputs'>;
	/** Loops (node ids) found by an earlier analysis of the same compiled model: no discovery. */
	loops?: number[][];
}

export interface LoopReport {
	/** R1, R2, … and B1, B2, …, numbered by importance over the run. */
	id: string;
	/** The polarity it mostly has (the sign of its loop score, weighted by its share). */
	polarity: 'R' | 'B';
	/** User variables in causal order, starting at a stock. */
	variables: string[];
	/** The stocks it passes through (a delay's stages count as the delay's variable). */
	stocks: string[];
	/** In words: "the Coping policy loop through Delayed discharges and Bed occupancy". */
	name: string;
	/** Node ids, in causal order (for reuse with `loops`). */
	nodes: number[];
	score: Float64Array;
	/** Signed share of its cycle partition's loop scores at each saved time (balancing negative). */
	relativeScore: Float64Array;
	/** Where its polarity changes over the run: the first entry is its first active polarity. */
	polarityChanges: { time: number; polarity: 'R' | 'B' }[];
}

export interface LoopAnalysis {
	time: Float64Array;
	timeUnit: string;
	loops: LoopReport[];
	discovery: Discovery;
	/** Milliseconds for the traced run and the scores of the kept loops (discovery apart). */
	scoringMs: number;
}

export function analyseLoops(simulation: Simulation, options: LoopsOptions = {}): LoopAnalysis {
	if (!(simulation instanceof Program))
		throw new InputError('loops can only be found in a model compiled by compileModel');
	const began = performance.now();
	const { compiled } = simulation;
	const { graph, partitions } = graphOf(compiled);
	const trace = simulation.trace(options.run);
	const traced = performance.now();
	const discovery: Discovery = options.loops
		? {
				loops: options.loops,
				method: 'all',
				candidates: options.loops.length,
				complete: false,
				ms: 0
			}
		: discoverLoops(compiled, graph, trace, partitions, options);
	const scoringBegan = performance.now();
	const { score, relative } = loopScoresFrom(compiled, graph, trace, partitions, discovery.loops);
	const scoringMs = traced - began + (performance.now() - scoringBegan);

	const time = trace.raw.times;
	const { nodes } = compiled;
	const weight = relative.map((series) => sumOf(series, true));
	const order = discovery.loops.map((_, i) => i).sort((a, b) => weight[b] - weight[a]);
	const counters = { R: 0, B: 0 };
	const reports = order.map((i) => {
		const loop = discovery.loops[i];
		const polarity: 'R' | 'B' = sumOf(relative[i], false) < 0 ? 'B' : 'R';
		const { variables, stocks } = describe(loop, nodes);
		return {
			id: `${polarity}${++counters[polarity]}`,
			polarity,
			variables,
			stocks,
			name: '',
			nodes: loop,
			score: score[i],
			relativeScore: relative[i],
			polarityChanges: polarityChanges(time, score[i])
		};
	});
	const names = loopNames(reports);
	reports.forEach((r, i) => (r.name = names[i]));
	return {
		time,
		timeUnit: simulation.simSpecs.timeUnits ?? '',
		loops: reports,
		discovery,
		scoringMs
	};
}

const graphs = new WeakMap<
	Program['compiled'],
	{ graph: ReturnType<typeof causalGraph>; partitions: Int32Array }
>();

function graphOf(compiled: Program['compiled']) {
	let found = graphs.get(compiled);
	if (!found) {
		const graph = causalGraph(compiled);
		graphs.set(compiled, (found = { graph, partitions: cyclePartitions(graph) }));
	}
	return found;
}

/** The loops through `output` (a variable, or any element of an arrayed one) and who dominates when. */
export function dominance(
	analysis: LoopAnalysis,
	output: string
): { loops: LoopReport[]; phases: Phase[]; sentence: string } {
	const key = canonicalName(output);
	const matches = (v: string) => {
		const c = canonicalName(v);
		return c === key || c.startsWith(`${key}[`);
	};
	const loops = analysis.loops.filter((l) => l.variables.some(matches));
	const phases = dominancePhases(
		analysis.time,
		loops.map((l) => l.relativeScore)
	);
	return { loops, phases, sentence: phaseSentence(phases, loops, output, analysis.timeUnit) };
}

function describe(
	loop: readonly number[],
	nodes: Program['compiled']['nodes']
): { variables: string[]; stocks: string[] } {
	// Start at the first stock a modeller made, else the first stock.
	let start = loop.findIndex((id) => nodes[id].kind === 'stock' && !nodes[id].internal);
	if (start < 0)
		start = Math.max(
			0,
			loop.findIndex((id) => nodes[id].kind === 'stock')
		);
	const ordered = [...loop.slice(start), ...loop.slice(0, start)];
	const variables: string[] = [];
	const stocks: string[] = [];
	for (const id of ordered) {
		const owner = nodes[id].owner;
		if (variables[variables.length - 1] !== owner) variables.push(owner);
		if (nodes[id].kind === 'stock' && !stocks.includes(owner)) stocks.push(owner);
	}
	if (variables.length > 1 && variables[0] === variables[variables.length - 1]) variables.pop();
	return { variables, stocks };
}

function polarityChanges(
	time: Float64Array,
	score: Float64Array
): { time: number; polarity: 'R' | 'B' }[] {
	const changes: { time: number; polarity: 'R' | 'B' }[] = [];
	for (let r = 0; r < score.length; r++) {
		if (score[r] === 0) continue;
		const polarity = score[r] > 0 ? 'R' : 'B';
		if (changes[changes.length - 1]?.polarity !== polarity)
			changes.push({ time: time[r], polarity });
	}
	return changes;
}

function sumOf(series: Float64Array, absolute: boolean): number {
	let sum = 0;
	for (let r = 0; r < series.length; r++) sum += absolute ? Math.abs(series[r]) : series[r];
	return sum;
}
