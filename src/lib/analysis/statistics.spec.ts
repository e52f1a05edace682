import { describe, expect, it } from 'vitest';
import { fitStatistics } from './statistics';

describe('fitStatistics', () => {
	it('matches a hand computation on four points', () => {
		// A = 1,2,3,4 and S = 2,2,4,6, worked by hand:
		// errors 1,0,1,2: MSE = 6/4 = 1.5, RMSE = √1.5; APE 1, 0, 1/3, 1/2 → MAPE = 45.8333%.
		// Ā = 2.5, S̄ = 3.5: bias (1)² = 1 → U^M = 1/1.5.
		// S_A = √1.25, S_S = √2.75; cov(A,S) = (−1.5·−1.5 + −.5·−1.5 + .5·.5 + 1.5·2.5)/4 = 1.75.
		// r = 1.75 / √(1.25·2.75); U^S = (√2.75 − √1.25)²/1.5; U^C = 2(1 − r)√1.25√2.75/1.5.
		const s = fitStatistics([1, 2, 3, 4], [2, 2, 4, 6]);
		const r = 1.75 / Math.sqrt(1.25 * 2.75);
		expect(s.n).toBe(4);
		expect(s.mse).toBeCloseTo(1.5, 12);
		expect(s.rmse).toBeCloseTo(Math.sqrt(1.5), 12);
		expect(s.mape).toBeCloseTo(((1 + 0 + 1 / 3 + 0.5) / 4) * 100, 10);
		expect(s.r2).toBeCloseTo(r * r, 12);
		expect(s.bias).toBeCloseTo(1 / 1.5, 12);
		expect(s.variance).toBeCloseTo((Math.sqrt(2.75) - Math.sqrt(1.25)) ** 2 / 1.5, 12);
		expect(s.covariance).toBeCloseTo((2 * (1 - r) * Math.sqrt(1.25 * 2.75)) / 1.5, 12);
		expect(s.bias + s.variance + s.covariance).toBeCloseTo(1, 12);
	});

	it('a pure offset is all bias; a perfect fit has R² 1 and no error', () => {
		const offset = fitStatistics([1, 2, 3], [2, 3, 4]);
		expect(offset.bias).toBeCloseTo(1, 12);
		expect(offset.variance).toBeCloseTo(0, 12);
		expect(offset.covariance).toBeCloseTo(0, 12);
		const perfect = fitStatistics([1, 2, 3], [1, 2, 3]);
		expect(perfect.rmse).toBe(0);
		expect(perfect.r2).toBeCloseTo(1, 12);
	});

	it('skips missing points and zero observations in MAPE', () => {
		const s = fitStatistics([0, 2, NaN], [1, 3, 5]);
		expect(s.n).toBe(2);
		expect(s.mape).toBeCloseTo(50, 12);
	});
});
