/**
 * Link scores over a run, from a trace (Program.trace), by the Loops that Matter definitions:
 *
 *  - a link x → z through z's equation (Schoenberg, Davidsen & Eberlein 2020, "Understanding
 *    model behavior using the Loops that Matter method", SDR 36(2), eq. 1):
 *      LS(x → z) = |Δx(z) / Δz| · sign(Δx(z) / Δx),  0 when Δz = 0 or Δx = 0,
 *    where Δx(z) = f(x now, every other input a DT ago) − z a DT ago (ceteris paribus);
 *  - a flow f into or out of stock S (Schoenberg, Hayward & Eberlein 2023, "Improving Loops that
 *    Matter", SDR 39(2), eq. 3, in its net-flow form):
 *      LS(f → S) = ±|Δf / Δ(net flow of S)|, + for an inflow, − for an outflow;
 *  - a passthrough link (PREVIOUS, a fixed DELAY, random draws): 1 while both ends change, the
 *    perfect-mixing approximation of the same papers' treatment of discrete elements.
 *
 * Δ is the change over the DT that ends at each saved time (the trace keeps that step), so a
 * score at time t describes [t − DT, t]; at the start there is no step before and every score is 0.
 *
 * The ceteris-paribus values are computed by generated code, inside the compiled model's own
 * arrays: for each link the source's slot is set to its current value, the target's formula is
 * evaluated over the previous step's arrays, and the slot is put back. Only the links asked for
 * are generated, so scoring the links of the loops that matter costs far less than every link.
 */
import { buildScoringFunction, type ScoringFunction } from './scoring-code';
import { emit } from '../codegen';
import type { CompiledModel } from '../compile';
import type { Node } from '../ir';
import type { ProgramTrace } from '../program';
import type { CausalGraph } from './graph';

const KIND_EQUATION = 0;
const KIND_RATE = 1;
const KIND_FLOW = 2;
const KIND_PASS = 3;
const KIND_SOLE = 4;

/**
 * The scores of `links` (indices into graph.links) at the trace's saved rows `rows` (all when
 * absent): one column per link. With `products` (each a list of positions in `links`), the
 * columns are instead those products, the loop scores, taken row by row as the links are scored
 * so that no column of link scores is ever written out.
 */
export function linkScores(
	compiled: CompiledModel,
	graph: CausalGraph,
	trace: ProgramTrace,
	links: readonly number[],
	rows?: readonly number[],
	products?: readonly (readonly number[])[]
): Float64Array[] {
	const { raw, constants: c } = trace;
	const ns = raw.previousState!.length / Math.max(1, raw.rows);
	const nv = raw.previousValues!.length / Math.max(1, raw.rows);
	const chosenRows = rows ?? Array.from({ length: raw.rows }, (_, r) => r);
	const width = products ? products.length : links.length;
	const matrix = new Float64Array(Math.max(1, width * chosenRows.length));
	const prepared = preparedScoring(compiled, graph, trace, links, products);
	scoreRows({
		...prepared,
		raw,
		c,
		dt: trace.dt,
		ns,
		nv,
		rows: Int32Array.from(chosenRows),
		out: matrix
	});
	return columnsOf(matrix, width, chosenRows.length);
}

type Prepared = Omit<RowWork, 'raw' | 'c' | 'dt' | 'ns' | 'nv' | 'rows' | 'out'>;

/**
 * What scoring these links (and loops) needs, generated code included: the same for every run of
 * one program, so it is kept by program (its runtime) and the links asked for.
 */
const preparations = new WeakMap<object, Map<string, Prepared>>();

function preparedScoring(
	compiled: CompiledModel,
	graph: CausalGraph,
	trace: ProgramTrace,
	links: readonly number[],
	products: readonly (readonly number[])[] | undefined
): Prepared {
	let cache = preparations.get(trace.runtime);
	if (!cache) preparations.set(trace.runtime, (cache = new Map()));
	const key = `${links.join(',')}|${products?.map((p) => p.join(',')).join(';') ?? ''}`;
	let found = cache.get(key);
	if (!found) {
		found = prepare(compiled, graph, trace, links, products);
		if (cache.size > 20) cache.clear();
		cache.set(key, found);
	}
	return found;
}

