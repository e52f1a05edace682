/**
 * Math builtins and run constants (XMILE 1.0 builtins: mathematical and
 * time functions). Each function is checked twice: in a constant equation (folded
 * by the compiler at the start) and in one that depends on TIME (run by the generated code), so
 * both evaluation paths are held to the same closed-form value.
 */
import { describe, expect, it } from 'vitest';
import { aux, model, seriesOf, simulate, valueOf } from '../test-models';

/** The value of `equation` through both the compile-time and the generated-code paths. */
function both(equation: string): [number, number] {
	const folded = valueOf(equation);
	// `+ 0 * TIME` makes the equation time-dependent, so it is generated, not folded.
	const generated = valueOf(`(${equation}) + 0 * TIME`);
	return [folded, generated];
}

function expectValue(equation: string, expected: number, digits = 12) {
	const [folded, generated] = both(equation);
	if (Number.isNaN(expected)) {
		expect(folded).toBeNaN();
		expect(generated).toBeNaN();
		return;
	}
	expect(folded, `${equation} (folded)`).toBeCloseTo(expected, digits);
	expect(generated, `${equation} (generated)`).toBeCloseTo(expected, digits);
}

describe('elementary functions (closed forms from Math)', () => {
	it.each([
		['ABS(-3.5)', 3.5],
		['ABS(2)', 2],
		['SQRT(16)', 4],
		['SQRT(2)', Math.SQRT2],
		['EXP(1)', Math.E],
		['EXP(0)', 1],
		['LN(EXP(2))', 2],
		['LN(1)', 0],
		['LOG10(1000)', 3],
		['LOG10(0.01)', -2],
		['LOG(8, 2)', 3],
		['LOG(81, 3)', 4],
		['SIN(PI / 2)', 1],
		['SIN(0)', 0],
		['COS(0)', 1],
		['COS(PI)', -1],
		['TAN(PI / 4)', 1],
		['ARCSIN(1)', Math.PI / 2],
		['ARCCOS(1)', 0],
		['ARCCOS(0)', Math.PI / 2],
		['ARCTAN(1)', Math.PI / 4],
		['SINH(1)', (Math.E - 1 / Math.E) / 2],
		['COSH(1)', (Math.E + 1 / Math.E) / 2],
		['TANH(1)', (Math.E - 1 / Math.E) / (Math.E + 1 / Math.E)],
		['PI', Math.PI],
		['PI()', Math.PI]
	])('%s = %d', (equation, expected) => {
		expectValue(equation, expected);
	});

	it('gives NaN outside a function’s domain, which the run reports as an error in that variable', () => {
		const { result } = simulate(model([aux('x', 'SQRT(3 - TIME)')], { stop: 5 }));
		expect(result.error?.variable).toBe('x');
		expect(result.error?.time).toBe(4);
	});
});

describe('INT and ROUND', () => {
	// XMILE 1.0 mathematical functions: INT(x) is the largest integer ≤ x (floor), so INT(-2.5) = -3.
	it.each([
		['INT(2.7)', 2],
		['INT(-2.5)', -3],
		['INT(-3)', -3],
		['INT(0.999)', 0]
	])('%s = %d', (equation, expected) => {
		expectValue(equation, expected);
	});

	// Stella ROUND: to the nearest integer, halves away from zero.
	it.each([
		['ROUND(2.4)', 2],
		['ROUND(2.5)', 3],
		['ROUND(-2.5)', -3],
		['ROUND(-2.4)', -2],
		['ROUND(7)', 7]
	])('%s = %d', (equation, expected) => {
		expectValue(equation, expected);
	});
});

describe('MIN and MAX (n-ary)', () => {
	it.each([
		['MIN(3, 1)', 1],
		['MAX(3, 1)', 3],
		['MIN(5, -2, 7, 0)', -2],
		['MAX(5, -2, 7, 0)', 7],
		['MAX(4)', 4]
	])('%s = %d', (equation, expected) => {
		expectValue(equation, expected);
	});

	it('follows time-varying arguments', () => {
		const { x } = seriesOf('MIN(TIME, 3) + MAX(TIME, 8)', { stop: 10 });
		expect(Array.from(x)).toEqual([8, 9, 10, 11, 11, 11, 11, 11, 11, 12, 13]);
	});
});

