/**
 * Loop discovery for models with too many loops to list: the strongest-path search of Eberlein
 * and Schoenberg (2020), "Finding the Loops that Matter" (ISDC), at one saved time. From each
 * stock in turn, a depth-first search follows links in order of falling |link score|, carrying
 * the product of the scores so far; a variable reached with a smaller product than before is not
 * searched again (the pruning), and reaching the start stock again closes a loop. The search is
 * a heuristic: a loop it misses from one stock may be found from another, so every stock starts
 * one, with its own best products.
 */
import type { CausalGraph } from './graph';

/**
 * Adds to `found` (keyed by loopKey) the loops the search finds with these link scores (one per
 * graph link, |score| taken here); stops at `deadline` (performance.now()).
 */
export function strongestLoops(
	graph: CausalGraph,
	scores: Float64Array,
	stocks: readonly number[],
	found: Map<string, number[]>,
	deadline: number
): void {
	const n = graph.nodes.length;
	const sortedOut = graph.out.map((links) =>
		links.filter((l) => scores[l] !== 0).sort((a, b) => Math.abs(scores[b]) - Math.abs(scores[a]))
	);
	const best = new Float64Array(n);
	const visiting = new Uint8Array(n);
	const stack: number[] = [];
	let target = -1;
	let checks = 0;
	let outOfTime = false;

	const visit = (v: number, score: number) => {
		if (outOfTime) return;
		if ((++checks & 1023) === 0 && performance.now() > deadline) {
			outOfTime = true;
			return;
		}
		if (visiting[v]) {
			if (v === target) {
				const key = loopKey(stack);
				if (!found.has(key)) found.set(key, stack.slice());
			}
			return;
		}
		if (score < best[v]) return;
		best[v] = score;
		visiting[v] = 1;
		stack.push(v);
		for (const l of sortedOut[v]) {
			const w = graph.links[l].to;
			visit(w, score * Math.abs(scores[l]));
		}
		visiting[v] = 0;
		stack.pop();
	};

	for (const stock of stocks) {
		best.fill(0);
		target = stock;
		visit(stock, 1);
		if (outOfTime) return;
	}
}

/** One key per directed loop whatever vertex it is read from: rotated to start at its least id. */
export function loopKey(loop: readonly number[]): string {
	let start = 0;
	for (let i = 1; i < loop.length; i++) if (loop[i] < loop[start]) start = i;
	return [...loop.slice(start), ...loop.slice(0, start)].join(',');
}
