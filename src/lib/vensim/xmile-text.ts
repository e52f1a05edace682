/**
 * Writes a Vensim expression as Flowbook (XMILE) equation text. Names become identifiers
 * (`Heat_Loss_to_Room`, or "quoted" when they hold other characters); in an equation written out
 * element by element, the ranges of the left-hand side are replaced by the element at hand, and a
 * reference over another range reads the element that corresponds (subscripts.ts). Vensim's
 * functions are translated by functions.ts.
 */
import { canonicalName } from '../model/names';
import { NA_VALUE, type BinaryOp, type SubscriptRef, type VExpr } from './ast';
import { VensimReadError } from './errors';
import type { Subscripts } from './subscripts';

export interface EmitContext {
	/**
	 * Writes a function call (functions.ts's translateCall), passed in rather than imported:
	 * that module writes each argument with this one's emit.
	 */
	call: (call: Extract<VExpr, { type: 'call' }>, ctx: EmitContext) => string;
	subscripts: Subscripts;
	/** Range key → the element being defined (element-by-element equations). */
	binding: Map<string, string>;
	/** Range key → the element a SUM(x[Range!]) and the like is at. */
	banged?: Map<string, string>;
	/** Vensim's control variables, as XMILE names them or as numbers (SAVEPER). */
	controls: Map<string, string>;
	/** Canonical names of lookups (standalone graphical functions). */
	lookups: Set<string>;
	/** Canonical names of the model's macros. */
	macros: Set<string>;
	/** For messages. */
	variable: string;
	line: number;
}

const KEYWORDS = new Set(['if', 'then', 'else', 'and', 'or', 'not', 'mod']);

/** A name as an XMILE identifier: underscores for spaces, quoted when it holds anything else. */
export function identifier(name: string): string {
	const spaced = name.trim().replace(/\s+/g, '_');
	if (/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(spaced) && !KEYWORDS.has(spaced.toLowerCase()))
		return spaced;
	return `"${name.trim().replace(/\s+/g, ' ').replace(/"/g, '\\"')}"`;
}

// XMILE binding strength, loosest first (engine/parse/parser.ts).
const PRECEDENCE: Record<BinaryOp, number> = {
	or: 1,
	and: 2,
	'=': 3,
	'<>': 3,
	'<': 4,
	'<=': 4,
	'>': 4,
	'>=': 4,
	'+': 5,
	'-': 5,
	'*': 6,
	'/': 6,
	'^': 8
};
const UNARY = 7;
const ATOM = 9;

const XMILE_OP: Record<BinaryOp, string> = {
	or: 'OR',
	and: 'AND',
	'=': '=',
	'<>': '<>',
	'<': '<',
	'<=': '<=',
	'>': '>',
	'>=': '>=',
	'+': '+',
	'-': '-',
	'*': '*',
	'/': '/',
	'^': '^'
};

export function fail(ctx: EmitContext, message: string): never {
	throw new VensimReadError(message, ctx.line, ctx.variable);
}

export function emit(expr: VExpr, ctx: EmitContext): string {
	return emitAt(expr, ctx).text;
}

interface Emitted {
	text: string;
	precedence: number;
}

function emitAt(expr: VExpr, ctx: EmitContext): Emitted {
	switch (expr.type) {
		case 'number':
			return { text: formatNumber(expr.value), precedence: expr.value < 0 ? UNARY : ATOM };
		case 'na':
			return { text: formatNumber(NA_VALUE), precedence: UNARY };
		case 'string':
			return fail(ctx, `the text '${expr.value}' can only be a file argument of a data function`);
		case 'table':
			return fail(ctx, 'a lookup table can only be the argument of WITH LOOKUP or a lookup call');
		case 'name':
			return { text: reference(expr.name, expr.subscripts, ctx), precedence: ATOM };
		case 'call':
			return { text: ctx.call(expr, ctx), precedence: ATOM };
		case 'unary': {
			const arg = emitAt(expr.arg, ctx);
			if (expr.op === 'not') return { text: `NOT ${wrap(arg, UNARY)}`, precedence: UNARY };
			return { text: `${expr.op}${wrap(arg, UNARY)}`, precedence: UNARY };
		}
		case 'binary': {
			const p = PRECEDENCE[expr.op];
			const left = emitAt(expr.left, ctx);
			const right = emitAt(expr.right, ctx);
			// ^ groups to the right; the others to the left.
			const leftText = expr.op === '^' ? wrap(left, p + 1) : wrap(left, p);
			const rightText = expr.op === '^' ? wrap(right, p) : wrap(right, p + 1);
			return { text: `${leftText} ${XMILE_OP[expr.op]} ${rightText}`, precedence: p };
		}
	}
}

function wrap(e: Emitted, needed: number): string {
	return e.precedence < needed ? `(${e.text})` : e.text;
}

export function formatNumber(value: number): string {
	return String(value);
}

/** A variable reference, or a control variable, or a range name standing alone. */
export function reference(name: string, subs: SubscriptRef[], ctx: EmitContext): string {
	// Inside a macro, `Time$` and `TIME STEP$` name the model's own time and settings.
	const key = canonicalName(name).replace(/_*\$$/, '');
	if (subs.length === 0) {
		const control = ctx.controls.get(key);
		if (control !== undefined) return control;
		if (key === 'time') return 'TIME';
		if (ctx.subscripts.isRange(name)) {
			const element = elementAtHand(name, ctx);
			if (element === undefined)
				fail(ctx, `the range ${name} stands alone outside the ranges of the equation`);
			return String(ctx.subscripts.elementNumber(element));
		}
	}
	if (subs.length === 0) return identifier(name);
	return `${identifier(name)}[${subs.map((s) => subscriptText(s, ctx)).join(', ')}]`;
}

/** One subscript of a reference, with the element at hand in place of a bound range. */
export function subscriptText(sub: SubscriptRef, ctx: EmitContext): string {
	if (!ctx.subscripts.isRange(sub.name)) return identifier(sub.name);
	// A range marked ! runs over its elements; unmarked, it is the element being defined.
	const running = ctx.banged?.get(canonicalName(sub.name));
	const element = sub.bang
		? (running ?? elementAtHand(sub.name, ctx))
		: elementAtHand(sub.name, ctx);
	if (element !== undefined) return identifier(element);
	if (sub.bang) return '*';
	return identifier(sub.name);
}

/** The element of a range that the element being defined stands for, if it is bound. */
export function elementAtHand(range: string, ctx: EmitContext): string | undefined {
	const bound = ctx.binding.get(canonicalName(range));
	if (bound !== undefined) return bound;
	for (const [from, element] of ctx.binding) {
		const corresponding = ctx.subscripts.correspond(from, element, range);
		if (corresponding !== undefined) return corresponding;
	}
	return undefined;
}
