/**
 * Which loops to score. A model with few loops has them all listed (Johnson's algorithm); one with
 * more than `exhaustiveLimit`, or whose listing runs past half the time budget, has its strongest
 * loops found at a sample of saved times by the strongest-path search (Eberlein & Schoenberg 2020,
 * who list exhaustively below about 1,000 loops and search above). Either way the candidates are
 * ranked by their mean share of the loop scores at the sampled times and the first `maxLoops` kept.
 */
import type { CompiledModel } from '../compile';
import type { ProgramTrace } from '../program';
import { elementaryCircuits } from './circuits';
import type { CausalGraph } from './graph';
import { linkScores } from './link-scores';
import { loopScoresFrom, type Partitions } from './loop-scores';
import { loopKey, strongestLoops } from './strongest-path';

export interface DiscoveryOptions {
	/** Milliseconds the discovery may take (default 3,000). */
	budgetMs?: number;
	/** Above this many loops, search for the strongest instead of listing (default 1,000). */
	exhaustiveLimit?: number;
	/** Saved times sampled for the search and the ranking (default 120). */
	samples?: number;
	/** Loops kept (default 24: each kept loop costs its links' products at every saved time). */
	maxLoops?: number;
}

export interface Discovery {
	/** The kept loops, each as node ids in causal order. */
	loops: number[][];
	method: 'all' | 'strongest-path';
	/** Loops listed or found before ranking. */
	candidates: number;
	/** Whether every loop of the model was listed. */
	complete: boolean;
	ms: number;
}

export function discoverLoops(
	compiled: CompiledModel,
	graph: CausalGraph,
	trace: ProgramTrace,
	partitions: Partitions,
	options: DiscoveryOptions = {}
): Discovery {
	const began = performance.now();
	const budget = options.budgetMs ?? 3000;
	const maxLoops = options.maxLoops ?? 24;
	const { nodes } = compiled;
	const successors = graph.out.map((links) => links.map((l) => graph.links[l].to));
	const listed = elementaryCircuits(nodes.length, (v) => successors[v], {
		maxCircuits: options.exhaustiveLimit ?? 1000,
		deadline: began + budget / 2
	});
	// Loops wholly inside a builtin (a DELAY3 stage draining itself) are how the builtin works,
	// not feedback in the model (Schoenberg & Eberlein 2020, "Seamlessly integrating…": dropped).
	const visible = (loop: readonly number[]) => loop.some((id) => !nodes[id].internal);
	const sampleRows = sampled(trace.raw.rows, options.samples ?? 120);
	let candidates: number[][];
	let method: Discovery['method'] = 'all';
	if (listed.complete) {
		candidates = listed.circuits.filter(visible);
		if (candidates.length <= maxLoops)
			return done(candidates, method, candidates.length, true, began);
	} else {
		method = 'strongest-path';
		const every = graph.links.map((_, i) => i);
		const columns = linkScores(compiled, graph, trace, every, sampleRows);
		const found = new Map<string, number[]>();
		const stocks = nodes.filter((n) => n.kind === 'stock' && n.aliasOf === undefined);
		const atRow = new Float64Array(graph.links.length);
		const deadline = began + budget;
		for (let r = 0; r < sampleRows.length && performance.now() < deadline; r++) {
			for (let l = 0; l < columns.length; l++) atRow[l] = columns[l][r];
			strongestLoops(
				graph,
				atRow,
				stocks.map((s) => s.id),
				found,
				deadline
			);
		}
		for (const loop of listed.circuits) found.set(loopKey(loop), loop);
		candidates = [...found.values()].filter(visible);
	}
	const ranked = rank(compiled, graph, trace, partitions, candidates, sampleRows);
	return done(ranked.slice(0, maxLoops), method, candidates.length, method === 'all', began);
}

function done(
	loops: number[][],
	method: Discovery['method'],
	candidates: number,
	complete: boolean,
	began: number
): Discovery {
	return { loops, method, candidates, complete, ms: performance.now() - began };
}

/** Candidates by falling mean |relative loop score| over the sampled rows. */
function rank(
	compiled: CompiledModel,
	graph: CausalGraph,
	trace: ProgramTrace,
	partitions: Partitions,
	candidates: number[][],
	rows: readonly number[]
): number[][] {
	const { relative } = loopScoresFrom(compiled, graph, trace, partitions, candidates, rows);
	const weight = relative.map((series) => series.reduce((sum, x) => sum + Math.abs(x), 0));
	return candidates
		.map((loop, i) => ({ loop, w: weight[i] }))
		.sort((a, b) => b.w - a.w)
		.map((c) => c.loop);
}

/** Up to `count` saved rows spread evenly over the run, the first (no step before it) left out. */
function sampled(rows: number, count: number): number[] {
	if (rows <= 1) return [];
	if (rows - 1 <= count) return Array.from({ length: rows - 1 }, (_, i) => i + 1);
	return Array.from({ length: count }, (_, i) => 1 + Math.round((i * (rows - 2)) / (count - 1)));
}