function prepare(
	compiled: CompiledModel,
	graph: CausalGraph,
	trace: ProgramTrace,
	links: readonly number[],
	products: readonly (readonly number[])[] | undefined
): Prepared {
	const { nodes } = compiled;
	const chains = products && sharedChains(products);

	// What each link needs, as typed arrays the loop below reads without branching on objects.
	const count = links.length;
	const kind = new Uint8Array(count);
	const fromState = new Uint8Array(count);
	const fromSlot = new Int32Array(count);
	const toState = new Uint8Array(count);
	const toSlot = new Int32Array(count);
	const partialAt = new Int32Array(count).fill(-1);
	const rateAt = new Int32Array(count).fill(-1);
	const netAt = new Int32Array(count).fill(-1);
	const sign = new Float64Array(count);
	const partialStatements: string[] = [];
	const rateStocks: Node[] = [];
	const netStocks: Node[] = [];
	const e = (ir: Parameters<typeof emit>[0]) => emit(ir, nodes);

	links.forEach((index, k) => {
		const link = graph.links[index];
		const from = nodes[link.from];
		const to = nodes[link.to];
		const value = (code: string) => (to.uniflow ? `Math.max(0, ${code})` : code);
		fromState[k] = from.kind === 'stock' ? 1 : 0;
		fromSlot[k] = from.slot;
		toState[k] = to.kind === 'stock' ? 1 : 0;
		toSlot[k] = to.slot;
		sign[k] = link.sign;
		if (link.kind === 'flow') {
			kind[k] = KIND_FLOW;
			let at = netStocks.indexOf(to);
			if (at < 0) at = netStocks.push(to) - 1;
			netAt[k] = at;
			return;
		}
		if (link.kind === 'passthrough') {
			kind[k] = KIND_PASS;
			return;
		}
		if (link.sole) {
			kind[k] = KIND_SOLE;
			return;
		}
		const formula = link.kind === 'rate' ? to.rate! : to.expr!;
		kind[k] = link.kind === 'rate' ? KIND_RATE : KIND_EQUATION;
		if (link.kind === 'rate') {
			let at = rateStocks.indexOf(to);
			if (at < 0) at = rateStocks.push(to) - 1;
			rateAt[k] = at;
		}
		const [now, before] = from.kind === 'stock' ? ['S', 's'] : ['V', 'v'];
		const slot = String(from.slot);
		partialAt[k] = partialStatements.length;
		partialStatements.push(
			`{ const held = ${before}[${slot}]; ${before}[${slot}] = ${now}[${slot}]; P[${partialAt[k]}] = ${formula === to.rate ? e(formula) : value(e(formula))}; ${before}[${slot}] = held; }`
		);
	});
	const partial = buildScoringFunction(partialStatements, trace);
	const rate = buildScoringFunction(
		rateStocks.map((stock, i) => `P[${i}] = ${e(stock.rate!)};`),
		trace
	);
	// Each stock's flows, signed, for the change in its net flow.
	const netFlows = netStocks.map((stock) => [
		...stock.inflows.map((f) => ({ slot: nodes[f].slot, sign: 1 })),
		...stock.outflows.map((f) => ({ slot: nodes[f].slot, sign: -1 }))
	]);

	const netOffsets = new Int32Array(netFlows.length + 1);
	netFlows.forEach((flows, i) => (netOffsets[i + 1] = netOffsets[i] + flows.length));
	const netSlots = Int32Array.from(netFlows.flat(), (f) => f.slot);
	const netSigns = Float64Array.from(netFlows.flat(), (f) => f.sign);
	return {
		partial,
		rate,
		partials: partialStatements.length,
		rateCount: rateStocks.length,
		netOffsets,
		netSlots,
		netSigns,
		links: { kind, fromState, fromSlot, toState, toSlot, partialAt, rateAt, netAt, sign },
		loops: chains
	};
}

