/**
 * The distributions behind Vensim's RANDOM … functions, checked against their analytic moments
 * over 40,000 draws (sample means within about 5 standard errors) and ln Γ against known values.
 */
import { describe, expect, it } from 'vitest';
import {
	binomial,
	randomFromDensity,
	lnGamma,
	negativeBinomialTrials,
	poisson,
	standardGamma,
	streamFrom,
	vensimDraw,
	VENSIM_DISTRIBUTIONS,
	weibullMeanOne,
	type Uniforms
} from './random-variates';

const N = 40_000;

function sample(draw: (next: Uniforms) => number, seed = 0.123456): number[] {
	const next = streamFrom(seed);
	return Array.from({ length: N }, () => draw(next));
}

function moments(xs: number[]) {
	const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
	const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
	return { mean, sd: Math.sqrt(variance) };
}

function expectMoments(xs: number[], mean: number, sd: number) {
	const m = moments(xs);
	expect(Math.abs(m.mean - mean)).toBeLessThan((5 * sd) / Math.sqrt(xs.length));
	expect(m.sd / sd).toBeGreaterThan(0.95);
	expect(m.sd / sd).toBeLessThan(1.05);
}

describe('ln Γ', () => {
	it('matches factorials and Γ(½) = √π', () => {
		expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
		expect(lnGamma(11)).toBeCloseTo(Math.log(3628800), 11);
		expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
		expect(lnGamma(0.1)).toBeCloseTo(Math.log(9.513507698668732), 11);
	});
});

describe('draws', () => {
	it('gamma has mean k and variance k, for shapes above and below 1', () => {
		expectMoments(
			sample((n) => standardGamma(4.5, n)),
			4.5,
			Math.sqrt(4.5)
		);
		expectMoments(
			sample((n) => standardGamma(0.4, n)),
			0.4,
			Math.sqrt(0.4)
		);
	});

	it('binomial has mean np and variance np(1 − p), by inversion and by splitting', () => {
		expectMoments(
			sample((n) => binomial(12, 0.25, n)),
			3,
			Math.sqrt(12 * 0.25 * 0.75)
		);
		// n·p = 400 takes the order-statistic split (Knuth 3.4.1 F).
		expectMoments(
			sample((n) => binomial(1000, 0.4, n)),
			400,
			Math.sqrt(240)
		);
		expectMoments(
			sample((n) => binomial(50, 0.9, n)),
			45,
			Math.sqrt(4.5)
		);
		const xs = sample((n) => binomial(1000, 0.4, n));
		expect(xs.every((k) => Number.isInteger(k) && k >= 0 && k <= 1000)).toBe(true);
	});

	it('poisson has mean and variance λ, for small and large λ', () => {
		expectMoments(
			sample((n) => poisson(3.5, n)),
			3.5,
			Math.sqrt(3.5)
		);
		expectMoments(
			sample((n) => poisson(250, n)),
			250,
			Math.sqrt(250)
		);
	});

	it('the negative binomial counts trials to the n-th success: mean n/p, variance n(1 − p)/p²', () => {
		expectMoments(
			sample((n) => negativeBinomialTrials(3, 0.2, n)),
			15,
			Math.sqrt((3 * 0.8) / 0.04)
		);
	});

	it('the Weibull is scaled to mean 1: sd √(Γ(1 + 2/k)/Γ(1 + 1/k)² − 1)', () => {
		const k = 1.5;
		const sd = Math.sqrt(Math.exp(lnGamma(1 + 2 / k) - 2 * lnGamma(1 + 1 / k)) - 1);
		expectMoments(
			sample((n) => weibullMeanOne(k, n)),
			1,
			sd
		);
	});

	it('gives NaN for parameters outside the distribution, so the run stops and says where', () => {
		const next = streamFrom(0.5);
		expect(binomial(10, 1.5, next)).toBeNaN();
		expect(standardGamma(-1, next)).toBeNaN();
		expect(negativeBinomialTrials(3, 0, next)).toBeNaN();
	});
});

describe('vensimDraw', () => {
	const code = (d: (typeof VENSIM_DISTRIBUTIONS)[number]) => VENSIM_DISTRIBUTIONS.indexOf(d);

	it('is fixed by its uniform', () => {
		const a = vensimDraw(0.3, code('gamma'), 0, 100, 0, 1, 2, 0, 0);
		expect(vensimDraw(0.3, code('gamma'), 0, 100, 0, 1, 2, 0, 0)).toBe(a);
		expect(vensimDraw(0.31, code('gamma'), 0, 100, 0, 1, 2, 0, 0)).not.toBe(a);
	});

	it('stretches, shifts, then truncates by redrawing', () => {
		const us = Array.from({ length: N }, (_, i) => (i + 0.5) / N);
		const xs = us.map((u) => vensimDraw(u, code('normal'), -1, 1, 0, 1, 0, 0, 0));
		expect(xs.every((x) => x >= -1 && x <= 1)).toBe(true);
		// A standard normal truncated to [−1, 1] has sd √(1 − 2φ(1)/(2Φ(1) − 1)) = 0.5379.
		expect(moments(xs).sd).toBeCloseTo(0.5379, 2);
	});

	it('gives the nearest bound when no draw can fall inside', () => {
		expect(vensimDraw(0.5, code('exponential'), -5, -4, 0, 1, 0, 0, 0)).toBe(-4);
	});
});

describe('randomFromDensity', () => {
	const us = Array.from({ length: N }, (_, i) => (i + 0.5) / N);
	const moments = (xs: number[]) => {
		const m = xs.reduce((a, b) => a + b, 0) / xs.length;
		return { m, sd: Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length) };
	};

	it('a flat table is uniform over its x range; a falling one has the triangle’s mean', () => {
		const flat = us.map((u) => randomFromDensity([2, 6], [1, 1], u, -1e9, 1e9, 0, 1));
		expect(moments(flat).m).toBeCloseTo(4, 3);
		// Falling from 1 at x = 0 to 0 at x = 3: mean 1, sd √(1/2) = 0.7071 (triangle with its mode at 0).
		const falling = us.map((u) => randomFromDensity([0, 3], [1, 0], u, -1e9, 1e9, 0, 1));
		expect(moments(falling).m).toBeCloseTo(1, 3);
		expect(moments(falling).sd).toBeCloseTo(Math.sqrt(0.5), 3);
	});

	it('treats negative values as no density, and several segments as one density', () => {
		// 0 on [0, 1] (written −1 there), then a flat 1 on [1, 3]: uniform on [1, 3], mean 2.
		const xs = us.map((u) =>
			randomFromDensity([0, 1, 1.000001, 3], [-1, -1, 1, 1], u, -9, 9, 0, 1)
		);
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(1);
		expect(moments(xs).m).toBeCloseTo(2, 2);
	});

	it('gives the bound nearest the table when no density is inside the bounds', () => {
		expect(randomFromDensity([0, 1], [1, 1], 0.5, 5, 6, 0, 1)).toBe(5);
		expect(randomFromDensity([0, 1], [0, 0], 0.5, -5, 6, 0, 1)).toBe(0);
	});
});
