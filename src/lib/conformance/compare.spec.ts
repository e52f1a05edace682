import { describe, expect, it } from 'vitest';
import {
	allowedError,
	compareOutput,
	describeWorst,
	errorRatio,
	findTimeIndex,
	formatError,
	formatNumber,
	valuesMatch,
	type ModelOutput
} from './compare';
import { parseExpectedOutput } from './expected-output';

function run(times: number[], columns: Record<string, number[]>): ModelOutput {
	return {
		times: Float64Array.from(times),
		names: Object.keys(columns),
		series: Object.values(columns).map((v) => Float64Array.from(v))
	};
}

function range(start: number, stop: number, step: number): number[] {
	const out: number[] = [];
	for (let i = 0; start + i * step <= stop + step * 1e-9; i++) out.push(start + i * step);
	return out;
}

describe('the value rule |e − a| ≤ 1e-5 + 1e-5·|e|', () => {
	it('allows 1e-5 around zero', () => {
		expect(allowedError(0)).toBe(1e-5);
		expect(valuesMatch(0, 1e-5)).toBe(true);
		expect(valuesMatch(0, -1e-5)).toBe(true);
		expect(valuesMatch(0, 1.0001e-5)).toBe(false);
	});

	it('grows with the expected value, not the actual one', () => {
		expect(allowedError(1e5)).toBeCloseTo(1.00001, 12);
		expect(valuesMatch(1e5, 100001)).toBe(true);
		expect(valuesMatch(1e5, 100001.00002)).toBe(false);
		expect(valuesMatch(-1e5, -100001)).toBe(true);
		// 0 expected, 1e5 actual: the allowance is 1e-5, whatever the actual value.
		expect(valuesMatch(0, 1e-4)).toBe(false);
	});

	it("accepts Vensim's 6 significant digits", () => {
		expect(valuesMatch(3.33333, 10 / 3)).toBe(true); // constant_expressions
		expect(valuesMatch(-9.21034, Math.log(0.0001))).toBe(true); // ln
		expect(valuesMatch(3.70764e14, 3.707644e14)).toBe(true); // subscript_aggregation
		expect(valuesMatch(0.0316228, Math.sqrt(0.001))).toBe(true); // sqrt
	});

	it('takes SIN(PI()) for 0 (pi: the absolute part of the rule)', () => {
		expect(valuesMatch(0, Math.sin(Math.PI))).toBe(true);
	});

	it('matches NaN only with NaN, and an infinity only with itself', () => {
		expect(valuesMatch(NaN, NaN)).toBe(true);
		expect(valuesMatch(NaN, 0)).toBe(false);
		expect(valuesMatch(0, NaN)).toBe(false);
		expect(valuesMatch(Infinity, Infinity)).toBe(true);
		expect(valuesMatch(Infinity, -Infinity)).toBe(false);
		expect(valuesMatch(1e300, Infinity)).toBe(false);
		expect(errorRatio(5, NaN)).toBe(Infinity);
	});

	it('measures the error as a multiple of the allowance', () => {
		expect(errorRatio(0, 5e-6)).toBeCloseTo(0.5, 12);
		expect(errorRatio(2, 2)).toBe(0);
	});
});

