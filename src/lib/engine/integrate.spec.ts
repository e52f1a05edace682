/**
 * The integrators and the run: accuracy against closed forms, orders of convergence, save
 * intervals, overrides, non-negative stocks and uniflows, NaN detection and refused settings.
 *
 * Orders of convergence: halving DT divides the global error by 2^p, p = 1 (Euler), 2 (RK2),
 * 4 (RK4) (any numerical analysis text, e.g. Hairer, Nørsett & Wanner, ch. II.3).
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../model/diagnostics';
import type { IntegrationMethod, Model } from '../model/types';
import { compileModel } from './index';
import { at, aux, compiled, flow, METHODS, model, simulate, stock } from './test-models';

const STOP = 10;

interface Case {
	name: string;
	model: Model;
	exact: (t: number) => number;
}

/** dS/dt = −S/τ, S0 = 100, τ = 2: S = S0·e^(−t/τ). */
const drain: Case = {
	name: 'first-order drain',
	model: model(
		[stock('S', '100', { outflows: ['out'] }), flow('out', 'S / tau'), aux('tau', '2')],
		{ stop: STOP }
	),
	exact: (t) => 100 * Math.exp(-t / 2)
};

/** dS/dt = g·S, S0 = 10, g = 0.2: S = S0·e^(g t). */
const growth: Case = {
	name: 'exponential growth',
	model: model(
		[stock('S', '10', { inflows: ['births'] }), flow('births', 'g * S'), aux('g', '0.2')],
		{ stop: STOP }
	),
	exact: (t) => 10 * Math.exp(0.2 * t)
};

/** dS/dt = r·S·(1 − S/K), S0 = 10, r = 0.5, K = 100: S = K / (1 + ((K − S0)/S0)·e^(−r t)). */
const logistic: Case = {
	name: 'logistic growth',
	model: model(
		[
			stock('S', '10', { inflows: ['net'] }),
			flow('net', 'r * S * (1 - S / K)'),
			aux('r', '0.5'),
			aux('K', '100')
		],
		{
			stop: STOP
		}
	),
	exact: (t) => 100 / (1 + ((100 - 10) / 10) * Math.exp(-0.5 * t))
};

function finalError(c: Case, method: IntegrationMethod, dt: number): number {
	const { get } = simulate(c.model, { method, dt, saveStep: dt });
	return Math.abs(get('S').at(-1)! - c.exact(STOP));
}

describe.each([drain, growth, logistic])('$name against its closed form', (c) => {
	// DT 0.25 and 0.125 keep RK4's error (≈1e-5) far above rounding noise (≈1e-13).
	it.each([
		['euler', 1.8, 2.2],
		['rk2', 3.6, 4.4],
		['rk4', 14, 18]
	] as const)('%s: halving DT divides the final error by %d–%d', (method, low, high) => {
		const coarse = finalError(c, method, 0.25);
		const fine = finalError(c, method, 0.125);
		expect(fine).toBeGreaterThan(1e-9);
		expect(coarse / fine).toBeGreaterThan(low);
		expect(coarse / fine).toBeLessThan(high);
	});

	it('RK4 at DT 0.125 is within 1e-5 relative of the closed form at every saved time', () => {
		const { result, get } = simulate(c.model, { method: 'rk4', dt: 0.125, saveStep: 0.125 });
		const S = get('S');
		result.times.forEach((t, i) =>
			expect(Math.abs(S[i] - c.exact(t)) / c.exact(t)).toBeLessThan(1e-5)
		);
	});
});

