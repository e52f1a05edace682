/**
 * The compiler's intermediate form: equations with names resolved to nodes and stateful builtins
 * already expanded into internal nodes. Code generation reads only this, never model text.
 */
import type { BinaryOperator, Span, UnaryOperator } from './parse/ast';
import type { PureBuiltin } from './builtins/types';

export type IR =
	| { k: 'num'; v: number }
	| { k: 'node'; id: number }
	| { k: 'time' }
	/** The time at the start of the current step: TIME, except in RK2/RK4's later stages. */
	| { k: 'steptime' }
	| { k: 'dt' }
	| { k: 'start' }
	| { k: 'stop' }
	| { k: 'un'; op: UnaryOperator; a: IR }
	| { k: 'bin'; op: BinaryOperator; a: IR; b: IR }
	| { k: 'if'; c: IR; t: IR; e: IR }
	| { k: 'fn'; fn: PureBuiltin; args: IR[] }
	/** A call into the run's runtime for state outside the arrays (tables, pipelines, random draws). */
	| { k: 'rt'; op: RuntimeOp; slot: number; args: IR[] };

export type RuntimeOp =
	| 'lookup'
	| 'lookupForward'
	| 'lookupBackward'
	| 'pipe'
	| 'uniform'
	| 'normal'
	| 'exponential'
	| 'lognormal'
	| 'poisson'
	| 'triangular'
	/** A Vensim RANDOM … draw: (distribution code, min, max, shift, stretch, a, b, c). */
	| 'vensimRandom'
	/** A draw with a graphical function as its density: table, then (uniform, min, max, shift, stretch). */
	| 'randomLookup'
	/** A conveyor's outflow this step: belt, then (stock, arrest, leak fractions…). */
	| 'conveyorOut'
	/** A conveyor's leak this step: belt, then (leak index, arrest, leak fractions…). */
	| 'conveyorLeak';

/**
 * What a conveyor stock's node needs beyond a stock's (see conveyors.ts). Every operand is a
 * number or a node, so the after-step update can read it from the step's own values.
 */
export interface ConveyorNode {
	/** The belt's index in the run's runtime. */
	belt: number;
	transitTime: IR;
	capacity: IR;
	inflowLimit: IR;
	sample: IR;
	arrest: IR;
	/** Its leaks' fractions, in the order of its leak flows. */
	fractions: IR[];
	/** The outflow at the belt's end and the leaks: what leaves this step. */
	leaving: number[];
}

/**
 * Where a node's value lives: stocks in the state array, constants in the constants array
 * (so overrides need no recompile), everything else in the values array.
 */
export type NodeKind =
	/** A stock: init phase sets it from initExpr; it changes only by integration. */
	| 'stock'
	/** A flow or auxiliary: recomputed from expr at every evaluation. */
	| 'flow'
	| 'aux'
	/** A number fixed for the run; may be overridden by name. */
	| 'const'
	/**
	 * A value set in the init phase from initExpr and then held: INIT(x), PREVIOUS(x) (also
	 * updated after each step) and the like. A source in the rates phase, so it breaks loops.
	 */
	| 'memory';

export interface Node {
	id: number;
	kind: NodeKind;
	/** Display name: the user's variable name, or a description of an internal node. */
	name: string;
	/** The user variable this node belongs to (itself, or the variable whose builtin made it). */
	owner: string;
	internal: boolean;
	/** Index in the array of its kind (s, c or v). */
	slot: number;
	/** Rates-phase formula (flows, auxiliaries). */
	expr?: IR;
	/** Init-phase formula; defaults to expr. Stocks: their initial value. */
	initExpr?: IR;
	/** Stocks: derivative is inflows − outflows, or `rate` for internal stocks. */
	inflows: number[];
	outflows: number[];
	rate?: IR;
	nonNegative?: boolean;
	uniflow?: boolean;
	/** A conveyor stock (its inflows are cut to what the belt admits, see phase-order.ts). */
	conveyor?: ConveyorNode;
	/** Constants: the compiled value. */
	value?: number;
	/** After each step: PREVIOUS copies a value; a pipeline records its input. */
	post?: { kind: 'previous'; source: number } | { kind: 'pipeline'; source: number; pipe: number };
	/** Where in the owner's equation this node came from. */
	span?: Span;
	/**
	 * Set when the node's value is exactly another node's ("into = f", as an arrayed chain's
	 * inflows are its neighbours' outflows): it shares that node's slot and has no statement.
	 */
	aliasOf?: number;
}

export type BinaryIR = Extract<IR, { k: 'bin' }>;

/** The IR's left spine, innermost first, as leftSpine (parse/ast.ts) for the AST: walk it in a loop. */
export function irLeftSpine(
	ir: BinaryIR,
	within: (op: BinaryOperator) => boolean = () => true
): { leftmost: IR; chain: BinaryIR[] } {
	const chain: BinaryIR[] = [];
	let left: IR = ir;
	for (; left.k === 'bin' && within(left.op); left = left.a) chain.push(left);
	return { leftmost: left, chain: chain.reverse() };
}
