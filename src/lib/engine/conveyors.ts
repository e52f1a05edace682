/**
 * Conveyor stocks, compiled (XMILE 1.0 §4.2.1). A conveyor's first outflow that is not a leak
 * comes off the end of its belt and has no equation of its own; each leak flow's equation is its
 * leak fraction. The stock's settings (transit time, capacity, inflow limit, sample, arrest)
 * become nodes, and the stock's node carries them (ir.ts ConveyorNode) for the phases:
 *
 *   init    the belt is laid with the stock's initial value (codegen: conveyorFill)
 *   rates   the outflow and leaks are read off the belt; the inflows are cut to the room the
 *           belt has (phase-order.ts places that after them, before their readers)
 *   after   the belt moves on and this step's inflow comes on (conveyorAdvance)
 *
 * The belt itself is conveyor-belt.ts.
 */
import type { Diagnostic } from '../model/diagnostics';
import { canonicalName } from '../model/names';
import type { Flow, Stock, Variable } from '../model/types';
import type { BeltSettings } from './conveyor-belt';
import type { IR, Node, NodeKind } from './ir';

/** The compiler's side, as conveyors need it. */
export interface ConveyorHost {
	nodes: readonly Node[];
	/** The flow a stock lists, by id or name. */
	flowOf(ref: string): { variable: Variable; node?: Node } | undefined;
	/** Parses and resolves one of the stock's settings; undefined (reported) if it cannot. */
	expression(source: string, owner: Variable, what: string): IR | undefined;
	addNode(kind: NodeKind, name: string, owner: string): Node;
	report(diagnostic: Diagnostic): void;
}

/** Each conveyor's outflow at the end of its belt, by flow id: these have no equation to read. */
export function beltOutflows(
	variables: readonly Variable[],
	flowOf: (ref: string) => { variable: Variable } | undefined
): Map<string, Stock> {
	const outflows = new Map<string, Stock>();
	for (const v of variables) {
		if (v.kind !== 'stock' || !v.conveyor) continue;
		const main = (v.outflows ?? [])
			.map((ref) => flowOf(ref)?.variable)
			.find((f): f is Flow => f?.kind === 'flow' && !f.leak);
		if (main) outflows.set(main.id, v);
	}
	return outflows;
}

/**
 * A queue's outflows with no equation, by flow id: one that fills a conveyor takes what the
 * conveyor admits, an overflow what the queue's other outflows leave (XMILE 1.0 §4.2.2).
 */
export function queueTakers(
	variables: readonly Variable[],
	flowOf: (ref: string) => { variable: Variable } | undefined
): Set<string> {
	const takers = new Set<string>();
	for (const v of variables) {
		if (v.kind !== 'stock' || !v.queue) continue;
		for (const ref of v.outflows ?? []) {
			const flow = flowOf(ref)?.variable;
			if (flow?.kind === 'flow' && !flow.equation?.trim()) takers.add(flow.id);
		}
	}
	return takers;
}

/** Flows that need no equation: conveyors' outflows and queues' takers. */
export function flowsWithoutEquations(
	variables: readonly Variable[],
	flowOf: (ref: string) => { variable: Variable } | undefined
): Set<string> {
	return new Set([...beltOutflows(variables, flowOf).keys(), ...queueTakers(variables, flowOf)]);
}

/** Compiles every conveyor stock of the model; returns the belts the run needs, in order. */
export function compileConveyors(
	stocks: readonly { variable: Stock; node: Node }[],
	host: ConveyorHost
): BeltSettings[] {
	const belts: BeltSettings[] = [];
	for (const { variable, node } of stocks) {
		const settings = compileConveyor(variable, node, belts.length, host);
		if (settings) belts.push(settings);
	}
	return belts;
}

