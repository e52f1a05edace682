/**
 * NPV, against a hand-worked discount (Vensim's definition; the run is also checked against
 * SDEverywhere's npv reference in the wide conformance suite): with DT 1 the discount factor
 * after n steps is (1 / (1 + r))^n, and NPV at step n is init + Σ_{k ≤ n} stream · (1/(1+r))^k,
 * times the factor.
 */
import { describe, expect, it } from 'vitest';
import { seriesOf } from '../test-models';

describe('NPV', () => {
	it('discounts each time unit’s stream by (1 + rate) per time unit', () => {
		const { x } = seriesOf('NPV(100, 0.1, 5, 2)', { stop: 4 });
		x.forEach((value, n) => {
			let sum = 5;
			for (let k = 0; k <= n; k++) sum += 100 / 1.1 ** k;
			expect(value).toBeCloseTo(sum * 2, 9);
		});
	});
});
