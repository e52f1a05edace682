/**
 * The order each phase computes its nodes in: at the start (initial values) and at every step
 * (flows and auxiliaries), with each non-negative stock's outflow limit placed between its flows
 * and their readers. A loop with no stock in it is an algebraic loop: an error on each variable.
 */
import { readsOf } from './codegen';
import { evaluationOrder } from './graph';
import type { Node } from './ir';

export interface PhaseOrder {
	initOrder: number[];
	/**
	 * An id of nodes.length + s stands for the outflow limit of non-negative stock s: it comes
	 * after the stock's flows and before anything that reads them.
	 */
	rateOrder: number[];
}

/** Reports an error on a variable, by its display name. */
export type LoopError = (message: string, variable: string) => void;

/** Each phase's order: the start (init) and every step (rates), each loop an error on its variables. */
export function orderPhases(nodes: readonly Node[], error: LoopError): PhaseOrder {
	const computed = nodes.filter((n) => n.kind !== 'const').map((n) => n.id);
	const init = evaluationOrder(computed, (id) => {
		const node = nodes[id];
		const reads = readsOf(node.initExpr ?? node.expr);
		// A belt is laid with its transit time and leak fractions as they are at the start.
		if (node.conveyor)
			for (const ir of [node.conveyor.transitTime, ...node.conveyor.fractions]) readsOf(ir, reads);
		return [...reads].filter((d) => nodes[d].kind !== 'const');
	});
	const perStep = nodes
		.filter((n) => (n.kind === 'aux' || n.kind === 'flow') && n.expr)
		.map((n) => n.id);
	const valueReads = (id: number) =>
		[...readsOf(nodes[id].expr)].filter((d) => nodes[d].kind === 'aux' || nodes[d].kind === 'flow');
	const rates = evaluationOrder(perStep, valueReads);
	reportLoops(nodes, rates.loops, '', error);
	if (!rates.loops.length) reportLoops(nodes, init.loops, ' when computing initial values', error);
	if (rates.loops.length) return { initOrder: init.order, rateOrder: rates.order };
	return { initOrder: init.order, rateOrder: orderWithLimits(nodes, perStep, valueReads) };
}

/**
 * Places each non-negative stock's outflow limit after its inflows and outflows are computed
 * and before anything reads those outflows, so every reader (and every stock downstream)
 * sees what actually flows. Where that is impossible (a stock's inflow reads its own outflow,
 * or stocks drain into each other in a ring), readers fall back to the uncut value.
 */
function orderWithLimits(
	nodes: readonly Node[],
	perStep: number[],
	valueReads: (id: number) => number[]
): number[] {
	const base = nodes.length;
	const limited = nodes.filter(
		(n) => n.kind === 'stock' && ((n.nonNegative && n.outflows.length) || n.conveyor)
	);
	if (!limited.length) return evaluationOrder(perStep, valueReads).order;
	const limitsOf = new Map<number, number[]>();
	// A non-negative stock cuts its outflows; a conveyor cuts its inflows to the room on its belt.
	for (const s of limited)
		for (const f of s.conveyor ? s.inflows : s.outflows)
			limitsOf.set(f, [...(limitsOf.get(f) ?? []), base + s.id]);
	const ids = [...perStep, ...limited.map((s) => base + s.id)];
	const attempt = (readersWait: boolean, limitsWait: boolean) =>
		evaluationOrder(ids, (id) => {
			if (id < base)
				return readersWait ? valueReads(id).flatMap((r) => limitsOf.get(r) ?? [r]) : valueReads(id);
			const stock = nodes[id - base];
			const deps = [...stock.inflows, ...stock.outflows];
			if (stock.conveyor) {
				const { capacity, inflowLimit, arrest } = stock.conveyor;
				for (const ir of [capacity, inflowLimit, arrest])
					for (const d of readsOf(ir))
						if (nodes[d].kind === 'aux' || nodes[d].kind === 'flow') deps.push(d);
			}
			if (limitsWait)
				for (const f of stock.inflows)
					for (const l of limitsOf.get(f) ?? []) if (l !== id) deps.push(l);
			return deps;
		});
	for (const [readersWait, limitsWait] of [
		[true, true],
		[false, true],
		[false, false]
	]) {
		const result = attempt(readersWait, limitsWait);
		if (!result.loops.length) return result.order;
	}
	throw new Error('unreachable: limits that wait for nothing cannot form a loop');
}

function reportLoops(
	nodes: readonly Node[],
	loops: number[][],
	phase: string,
	error: LoopError
): void {
	for (const loop of loops) {
		const names = [...new Set(loop.map((id) => nodes[id].owner))];
		const cycle = [...names, names[0]].map((n) => `"${n}"`).join(' → ');
		const advice = phase
			? 'at the start each of these needs the next; give a SMTH1 or DELAY in the loop an initial value (its last argument), or give a stock an initial value outside the loop'
			: 'each of these depends on the next at the same time; break the loop with a stock, a SMTH1 or a DELAY';
		for (const name of names)
			error(`algebraic loop${phase}: ${cycle}. ${advice[0].toUpperCase()}${advice.slice(1)}`, name);
	}
}
