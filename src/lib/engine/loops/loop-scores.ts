/**
 * Loop scores and relative loop scores (Schoenberg, Davidsen & Eberlein 2020, eqs. 2 and 3):
 *   LoopScore(L) = Π LS(link) over the links of L;
 *   RelativeLoopScore(L) = LoopScore(L) / Σ |LoopScore(Y)| over the loops Y of L's cycle partition
 * (the loops through stocks that feed back on one another: here the strongly connected component
 * of the causal graph that holds L). With the strongest loops of a large model only, Σ runs over
 * the loops found.
 */
import type { CompiledModel } from '../compile';
import { evaluationOrder } from '../graph';
import type { ProgramTrace } from '../program';
import type { CausalGraph } from './graph';
import { linkScores } from './link-scores';

/** The cycle partition of each node id (−1 when on no loop). */
export type Partitions = Int32Array;

export function cyclePartitions(graph: CausalGraph): Partitions {
	const n = graph.nodes.length;
	const successors = graph.out.map((links) => links.map((l) => graph.links[l].to));
	const { loops } = evaluationOrder(
		Array.from({ length: n }, (_, i) => i),
		(id) => successors[id]
	);
	const part = new Int32Array(n).fill(-1);
	loops.forEach((members, i) => {
		for (const m of members) part[m] = i;
	});
	return part;
}

export interface LoopScores {
	score: Float64Array[];
	relative: Float64Array[];
}

/** Scores of each loop at the saved rows `rows` (all when absent), from its links' scores. */
export function loopScoresFrom(
	compiled: CompiledModel,
	graph: CausalGraph,
	trace: ProgramTrace,
	partitions: Partitions,
	loops: readonly (readonly number[])[],
	rows?: readonly number[]
): LoopScores {
	const linkOf = (loop: readonly number[], i: number) =>
		graph.linkIndex.get(loop[i] * graph.nodes.length + loop[(i + 1) % loop.length])!;
	// Links of one kind side by side: the scoring loop's branches then go the same way in a row.
	const kindOrder = (l: number) => {
		const link = graph.links[l];
		return link.kind === 'flow' ? 0 : link.sole ? 1 : link.kind === 'passthrough' ? 2 : 3;
	};
	const links = [...new Set(loops.flatMap((loop) => loop.map((_, i) => linkOf(loop, i))))].sort(
		(a, b) => kindOrder(a) - kindOrder(b) || a - b
	);
	const column = new Map(links.map((link, k) => [link, k]));
	const loopLinks = loops.map((loop) => loop.map((_, i) => column.get(linkOf(loop, i))!));
	const score = linkScores(compiled, graph, trace, links, rows, loopLinks);
	const length = rows ? rows.length : trace.raw.rows;
	return { score, relative: relativeScores(score, loops, partitions, length) };
}

function relativeScores(
	score: readonly Float64Array[],
	loops: readonly (readonly number[])[],
	partitions: Partitions,
	length: number
): Float64Array[] {
	const partOf = loops.map((loop) => partitions[loop[0]]);
	const totals = new Map<number, Float64Array>();
	score.forEach((s, i) => {
		let total = totals.get(partOf[i]);
		if (!total) totals.set(partOf[i], (total = new Float64Array(length)));
		for (let r = 0; r < length; r++) total[r] += Math.abs(s[r]);
	});
	return score.map((s, i) => {
		const total = totals.get(partOf[i])!;
		const out = new Float64Array(length);
		for (let r = 0; r < length; r++) {
			const share = total[r] > 0 ? s[r] / total[r] : 0;
			out[r] = Number.isFinite(share) ? share : 0;
		}
		return out;
	});
}