describe('MOD and MODULO: floor modulo, the result has the sign of the divisor', () => {
	// Stella MOD / Vensim MODULO: a − b·floor(a/b).
	it.each([
		['MOD(7, 3)', 1],
		['MOD(-7, 3)', 2],
		['MOD(7, -3)', -2],
		['MOD(-7, -3)', -1],
		['MODULO(7.5, 2)', 1.5],
		['-7 MOD 3', 2],
		['7 mod -3', -2],
		['MOD(6, 3)', 0]
	])('%s = %d', (equation, expected) => {
		expectValue(equation, expected);
	});
});

describe('SAFEDIV, ZIDZ and XIDZ', () => {
	it.each([
		['SAFEDIV(6, 3)', 2],
		['SAFEDIV(1, 0)', 0],
		['SAFEDIV(1, 0, 5)', 5],
		['SAFEDIV(6, 3, 5)', 2],
		['ZIDZ(1, 0)', 0],
		['ZIDZ(9, 3)', 3],
		['XIDZ(1, 0, 7)', 7],
		['XIDZ(6, 3, 7)', 2]
	])('%s = %d', (equation, expected) => {
		expectValue(equation, expected);
	});

	it('keeps a run going through a zero divisor', () => {
		const { x } = seriesOf('SAFEDIV(10, TIME - 2, -1)', { stop: 4 });
		expect(Array.from(x)).toEqual([-5, -10, -1, 10, 5]);
	});
});

describe('run constants: TIME, DT, STARTTIME, STOPTIME (XMILE 1.0 builtins, time functions)', () => {
	it('TIME is the saved time, and DT, STARTTIME and STOPTIME are the run’s settings', () => {
		const { result, get } = simulate(
			model(
				[
					aux('time now', 'TIME'),
					aux('step', 'DT'),
					aux('from', 'STARTTIME'),
					aux('to', 'STOPTIME')
				],
				{ start: 2, stop: 5, dt: 0.5 }
			)
		);
		expect(Array.from(result.times)).toEqual([2, 2.5, 3, 3.5, 4, 4.5, 5]);
		expect(Array.from(get('time now'))).toEqual(Array.from(result.times));
		expect(new Set(get('step'))).toEqual(new Set([0.5]));
		expect(new Set(get('from'))).toEqual(new Set([2]));
		expect(new Set(get('to'))).toEqual(new Set([5]));
	});

	it('follows settings changed for one run', () => {
		const { sim } = simulate(
			model([aux('step', 'DT'), aux('from', 'STARTTIME'), aux('to', 'STOPTIME')], {
				start: 0,
				stop: 4,
				dt: 1
			})
		);
		const result = sim.run({ start: 1, stop: 3, dt: 0.25 });
		expect(sim.seriesOf(result, 'step')![0]).toBe(0.25);
		expect(sim.seriesOf(result, 'from')![0]).toBe(1);
		expect(sim.seriesOf(result, 'to')![0]).toBe(3);
	});

	it('accepts the Vensim names TIME STEP, INITIAL TIME and FINAL TIME', () => {
		const { get } = simulate(
			model([aux('x', 'TIME_STEP + 10 * INITIAL_TIME + 100 * FINAL_TIME')], {
				start: 1,
				stop: 3,
				dt: 0.5
			})
		);
		expect(get('x')[0]).toBe(0.5 + 10 + 300);
	});

	it('lets a model variable win over a Vensim run constant of the same name', () => {
		const { get } = simulate(model([aux('Final Time', '99'), aux('x', 'FINAL_TIME')], { stop: 3 }));
		expect(get('x')[0]).toBe(99);
	});
});
