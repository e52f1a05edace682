/**
 * The causal graph the loops analysis walks: one vertex per node of the compiled model that can
 * change during a run (stocks, flows, auxiliaries, PREVIOUS and pipeline memories), so arrays
 * (one node per element) and modules (flattened before compiling) are in it as they run.
 *
 * A link x → z is one of:
 *  - `equation`: z is a flow or auxiliary whose equation reads x;
 *  - `rate`: z is an internal stock (a DELAY3 or SMOOTH stage) whose rate reads x;
 *  - `flow`: x is an inflow (+1) or outflow (−1) of stock z;
 *  - `passthrough`: z remembers x (PREVIOUS, a fixed DELAY) or its equation calls state held
 *    outside the arrays (random draws, pipelines), which cannot be re-evaluated after the run.
 */
import { readsOf } from '../codegen';
import type { CompiledModel } from '../compile';
import type { IR, Node } from '../ir';

export type LinkKind = 'equation' | 'rate' | 'flow' | 'passthrough';

export interface CausalLink {
	from: number;
	to: number;
	kind: LinkKind;
	/** Flow links: +1 for an inflow, −1 for an outflow (Schoenberg et al. 2023, eq. 3). */
	sign: 1 | -1;
	/**
	 * An equation link whose source is the only thing its target reads that changes (no other
	 * variable, no TIME): then Δx(z) = Δz, so the score is sign(Δz/Δx) with no re-evaluation.
	 */
	sole?: boolean;
}

export interface CausalGraph {
	nodes: readonly Node[];
	links: CausalLink[];
	/** Link indices leaving each node id. */
	out: number[][];
	/** The link from → to, by from × nodes.length + to. */
	linkIndex: Map<number, number>;
}

/** Runtime calls that only read a table, so an equation holding them can be re-evaluated. */
const PURE_RUNTIME = new Set(['lookup', 'lookupForward', 'lookupBackward']);

export function causalGraph(compiled: CompiledModel): CausalGraph {
	const { nodes } = compiled;
	const root = (id: number): number => {
		let at = id;
		while (nodes[at].aliasOf !== undefined) at = nodes[at].aliasOf!;
		return at;
	};
	const changes = (node: Node) =>
		node.aliasOf === undefined &&
		(node.kind === 'stock' ||
			node.kind === 'flow' ||
			node.kind === 'aux' ||
			(node.kind === 'memory' && node.post !== undefined));
	const links: CausalLink[] = [];
	const linkIndex = new Map<number, number>();
	const add = (from: number, to: number, kind: LinkKind, sign: 1 | -1 = 1) => {
		from = root(from);
		if (!changes(nodes[from])) return;
		const key = from * nodes.length + to;
		if (linkIndex.has(key)) return;
		linkIndex.set(key, links.length);
		links.push({ from, to, kind, sign });
	};
	for (const node of nodes) {
		if (!changes(node)) continue;
		if (node.kind === 'stock') {
			if (node.rate) for (const x of readsOf(node.rate)) add(x, node.id, 'rate');
			for (const f of node.inflows) add(f, node.id, 'flow', 1);
			for (const f of node.outflows) add(f, node.id, 'flow', -1);
		} else if (node.kind === 'memory') {
			add(node.post!.source, node.id, 'passthrough');
		} else if (node.expr) {
			const kind = reEvaluable(node.expr) ? 'equation' : 'passthrough';
			for (const x of readsOf(node.expr)) add(x, node.id, kind);
		}
	}
	const into = new Int32Array(nodes.length);
	for (const link of links) if (link.kind === 'equation') into[link.to]++;
	for (const link of links)
		if (link.kind === 'equation' && into[link.to] === 1 && !readsTime(nodes[link.to].expr!))
			link.sole = true;
	const out: number[][] = nodes.map(() => []);
	links.forEach((link, i) => out[link.from].push(i));
	return { nodes, links, out, linkIndex };
}

/** Whether an expression reads only the arrays and tables (no pipeline, random or belt state). */
export function reEvaluable(ir: IR): boolean {
	switch (ir.k) {
		case 'un':
			return reEvaluable(ir.a);
		case 'bin': {
			let left: IR = ir;
			while (left.k === 'bin') {
				if (!reEvaluable(left.b)) return false;
				left = left.a;
			}
			return reEvaluable(left);
		}
		case 'if':
			return reEvaluable(ir.c) && reEvaluable(ir.t) && reEvaluable(ir.e);
		case 'fn':
			return ir.args.every(reEvaluable);
		case 'rt':
			return PURE_RUNTIME.has(ir.op) && ir.args.every(reEvaluable);
		default:
			return true;
	}
}

/** Whether an expression reads the clock (TIME or a stage's time), which also changes each step. */
function readsTime(ir: IR): boolean {
	switch (ir.k) {
		case 'time':
		case 'steptime':
			return true;
		case 'un':
			return readsTime(ir.a);
		case 'bin': {
			let left: IR = ir;
			while (left.k === 'bin') {
				if (readsTime(left.b)) return true;
				left = left.a;
			}
			return readsTime(left);
		}
		case 'if':
			return readsTime(ir.c) || readsTime(ir.t) || readsTime(ir.e);
		case 'fn':
		case 'rt':
			return ir.args.some(readsTime);
		default:
			return false;
	}
}