describe('Euler is exactly the forward-difference recurrence', () => {
	it('drain: S_n = S0·(1 − DT/τ)^n', () => {
		const dt = 0.25;
		const { get } = simulate(drain.model, { dt, saveStep: dt });
		get('S').forEach((v, n) => expect(v).toBeCloseTo(100 * (1 - dt / 2) ** n, 10));
	});

	it('growth under RK2 (Heun): S_n = S0·(1 + gDT + (gDT)²/2)^n', () => {
		const h = 0.2 * 0.5;
		const { get } = simulate(growth.model, { dt: 0.5, saveStep: 0.5, method: 'rk2' });
		get('S').forEach((v, n) => expect(v).toBeCloseTo(10 * (1 + h + (h * h) / 2) ** n, 9));
	});

	it('growth under RK4: S_n = S0·(1 + h + h²/2 + h³/6 + h⁴/24)^n, h = gDT', () => {
		const h = 0.2 * 0.5;
		const { get } = simulate(growth.model, { dt: 0.5, saveStep: 0.5, method: 'rk4' });
		get('S').forEach((v, n) =>
			expect(v).toBeCloseTo(10 * (1 + h + h ** 2 / 2 + h ** 3 / 6 + h ** 4 / 24) ** n, 9)
		);
	});
});

describe('stages see the right TIME', () => {
	// Quadrature of a time-only rate: Heun (RK2) is the trapezoid rule, exact for linear rates;
	// RK4 is Simpson's rule, exact for cubics. A stage evaluated at the wrong time breaks both.
	it('RK2 integrates dS/dt = 2t exactly: S = t²', () => {
		const { result, get } = simulate(
			model([stock('S', '0', { inflows: ['f'] }), flow('f', '2 * TIME')], { stop: 4, dt: 0.5 }),
			{
				method: 'rk2'
			}
		);
		result.times.forEach((t, i) => expect(get('S')[i]).toBeCloseTo(t * t, 12));
	});

	it('RK4 integrates dS/dt = 4t³ exactly: S = t⁴', () => {
		const { result, get } = simulate(
			model([stock('S', '0', { inflows: ['f'] }), flow('f', '4 * TIME ^ 3')], { stop: 4, dt: 0.5 }),
			{
				method: 'rk4'
			}
		);
		result.times.forEach((t, i) => expect(get('S')[i]).toBeCloseTo(t ** 4, 10));
	});

	it('RK4 is fourth order for dS/dt = cos(t): S = sin(t)', () => {
		const m = model([stock('S', '0', { inflows: ['f'] }), flow('f', 'COS(TIME)')], { stop: 10 });
		const error = (dt: number) =>
			Math.abs(simulate(m, { method: 'rk4', dt }).get('S').at(-1)! - Math.sin(10));
		const ratio = error(0.5) / error(0.25);
		expect(ratio).toBeGreaterThan(14);
		expect(ratio).toBeLessThan(18);
	});

	it('starts the run at a non-zero start time', () => {
		const { get } = simulate(
			model([stock('S', '0', { inflows: ['f'] }), flow('f', '2 * TIME')], {
				start: 3,
				stop: 5,
				dt: 0.25
			}),
			{
				method: 'rk2'
			}
		);
		expect(get('S').at(-1)).toBeCloseTo(25 - 9, 12);
	});
});

