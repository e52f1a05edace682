import type { IR } from '../ir';
import { orderArgument, stageTimeOf } from './delays';
import { mathBuiltin } from './math';
import type { ExpandContext, ExpandingBuiltin } from './types';
import { add, div, mul, num, sub } from './build-ir';

/**
 * Information smoothing of order n (SMTH1, SMTH3, SMTHN): n stocks in a chain, each adjusting
 * towards the one before it over (averaging time ÷ n). Every stage starts at init (default: the
 * input), so the output starts in equilibrium with its input.
 */
export function smooth(
	ctx: ExpandContext,
	input: IR,
	time: IR,
	order: number,
	init: IR | undefined
): IR {
	const target0 = ctx.hoist(input, 'input');
	const stageTime = stageTimeOf(ctx, time, order);
	const start = init ?? target0;
	let target = target0;
	for (let i = 1; i <= order; i++) {
		const stage = ctx.addStock(order === 1 ? 'smoothed value' : `stage ${i} of ${order}`, start);
		ctx.setRate(stage, div(sub(target, stage), stageTime));
		target = stage;
	}
	return target;
}

/**
 * TREND(input, averaging time [, initial trend]): the fractional rate of change of the input,
 * (input − average) ÷ (averaging time × |average|), with the average a first-order smooth that
 * starts at input ÷ (1 + initial trend × averaging time) so the trend starts at initial trend.
 * Zero when the average is zero (as Vensim's ZIDZ form).
 */
export function trend(ctx: ExpandContext, input: IR, time: IR, initialTrend: IR | undefined): IR {
	const x = ctx.hoist(input, 'input');
	const averagingTime = ctx.hoist(time, 'averaging time');
	const initialAverage: IR = initialTrend
		? div(x, add(num(1), mul(initialTrend, averagingTime)))
		: x;
	const average = smooth(ctx, x, averagingTime, 1, initialAverage);
	const denominator = mul(averagingTime, { k: 'fn', fn: ABS, args: [average] });
	return { k: 'fn', fn: SAFE_DIV, args: [sub(x, average), denominator] };
}

const ABS = mathBuiltin('abs');
const SAFE_DIV = mathBuiltin('safediv');

export const smoothBuiltins: ExpandingBuiltin[] = [
	{
		kind: 'expanding',
		name: 'smth1',
		aliases: ['smooth', 'smoothi'],
		signature: 'SMTH1(input, averaging time [, initial]): first-order exponential smooth',
		minArgs: 2,
		maxArgs: 3,
		expand: ([input, time, init], ctx) => smooth(ctx, input, time, 1, init)
	},
	{
		kind: 'expanding',
		name: 'smth3',
		aliases: ['smooth3', 'smooth3i'],
		signature: 'SMTH3(input, averaging time [, initial]): third-order exponential smooth',
		minArgs: 2,
		maxArgs: 3,
		expand: ([input, time, init], ctx) => smooth(ctx, input, time, 3, init)
	},
	{
		kind: 'expanding',
		name: 'smthn',
		aliases: ['smoothn'],
		signature:
			'SMTHN(input, averaging time, n [, initial]): exponential smooth of order n (fixed at the start)',
		minArgs: 3,
		maxArgs: 4,
		expand: ([input, time, order, init], ctx) =>
			smooth(ctx, input, time, orderArgument(ctx, order), init)
	},
	{
		kind: 'expanding',
		name: 'trend',
		signature:
			'TREND(input, averaging time [, initial trend]): fractional rate of change per time unit',
		minArgs: 2,
		maxArgs: 3,
		expand: ([input, time, init], ctx) => trend(ctx, input, time, init)
	},
	{
		kind: 'expanding',
		name: 'forcst',
		aliases: ['forecast'],
		signature:
			'FORCST(input, averaging time, horizon [, initial trend]): input extrapolated `horizon` ahead by its trend',
		minArgs: 3,
		maxArgs: 4,
		expand: ([input, time, horizon, init], ctx) => {
			const x = ctx.hoist(input, 'input');
			return mul(x, add(num(1), mul(trend(ctx, x, time, init), horizon)));
		}
	}
];
