import { describe, expect, it } from 'vitest';
import {
	FAN,
	defaultDistribution,
	distributionProblem,
	drawSamples,
	fanCsv,
	memoryProblem,
	percentileBands,
	percentileOfSorted,
	reshape,
	runsProblem,
	seedProblem
} from './sensitivity';

describe('percentiles', () => {
	it('interpolates between neighbours as numpy and PERCENTILE.INC do', () => {
		// numpy.percentile([1, 2, 3, 4], [5, 25, 50, 75, 95]) = [1.15, 1.75, 2.5, 3.25, 3.85]
		const sorted = [1, 2, 3, 4];
		expect([5, 25, 50, 75, 95].map((p) => percentileOfSorted(sorted, p))).toEqual(
			[1.15, 1.75, 2.5, 3.25, 3.85].map((v) => expect.closeTo(v, 12))
		);
		expect(percentileOfSorted([7], 95)).toBe(7);
		expect(percentileOfSorted([], 50)).toBeNaN();
		expect(percentileOfSorted([0, 10], 0)).toBe(0);
		expect(percentileOfSorted([0, 10], 100)).toBe(10);
	});

	it('bands each time across runs, leaving out NaN and runs that stopped early', () => {
		const runs = [
			[5, 1, 2],
			[1, 3, NaN],
			[3, 2],
			[2, 4, 8],
			[4, 5, 4]
		];
		const [p5, p25, p50, p75, p95] = percentileBands(runs, 3, FAN);
		// time 0: 1 2 3 4 5; time 1: 1 2 3 4 5; time 2: 2 4 8
		expect([p5[0], p25[0], p50[0], p75[0], p95[0]]).toEqual(
			[1.2, 2, 3, 4, 4.8].map((v) => expect.closeTo(v, 12))
		);
		expect(p50[1]).toBe(3);
		expect([p5[2], p50[2], p95[2]]).toEqual([2.2, 4, 7.6].map((v) => expect.closeTo(v, 12)));
	});
});

describe('samples', () => {
	const parameters = [
		{ name: 'a', distribution: { kind: 'uniform' as const, min: 10, max: 20 } },
		{ name: 'b', distribution: { kind: 'normal' as const, mean: 0, sd: 1 } },
		{ name: 'c', distribution: { kind: 'triangular' as const, min: 0, mode: 1, max: 4 } }
	];

	it('are the same for the same seed and differ for another', () => {
		expect(drawSamples(parameters, 50, 7)).toEqual(drawSamples(parameters, 50, 7));
		expect(drawSamples(parameters, 5, 8)).not.toEqual(drawSamples(parameters, 5, 7));
		// The first runs of a longer batch are the runs of a shorter one.
		expect(drawSamples(parameters, 100, 7).slice(0, 50)).toEqual(drawSamples(parameters, 50, 7));
	});

	it('follow their distributions', () => {
		const samples = drawSamples(parameters, 20_000, 1);
		const of = (name: string) => samples.map((s) => s.overrides[name]);
		const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
		const a = of('a');
		expect(Math.min(...a)).toBeGreaterThanOrEqual(10);
		expect(Math.max(...a)).toBeLessThanOrEqual(20);
		expect(mean(a)).toBeCloseTo(15, 0);
		const b = of('b');
		expect(mean(b)).toBeCloseTo(0, 1);
		expect(Math.sqrt(mean(b.map((x) => x * x)))).toBeCloseTo(1, 1);
		const c = of('c');
		expect(Math.min(...c)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...c)).toBeLessThanOrEqual(4);
		expect(mean(c)).toBeCloseTo(5 / 3, 1); // (min + mode + max) / 3
		expect(samples.every((s) => Number.isInteger(s.seed))).toBe(true);
	});

	it('say what is wrong with a distribution', () => {
		expect(distributionProblem({ kind: 'uniform', min: 2, max: 1 })).toMatch(/min/);
		expect(distributionProblem({ kind: 'normal', mean: 0, sd: -1 })).toMatch(/deviation/);
		expect(distributionProblem({ kind: 'triangular', min: 0, mode: 5, max: 4 })).toMatch(/mode/);
		expect(distributionProblem({ kind: 'uniform', min: NaN, max: 1 })).toMatch(/number/);
		expect(distributionProblem({ kind: 'uniform', min: 0, max: 1 })).toBeUndefined();
	});
});

describe('settings', () => {
	it('spread a constant over its lever, else ±20% of its value', () => {
		expect(defaultDistribution(0.02, { min: 0, max: 0.04 })).toEqual({
			kind: 'uniform',
			min: 0,
			max: 0.04
		});
		expect(defaultDistribution(-10)).toEqual({ kind: 'uniform', min: -12, max: -8 });
	});

	it('keep the range when the kind changes: a normal’s mean ± 2 sd stands for it', () => {
		const uniform = { kind: 'uniform' as const, min: 2, max: 10 };
		expect(reshape(uniform, 'normal')).toEqual({ kind: 'normal', mean: 6, sd: 2 });
		expect(reshape(uniform, 'triangular')).toEqual({
			kind: 'triangular',
			min: 2,
			mode: 6,
			max: 10
		});
		expect(reshape(reshape(uniform, 'normal'), 'uniform')).toEqual(uniform);
	});

	it('say what is wrong with runs, a seed, or more runs than the page can hold', () => {
		expect(runsProblem(200)).toBeUndefined();
		expect(runsProblem(0)).toBe('runs must be a whole number from 1 to 10,000');
		expect(runsProblem(1.5)).toMatch(/whole number/);
		expect(runsProblem(NaN)).toMatch(/whole number/);
		expect(seedProblem(0)).toBeUndefined();
		expect(seedProblem(-3)).toBe('the seed must be a whole number from 0 to 4,294,967,295');
		expect(memoryProblem(1000, 2, 3651)).toBeUndefined();
		expect(memoryProblem(10_000, 3, 3651)).toBe(
			'10,000 runs of 3 outputs over 3,651 saved times would hold 836 MB, more than the 512 MB this page allows: use fewer runs or outputs'
		);
	});
});

describe('fanCsv', () => {
	it('has the time in display units, then each output’s five percentiles, under a header', () => {
		const times = Float64Array.from([0, 365, 730]);
		const band = (k: number) => Float64Array.from([k, k + 1, k + 2]);
		const fans = [
			{ output: 'occupancy', times, bands: [1, 2, 3, 4, 5].map(band) },
			{ output: 'A&E, 4 hours', times, bands: [10, 20, 30, 40, 50].map(band) }
		];
		const rows = fanCsv(fans, 'time (year)', 365).trimEnd().split('\n');
		expect(rows[0]).toBe(
			'time (year),occupancy p5,occupancy p25,occupancy p50,occupancy p75,occupancy p95,"A&E, 4 hours p5","A&E, 4 hours p25","A&E, 4 hours p50","A&E, 4 hours p75","A&E, 4 hours p95"'
		);
		expect(rows).toHaveLength(4);
		expect(rows[2]).toBe('1,2,3,4,5,6,11,21,31,41,51');
	});
});
