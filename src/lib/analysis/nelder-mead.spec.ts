import { describe, expect, it } from 'vitest';
import { hessian, invert } from './hessian';
import { nelderMead, type BatchFunction } from './nelder-mead';
import { fromFree, toFree } from './bounds';

const batch =
	(f: (x: number[]) => number): BatchFunction =>
	async (points) =>
		points.map(f);

describe('nelderMead', () => {
	it('finds the minimum of the Rosenbrock function at (1, 1)', async () => {
		const rosenbrock = ([x, y]: number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
		const m = await nelderMead(batch(rosenbrock), [-1.2, 1], {
			maxEvaluations: 4000,
			tolerance: 1e-12
		});
		expect(m.x[0]).toBeCloseTo(1, 4);
		expect(m.x[1]).toBeCloseTo(1, 4);
		expect(m.converged).toBe(true);
	});

	it('stops when the signal aborts', async () => {
		const abort = new AbortController();
		abort.abort();
		const m = await nelderMead(
			batch(([x]) => x * x),
			[3],
			{ signal: abort.signal }
		);
		expect(m.evaluations).toBe(2);
	});
});

describe('bounds by transform', () => {
	it('maps back and forth and keeps every point inside the bounds', () => {
		const bounds = [{ min: 2, max: 5 }];
		expect(fromFree(toFree([3.5], bounds), bounds)[0]).toBeCloseTo(3.5, 12);
		expect(fromFree([50], bounds)[0]).toBeLessThanOrEqual(5);
		expect(fromFree([-50], bounds)[0]).toBeGreaterThanOrEqual(2);
	});
});

describe('hessian and invert', () => {
	it('give the exact curvature of a quadratic and its inverse', async () => {
		// f = x² + 3xy + 5y², Hessian [[2, 3], [3, 10]], inverse [[10, −3], [−3, 2]] / 11.
		const H = await hessian(
			batch(([x, y]) => x * x + 3 * x * y + 5 * y * y),
			[0.3, -0.2],
			[1e-3, 1e-3]
		);
		expect(H[0][0]).toBeCloseTo(2, 5);
		expect(H[0][1]).toBeCloseTo(3, 5);
		expect(H[1][1]).toBeCloseTo(10, 5);
		const inverse = invert(H)!;
		expect(inverse[0][0]).toBeCloseTo(10 / 11, 5);
		expect(inverse[0][1]).toBeCloseTo(-3 / 11, 5);
		expect(
			invert([
				[1, 2],
				[2, 4]
			])
		).toBeUndefined();
	});
});