/** Row-major `width` × `length` into one column per entry, in one buffer. */
function columnsOf(rowMajor: Float64Array, width: number, length: number): Float64Array[] {
	const buffer = new Float64Array(Math.max(1, width * length));
	for (let i = 0; i < length; i++)
		for (let j = 0; j < width; j++) buffer[j * length + i] = rowMajor[i * width + j];
	return Array.from({ length: width }, (_, j) => buffer.subarray(j * length, (j + 1) * length));
}

interface RowWork {
	raw: ProgramTrace['raw'];
	c: Float64Array;
	dt: number;
	ns: number;
	nv: number;
	rows: Int32Array;
	partial: ScoringFunction;
	rate: ScoringFunction;
	partials: number;
	rateCount: number;
	netOffsets: Int32Array;
	netSlots: Int32Array;
	netSigns: Float64Array;
	links: {
		kind: Uint8Array;
		fromState: Uint8Array;
		fromSlot: Int32Array;
		toState: Uint8Array;
		toSlot: Int32Array;
		partialAt: Int32Array;
		rateAt: Int32Array;
		netAt: Int32Array;
		sign: Float64Array;
	};
	/** Loops as products of chains of links (see sharedChains): score those instead. */
	loops?: Chains;
	out: Float64Array;
}

/**
 * The scores row by row, into `out` row-major (a row of link scores, or of loop scores): a plain
 * function over the trace's typed arrays, read in place, so V8 optimises it and it makes no
 * garbage; a row's link scores stay in one small array while the loops multiply them.
 */
function scoreRows(w: RowWork): void {
	const { raw, c, ns, nv, rows, partial, rate, netOffsets, netSlots, netSigns, out } = w;
	const { kind, fromState, fromSlot, toState, toSlot, partialAt, rateAt, netAt, sign } = w.links;
	const count = kind.length;
	const length = rows.length;
	const P = new Float64Array(Math.max(1, w.partials));
	const ratePrev = new Float64Array(Math.max(1, w.rateCount));
	const rateNow = new Float64Array(Math.max(1, w.rateCount));
	const netChange = new Float64Array(Math.max(1, netOffsets.length - 1));
	const L = new Float64Array(Math.max(1, count));
	const loops = w.loops;
	const sPrev = raw.previousState!;
	const vPrev = raw.previousValues!;
	const sNow = raw.savedState;
	const vNow = raw.savedValues;
	for (let i = 0; i < length; i++) {
		const r = rows[i];
		if (r === 0) continue;
		const os = r * ns;
		const ov = r * nv;
		const t = raw.times[r];
		const tPrev = t - w.dt;
		if (w.partials) partial(tPrev, sPrev, vPrev, c, sNow, vNow, P, os, ov);
		if (w.rateCount) {
			rate(tPrev, sPrev, vPrev, c, sNow, vNow, ratePrev, os, ov);
			rate(t, sNow, vNow, c, sNow, vNow, rateNow, os, ov);
		}
		for (let j = 0; j + 1 < netOffsets.length; j++) {
			let change = 0;
			for (let f = netOffsets[j]; f < netOffsets[j + 1]; f++)
				change += netSigns[f] * (vNow[ov + netSlots[f]] - vPrev[ov + netSlots[f]]);
			netChange[j] = change;
		}
		L.fill(0);
		for (let k = 0; k < count; k++) {
			const x0 = fromState[k] ? sPrev[os + fromSlot[k]] : vPrev[ov + fromSlot[k]];
			const x1 = fromState[k] ? sNow[os + fromSlot[k]] : vNow[ov + fromSlot[k]];
			const dx = x1 - x0;
			if (dx === 0) continue;
			const K = kind[k];
			if (K === KIND_FLOW) {
				const dNet = netChange[netAt[k]];
				if (dNet !== 0) L[k] = sign[k] * Math.abs(dx / dNet);
				continue;
			}
			let z0: number;
			let z1: number;
			if (K === KIND_RATE) {
				z0 = ratePrev[rateAt[k]];
				z1 = rateNow[rateAt[k]];
			} else {
				z0 = toState[k] ? sPrev[os + toSlot[k]] : vPrev[ov + toSlot[k]];
				z1 = toState[k] ? sNow[os + toSlot[k]] : vNow[ov + toSlot[k]];
			}
			const dz = z1 - z0;
			if (dz === 0) continue;
			if (K === KIND_PASS) {
				L[k] = 1;
				continue;
			}
			if (K === KIND_SOLE) {
				L[k] = dz > 0 === dx > 0 ? 1 : -1;
				continue;
			}
			const dxz = P[partialAt[k]] - z0;
			const score = Math.abs(dxz / dz) * Math.sign(dxz / dx);
			if (score - score === 0) L[k] = score;
		}
		if (loops) {
			const { chainStart, chainLinks, loopStart, loopChains, chain } = loops;
			for (let h = 0; h + 1 < chainStart.length; h++) {
				let product = 1;
				for (let j = chainStart[h]; j < chainStart[h + 1]; j++) product *= L[chainLinks[j]];
				chain[h] = product;
			}
			const nl = loopStart.length - 1;
			for (let l = 0; l < nl; l++) {
				let product = 1;
				for (let j = loopStart[l]; j < loopStart[l + 1]; j++) product *= chain[loopChains[j]];
				out[i * nl + l] = product;
			}
		} else for (let k = 0; k < count; k++) out[i * count + k] = L[k];
	}
}

