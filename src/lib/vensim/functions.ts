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

/**
 * Vensim's RANDOM … functions draw from a standard form, multiply by `stretch`, add `shift`, then
 * truncate to [min, max] (Vensim reference, "RANDOM Number Functions"; for RANDOM NORMAL the
 * shift and stretch are the mean and standard deviation). The engine's VENSIM_RANDOM_… builtins
 * (engine/random-variates.ts) truncate by redrawing, as a truncated distribution should. The last argument, Vensim's stream
 * id, is taken and the run's seed decides the sequence, as for every random function.
 */
const vensimRandom =
	(name: string, parameters: string[]): Translate =>
	(args, ctx, call) => {
		const written = ['min', 'max', ...parameters, 'seed'];
		if (args.length !== written.length)
			fail(
				ctx,
				`${call.name.toUpperCase()} takes ${written.length} arguments (${written.join(', ')}), not ${args.length}`
			);
		return `VENSIM_RANDOM_${name}(${args
			.slice(0, -1)
			.map((a) => emit(a, ctx))
			.join(', ')})`;
	};

/**
 * RANDOM PINK NOISE(mean, sd, correlation time, seed): normal white noise smoothed by a first-order
 * exponential smooth of the correlation time, starting at the mean (the pink noise structure of
 * Sterman, Business Dynamics, appendix B). The white noise's standard deviation is scaled by
 * √((2 − DT/τ) / (DT/τ)) so that the smoothed noise has the standard deviation asked for: the
 * stationary variance of x ← x + (DT/τ)(w − x) is σw² · (DT/τ) / (2 − DT/τ), exactly so under Euler.
 */
const randomPinkNoise: Translate = (args, ctx) => {
	if (args.length !== 4)
		fail(
			ctx,
			`RANDOM PINK NOISE takes 4 arguments (mean, standard deviation, correlation time, seed), not ${args.length}`
		);
	const [mean, sd, tau] = args.map((a) => `(${emit(a, ctx)})`);
	const a = `(DT / ${tau})`;
	return `SMTH1(NORMAL(${mean}, ${sd} * SQRT((2 - ${a}) / ${a})), ${tau}, ${mean})`;
};

/** RANDOM LOOKUP(lookup, min, max, shift, stretch, seed): the lookup is the draw's density. */
const randomLookup: Translate = (args, ctx) => {
	const [table] = args;
	if (args.length !== 6 || table.type !== 'name')
		fail(
			ctx,
			`RANDOM LOOKUP takes 6 arguments (lookup, min, max, shift, stretch, seed), the first a lookup, not ${args.length}`
		);
	const rest = args.slice(1, 5).map((a) => emit(a, ctx));
	return `VENSIM_RANDOM_LOOKUP(${lookupName(table.name, table.subscripts, ctx)}, ${rest.join(', ')})`;
};

const RANDOM_FUNCTIONS: Record<string, Translate> = {
	random_0_1: (args, ctx) => {
		if (args.length !== 0) fail(ctx, `RANDOM 0 1 takes no arguments, not ${args.length}`);
		return 'RANDOM(0, 1)';
	},
	random_uniform: (args, ctx) => {
		if (args.length !== 3)
			fail(ctx, `RANDOM UNIFORM takes 3 arguments (min, max, seed), not ${args.length}`);
		return `RANDOM(${emit(args[0], ctx)}, ${emit(args[1], ctx)})`;
	},
	random_normal: vensimRandom('NORMAL', ['mean', 'standard deviation']),
	random_exponential: vensimRandom('EXPONENTIAL', ['shift', 'stretch']),
	random_poisson: vensimRandom('POISSON', ['mean', 'shift', 'stretch']),
	random_gamma: vensimRandom('GAMMA', ['order', 'shift', 'stretch']),
	random_beta: vensimRandom('BETA', ['alpha', 'beta', 'shift', 'stretch']),
	random_binomial: vensimRandom('BINOMIAL', ['probability', 'count', 'shift', 'stretch']),
	random_negative_binomial: vensimRandom('NEGATIVE_BINOMIAL', [
		'probability',
		'count',
		'shift',
		'stretch'
	]),
	random_weibull: vensimRandom('WEIBULL', ['shape', 'shift', 'stretch']),
	random_triangular: vensimRandom('TRIANGULAR', ['start', 'peak', 'end']),
	random_pink_noise: randomPinkNoise
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
	...RANDOM_FUNCTIONS,
	random_lookup: randomLookup,
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
