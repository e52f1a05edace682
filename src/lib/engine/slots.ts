/**
 * Where each node's value lives at run time: a copy of another value shares its slot rather than
 * being computed again, and every other node gets its own slot in the stocks', constants' or
 * values' array.
 */
import type { Node } from './ir';
import type { PhaseOrder } from './phase-order';

/**
 * A flow or auxiliary whose equation is just another one's value reads that value's slot
 * instead of copying it, and drops out of both phases: everything that read it comes after
 * what it copied, so the order still holds. Not where an outflow limit writes into a slot
 * (a non-negative stock's outflows), nor for a uniflow (it clamps what it copies).
 */
export function shareAliases(nodes: Node[], order: PhaseOrder): PhaseOrder {
	const limited = new Set<number>();
	for (const n of nodes) {
		if (n.kind === 'stock' && n.nonNegative) for (const f of n.outflows) limited.add(f);
		// A conveyor's admission writes into its inflows' slots.
		if (n.conveyor) for (const f of n.inflows) limited.add(f);
	}
	const isValue = (n: Node) => (n.kind === 'aux' || n.kind === 'flow') && !limited.has(n.id);
	let any = false;
	for (const node of nodes) {
		if (!isValue(node) || node.uniflow || node.post || node.initExpr || node.expr?.k !== 'node')
			continue;
		let target = nodes[node.expr.id];
		while (target.aliasOf !== undefined) target = nodes[target.aliasOf];
		if (target.id === node.id || !isValue(target)) continue;
		node.aliasOf = target.id;
		any = true;
	}
	if (!any) return order;
	// A copy of a copy (marked before its source was) shares the first value's slot.
	for (const node of nodes) {
		let root = node.aliasOf;
		while (root !== undefined && nodes[root].aliasOf !== undefined) root = nodes[root].aliasOf;
		if (root !== undefined) node.aliasOf = root;
	}
	const kept = (id: number) => id >= nodes.length || nodes[id].aliasOf === undefined;
	return { initOrder: order.initOrder.filter(kept), rateOrder: order.rateOrder.filter(kept) };
}

/** Each node's slot in its array (stocks, constants, values); a shared alias takes its source's. */
export function assignSlots(nodes: Node[]): void {
	const counts: Record<'s' | 'c' | 'v', number> = { s: 0, c: 0, v: 0 };
	for (const node of nodes) {
		if (node.aliasOf !== undefined) continue;
		const array = node.kind === 'stock' ? 's' : node.kind === 'const' ? 'c' : 'v';
		node.slot = counts[array]++;
	}
	for (const node of nodes) if (node.aliasOf !== undefined) node.slot = nodes[node.aliasOf].slot;
}