function compileConveyor(
	stock: Stock,
	node: Node,
	belt: number,
	host: ConveyorHost
): BeltSettings | undefined {
	const conveyor = stock.conveyor!;
	const error = (message: string) =>
		host.report({ severity: 'error', variable: stock.name, message });
	const flows = (stock.outflows ?? []).map((ref) => host.flowOf(ref));
	const leaks = flows.filter((f) => f?.variable.kind === 'flow' && f.variable.leak);
	const ends = flows.filter((f) => f?.variable.kind === 'flow' && !f.variable.leak);
	if (ends.length > 1) {
		error(
			`the conveyor has ${ends.length} outflows that are not leaks (${ends.map((f) => `"${f!.variable.name}"`).join(', ')}): one comes off the end of the belt, and every other must be a leak`
		);
		return undefined;
	}
	const setting = (source: string | undefined, what: string, absent: number): IR | undefined => {
		if (source === undefined || !source.trim()) return { k: 'num', v: absent };
		const ir = host.expression(source, stock, what);
		return ir && operand(ir, `conveyor ${what}`);
	};
	const operand = (ir: IR, what: string): IR => {
		if (ir.k === 'num' || ir.k === 'node') return ir;
		const hoisted = host.addNode('aux', `${stock.name}: ${what}`, stock.name);
		hoisted.expr = ir;
		return { k: 'node', id: hoisted.id };
	};
	if (!conveyor.transitTime?.trim()) {
		error('the conveyor has no transit time: give it one (XMILE <len>)');
		return undefined;
	}
	const transitTime = setting(conveyor.transitTime, 'transit time', 1);
	const capacity = setting(conveyor.capacity, 'capacity', Infinity);
	const inflowLimit = setting(conveyor.inflowLimit, 'inflow limit', Infinity);
	const sample = setting(conveyor.sample, 'sample', 1);
	const arrest = setting(conveyor.arrest, 'arrest', 0);
	if (!transitTime || !capacity || !inflowLimit || !sample || !arrest) return undefined;

	// A leak's node is its fraction until now: the fraction moves to a node of its own.
	const fractions: IR[] = [];
	for (const leak of leaks) {
		const leakNode = leak!.node;
		if (!leakNode?.expr) return undefined;
		fractions.push(operand(leakNode.expr, `leak fraction of "${leak!.variable.name}"`));
	}
	leaks.forEach((leak, j) => {
		leak!.node!.expr = {
			k: 'rt',
			op: 'conveyorLeak',
			slot: belt,
			args: [{ k: 'num', v: j }, arrest, ...fractions]
		};
	});
	const end = ends[0]?.node;
	if (end)
		end.expr = {
			k: 'rt',
			op: 'conveyorOut',
			slot: belt,
			// The stock comes first only so that, at the start, the outflow is read after the belt is laid.
			args: [{ k: 'node', id: node.id }, arrest, ...fractions]
		};
	// A conveyor cannot go below zero by its nature; the non-negative cut would fight the belt.
	node.nonNegative = false;
	node.conveyor = {
		belt,
		transitTime,
		capacity,
		inflowLimit,
		sample,
		arrest,
		fractions,
		leaving: [...(end ? [end.id] : []), ...leaks.map((l) => l!.node!.id)]
	};
	return {
		leaks: leaks.map((l) => {
			const leak = (l!.variable as Flow).leak!;
			return { start: leak.start ?? 0, end: leak.end ?? 1, integers: !!leak.integers };
		}),
		exponential: !!conveyor.exponentialLeak,
		discrete: !!conveyor.discrete
	};
}

/** A flow marked as a leak that drains no conveyor: its equation would be read as a fraction of nothing. */
export function strayLeaks(variables: readonly Variable[]): Diagnostic[] {
	const drained = new Set<string>();
	for (const v of variables)
		if (v.kind === 'stock' && v.conveyor)
			for (const ref of v.outflows ?? []) drained.add(canonicalName(ref));
	return variables
		.filter(
			(v): v is Flow =>
				v.kind === 'flow' &&
				!!v.leak &&
				!drained.has(canonicalName(v.id)) &&
				!drained.has(canonicalName(v.name))
		)
		.map((v) => ({
			severity: 'warning' as const,
			variable: v.name,
			message:
				'this flow is marked as a leak but drains no conveyor, so its equation is read as an ordinary flow'
		}));
}
