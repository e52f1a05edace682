/**
 * What a stateful builtin (SMTH1, DELAY3, DELAYN, TREND, RANDOM_NORMAL, …) is given to expand
 * itself into internal nodes: stocks, memories and pipelines named after the call and its owner,
 * slots for random streams, values fixed at the start, and its own warnings and errors.
 */
import type { Diagnostic } from '../model/diagnostics';
import type { ExpandContext } from './builtins/types';
import { CompileError } from './compile-error';
import type { IR, Node, NodeKind } from './ir';
import type { Span } from './parse/ast';

/** The compiler's side: where nodes, pipes and random streams come from. */
export interface ExpansionHost {
	nodes: readonly Node[];
	/** Adds an internal node (one the user did not write) of `owner`. */
	addNode(kind: NodeKind, name: string, owner: string): Node;
	nextPipe(): number;
	/** Reserves `count` random streams; returns the first one's slot. */
	reserveRandom(count: number): number;
	/** Throws a CompileError when the value cannot be known at the start. */
	valueAtStart(ir: IR): number;
	warn(diagnostic: Diagnostic): void;
}

/** The context for one call of `callName` in the equation of `owner`, at `span`. */
export function expansionContext(
	host: ExpansionHost,
	owner: string,
	callName: string,
	span: Span
): ExpandContext {
	const label = (what: string) => `${owner}: ${callName} ${what}`;
	const internal = (kind: NodeKind, what: string) => {
		const node = host.addNode(kind, label(what), owner);
		node.span = { start: span.start, end: span.end };
		return node;
	};
	const valueNode = (ir: IR, what: string): number => {
		if (ir.k === 'node' && (host.nodes[ir.id].kind === 'aux' || host.nodes[ir.id].kind === 'flow'))
			return ir.id;
		const node = internal('aux', what);
		node.expr = ir;
		return node.id;
	};
	return {
		callName,
		span,
		hoist: (ir, what) =>
			ir.k === 'num' || ir.k === 'node' ? ir : { k: 'node', id: valueNode(ir, what) },
		addActiveInitial: (what, expr, init) => {
			const node = internal('aux', what);
			node.expr = expr;
			node.initExpr = init;
			return { k: 'node', id: node.id };
		},
		addStock: (what, init) => {
			const node = internal('stock', what);
			node.initExpr = init;
			return { k: 'node', id: node.id };
		},
		setRate: (stock, rate) => {
			if (stock.k !== 'node') throw new Error('setRate needs a stock');
			host.nodes[stock.id].rate = rate;
		},
		addMemory: (what, init, previousOf) => {
			const node = internal('memory', what);
			node.initExpr = init;
			if (previousOf) node.post = { kind: 'previous', source: valueNode(previousOf, 'input') };
			return { k: 'node', id: node.id };
		},
		addValue: (what, expr, init) => {
			const node = internal('aux', what);
			node.expr = expr;
			if (init) node.initExpr = init;
			return { k: 'node', id: node.id };
		},
		holdPrevious: (memory, source) => {
			if (memory.k !== 'node') throw new Error('holdPrevious needs a memory');
			host.nodes[memory.id].post = { kind: 'previous', source: valueNode(source, 'input') };
		},
		addPipeline: (what, input, delay, init) => {
			const source = valueNode(input, 'input');
			const pipe = host.nextPipe();
			const node = internal('aux', what);
			node.expr = { k: 'rt', op: 'pipe', slot: pipe, args: [delay] };
			node.initExpr = init;
			node.post = { kind: 'pipeline', source, pipe };
			return { k: 'node', id: node.id };
		},
		randomSlot: (count) => host.reserveRandom(count),
		valueAtStart: (ir, what) => {
			try {
				return host.valueAtStart(ir);
			} catch (e) {
				if (!(e instanceof CompileError)) throw e;
				throw new CompileError(
					`${callName}: ${what} must be known at the start of the run (${e.message})`,
					span
				);
			}
		},
		tryValueAtStart: (ir) => {
			try {
				return host.valueAtStart(ir);
			} catch (e) {
				if (e instanceof CompileError) return undefined;
				throw e;
			}
		},
		warn: (message) => {
			host.warn({
				severity: 'warning',
				variable: owner,
				start: span.start,
				end: span.end,
				message: `${callName}: ${message}`
			});
		},
		fail: (message) => {
			throw new CompileError(`${callName}: ${message}`, span);
		}
	};
}