describe('findTimeIndex', () => {
	const teacup = Float64Array.from(range(0, 30, 0.125));

	it('finds exact and nearly equal times', () => {
		expect(findTimeIndex(teacup, 0)).toBe(0);
		expect(findTimeIndex(teacup, 0.125)).toBe(1);
		expect(findTimeIndex(teacup, 30)).toBe(240);
		expect(findTimeIndex(teacup, 12.5000001)).toBe(100);
	});

	it("matches Vensim's times rounded to 6 significant digits", () => {
		const thirds = Float64Array.from(range(0, 10, 1 / 3));
		expect(findTimeIndex(thirds, 0.333333)).toBe(1);
		expect(findTimeIndex(thirds, 3.33333)).toBe(10);
		expect(findTimeIndex(thirds, 6.66667)).toBe(20);
		// Large times round coarsely: 123456.7 is written 123457.
		expect(findTimeIndex(Float64Array.from([123456.7]), 123457)).toBe(0);
		expect(findTimeIndex(Float64Array.from([100000 + 1 / 3]), 100000)).toBe(0);
	});

	it('takes the nearest model time when several are within tolerance', () => {
		expect(findTimeIndex(Float64Array.from([123456.7, 123456.8, 123456.9]), 123457)).toBe(2);
		expect(findTimeIndex(Float64Array.from([123456.6, 123456.7, 123456.8]), 123457)).toBe(2);
	});

	it('does not stretch the tolerance beyond rounding', () => {
		expect(findTimeIndex(Float64Array.from([100, 101]), 100.01)).toBe(-1);
		expect(findTimeIndex(Float64Array.from([0, 1]), 0.00002)).toBe(-1);
		expect(findTimeIndex(Float64Array.from([0, 1]), 0.000009)).toBe(0);
	});

	it('works with negative times (builtin_int starts at -20)', () => {
		const t = Float64Array.from(range(-20, 20, 0.125));
		expect(findTimeIndex(t, -20)).toBe(0);
		expect(findTimeIndex(t, -19.875)).toBe(1);
		expect(findTimeIndex(t, 0)).toBe(160);
	});

	it('returns -1 for a time the model did not save', () => {
		expect(findTimeIndex(teacup, 0.0625)).toBe(-1);
		expect(findTimeIndex(teacup, 31)).toBe(-1);
		expect(findTimeIndex(teacup, -1)).toBe(-1);
		expect(findTimeIndex(new Float64Array(0), 0)).toBe(-1);
	});
});

