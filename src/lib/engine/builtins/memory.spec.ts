/**
 * INIT and PREVIOUS (XMILE 1.0 builtins, miscellaneous functions; Stella help "INIT", "PREVIOUS").
 * INIT(x) is x's value at the start of the run; PREVIOUS(x, init) is x's value one DT earlier,
 * and `init` at the start (default: x's own initial value).
 */
import { describe, expect, it } from 'vitest';
import { at, aux, flow, METHODS, model, seriesOf, simulate, stock } from '../test-models';

describe('INIT', () => {
	it('holds the start value of a time-varying expression', () => {
		const { x } = seriesOf('INIT(5 + 2 * TIME)', { stop: 5 });
		expect(Array.from(x)).toEqual([5, 5, 5, 5, 5, 5]);
	});

	it('reads TIME at the start time', () => {
		const { x } = seriesOf('INIT(TIME)', { start: 3, stop: 6 });
		expect(new Set(x)).toEqual(new Set([3]));
	});

	it('holds a stock’s initial value while the stock changes', () => {
		const { get } = simulate(
			model(
				[stock('S', '10', { inflows: ['fill'] }), flow('fill', '1'), aux('start S', 'INIT(S)')],
				{ stop: 4 }
			)
		);
		expect(Array.from(get('S'))).toEqual([10, 11, 12, 13, 14]);
		expect(Array.from(get('start S'))).toEqual([10, 10, 10, 10, 10]);
	});

	it('follows an overridden constant', () => {
		const { sim } = simulate(model([aux('c', '2'), aux('x', 'INIT(c * 3 + TIME)')], { stop: 2 }));
		expect(sim.seriesOf(sim.run({ overrides: { c: 7 } }), 'x')![2]).toBe(21);
	});
});

describe('PREVIOUS', () => {
	it('lags its input by one DT, starting at the input’s own initial value', () => {
		const { x, times } = seriesOf('PREVIOUS(10 + 2 * TIME)', { stop: 3, dt: 0.5 });
		expect(Array.from(times)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
		expect(Array.from(x)).toEqual([10, 10, 11, 12, 13, 14, 15]);
	});

	it('starts at the initial value argument', () => {
		const { x } = seriesOf('PREVIOUS(TIME, 42)', { stop: 3 });
		expect(Array.from(x)).toEqual([42, 0, 1, 2]);
	});

	it('lags by one DT, not by one save interval', () => {
		const { times, x } = seriesOf('PREVIOUS(TIME, -1)', { stop: 3, dt: 0.25, saveStep: 1 });
		expect(Array.from(times)).toEqual([0, 1, 2, 3]);
		expect(Array.from(x)).toEqual([-1, 0.75, 1.75, 2.75]);
	});

	it.each(METHODS)(
		'breaks a loop: counter = PREVIOUS(counter, 0) + 1 counts steps under %s',
		(method) => {
			const { get } = simulate(
				model([aux('counter', 'PREVIOUS(counter, 0) + 1')], { stop: 5, dt: 0.5, method })
			);
			expect(Array.from(get('counter'))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		}
	);

	it.each(METHODS)('under %s returns the stock’s value at the previous saved step', (method) => {
		const { result, get } = simulate(
			model(
				[
					stock('S', '1', { inflows: ['growth'] }),
					flow('growth', 'S'),
					aux('last S', 'PREVIOUS(S)')
				],
				{ stop: 2, dt: 0.25, method }
			)
		);
		const S = get('S');
		const last = get('last S');
		expect(last[0]).toBe(1);
		for (let i = 1; i < result.times.length; i++) expect(last[i]).toBe(S[i - 1]);
	});

	it('computes a difference equation x(n) = 0.5·x(n−1) + 1', () => {
		// x(n) = 0.5·x(n−1) + 1 from x(0) = 0: the closed form is 2·(1 − 0.5^n).
		const { get } = simulate(
			model([aux('x', 'IF TIME = 0 THEN 0 ELSE 0.5 * PREVIOUS(x, 0) + 1')], { stop: 8 })
		);
		get('x').forEach((v, n) => expect(v).toBeCloseTo(2 * (1 - 0.5 ** n), 12));
	});

	it('reads a nonlinear input one DT back', () => {
		const { times, x } = seriesOf('PREVIOUS(TIME * TIME)', { stop: 4, dt: 0.5 });
		expect(x[at(times, 3)]).toBe(2.5 * 2.5);
	});
});

describe('SELF (Stella help "SELF": the variable whose equation it is)', () => {
	it('PREVIOUS(SELF, 0) holds the last value once a condition stops updating it', () => {
		// Worked by hand: x follows TIME until TIME > 2, then keeps what it last had (2).
		const { x } = seriesOf('IF TIME > 2 THEN PREVIOUS(SELF, 0) ELSE TIME', { stop: 5 });
		expect(Array.from(x)).toEqual([0, 1, 2, 2, 2, 2]);
	});
});

describe('ACTIVE_INITIAL (Vensim ACTIVE INITIAL; XMILE <init_eqn>)', () => {
	it('breaks a loop that exists only at the start: capacity ← target ← capacity', () => {
		// SDEverywhere active_initial: target = capacity · 1, starting at 100 instead, so the
		// stock starts at 100 and, with target equal to capacity after that, stays there.
		const { get } = simulate(
			model(
				[
					stock('capacity', 'target', { inflows: ['adjust'] }),
					flow('adjust', '(target - capacity) / 10'),
					aux('target', 'ACTIVE_INITIAL(capacity * 1, 100)')
				],
				{ stop: 3 }
			)
		);
		expect(Array.from(get('capacity'))).toEqual([100, 100, 100, 100]);
		expect(Array.from(get('target'))).toEqual([100, 100, 100, 100]);
	});

	it('gives initial values the initial argument, and every step the equation', () => {
		// Saved rows come from the step's evaluation, so row 0 already shows the equation (as
		// Simlin's engine does); the start is seen by what is initialised from it.
		const { get } = simulate(
			model([aux('x', 'ACTIVE_INITIAL(TIME * 10 + 5, -1)'), stock('s', 'x')], { stop: 3 })
		);
		expect(Array.from(get('s'))).toEqual([-1, -1, -1, -1]);
		expect(Array.from(get('x'))).toEqual([5, 15, 25, 35]);
	});
});
