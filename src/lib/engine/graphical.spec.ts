/**
 * Graphical functions (XMILE 1.0 §3.1.4, as cited in model/types.ts; LOOKUP is among the
 * miscellaneous builtins): continuous interpolates linearly and clamps to the end values,
 * extrapolate continues the end segments, discrete holds each y until the next x.
 * Called as name(x) or LOOKUP(name, x), or embedded in an aux or flow.
 */
import { describe, expect, it } from 'vitest';
import { aux, compileErrors, flow, gf, model, simulate, stock, table } from './test-models';
import { lookupStep } from './runtime';

const POINTS: [number, number][] = [
	[0, 0],
	[5, 20],
	[10, 100]
];

/** The value of `call` for each x, through a standalone gf called `f`. */
function readAt(
	type: 'continuous' | 'extrapolate' | 'discrete',
	xs: number[],
	call = (x: string) => `f(${x})`
): number[] {
	const variables = [
		gf('f', table(type, POINTS)),
		...xs.map((x, i) => aux(`y${i}`, call(String(x))))
	];
	const { get } = simulate(model(variables, { stop: 0 }));
	return xs.map((_, i) => get(`y${i}`)[0]);
}

describe('continuous', () => {
	it('interpolates linearly between points and hits them exactly', () => {
		expect(readAt('continuous', [0, 2.5, 5, 7.5, 10])).toEqual([0, 10, 20, 60, 100]);
	});

	it('clamps to the end values outside the x range', () => {
		expect(readAt('continuous', [-5, 15, 1e9])).toEqual([0, 100, 100]);
	});
});

describe('extrapolate', () => {
	it('continues the first and last segments', () => {
		// First slope 20/5 = 4, last slope 80/5 = 16.
		expect(readAt('extrapolate', [-5, 15, 2.5])).toEqual([-20, 180, 10]);
	});
});

describe('discrete', () => {
	it('holds each y until the next x, and the last y beyond', () => {
		expect(readAt('discrete', [-1, 0, 4.99, 5, 7, 10, 12])).toEqual([0, 0, 0, 20, 20, 100, 100]);
	});
});

describe('calling a graphical function', () => {
	it('LOOKUP(name, x) reads the same as name(x)', () => {
		expect(readAt('continuous', [2.5, 7.5], (x) => `LOOKUP(f, ${x})`)).toEqual([10, 60]);
	});

	it('reads a time-varying input every step', () => {
		const { get } = simulate(
			model([gf('f', table('continuous', POINTS)), aux('y', 'f(TIME)')], { stop: 10, dt: 2.5 })
		);
		expect(Array.from(get('y'))).toEqual([0, 10, 20, 60, 100]);
	});

	it('embedded in an aux, applies the table to the aux’s equation', () => {
		const { get } = simulate(
			model([aux('effect', 'TIME * 2', table('continuous', POINTS))], { stop: 5, dt: 1.25 })
		);
		// Inputs 0, 2.5, 5, 7.5, 10.
		expect(Array.from(get('effect'))).toEqual([0, 10, 20, 60, 100]);
	});

	it('embedded in a flow, drives the stock by the table’s value', () => {
		const { get } = simulate(
			model(
				[
					stock('S', '0', { inflows: ['in'] }),
					flow('in', 'TIME', {
						graphical: table('discrete', [
							[0, 1],
							[2, 3]
						])
					})
				],
				{ stop: 4 }
			)
		);
		// Flow values 1, 1, 3, 3 over the four steps.
		expect(Array.from(get('S'))).toEqual([0, 1, 2, 5, 8]);
	});

	it('with one point is that constant everywhere', () => {
		const { get } = simulate(
			model([gf('one', table('continuous', [[3, 7]])), aux('a', 'one(-100) + one(100)')], {
				stop: 0
			})
		);
		expect(get('a')[0]).toBe(14);
	});

	it('refuses to be used as a value without an input', () => {
		const [d] = compileErrors(model([gf('f', table('continuous', POINTS)), aux('y', 'f + 1')]));
		expect(d.variable).toBe('y');
		expect(d.message).toMatch(/graphical function/);
	});

	it('refuses a table whose x values do not increase', () => {
		const diagnostics = compileErrors(
			model([
				gf(
					'bad',
					table('continuous', [
						[0, 0],
						[0, 1]
					])
				),
				aux('y', 'bad(1)')
			])
		);
		expect(diagnostics.some((d) => d.variable === 'bad' && /increase/.test(d.message))).toBe(true);
	});

	it('refuses LOOKUP on something that is not a graphical function', () => {
		const [d] = compileErrors(model([aux('c', '3'), aux('y', 'LOOKUP(c, 1)')]));
		expect(d.message).toMatch(/LOOKUP/);
	});
});

describe('LOOKUP FORWARD and LOOKUP BACKWARD (Vensim; SDEverywhere lookup reference)', () => {
	it('take the next point’s y, or the last point’s, without interpolating', () => {
		const table = {
			type: 'continuous' as const,
			xs: Float64Array.from([0, 1, 2]),
			ys: Float64Array.from([0, 1, 2])
		};
		const forward = [-1, 0, 0.5, 1, 1.5, 2, 2.5].map((x) => lookupStep(table, x, 'forward'));
		const backward = [-1, 0, 0.5, 1, 1.5, 2, 2.5].map((x) => lookupStep(table, x, 'backward'));
		// The values SDEverywhere's reference gives for g at −1, 0, 0.5 … 2.5.
		expect(forward).toEqual([0, 0, 1, 1, 2, 2, 2]);
		expect(backward).toEqual([0, 0, 0, 1, 1, 2, 2]);
	});
});
