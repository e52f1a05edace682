/**
 * Vensim's functions where Vensim means something other than the XMILE builtin of the same name,
 * or where XMILE has none. The .mdl reader (vensim/functions.ts) writes Vensim's names as these;
 * each says how it differs, and vensim.spec.ts checks it against Vensim's own output.
 */
import type { IR } from '../ir';
import type { ExpandingBuiltin, PureBuiltin } from './types';

// Time in a run is start + n·DT, so comparisons allow a sliver of rounding error.
const slack = (dt: number) => dt * 1e-6;

/** Vensim INTEGER truncates towards zero (INTEGER(-9.9) = -9); XMILE INT is the floor (-10). */
export function vensimInteger(x: number): number {
	return Math.trunc(x);
}

/** Vensim MODULO keeps the sign of the dividend (MODULO(-10, 3) = -1); XMILE MOD the divisor's (2). */
export function vensimModulo(a: number, b: number): number {
	return a % b;
}

/** QUANTUM(x, q): x cut to a whole number of q, towards zero; x itself when q is not above 0 (Vensim reference, sdxorg subscripted_round). */
export function quantum(x: number, q: number): number {
	return q <= 0 ? x : q * Math.trunc(x / q);
}

/**
 * Vensim PULSE(start, width): 1 from start for `width` time units, else 0; a width under DT
 * lasts one DT. XMILE PULSE(volume, first, interval) instead delivers a volume in one DT.
 */
export function vensimPulse(t: number, dt: number, start: number, width: number): number {
	const s = slack(dt);
	return t + s >= start && t + s < start + Math.max(width, dt) ? 1 : 0;
}

/**
 * PULSE TRAIN(start, width, interval, end): a PULSE of `width` at start and every `interval`
 * after it, until `end`. XMILE has no such function.
 */
export function pulseTrain(
	t: number,
	dt: number,
	start: number,
	width: number,
	interval: number,
	end: number
): number {
	const s = slack(dt);
	if (t + s < start || t - s > end) return 0;
	const since = t - start + s;
	const into = interval > 0 ? since - interval * Math.floor(since / interval) : since;
	return into < Math.max(width, dt) ? 1 : 0;
}

/**
 * VECTOR SELECT(missing, action, error action, selection₁, value₁, selection₂, value₂, …): the
 * values whose selection is not 0, combined by the action (Vensim's codes: 0 sum, 1 product,
 * 2 min, 3 max, 4 mean of selection × value; 5 product of value ^ selection; 6–10 the same five of
 * the values alone), or `missing` when nothing is selected. Error action 1 (or 3) makes an empty
 * selection an error, 2 (or 3) a selection of more than one; an error is NaN, which stops the run.
 */
export function vectorSelect(
	missing: number,
	action: number,
	errorAction: number,
	...pairs: number[]
): number {
	const picked: number[] = [];
	for (let i = 0; i + 1 < pairs.length; i += 2) {
		const selection = pairs[i];
		const value = pairs[i + 1];
		if (selection === 0) continue;
		if (action >= 0 && action <= 4) picked.push(selection * value);
		else if (action === 5) picked.push(value ** selection);
		else picked.push(value);
	}
	if ((errorAction === 1 || errorAction === 3) && picked.length === 0) return NaN;
	if ((errorAction === 2 || errorAction === 3) && picked.length > 1) return NaN;
	if (picked.length === 0) return missing;
	switch (action) {
		case 0:
		case 6:
			return picked.reduce((a, b) => a + b, 0);
		case 1:
		case 5:
		case 7:
			return picked.reduce((a, b) => a * b, 1);
		case 2:
		case 8:
			return Math.min(...picked);
		case 3:
		case 9:
			return Math.max(...picked);
		case 4:
		case 10:
			return picked.reduce((a, b) => a + b, 0) / picked.length;
		default:
			return NaN;
	}
}

const pure = (
	name: string,
	signature: string,
	args: number,
	evaluate: (...a: number[]) => number,
	timeArgs?: 'step'
): PureBuiltin => ({
	kind: 'pure',
	name,
	signature,
	minArgs: args,
	maxArgs: args,
	evaluate,
	...(timeArgs && { timeArgs })
});

export const vensimPureBuiltins: PureBuiltin[] = [
	pure(
		'vensim_integer',
		'VENSIM_INTEGER(x): x without its fraction (towards zero)',
		1,
		vensimInteger
	),
	pure(
		'vensim_modulo',
		'VENSIM_MODULO(a, b): the remainder of a ÷ b, with the sign of a',
		2,
		vensimModulo
	),
	pure('quantum', 'QUANTUM(x, q): x rounded towards zero to a whole number of q', 2, quantum),
	pure(
		'vensim_pulse',
		'VENSIM_PULSE(start, width): 1 from start for width time units, else 0',
		2,
		vensimPulse,
		'step'
	),
	pure(
		'pulse_train',
		'PULSE_TRAIN(start, width, interval, end): 1 for width at start and every interval until end',
		4,
		pulseTrain,
		'step'
	)
];

export const vensimExpandingBuiltins: ExpandingBuiltin[] = [
	{
		kind: 'expanding',
		name: 'delay_fixed',
		signature:
			'DELAY_FIXED(input, delay, initial): the input `delay` ago, the delay fixed at the start',
		minArgs: 3,
		maxArgs: 3,
		// Vensim fixes the delay at the start and rounds it to the nearest whole number of steps,
		// at least one (sdxorg delay_fixed: 1.2 → 1 step, 1.5 → 2, 0 → 1); XMILE DELAY follows
		// the delay as it changes and rounds up.
		expand: ([input, delay, init], ctx) => {
			const dt = ctx.valueAtStart({ k: 'dt' }, 'DT');
			const steps = Math.max(1, Math.round(ctx.valueAtStart(delay, 'the delay time') / dt));
			const source = ctx.hoist(input, 'input');
			return ctx.addPipeline('pipeline', source, { k: 'num', v: steps * dt }, init);
		}
	},
	{
		kind: 'expanding',
		name: 'active_initial',
		signature: 'ACTIVE_INITIAL(x, initial): x, except that the initial values see `initial`',
		minArgs: 2,
		maxArgs: 2,
		// Vensim: the value while stocks get their initial values is `initial`; from then on, x.
		expand: ([x, init], ctx) => ctx.addValue('value', x, init)
	},
	{
		kind: 'expanding',
		name: 'sample_if_true',
		signature:
			'SAMPLE_IF_TRUE(condition, input, initial): input while the condition holds, else the value last taken',
		minArgs: 3,
		maxArgs: 3,
		// Vensim: at the start, input if the condition holds, else initial; then held until it holds again.
		expand: ([condition, input, init], ctx) => {
			const held = ctx.addMemory('held value', init);
			const value: IR = ctx.addValue('value', { k: 'if', c: condition, t: input, e: held });
			ctx.holdPrevious(held, value);
			return value;
		}
	}
];
