/**
 * Random numbers (XMILE 1.0 builtins, statistical functions; Stella help "RANDOM", "NORMAL").
 * One seed gives one run; each call site draws once per DT. Sample statistics over 20,000 draws
 * are compared with the distribution's moments at about 5 standard errors, so a correct
 * generator fails these far less than once in a million runs.
 */
import { describe, expect, it } from 'vitest';
import {
	aux,
	compiled,
	flow,
	METHODS,
	model,
	runWith,
	simulate,
	stock,
	type TestRunOptions
} from '../test-models';

const N = 20_000;

function draws(equation: string, seed = 12345): Float64Array {
	return simulate(model([aux('x', equation)], { stop: N - 1, dt: 1 }), { seed }).get('x');
}

function mean(xs: ArrayLike<number>): number {
	let s = 0;
	for (let i = 0; i < xs.length; i++) s += xs[i];
	return s / xs.length;
}

function variance(xs: ArrayLike<number>): number {
	const m = mean(xs);
	let s = 0;
	for (let i = 0; i < xs.length; i++) s += (xs[i] - m) ** 2;
	return s / (xs.length - 1);
}

/** |sample mean − μ| within `k` standard errors for a distribution with this sd. */
function expectMean(xs: ArrayLike<number>, mu: number, sd: number, k = 5) {
	expect(Math.abs(mean(xs) - mu)).toBeLessThan((k * sd) / Math.sqrt(xs.length));
}

describe('seeding', () => {
	const m = model([aux('u', 'RANDOM(0, 1)'), aux('n', 'NORMAL(0, 1)')], { stop: 50 });

	it('gives the same run for the same seed', () => {
		const sim = compiled(m);
		const run = (o: TestRunOptions) => runWith(sim, o);
		const a = run({ seed: 7 });
		const b = run({ seed: 7 });
		expect(Array.from(sim.seriesOf(a, 'u')!)).toEqual(Array.from(sim.seriesOf(b, 'u')!));
		expect(Array.from(sim.seriesOf(a, 'n')!)).toEqual(Array.from(sim.seriesOf(b, 'n')!));
	});

	it('gives a different run for a different seed', () => {
		const sim = compiled(m);
		const run = (o: TestRunOptions) => runWith(sim, o);
		const a = Array.from(sim.seriesOf(run({ seed: 7 }), 'u')!);
		const b = Array.from(sim.seriesOf(run({ seed: 8 }), 'u')!);
		expect(a).not.toEqual(b);
	});

	it('uses the seed in the sim specs when the run gives none', () => {
		const seeded = model(m.variables, { stop: 50, seed: 99 });
		const a = simulate(seeded).get('u');
		const b = simulate(seeded).get('u');
		const c = simulate(m, { seed: 99 }).get('u');
		expect(Array.from(a)).toEqual(Array.from(b));
		expect(Array.from(a)).toEqual(Array.from(c));
	});

	it('keeps the random sequence when a constant is overridden', () => {
		const sim = compiled(
			model([aux('scale', '1'), aux('u', 'scale * RANDOM(0, 1)')], { stop: 20 })
		);
		const run = (o: TestRunOptions) => runWith(sim, o);
		const a = sim.seriesOf(run({ seed: 3 }), 'u')!;
		const b = sim.seriesOf(run({ seed: 3, overrides: { scale: 2 } }), 'u')!;
		a.forEach((v, i) => expect(b[i]).toBeCloseTo(2 * v, 14));
	});

	it('gives independent draws to two call sites with the same arguments', () => {
		const { get } = simulate(
			model([aux('a', 'RANDOM(0, 1)'), aux('b', 'RANDOM(0, 1)')], { stop: 100 }),
			{ seed: 1 }
		);
		expect(Array.from(get('a'))).not.toEqual(Array.from(get('b')));
	});

	it('draws a new value each DT', () => {
		expect(new Set(draws('RANDOM(0, 1)').slice(0, 100)).size).toBe(100);
	});

	it('accepts Stella’s per-call seed argument', () => {
		const x = draws('RANDOM(0, 1, 5)');
		expect(x.every((v) => v >= 0 && v < 1)).toBe(true);
	});
});

describe('draws once per DT under every method', () => {
	it.each(METHODS)('a stock integrating RANDOM grows by DT × the saved draw under %s', (method) => {
		const dt = 0.25;
		const { get } = simulate(
			model([stock('Sum', '0', { inflows: ['noise'] }), flow('noise', 'RANDOM(0, 1)')], {
				stop: 10,
				dt,
				method
			}),
			{ seed: 4 }
		);
		const sum = get('Sum');
		const noise = get('noise');
		for (let i = 1; i < sum.length; i++)
			expect(sum[i] - sum[i - 1]).toBeCloseTo(dt * noise[i - 1], 12);
	});
});

describe('distributions', () => {
	it('RANDOM(min, max) stays in [min, max) with mean (min + max)/2', () => {
		const x = draws('RANDOM(2, 12)');
		expect(x.every((v) => v >= 2 && v < 12)).toBe(true);
		expectMean(x, 7, 10 / Math.sqrt(12));
		expect(variance(x)).toBeCloseTo(100 / 12, 0);
	});

	it('NORMAL(mean, sd) has that mean and sd', () => {
		const x = draws('NORMAL(100, 15)');
		expectMean(x, 100, 15);
		expect(Math.sqrt(variance(x))).toBeGreaterThan(14.5);
		expect(Math.sqrt(variance(x))).toBeLessThan(15.5);
		// About 68.3% within one sd.
		const within = x.filter((v) => Math.abs(v - 100) < 15).length / x.length;
		expect(within).toBeGreaterThan(0.66);
		expect(within).toBeLessThan(0.705);
	});

	it('EXPRND(mean) is non-negative with that mean', () => {
		const x = draws('EXPRND(4)');
		expect(x.every((v) => v >= 0)).toBe(true);
		expectMean(x, 4, 4);
	});

	it('POISSON(mean) draws whole numbers with mean and variance equal to the mean', () => {
		const x = draws('POISSON(3)');
		expect(x.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
		expectMean(x, 3, Math.sqrt(3));
		expect(variance(x)).toBeGreaterThan(2.8);
		expect(variance(x)).toBeLessThan(3.2);
	});

	it('POISSON of a large mean keeps its mean and variance (e^(−mean) underflows past 745)', () => {
		// It used to give 10,000,000 for every draw of a mean above 745.
		const x = draws('POISSON(5000)');
		expect(x.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
		expectMean(x, 5000, Math.sqrt(5000));
		expect(variance(x) / 5000).toBeGreaterThan(0.93);
		expect(variance(x) / 5000).toBeLessThan(1.07);
	});

	it('TRIANGULAR(min, mode, max) stays in range with mean (min + mode + max)/3', () => {
		const x = draws('TRIANGULAR(0, 2, 10)');
		expect(x.every((v) => v >= 0 && v <= 10)).toBe(true);
		// Variance of a triangular distribution: (a² + b² + c² − ab − ac − bc)/18.
		expectMean(x, 4, Math.sqrt((0 + 4 + 100 - 0 - 0 - 20) / 18));
	});

	it('LOGNORMAL(mean, sd) is positive with that mean', () => {
		const x = draws('LOGNORMAL(10, 2)');
		expect(x.every((v) => v > 0)).toBe(true);
		expectMean(x, 10, 2);
	});

	it('UNIFORM is RANDOM', () => {
		const x = draws('UNIFORM(-1, 1)');
		expect(x.every((v) => v >= -1 && v < 1)).toBe(true);
		expectMean(x, 0, 2 / Math.sqrt(12));
	});
});
