/**
 * Delays (XMILE 1.0 builtins, delay functions; Sterman, Business Dynamics ch. 11).
 * DELAY1/DELAY3/DELAYN are material delays: a chain of n stocks, each draining at content ÷ (T/n).
 * With a constant inflow rate u switched on at t = 0 into an empty chain, the outflow is
 * u · (Erlang-n CDF with rate n/T): 1 − Σ_{k<n} e^(−λt) (λt)^k / k!, λ = n/T.
 * DELAY is a pipeline: the input exactly `delay` time units ago, the initial value before.
 */
import { describe, expect, it } from 'vitest';
import {
	at,
	aux,
	erlangCdf,
	flow,
	METHODS,
	model,
	seriesOf,
	simulate,
	stock
} from '../test-models';

describe('material delays start in equilibrium', () => {
	it.each([
		'DELAY1(5, 3)',
		'DELAY3(5, 3)',
		'DELAYN(5, 3, 4)',
		'DELAY1I(5, 3, 5)',
		'DELAY3I(5, 3, 5)'
	])('%s with a constant input of 5 stays at 5', (equation) => {
		for (const method of METHODS) {
			const { x } = seriesOf(equation, { stop: 20, dt: 0.25, method });
			for (const v of x) expect(v).toBeCloseTo(5, 12);
		}
	});

	it.each(['DELAY1(5, 3, 2)', 'DELAY3(5, 3, 2)', 'DELAYN(5, 3, 6, 2)'])(
		'%s starts at the initial value 2, then rises towards 5',
		(equation) => {
			const { times, x } = seriesOf(equation, { stop: 40, dt: 0.25, method: 'rk4' });
			expect(x[0]).toBeCloseTo(2, 12);
			expect(x[at(times, 2)]).toBeGreaterThan(2);
			expect(x.at(-1)).toBeCloseTo(5, 4);
		}
	);

	it('follows a time-varying input from its initial value (default: the input’s initial value)', () => {
		const { x } = seriesOf('DELAY1(10 + TIME, 2)', { stop: 1 });
		expect(x[0]).toBe(10);
	});
});

describe('DELAY1 step response', () => {
	// Input 0 → 1 at t = 1 into a delay of T = 2: output = 1 − e^(−(t−1)/T) for t ≥ 1.
	// Euler's global error for y' = (1 − y)/T is about e^(−s/T)·s·DT/(2T²) ≤ DT/(2eT) ≈ 0.0009 at DT 0.01.
	it('matches 1 − exp(−t/T) within Euler error at DT 0.01', () => {
		const T = 2;
		const { times, x } = seriesOf('DELAY1(STEP(1, 1), 2)', { stop: 12, dt: 0.01 });
		let worst = 0;
		for (let i = 0; i < times.length; i++) {
			const t = times[i];
			const exact = t < 1 ? 0 : 1 - Math.exp(-(t - 1) / T);
			worst = Math.max(worst, Math.abs(x[i] - exact));
		}
		expect(worst).toBeLessThan(0.0015);
		expect(worst).toBeGreaterThan(0); // Euler is not exact here: the comparison is real.
	});

	it('is exactly Euler’s recurrence y(n+1) = y(n) + DT·(u − y(n))/T', () => {
		// Closed form of the recurrence with u = 1, y0 = 0: y_n = 1 − (1 − DT/T)^n.
		const dt = 0.5;
		const T = 4;
		const { x } = seriesOf('DELAY1(1, 4, 0)', { stop: 10, dt });
		x.forEach((v, n) => expect(v).toBeCloseTo(1 - (1 - dt / T) ** n, 12));
	});
});

