/**
 * Every elementary circuit of a directed graph, by Johnson's algorithm (D. B. Johnson, "Finding
 * all the elementary circuits of a directed graph", SIAM J. Comput. 4(1), 1975): for each start
 * vertex s in turn, the circuits through s in the strongly connected part of the vertices ≥ s,
 * with blocked vertices so that no dead end is searched twice. Stops early at a count or a
 * deadline (a large model has tens of thousands of loops): `complete` says whether it finished.
 */
export interface CircuitLimits {
	maxCircuits: number;
	/** performance.now() after which the search gives up. */
	deadline: number;
}

export interface Circuits {
	/** Each circuit as its vertices in order, starting at its least vertex. */
	circuits: number[][];
	complete: boolean;
}

class Stop extends Error {}

export function elementaryCircuits(
	n: number,
	successors: (v: number) => readonly number[],
	limits: CircuitLimits
): Circuits {
	const circuits: number[][] = [];
	const blocked = new Uint8Array(n);
	const blockedBy: Set<number>[] = Array.from({ length: n }, () => new Set());
	const path: number[] = [];
	let checks = 0;

	const unblock = (u: number) => {
		const work = [u];
		while (work.length) {
			const w = work.pop()!;
			if (!blocked[w]) continue;
			blocked[w] = 0;
			for (const x of blockedBy[w]) work.push(x);
			blockedBy[w].clear();
		}
	};

	const circuit = (v: number, s: number, inPart: Uint8Array): boolean => {
		if ((++checks & 1023) === 0 && performance.now() > limits.deadline) throw new Stop();
		let found = false;
		path.push(v);
		blocked[v] = 1;
		for (const w of successors(v)) {
			if (!inPart[w]) continue;
			if (w === s) {
				circuits.push(path.slice());
				if (circuits.length >= limits.maxCircuits) throw new Stop();
				found = true;
			} else if (!blocked[w] && circuit(w, s, inPart)) found = true;
		}
		if (found) unblock(v);
		else for (const w of successors(v)) if (inPart[w]) blockedBy[w].add(v);
		path.pop();
		return found;
	};

	try {
		for (let s = 0; s < n; s++) {
			const part = componentOf(s, n, successors);
			if (!part) continue;
			for (let i = s; i < n; i++) {
				blocked[i] = 0;
				blockedBy[i].clear();
			}
			circuit(s, s, part);
		}
	} catch (e) {
		if (!(e instanceof Stop)) throw e;
		return { circuits, complete: false };
	}
	return { circuits, complete: true };
}

/**
 * The strongly connected component holding s among the vertices ≥ s (Tarjan), as a membership
 * mask, or undefined when s is on no circuit there.
 */
function componentOf(
	s: number,
	n: number,
	successors: (v: number) => readonly number[]
): Uint8Array | undefined {
	const index = new Int32Array(n).fill(-1);
	const low = new Int32Array(n);
	const onStack = new Uint8Array(n);
	const stack: number[] = [];
	let counter = 0;
	let result: Uint8Array | undefined;
	const work: { v: number; next: number }[] = [];
	const visit = (v: number) => {
		index[v] = low[v] = counter++;
		stack.push(v);
		onStack[v] = 1;
		work.push({ v, next: 0 });
	};
	visit(s);
	while (work.length) {
		const frame = work[work.length - 1];
		const next = successors(frame.v);
		if (frame.next < next.length) {
			const w = next[frame.next++];
			if (w < s) continue;
			if (index[w] < 0) visit(w);
			else if (onStack[w]) low[frame.v] = Math.min(low[frame.v], index[w]);
			continue;
		}
		work.pop();
		if (work.length) {
			const parent = work[work.length - 1].v;
			low[parent] = Math.min(low[parent], low[frame.v]);
		}
		if (low[frame.v] === index[frame.v]) {
			const members: number[] = [];
			let w: number;
			do {
				w = stack.pop()!;
				onStack[w] = 0;
				members.push(w);
			} while (w !== frame.v);
			if (members.includes(s)) {
				const selfLoop = successors(s).includes(s);
				if (members.length > 1 || selfLoop) {
					result = new Uint8Array(n);
					for (const m of members) result[m] = 1;
				}
			}
		}
	}
	return result;
}
