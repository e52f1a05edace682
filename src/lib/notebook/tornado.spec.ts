import { describe, expect, it } from 'vitest';
import { normalQuantile, quantile, tornadoBars, tornadoRuns } from './tornado';

describe('the percentiles a tornado takes each constant to', () => {
	it('for a normal: Φ⁻¹ against its tabled values (1.6448536 at 0.95, 2.3263479 at 0.99)', () => {
		expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
		expect(normalQuantile(0.95)).toBeCloseTo(1.6448536, 6);
		expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536, 6);
		expect(normalQuantile(0.99)).toBeCloseTo(2.3263479, 6);
		expect(normalQuantile(0.001)).toBeCloseTo(-3.0902323, 5);
		expect(quantile({ kind: 'normal', mean: 10, sd: 2 }, 0.95)).toBeCloseTo(13.2897072, 5);
	});

	it('for a uniform and a triangular: their inverse distribution functions', () => {
		expect(quantile({ kind: 'uniform', min: 0, max: 0.04 }, 0.05)).toBeCloseTo(0.002, 12);
		// Triangular(0, 1, 2): F(x) = x²/2 below the mode, so the 5th percentile is √0.1.
		expect(quantile({ kind: 'triangular', min: 0, mode: 1, max: 2 }, 0.05)).toBeCloseTo(
			Math.sqrt(0.1),
			12
		);
		expect(quantile({ kind: 'triangular', min: 0, mode: 1, max: 2 }, 0.95)).toBeCloseTo(
			2 - Math.sqrt(0.1),
			12
		);
		expect(quantile({ kind: 'triangular', min: 3, mode: 3, max: 3 }, 0.5)).toBe(3);
	});
});

describe('a tornado’s bars', () => {
	const parameters = [
		{ variable: 'a', distribution: { kind: 'uniform' as const, min: 0, max: 10 } },
		{ variable: 'b', distribution: { kind: 'uniform' as const, min: 0, max: 100 } }
	];

	it('runs the reference and each constant at its 5th and 95th percentile, the others held', () => {
		expect(tornadoRuns(parameters, { a: 5, c: 1 })).toEqual([
			{ key: 'base', overrides: { a: 5, c: 1 } },
			{ key: '0:low', overrides: { a: 0.5, c: 1 } },
			{ key: '0:high', overrides: { a: 9.5, c: 1 } },
			{ key: '1:low', overrides: { a: 5, c: 1, b: 5 } },
			{ key: '1:high', overrides: { a: 5, c: 1, b: 95 } }
		]);
	});

	it('puts the widest swing first (output = 2a + b/10 + 1)', () => {
		const runs = tornadoRuns(parameters, {});
		const values = new Map(
			runs.map((r) => [r.key, 2 * (r.overrides.a ?? 5) + (r.overrides.b ?? 50) / 10 + 1])
		);
		const bars = tornadoBars(parameters, (k) => values.get(k)!);
		expect(bars.map((b) => b.variable)).toEqual(['a', 'b']);
		expect(bars[0].swing).toBeCloseTo(18, 12);
		expect(bars[1].swing).toBeCloseTo(9, 12);
	});
});
