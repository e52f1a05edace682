/**
 * Vensim's functions, written as Flowbook builtins. Most have an XMILE twin with the same
 * arguments; where Vensim orders the arguments differently (DELAY N, SMOOTH N) they are
 * reordered, and where Vensim means something else (PULSE, INTEGER, MODULO, QUANTUM …) they call
 * the Vensim variant in engine/builtins/vensim.ts, which says how the two differ.
 */
import { canonicalName } from '../model/names';
import type { SubscriptRef, VExpr } from './ast';
import { VECTOR_FUNCTIONS } from './vector-functions';
import { emit, fail, identifier, subscriptText, type EmitContext } from './xmile-text';

type Call = Extract<VExpr, { type: 'call' }>;
type Translate = (args: VExpr[], ctx: EmitContext, call: Call) => string;

/** Same arguments, another name (or the same). */
const rename =
	(to: string, arity?: [number, number]): Translate =>
	(args, ctx, call) => {
		if (arity && (args.length < arity[0] || args.length > arity[1]))
			fail(
				ctx,
				`${call.name.toUpperCase()} takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]} to ${arity[1]}`} arguments, not ${args.length}`
			);
		return `${to}(${args.map((a) => emit(a, ctx)).join(', ')})`;
	};

/** Arguments picked and reordered: DELAY N(input, delay, init, n) → DELAYN(input, delay, n, init). */
const reorder =
	(to: string, order: number[]): Translate =>
	(args, ctx, call) => {
		if (args.length !== order.length)
			fail(ctx, `${call.name.toUpperCase()} takes ${order.length} arguments, not ${args.length}`);
		return `${to}(${order.map((i) => emit(args[i], ctx)).join(', ')})`;
	};

const ifThenElse: Translate = (args, ctx) => {
	if (args.length !== 3) fail(ctx, `IF THEN ELSE takes 3 arguments, not ${args.length}`);
	const [c, t, e] = args.map((a) => emit(a, ctx));
	return `(IF ${c} THEN ${t} ELSE ${e})`;
};

/**
 * SUM(x[Region!]) and the like: one value per element of each range marked `!`, the other
 * subscripts bound as in the rest of the equation.
 */
const reduce =
	(to: string): Translate =>
	(args, ctx, call) => {
		if (args.length !== 1)
			fail(ctx, `${call.name.toUpperCase()} takes 1 argument, not ${args.length}`);
		return `${to}(${expandBanged(args[0], ctx).join(', ')})`;
	};

/** The expression once for every combination of the elements of its `!` ranges. */
export function expandBanged(expr: VExpr, ctx: EmitContext): string[] {
	return expandTogether([expr], ctx).map(([text]) => text);
}

/**
 * Expressions written side by side for every combination of the elements of the `!` ranges any
 * of them has, so VECTOR SELECT's selection and values pair up element by element.
 */
function expandTogether(exprs: VExpr[], ctx: EmitContext): string[][] {
	const banged = [...new Set(exprs.flatMap(bangedRanges).map(canonicalName))];
	let bindings: Map<string, string>[] = [new Map(ctx.banged)];
	for (const range of banged) {
		const elements = ctx.subscripts.elementsOf(range);
		bindings = bindings.flatMap((b) => elements.map((e) => new Map(b).set(range, e)));
	}
	return bindings.map((b) => exprs.map((e) => emit(e, { ...ctx, banged: b })));
}

/** VECTOR SELECT(selection[R!], values[R!], missing, action, error action). */
const vectorSelect: Translate = (args, ctx) => {
	if (args.length !== 5) fail(ctx, `VECTOR SELECT takes 5 arguments, not ${args.length}`);
	const [selection, values, missing, action, errorAction] = args;
	const pairs = expandTogether([selection, values], ctx).flat();
	const settings = [missing, action, errorAction].map((a) => emit(a, ctx));
	return `VECTOR_SELECT_OF(${[...settings, ...pairs].join(', ')})`;
};

function bangedRanges(expr: VExpr): string[] {
	switch (expr.type) {
		case 'name':
		case 'call':
			return [
				...expr.subscripts.filter((s) => s.bang).map((s) => s.name),
				...(expr.type === 'call' ? expr.args.flatMap(bangedRanges) : [])
			];
		case 'unary':
			return bangedRanges(expr.arg);
		case 'binary':
			return [...bangedRanges(expr.left), ...bangedRanges(expr.right)];
		default:
			return [];
	}
}

const elmcount: Translate = (args, ctx) => {
	const arg = args[0];
	if (args.length !== 1 || arg.type !== 'name' || !ctx.subscripts.isRange(arg.name))
		fail(ctx, 'ELMCOUNT takes one argument, a subscript range');
	return String(ctx.subscripts.elementsOf(arg.name).length);
};

const game: Translate = (args, ctx) => {
	if (args.length !== 1) fail(ctx, `GAME takes 1 argument, not ${args.length}`);
	// Outside a game Vensim's GAME(x) is x, and Flowbook runs no games.
	return `(${emit(args[0], ctx)})`;
};

/** RANDOM NORMAL(min, max, mean, sd, seed): a normal draw cut to [min, max]. */
const randomNormal: Translate = (args, ctx) => {
	if (args.length !== 5) fail(ctx, `RANDOM NORMAL takes 5 arguments, not ${args.length}`);
	const [min, max, mean, sd] = args.map((a) => emit(a, ctx));
	return `MIN(MAX(NORMAL(${mean}, ${sd}), ${min}), ${max})`;
};

/**
 * Vensim's other random functions draw from a standard form, then stretch (multiply) and shift
 * (add), then truncate to [min, max] (Vensim's reference, "RANDOM EXPONENTIAL", "RANDOM
 * POISSON", "RANDOM TRIANGULAR"). Truncation clips, as RANDOM NORMAL's does here; the seed
 * argument is taken and the run's seed decides the sequence, as for every random function.
 */
const stretched =
	(name: string, params: number, draw: (p: string[]) => string): Translate =>
	(args, ctx) => {
		if (args.length !== params + 3)
			fail(ctx, `${name} takes ${params + 3} arguments (min, max, …, seed), not ${args.length}`);
		const [min, max, ...rest] = args.slice(0, -1).map((a) => emit(a, ctx));
		return `MIN(MAX(${draw(rest)}, ${min}), ${max})`;
	};

const RANDOM_FUNCTIONS: Record<string, Translate> = {
	random_exponential: stretched(
		'RANDOM EXPONENTIAL',
		2,
		([shift, stretch]) => `${shift} + (${stretch}) * EXPRND(1)`
	),
	random_poisson: stretched(
		'RANDOM POISSON',
		3,
		([mean, shift, stretch]) => `${shift} + (${stretch}) * POISSON(${mean})`
	),
	random_triangular: stretched(
		'RANDOM TRIANGULAR',
		3,
		([start, peak, end]) => `TRIANGULAR(${start}, ${peak}, ${end})`
	)
};

/** Lookup calls with a table as the first argument: LOOKUP EXTRAPOLATE(table, x). */
const lookupCall =
	(to: string): Translate =>
	(args, ctx, call) => {
		const [table, x] = args;
		if (args.length !== 2 || table.type !== 'name')
			fail(ctx, `${call.name.toUpperCase()} takes a lookup and a value`);
		return `${to}(${lookupName(table.name, table.subscripts, ctx)}, ${emit(x, ctx)})`;
	};

/** A lookup, or one element of a subscripted lookup: `table[North]`. */
function lookupName(name: string, subs: SubscriptRef[], ctx: EmitContext): string {
	if (subs.length === 0) return identifier(name);
	return `${identifier(name)}[${subs.map((s) => subscriptText(s, ctx)).join(', ')}]`;
}

const unsupported =
	(what: string): Translate =>
	(_args, ctx, call) =>
		fail(ctx, `${call.name.toUpperCase()} (${what}) is not supported yet`);

// A GET function that is a whole equation is read from its file (external-data.ts); one inside
// a larger expression is not, as in Vensim itself.
const DATA: Translate = (_args, ctx, call) =>
	fail(
		ctx,
		`${call.name.toUpperCase()} must be the whole equation (x = ${call.name.toUpperCase()}(…)), not part of a larger one; give it its own variable`
	);

const FUNCTIONS: Record<string, Translate> = {
	abs: rename('ABS', [1, 1]),
	exp: rename('EXP', [1, 1]),
	ln: rename('LN', [1, 1]),
	log: rename('LOG', [2, 2]),
	sqrt: rename('SQRT', [1, 1]),
	sin: rename('SIN', [1, 1]),
	cos: rename('COS', [1, 1]),
	tan: rename('TAN', [1, 1]),
	arcsin: rename('ARCSIN', [1, 1]),
	arccos: rename('ARCCOS', [1, 1]),
	arctan: rename('ARCTAN', [1, 1]),
	sinh: rename('SINH', [1, 1]),
	cosh: rename('COSH', [1, 1]),
	tanh: rename('TANH', [1, 1]),
	min: rename('MIN', [2, 2]),
	max: rename('MAX', [2, 2]),
	power: (args, ctx) => `(${emit(args[0], ctx)}) ^ (${emit(args[1], ctx)})`,
	if_then_else: ifThenElse,
	integer: rename('VENSIM_INTEGER', [1, 1]),
	modulo: rename('VENSIM_MODULO', [2, 2]),
	quantum: rename('QUANTUM', [2, 2]),
	zidz: rename('SAFEDIV', [2, 2]),
	xidz: rename('XIDZ', [3, 3]),
	step: rename('STEP', [2, 2]),
	ramp: rename('RAMP', [2, 3]),
	pulse: rename('VENSIM_PULSE', [2, 2]),
	pulse_train: rename('PULSE_TRAIN', [4, 4]),
	delay1: rename('DELAY1', [2, 2]),
	delay1i: rename('DELAY1', [3, 3]),
	delay3: rename('DELAY3', [2, 2]),
	delay3i: rename('DELAY3', [3, 3]),
	delay_n: reorder('DELAYN', [0, 1, 3, 2]),
	delay_fixed: rename('DELAY_FIXED', [3, 3]),
	smooth: rename('SMTH1', [2, 2]),
	smoothi: rename('SMTH1', [3, 3]),
	smooth3: rename('SMTH3', [2, 2]),
	smooth3i: rename('SMTH3', [3, 3]),
	smooth_n: reorder('SMTHN', [0, 1, 3, 2]),
	trend: rename('TREND', [3, 3]),
	forecast: rename('FORCST', [3, 3]),
	// INITIAL is the engine's alias of INIT, for models with a macro of their own called INIT.
	initial: (args, ctx, call) =>
		rename(ctx.macros.has('init') ? 'INITIAL' : 'INIT', [1, 1])(args, ctx, call),
	active_initial: rename('ACTIVE_INITIAL', [2, 2]),
	sample_if_true: rename('SAMPLE_IF_TRUE', [3, 3]),
	game,
	random_uniform: (args, ctx) => {
		if (args.length !== 3) fail(ctx, `RANDOM UNIFORM takes 3 arguments, not ${args.length}`);
		return `RANDOM(${emit(args[0], ctx)}, ${emit(args[1], ctx)})`;
	},
	random_normal: randomNormal,
	...RANDOM_FUNCTIONS,
	elmcount,
	vector_select: vectorSelect,
	...VECTOR_FUNCTIONS,
	sum: reduce('SUM'),
	prod: reduce('PROD'),
	vmin: reduce('MIN'),
	vmax: reduce('MAX'),
	lookup_extrapolate: lookupCall('LOOKUP_EXTRAPOLATE'),
	lookup_forward: lookupCall('LOOKUP_FORWARD'),
	lookup_backward: lookupCall('LOOKUP_BACKWARD'),
	lookup_invert: unsupported('the inverse of a lookup'),
	with_lookup: unsupported('WITH LOOKUP inside a larger expression; give it its own variable'),
	integ: unsupported('INTEG inside a larger expression; give the stock its own variable'),
	a_function_of: unsupported('an equation Vensim left unfinished'),
	get_xls_data: DATA,
	get_direct_data: DATA,
	get_xls_constants: DATA,
	get_direct_constants: DATA,
	get_xls_lookups: DATA,
	get_direct_lookups: DATA,
	get_123_data: DATA,
	get_123_constants: DATA,
	get_123_lookups: DATA,
	get_data_at_time: unsupported('GET DATA AT TIME (the value of data at another time)'),
	time_base: unsupported('a time base')
};

export function translateCall(call: Call, ctx: EmitContext): string {
	const key = canonicalName(call.name);
	if (ctx.lookups.has(key)) {
		if (call.args.length !== 1) fail(ctx, `the lookup ${call.name} takes 1 argument`);
		const input = emit(call.args[0], ctx);
		// A subscripted lookup is read through LOOKUP, which takes one element of an arrayed table.
		if (call.subscripts.length)
			return `LOOKUP(${lookupName(call.name, call.subscripts, ctx)}, ${input})`;
		return `${identifier(call.name)}(${input})`;
	}
	if (ctx.macros.has(key))
		return `${identifier(call.name)}(${call.args.map((a) => emit(a, ctx)).join(', ')})`;
	const translate = Object.hasOwn(FUNCTIONS, key) ? FUNCTIONS[key] : undefined;
	if (!translate) fail(ctx, `unknown function ${call.name}`);
	return translate(call.args, ctx, call);
}