describe('compareOutput', () => {
	// sdxorg/tests/abs/output.csv (first rows; CR line endings)
	const abs = parseExpectedOutput(
		'Time,FlowA,StockA,test abs\r0,1,-10,10\r1,1,-9,9\r2,1,-8,8',
		','
	);

	it('passes a run that matches, reporting the value nearest its tolerance', () => {
		const c = compareOutput(
			abs,
			run([0, 1, 2], { FlowA: [1, 1, 1], StockA: [-10, -9, -8], 'Test Abs': [10, 9, 8.00005] })
		);
		expect(c.ok).toBe(true);
		expect(c.compared).toBe(9);
		expect(c.failed).toBe(0);
		expect(c.worst).toMatchObject({ column: 'test abs', time: 2, expected: 8, actual: 8.00005 });
		expect(c.reason).toBeUndefined();
	});

	it('fails with the worst column, its time, both values and the error', () => {
		const c = compareOutput(
			abs,
			run([0, 1, 2], { FlowA: [1, 1.001, 1], StockA: [-10, -9, -7], 'test abs': [10, 9, 8] })
		);
		expect(c.ok).toBe(false);
		expect(c.kind).toBe('values');
		expect(c.failed).toBe(2);
		expect(c.worst).toMatchObject({
			column: 'StockA',
			time: 2,
			expected: -8,
			actual: -7,
			error: 1
		});
		expect(c.reason).toBe(
			'worst column "StockA" at time 2 expected -8 got -7 (error 1.00, allowed 9.00e-5) (2 of 9 values out of tolerance, the first at time 1 in "FlowA")'
		);
		expect(c.first).toMatchObject({ column: 'FlowA', time: 1, expected: 1, actual: 1.001 });
	});

	it('does not repeat the first failure when it is the worst', () => {
		const c = compareOutput(
			abs,
			run([0, 1, 2], { FlowA: [1, 1, 1], StockA: [-10, -9, -7], 'test abs': [10, 9, 8.00005] })
		);
		expect(c.first).toEqual(c.worst);
		expect(c.reason).toMatch(/\(1 of 9 values out of tolerance\)$/);
	});

	it('ranks a NaN above any finite error', () => {
		const c = compareOutput(
			abs,
			run([0, 1, 2], { FlowA: [1, NaN, 1], StockA: [-10, -9, -7], 'test abs': [10, 9, 8] })
		);
		expect(c.worst).toMatchObject({ column: 'FlowA', time: 1, error: Infinity });
		expect(c.reason).toMatch(/^worst column "FlowA" at time 1 expected 1 got NaN \(error Infinity/);
	});

	it('compares only the reference rows, wherever they fall in the run', () => {
		// simlin/euler_step_vs_saveper: the model may save every dt; the reference has every 1.
		const ref = parseExpectedOutput(
			'Time\tCosine of t\tSAVEPER\tSine of t\tTIME STEP\n0\t1\t1\t10\t0.03125\n1\t1\t1\t10\t0.03125\n',
			'\t'
		);
		const times = range(0, 1, 0.03125);
		const c = compareOutput(
			ref,
			run(times, { 'Cosine of t': times.map(() => 1), 'Sine of t': times.map(() => 10) })
		);
		expect(c.ok).toBe(true);
		expect(c.compared).toBe(4);
		expect(c.skipped).toEqual(['SAVEPER', 'TIME STEP']);
	});

	it('fails a reference column the model lacks, naming it', () => {
		const c = compareOutput(abs, run([0, 1, 2], { FlowA: [1, 1, 1], StockA: [-10, -9, -8] }));
		expect(c.ok).toBe(false);
		expect(c.kind).toBe('missing-columns');
		expect(c.reason).toBe('the model has no output for reference column "test abs"');
	});

	it('lists at most five missing columns', () => {
		const ref = parseExpectedOutput('Time,a,b,c,d,e,f,g\n0,1,1,1,1,1,1,1\n', ',');
		const c = compareOutput(ref, run([0], {}));
		expect(c.reason).toBe(
			'the model has no output for reference columns "a", "b", "c", "d", "e" and 2 more'
		);
	});

	it('fails a reference time the model did not save, saying what it did save', () => {
		const c = compareOutput(
			abs,
			run([0, 0.5, 1], { FlowA: [1, 1, 1], StockA: [-10, -9.5, -9], 'test abs': [10, 9.5, 9] })
		);
		expect(c.ok).toBe(false);
		expect(c.kind).toBe('missing-times');
		expect(c.reason).toBe(
			'the model did not save reference time 2 (the model saved 3 rows from 0 to 1, every 0.5)'
		);
	});

	it('skips control columns, and fails when nothing is left to compare', () => {
		const ref = parseExpectedOutput(
			'Time\tFINAL TIME\tINITIAL TIME\tSAVEPER\tTIME STEP\n0\t1\t0\t1\t1\n',
			'\t'
		);
		const c = compareOutput(ref, run([0, 1], { x: [1, 1] }));
		expect(c.ok).toBe(false);
		expect(c.kind).toBe('nothing-compared');
	});

	it('honours ignore_columns', () => {
		const ref = parseExpectedOutput('Time,rate,Input\n0,5,4\n', ',');
		expect(compareOutput(ref, run([0], { rate: [5] })).ok).toBe(false);
		expect(compareOutput(ref, run([0], { rate: [5] }), { ignoreColumns: ['Input'] }).ok).toBe(true);
	});

	it('skips values a column does not have yet (blank first cells) and compares filled-in blanks', () => {
		const ref = parseExpectedOutput('Time\ta\tb\n0\t\t3\n1\t2\t\n2\t\t\n', '\t');
		const ok = compareOutput(ref, run([0, 1, 2], { a: [99, 2, 2], b: [3, 3, 3] }));
		expect(ok.ok).toBe(true);
		expect(ok.compared).toBe(5);
		const bad = compareOutput(ref, run([0, 1, 2], { a: [99, 2, 2], b: [3, 3, 4] }));
		expect(bad.worst).toMatchObject({ column: 'b', time: 2, expected: 3, actual: 4 });
	});

	it('matches a module column to a dotted model output', () => {
		const ref = parseExpectedOutput('time,hares.birth fraction\n0.000,1.25\n', ',');
		expect(compareOutput(ref, run([0], { 'Hares.Birth_Fraction': [1.25] })).ok).toBe(true);
	});
});

describe('formatting', () => {
	it('prints numbers short but exact enough to see the difference', () => {
		expect(formatNumber(10 / 3)).toBe('3.333333333');
		expect(formatNumber(180)).toBe('180');
		expect(formatNumber(1e-7)).toBe('1e-7');
		expect(formatNumber(NaN)).toBe('NaN');
		expect(formatNumber(-Infinity)).toBe('-Infinity');
	});

	it('prints errors with three digits', () => {
		expect(formatError(9e-5)).toBe('9.00e-5');
		expect(formatError(0.1)).toBe('0.100');
		expect(formatError(1)).toBe('1.00');
		expect(formatError(0)).toBe('0.00');
		expect(formatError(Infinity)).toBe('Infinity');
	});

	it('describes the worst value', () => {
		expect(
			describeWorst({
				column: 'Teacup Temperature',
				time: 0.125,
				expected: 180,
				actual: 179.9,
				error: 0.1,
				allowed: allowedError(180)
			})
		).toBe(
			'worst column "Teacup Temperature" at time 0.125 expected 180 got 179.9 (error 0.100, allowed 0.00181)'
		);
	});
});