describe('DELAY3 and DELAYN step responses (Erlang CDF)', () => {
	it.each([
		['DELAY3(1, 6, 0)', 3, 6],
		['DELAYN(1, 6, 5, 0)', 5, 6],
		['DELAYN(1, 4, 1, 0)', 1, 4]
	])('%s follows the Erlang-%d CDF with mean %d (RK4, DT 1/16)', (equation, n, T) => {
		const { times, x } = seriesOf(equation, { stop: 20, dt: 1 / 16, method: 'rk4' });
		times.forEach((t, i) => expect(Math.abs(x[i] - erlangCdf(n, T, t))).toBeLessThan(1e-6));
	});

	it('DELAYN rounds a fractional order to a whole number of stages', () => {
		const { times, x } = seriesOf('DELAYN(1, 6, 2.6, 0)', { stop: 10, dt: 1 / 16, method: 'rk4' });
		expect(x[at(times, 5)]).toBeCloseTo(erlangCdf(3, 6, 5), 6);
	});
});

describe('material delays conserve material', () => {
	// What left the source = what arrived + what is still in transit. For DELAY1 the content in
	// transit is output × T, so  Σin − Σout = T·(out(t) − out(0)).
	it.each(METHODS)(
		'DELAY1 under %s: cumulative in − cumulative out = change in transit',
		(method) => {
			const T = 3;
			const { result, get } = simulate(
				model(
					[
						stock('Shipped', '0', { inflows: ['shipping'] }),
						stock('Received', '0', { inflows: ['arriving'] }),
						flow('shipping', '10 + 5 * SIN(TIME) + PULSE(20, 4)'),
						flow('arriving', 'DELAY1(shipping, 3)')
					],
					{ stop: 30, dt: 0.125, method }
				)
			);
			const shipped = get('Shipped');
			const received = get('Received');
			const arriving = get('arriving');
			for (let i = 0; i < result.times.length; i++) {
				const inTransit = T * arriving[i] - T * arriving[0];
				expect(shipped[i] - received[i]).toBeCloseTo(inTransit, 8);
			}
		}
	);

	it('DELAY3 delivers everything that entered once the input stops', () => {
		// 10 units per time for 5 time units, then nothing; after long enough, 50 have arrived.
		const { get } = simulate(
			model(
				[
					stock('Received', '0', { inflows: ['arriving'] }),
					flow('arriving', 'DELAY3(sent, 2, 0)'),
					aux('sent', 'IF TIME < 5 THEN 10 ELSE 0')
				],
				{ stop: 60, dt: 0.125 }
			)
		);
		expect(get('Received').at(-1)).toBeCloseTo(50, 6);
	});
});

describe('DELAY: a pipeline (fixed delay)', () => {
	it.each(METHODS)(
		'shifts the input by exactly the delay under %s, the initial input before',
		(method) => {
			const { times, x } = seriesOf('DELAY(10 + TIME * TIME, 3)', { stop: 10, dt: 0.25, method });
			times.forEach((t, i) => {
				const expected = t < 3 ? 10 : 10 + (t - 3) * (t - 3);
				expect(x[i]).toBeCloseTo(expected, 10);
			});
		}
	);

	it('holds the initial value argument until the first input arrives', () => {
		const { times, x } = seriesOf('DELAY(TIME, 2, 99)', { stop: 5 });
		expect(Array.from(times)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(Array.from(x)).toEqual([99, 99, 0, 1, 2, 3]);
	});

	it('delays a pulse by the delay, keeping its volume', () => {
		const { result, get } = simulate(
			model([stock('Out', '0', { inflows: ['late'] }), flow('late', 'DELAY(PULSE(8, 1), 2.5)')], {
				stop: 6,
				dt: 0.5
			})
		);
		const late = get('late');
		expect(late[at(result.times, 3.5)]).toBe(16);
		expect(Array.from(late).filter((v) => v !== 0)).toEqual([16]);
		expect(get('Out').at(-1)).toBe(8);
	});

	it('reads a delay given by a variable', () => {
		const { get } = simulate(
			model([aux('lag', '2'), aux('x', 'DELAY(TIME, lag, -1)')], { stop: 4 })
		);
		expect(Array.from(get('x'))).toEqual([-1, -1, 0, 1, 2]);
	});
});
