import type { Span } from '../parse/ast';
import type { IR } from '../ir';

/**
 * A builtin function. Each one lives in one place: its names, arity, semantics (evaluate, used
 * by the compile-time evaluator and by generated code) and optionally a faster inline form.
 */
export interface PureBuiltin {
	kind: 'pure';
	/** Canonical name (lower case, underscores); also the key generated code calls it by. */
	name: string;
	aliases?: string[];
	minArgs: number;
	maxArgs: number;
	/** One line for autocomplete and error messages: "ABS(x): absolute value". */
	signature: string;
	evaluate: (...args: number[]) => number;
	/** Inline JavaScript for speed, from already-generated argument code. Default: a call to evaluate. */
	emit?: (args: string[]) => string;
	/**
	 * Builtins whose result depends on time get the time and DT prepended to their arguments:
	 * true for the time of the evaluation (RK stages included), 'step' for the time at the start
	 * of the step (for events such as PULSE that must happen once per step).
	 */
	timeArgs?: boolean | 'step';
}

/** A builtin that needs the compiler: it adds internal nodes (stocks, memories) and returns their value. */
export interface ExpandingBuiltin {
	kind: 'expanding';
	name: string;
	aliases?: string[];
	minArgs: number;
	maxArgs: number;
	signature: string;
	expand: (args: IR[], ctx: ExpandContext) => IR;
}

export type Builtin = PureBuiltin | ExpandingBuiltin;

export interface ExpandContext {
	/** The call being expanded, for messages and internal names. */
	readonly callName: string;
	readonly span: Span;
	/** A node whose value is `expr` at every evaluation (a number or node reference is returned as is). */
	hoist(expr: IR, label: string): IR;
	/** A node whose value is `expr` at every evaluation except the start, where it is `init`. */
	addActiveInitial(label: string, expr: IR, init: IR): IR;
	/** A new internal stock; give it a rate with setRate once you have its reference. */
	addStock(label: string, init: IR): IR;
	setRate(stock: IR, rate: IR): void;
	/** A value fixed in the init phase (INIT); with `previousOf`, updated after every step (PREVIOUS). */
	addMemory(label: string, init: IR, previousOf?: IR): IR;
	/** A new internal value: `expr` at every evaluation, `init` (default expr) while initial values are set. */
	addValue(label: string, expr: IR, init?: IR): IR;
	/** After every step, `memory` (from addMemory) takes the value `source` had (a PREVIOUS set up later). */
	holdPrevious(memory: IR, source: IR): void;
	/** A fixed pipeline delay of `input` by `delay` time units, `init` before any input arrives. */
	addPipeline(label: string, input: IR, delay: IR, init: IR): IR;
	/** A per-step random draw; the slot indexes the run's pre-drawn uniforms. */
	randomSlot(count: number): number;
	/** Evaluates an argument at the start of the run (DELAYN's order); throws a CompileError if it cannot. */
	valueAtStart(expr: IR, what: string): number;
	/** Evaluates at the start if it can (undefined if not): for checks that only warn. */
	tryValueAtStart(expr: IR): number | undefined;
	/** Records a warning at the call. */
	warn(message: string): void;
	/** Throws a CompileError at the call. */
	fail(message: string): never;
}