describe('save interval', () => {
	it('saves rows at whole times only with saveStep 1 and DT 0.25, integrating at DT 0.25', () => {
		const { result, get } = simulate(drain.model, { dt: 0.25, saveStep: 1 });
		expect(Array.from(result.times)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		get('S').forEach((v, t) => expect(v).toBeCloseTo(100 * (1 - 0.25 / 2) ** (4 * t), 10));
		for (const series of result.series) expect(series.length).toBe(11);
	});

	it('keeps the model’s save interval when only DT changes for a run', () => {
		const { result } = simulate(drain.model, { dt: 0.25 });
		expect(Array.from(result.times)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	});

	it('runs with a coarser DT when the model has no save interval of its own', () => {
		const { result } = simulate(drain.model, { dt: 2 });
		expect(Array.from(result.times)).toEqual([0, 2, 4, 6, 8, 10]);
	});

	it('refuses a save interval that is not a whole multiple of DT', () => {
		expect(() => compiled(drain.model).run({ dt: 0.5, saveStep: 0.75 })).toThrow(/save interval/);
	});

	it('uses the model’s saveStep from its sim specs', () => {
		const { result } = simulate(model(drain.model.variables, { stop: 4, dt: 0.5, saveStep: 2 }));
		expect(Array.from(result.times)).toEqual([0, 2, 4]);
	});

	it('reports results by display name in model order', () => {
		const { result } = simulate(drain.model);
		expect(result.names).toEqual(['S', 'out', 'tau']);
	});
});

describe('overrides', () => {
	it('changes a constant for one run without recompiling, and the next run is back to baseline', () => {
		const sim = compiled(drain.model);
		const base = sim.seriesOf(sim.run(), 'S')!.at(-1)!;
		const slow = sim.seriesOf(sim.run({ overrides: { tau: 4 } }), 'S')!.at(-1)!;
		const again = sim.seriesOf(sim.run(), 'S')!.at(-1)!;
		expect(base).toBeCloseTo(100 * (1 - 1 / 2) ** 10, 10);
		expect(slow).toBeCloseTo(100 * (1 - 1 / 4) ** 10, 10);
		expect(again).toBe(base);
	});

	it('reports an overridden constant’s value in its own series', () => {
		const sim = compiled(drain.model);
		expect(new Set(sim.seriesOf(sim.run({ overrides: { tau: 5 } }), 'tau'))).toEqual(new Set([5]));
	});

	it('accepts a name in any case, with spaces or underscores', () => {
		const sim = compiled(
			model([aux('Growth Rate', '1'), aux('y', 'Growth_Rate * 2')], { stop: 0 })
		);
		expect(sim.seriesOf(sim.run({ overrides: { GROWTH_RATE: 3 } }), 'y')![0]).toBe(6);
		expect(sim.seriesOf(sim.run({ overrides: { 'growth rate': 4 } }), 'y')![0]).toBe(8);
	});

	it('sets a stock’s constant initial value', () => {
		const sim = compiled(drain.model);
		const S = sim.seriesOf(sim.run({ overrides: { S: 50 } }), 'S')!;
		expect(S[0]).toBe(50);
		expect(S.at(-1)).toBeCloseTo(50 * 0.5 ** 10, 10);
		expect(sim.constants).toContain('S');
		expect(sim.constants).toContain('tau');
	});

	it('propagates to initial values computed from the overridden constant', () => {
		const sim = compiled(
			model([aux('capacity', '10'), stock('Beds', 'capacity * 2')], { stop: 1 })
		);
		expect(sim.seriesOf(sim.run({ overrides: { capacity: 7 } }), 'Beds')![0]).toBe(14);
	});

	it('refuses a variable that is not a constant, naming it', () => {
		const sim = compiled(drain.model);
		expect(() => sim.run({ overrides: { out: 1 } })).toThrow(InputError);
		expect(() => sim.run({ overrides: { out: 1 } })).toThrow(/"out"/);
	});

	it('refuses an unknown name, naming it and suggesting the closest constant', () => {
		const sim = compiled(drain.model);
		expect(() => sim.run({ overrides: { tua: 1 } })).toThrow(/"tua".*"tau"/);
	});

	it('refuses a value that is not a finite number', () => {
		const sim = compiled(drain.model);
		expect(() => sim.run({ overrides: { tau: NaN } })).toThrow(/tau/);
		expect(() => sim.run({ overrides: { tau: Infinity } })).toThrow(/tau/);
	});
});

describe('non-negative stocks (XMILE 1.0 non_negative; Stella’s outflow priority rule)', () => {
	function tank(dt: number, outflowRate = '10') {
		return simulate(
			model(
				[
					stock('A', '5', { outflows: ['move'], nonNegative: true }),
					stock('B', '0', { inflows: ['move'] }),
					flow('move', outflowRate)
				],
				{ stop: 3, dt }
			),
			{ saveStep: dt }
		);
	}

	it('cuts the outflow to what the stock holds per DT, and the next stock receives exactly that', () => {
		const { get } = tank(1);
		expect(Array.from(get('A'))).toEqual([5, 0, 0, 0]);
		expect(Array.from(get('B'))).toEqual([0, 5, 5, 5]);
		expect(Array.from(get('move'))).toEqual([5, 0, 0, 0]);
	});

	it('drains over two steps at DT 0.25 and conserves the total', () => {
		const { get } = tank(0.25);
		const A = get('A');
		const B = get('B');
		expect(Array.from(A.slice(0, 4))).toEqual([5, 2.5, 0, 0]);
		A.forEach((a, i) => {
			expect(a).toBeGreaterThanOrEqual(0);
			expect(a + B[i]).toBeCloseTo(5, 12);
		});
	});

	it('gives outflows the stock in priority order: the first takes what it wants, the next the rest', () => {
		const { get } = simulate(
			model(
				[
					stock('Pool', '6', { outflows: ['first', 'second'], nonNegative: true }),
					flow('first', '4'),
					flow('second', '4')
				],
				{ stop: 1 }
			)
		);
		expect(get('first')[0]).toBe(4);
		expect(get('second')[0]).toBe(2);
		expect(get('Pool')[1]).toBe(0);
	});

	it('lets an outflow take what flows in during the same DT', () => {
		const { get } = simulate(
			model(
				[
					stock('Queue', '0', { inflows: ['arrive'], outflows: ['serve'], nonNegative: true }),
					flow('arrive', '3'),
					flow('serve', '5')
				],
				{ stop: 3 }
			)
		);
		expect(Array.from(get('serve'))).toEqual([3, 3, 3, 3]);
		expect(Array.from(get('Queue'))).toEqual([0, 0, 0, 0]);
	});

	it('limits a chain of non-negative stocks upstream first, whatever the model order', () => {
		// A is empty, so nothing reaches B, so nothing reaches C: nothing is created.
		const { get } = simulate(
			model(
				[
					stock('C', '0', { inflows: ['bc'] }),
					flow('bc', '5'),
					stock('B', '0', { inflows: ['ab'], outflows: ['bc'], nonNegative: true }),
					flow('ab', '5'),
					stock('A', '0', { outflows: ['ab'], nonNegative: true })
				],
				{ stop: 3 }
			)
		);
		for (const name of ['A', 'B', 'C', 'ab', 'bc'])
			expect(Array.from(get(name)), name).toEqual([0, 0, 0, 0]);
	});

	it.each(METHODS)('under %s keeps the stock non-negative and conserves what moves', (method) => {
		const { get } = simulate(
			model(
				[
					stock('A', '5', { outflows: ['move'], nonNegative: true }),
					stock('B', '0', { inflows: ['move'] }),
					flow('move', 'A * 3 + TIME')
				],
				{ stop: 5, dt: 0.5, method }
			)
		);
		const B = get('B');
		get('A').forEach((a, i) => {
			expect(a).toBeGreaterThanOrEqual(0);
			expect(a + B[i]).toBeCloseTo(5, 12);
		});
	});

	it('lets an ordinary stock go negative', () => {
		const { get } = simulate(
			model([stock('A', '5', { outflows: ['move'] }), flow('move', '10')], { stop: 1 })
		);
		expect(get('A')[1]).toBe(-5);
	});
});

describe('uniflows (XMILE 1.0 non-negative flows)', () => {
	it('takes a negative value as zero', () => {
		const { get } = simulate(
			model([stock('S', '10', { inflows: ['f'] }), flow('f', '5 - TIME * 2', { uniflow: true })], {
				stop: 5
			})
		);
		expect(Array.from(get('f'))).toEqual([5, 3, 1, 0, 0, 0]);
		expect(Array.from(get('S'))).toEqual([10, 15, 18, 19, 19, 19]);
	});

	it('lets a biflow run backwards', () => {
		const { get } = simulate(
			model([stock('S', '10', { inflows: ['f'] }), flow('f', '-2')], { stop: 2 })
		);
		expect(Array.from(get('S'))).toEqual([10, 8, 6]);
	});
});

describe('NaN and Infinity', () => {
	it('stop the run, naming the variable and the time, and keep the rows before', () => {
		const { result, get } = simulate(model([aux('x', '1 / (TIME - 5)')], { stop: 10 }));
		expect(result.error).toBeDefined();
		expect(result.error!.variable).toBe('x');
		expect(result.error!.time).toBe(5);
		expect(result.error!.message).toMatch(/"x"/);
		expect(result.error!.message).toMatch(/\b5\b/);
		expect(result.times.at(-1)).toBeLessThanOrEqual(5);
		expect(Array.from(result.times.slice(0, 5))).toEqual([0, 1, 2, 3, 4]);
		const x = get('x');
		for (let t = 0; t < 5; t++) expect(x[t]).toBe(1 / (t - 5));
	});

	it('are found in a stock, at the time the stock becomes non-finite', () => {
		const { result } = simulate(
			model(
				[stock('S', '1', { inflows: ['f'] }), flow('f', 'IF TIME >= 3 THEN 1e308 * 10 ELSE 1')],
				{ stop: 10 }
			)
		);
		expect(result.error).toBeDefined();
		expect(['S', 'f']).toContain(result.error!.variable);
		expect(result.error!.time).toBe(3);
	});

	it('at the start are reported at the start time', () => {
		const { result } = simulate(model([aux('x', 'LN(TIME - 1)')], { stop: 3 }));
		expect(result.error?.variable).toBe('x');
		expect(result.error?.time).toBe(0);
	});

	it('in a flow between saved rows (save interval longer than DT) stop the run at that step', () => {
		const { result } = simulate(
			model([stock('S', '0', { inflows: ['f'] }), flow('f', 'IF TIME = 5 THEN 0 / 0 ELSE 1')], {
				stop: 10
			}),
			{ saveStep: 2 }
		);
		expect(result.error?.variable).toBe('f');
		expect(result.error?.time).toBe(5);
	});

	it('in an auxiliary between saved rows stop the run at that step', () => {
		const { result } = simulate(
			model([aux('x', '1 / (TIME - 5)')], { stop: 10, dt: 1, saveStep: 2 })
		);
		expect(result.error?.variable).toBe('x');
		expect(result.error?.time).toBe(5);
	});

	it('do not appear in a run without them', () => {
		expect(simulate(drain.model).result.error).toBeUndefined();
	});
});

describe('run settings are checked', () => {
	const sim = () => compiled(drain.model);

	it('refuses DT ≤ 0 with a message naming DT', () => {
		expect(() => sim().run({ dt: 0 })).toThrow(/DT/);
		expect(() => sim().run({ dt: -1 })).toThrow(/DT/);
	});

	it('refuses a stop time before the start time', () => {
		expect(() => sim().run({ start: 10, stop: 5 })).toThrow(/stop time/);
	});

	it('refuses a save interval shorter than DT', () => {
		expect(() => sim().run({ dt: 1, saveStep: 0.5 })).toThrow(/save interval/);
	});

	it('refuses a run longer than the step budget', () => {
		// 10 time units at DT 1e-7 is 1e8 steps, over the 10,000,000 budget (sim-specs.ts).
		expect(() => sim().run({ dt: 1e-7 })).toThrow(/steps/);
	});

	it('refuses to compile a model whose own settings are wrong', () => {
		const result = compileModel(model(drain.model.variables, { dt: 0 }));
		expect(result.ok).toBe(false);
		expect(result.diagnostics.some((d) => d.severity === 'error' && /DT/.test(d.message))).toBe(
			true
		);
	});

	it('runs a zero-length run as one row', () => {
		const { result } = simulate(drain.model, { start: 3, stop: 3 });
		expect(Array.from(result.times)).toEqual([3]);
	});

	it('starts at a non-zero start time', () => {
		const { result, get } = simulate(drain.model, { start: 5, stop: 7, dt: 1 });
		expect(Array.from(result.times)).toEqual([5, 6, 7]);
		expect(get('S')[at(result.times, 7)]).toBe(25);
	});
});
