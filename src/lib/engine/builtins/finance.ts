import type { ExpandingBuiltin } from './types';
import { add, div, mul, num, sub } from './build-ir';

/**
 * Vensim's NPV (net present value), as Vensim's reference defines it: a discount factor that
 * starts at 1 and falls by rate ÷ (1 + rate · DT) a time unit, the discounted stream
 * accumulated from init, and the value (accumulated + stream · DT · factor of this step) ·
 * factor. Checked against SDEverywhere's npv reference (wide conformance suite).
 */
export const financeBuiltins: ExpandingBuiltin[] = [
	{
		kind: 'expanding',
		name: 'npv',
		signature:
			'NPV(stream, discount rate, initial value, factor): the net present value of the stream, discounted every time unit',
		minArgs: 4,
		maxArgs: 4,
		expand: ([stream, rate, init, factor], ctx) => {
			const flow = ctx.hoist(stream, 'stream');
			const r = ctx.hoist(rate, 'discount rate');
			const discount = ctx.addStock('discount factor', num(1));
			ctx.setRate(discount, div(mul(sub(num(0), discount), r), add(num(1), mul(r, { k: 'dt' }))));
			const accumulated = ctx.addStock('discounted stream', init);
			ctx.setRate(accumulated, mul(flow, discount));
			return mul(add(accumulated, mul(mul(flow, { k: 'dt' }), discount)), factor);
		}
	}
];