interface Chains {
	/** Links of each chain: chain h is chainLinks[chainStart[h] … chainStart[h + 1]). */
	chainStart: Int32Array;
	chainLinks: Int32Array;
	/** Chains of each loop, likewise. */
	loopStart: Int32Array;
	loopChains: Int32Array;
	/** Scratch: the chains' products at the current row. */
	chain: Float64Array;
}

/**
 * Loops as products of shared chains. Model A's strongest loops run to thirty links and share
 * most of them; a chain is a run of links through variables that, among these loops' links,
 * have one link in and one out, so every loop through its first link takes all of it. Each
 * row multiplies every link once into its chain, then each loop multiplies a few chains.
 */
export function sharedChains(loops: readonly (readonly number[])[]): Chains {
	// Each position is a link; the next link on a loop after position p is unique when p's
	// target has one link out among the loops' links.
	const next = new Map<number, Set<number>>();
	const previous = new Map<number, Set<number>>();
	for (const loop of loops)
		loop.forEach((p, i) => {
			const q = loop[(i + 1) % loop.length];
			if (!next.has(p)) next.set(p, new Set());
			if (!previous.has(q)) previous.set(q, new Set());
			next.get(p)!.add(q);
			previous.get(q)!.add(p);
		});
	// A link continues the chain of the one before it when that is its only predecessor and it
	// that one's only successor.
	const continues = (q: number) => {
		const before = previous.get(q)!;
		if (before.size !== 1) return false;
		const [p] = before;
		return next.get(p)!.size === 1;
	};
	const chainOf = new Map<number, number>();
	const chainStart = [0];
	const chainLinks: number[] = [];
	const loopStart = [0];
	const loopChains: number[] = [];
	for (const loop of loops) {
		// Read the loop from a link that starts a chain (a loop of one chain starts anywhere).
		let from = loop.findIndex((p) => !continues(p));
		if (from < 0) from = 0;
		for (let k = 0; k < loop.length; k++) {
			const p = loop[(from + k) % loop.length];
			if (k > 0 && continues(p)) continue;
			let h = chainOf.get(p);
			if (h === undefined) {
				h = chainStart.length - 1;
				chainOf.set(p, h);
				chainLinks.push(p);
				for (let j = k + 1; j < loop.length && continues(loop[(from + j) % loop.length]); j++)
					chainLinks.push(loop[(from + j) % loop.length]);
				chainStart.push(chainLinks.length);
			}
			loopChains.push(h);
		}
		loopStart.push(loopChains.length);
	}
	return {
		chainStart: Int32Array.from(chainStart),
		chainLinks: Int32Array.from(chainLinks),
		loopStart: Int32Array.from(loopStart),
		loopChains: Int32Array.from(loopChains),
		chain: new Float64Array(Math.max(1, chainStart.length - 1))
	};
}
