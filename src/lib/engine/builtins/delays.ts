import type { IR } from '../ir';
import { div, mul, num, sub } from './build-ir';
import type { ExpandContext, ExpandingBuiltin } from './types';

/**
 * A material delay of order n (DELAY1, DELAY3, DELAYN): a chain of n stocks, each holding
 * what has entered and not yet left, each draining at its content ÷ (delay ÷ n). It starts in
 * equilibrium: every stage holds init × delay ÷ n, so the output starts at init (default: the input).
 */
export function materialDelay(
	ctx: ExpandContext,
	input: IR,
	delay: IR,
	order: number,
	init: IR | undefined
): IR {
	const inflow = ctx.hoist(input, 'input');
	const stageTime = stageTimeOf(ctx, delay, order);
	const start = init ?? inflow;
	let upstream = inflow;
	let outflow: IR = inflow;
	for (let i = 1; i <= order; i++) {
		const stage = ctx.addStock(
			order === 1 ? 'in transit' : `stage ${i} of ${order}`,
			mul(start, stageTime)
		);
		outflow = ctx.hoist(div(stage, stageTime), order === 1 ? 'outflow' : `stage ${i} outflow`);
		ctx.setRate(stage, sub(upstream, outflow));
		upstream = outflow;
	}
	return outflow;
}

/** The time each of `order` stages takes (a value computed once per step), checked against DT. */
export function stageTimeOf(ctx: ExpandContext, total: IR, order: number): IR {
	const stageTime = ctx.hoist(order === 1 ? total : div(total, num(order)), 'stage time');
	warnIfStagesShorterThanDT(ctx, stageTime, order);
	return stageTime;
}

/**
 * Under Euler a stage that empties faster than one DT overshoots and oscillates. Vensim quietly
 * lowers the order in that case; Flowbook keeps the model as written and says so.
 */
export function warnIfStagesShorterThanDT(ctx: ExpandContext, stageTime: IR, order: number): void {
	const stage = ctx.tryValueAtStart(stageTime);
	const dt = ctx.tryValueAtStart({ k: 'dt' });
	if (stage === undefined || dt === undefined || !(stage < dt)) return;
	const each = order === 1 ? 'its delay time' : `each of its ${order} stages`;
	ctx.warn(
		`${each} lasts ${+stage.toPrecision(4)}, less than DT (${dt}), so the output will overshoot and oscillate: use a smaller DT${order > 1 ? ' or a lower order' : ''}`
	);
}

/** DELAYN's order is fixed for the run: evaluated at the start and rounded, at least 1. */
export function orderArgument(ctx: ExpandContext, arg: IR): number {
	const value = ctx.valueAtStart(arg, 'the order');
	if (!Number.isFinite(value)) ctx.fail(`the order must be a finite number; it is ${value}`);
	const order = Math.max(1, Math.round(value));
	if (order > 1000) ctx.fail(`the order ${order} is too large (at most 1000)`);
	return order;
}

export const delayBuiltins: ExpandingBuiltin[] = [
	{
		kind: 'expanding',
		name: 'delay1',
		aliases: ['delay1i'],
		signature: 'DELAY1(input, delay [, initial]): first-order material delay',
		minArgs: 2,
		maxArgs: 3,
		expand: ([input, delay, init], ctx) => materialDelay(ctx, input, delay, 1, init)
	},
	{
		kind: 'expanding',
		name: 'delay3',
		aliases: ['delay3i'],
		signature: 'DELAY3(input, delay [, initial]): third-order material delay',
		minArgs: 2,
		maxArgs: 3,
		expand: ([input, delay, init], ctx) => materialDelay(ctx, input, delay, 3, init)
	},
	{
		kind: 'expanding',
		name: 'delayn',
		signature:
			'DELAYN(input, delay, n [, initial]): material delay of order n (fixed at the start)',
		minArgs: 3,
		maxArgs: 4,
		expand: ([input, delay, order, init], ctx) =>
			materialDelay(ctx, input, delay, orderArgument(ctx, order), init)
	},
	{
		kind: 'expanding',
		name: 'delay',
		signature:
			'DELAY(input, delay [, initial]): the input exactly `delay` time units ago (a pipeline)',
		minArgs: 2,
		maxArgs: 3,
		expand: ([input, delay, init], ctx) => {
			const source = ctx.hoist(input, 'input');
			return ctx.addPipeline('pipeline', source, delay, init ?? source);
		}
	}
];
