/**
 * Information smooths and trends (XMILE 1.0 builtins, delay functions; Sterman, Business Dynamics §11.3 and §16.3).
 * SMTHn of a unit step from 0 is the Erlang-n CDF with mean T (n stages of T/n each), so
 * SMTH1 = 1 − e^(−t/T). RK4 at DT 1/16 with T ≥ 2 is accurate to well under 1e-6.
 */
import { describe, expect, it } from 'vitest';
import { at, aux, erlangCdf, METHODS, model, seriesOf, simulate } from '../test-models';

const RK4 = { stop: 20, dt: 1 / 16, method: 'rk4' as const };

describe('SMTH1', () => {
	it('from 0 towards an input of 1 follows 1 − exp(−t/T)', () => {
		const { times, x } = seriesOf('SMTH1(1, 4, 0)', RK4);
		times.forEach((t, i) => expect(Math.abs(x[i] - (1 - Math.exp(-t / 4)))).toBeLessThan(1e-7));
	});

	it('responds to a step in its input from equilibrium', () => {
		// Input 2 until t = 5, then 3: output 2, then 3 − e^(−(t−5)/T).
		// Euler at DT 1/64 keeps the step exactly at t = 5; error ≤ DT/(2eT) ≈ 0.002.
		const { times, x } = seriesOf('SMTH1(2 + STEP(1, 5), 3)', { stop: 20, dt: 1 / 64 });
		times.forEach((t, i) => {
			const exact = t <= 5 ? 2 : 3 - Math.exp(-(t - 5) / 3);
			expect(Math.abs(x[i] - exact)).toBeLessThan(0.003);
		});
	});

	it.each(METHODS)('stays at a constant input under %s', (method) => {
		const { x } = seriesOf('SMTH1(7, 2)', { stop: 10, dt: 0.5, method });
		for (const v of x) expect(v).toBe(7);
	});

	it('starts at the initial value when one is given', () => {
		expect(seriesOf('SMTH1(10, 2, 4)', RK4).x[0]).toBe(4);
	});

	it('accepts the averaging time from a variable', () => {
		const { result, get } = simulate(model([aux('T', '4'), aux('x', 'SMTH1(1, T, 0)')], RK4));
		expect(get('x')[at(result.times, 4)]).toBeCloseTo(1 - Math.exp(-1), 7);
	});
});

describe('SMTH3 and SMTHN', () => {
	it('SMTH3 from 0 follows the Erlang-3 CDF with mean T', () => {
		const { times, x } = seriesOf('SMTH3(1, 6, 0)', RK4);
		times.forEach((t, i) => expect(Math.abs(x[i] - erlangCdf(3, 6, t))).toBeLessThan(1e-6));
	});

	it('SMTHN(…, 5) from 0 follows the Erlang-5 CDF with mean T', () => {
		const { times, x } = seriesOf('SMTHN(1, 6, 5, 0)', RK4);
		times.forEach((t, i) => expect(Math.abs(x[i] - erlangCdf(5, 6, t))).toBeLessThan(1e-6));
	});

	it('SMTHN of order 1 is SMTH1', () => {
		const { times, x } = seriesOf('SMTHN(1, 4, 1, 0)', RK4);
		times.forEach((t, i) => expect(Math.abs(x[i] - (1 - Math.exp(-t / 4)))).toBeLessThan(1e-7));
	});

	it.each(['SMTH3(7, 2)', 'SMTHN(7, 2, 4)'])('%s stays at a constant input', (equation) => {
		for (const v of seriesOf(equation, RK4).x) expect(v).toBeCloseTo(7, 12);
	});

	it('SMTH3 starts at its initial value', () => {
		expect(seriesOf('SMTH3(10, 2, 4)', RK4).x[0]).toBe(4);
	});
});

describe('TREND (fractional rate of change)', () => {
	// For input e^(g t) the average a' = (x − a)/T has the particular solution a = x/(1 + gT),
	// so TREND = (x − a)/(T·a) = g exactly once the transient e^(−t/T) has died away.
	const g = 0.1;
	const T = 2;

	it('starts at 0 by default and converges to g for exponential growth', () => {
		const { times, x } = seriesOf(`TREND(EXP(${g} * TIME), ${T})`, {
			stop: 40,
			dt: 1 / 16,
			method: 'rk4'
		});
		expect(x[0]).toBeCloseTo(0, 12);
		expect(x[at(times, 40)]).toBeCloseTo(g, 6);
		expect(Math.abs(x[at(times, 10)] - g)).toBeLessThan(Math.abs(x[at(times, 2)] - g));
	});

	it('stays at g throughout when the initial trend is g', () => {
		const { x } = seriesOf(`TREND(EXP(${g} * TIME), ${T}, ${g})`, {
			stop: 20,
			dt: 1 / 16,
			method: 'rk4'
		});
		for (const v of x) expect(v).toBeCloseTo(g, 6);
	});

	it('starts at the initial trend it is given', () => {
		expect(seriesOf(`TREND(EXP(${g} * TIME), ${T}, 0.05)`, RK4).x[0]).toBeCloseTo(0.05, 12);
	});

	it('is 0 for a constant input', () => {
		for (const v of seriesOf('TREND(5, 3)', RK4).x) expect(v).toBe(0);
	});

	it('is −h for exponential decay e^(−h t) at long times', () => {
		const { times, x } = seriesOf('TREND(100 * EXP(-0.05 * TIME), 2)', {
			stop: 60,
			dt: 1 / 16,
			method: 'rk4'
		});
		expect(x[at(times, 60)]).toBeCloseTo(-0.05, 6);
	});
});

describe('FORCST', () => {
	// FORCST(x, T, h, g0) = x · (1 + TREND(x, T, g0) · h)  (XMILE 1.0 delay functions; Vensim FORECAST).
	it('extrapolates exponential growth by its trend over the horizon', () => {
		const { times, x } = seriesOf('FORCST(EXP(0.1 * TIME), 2, 5, 0.1)', {
			stop: 10,
			dt: 1 / 16,
			method: 'rk4'
		});
		expect(x[at(times, 10)]).toBeCloseTo(Math.exp(1) * 1.5, 5);
		expect(x[0]).toBeCloseTo(1.5, 10);
	});

	it('forecasts a constant input as itself', () => {
		for (const v of seriesOf('FORCST(8, 3, 10)', RK4).x) expect(v).toBe(8);
	});
});
