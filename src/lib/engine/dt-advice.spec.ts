/**
 * DT advice, checked against the analytic behaviour of a first-order drain: with Euler, a stock
 * S drained by S/τ follows S₀(1 − DT/τ)ⁿ, so DT > τ flips its sign each step and DT > 2τ grows it.
 */
import { describe, expect, it } from 'vitest';
import { dtAdvice, dtChange, dtCheckOutputs, dtText, proposeDt } from './dt-advice';
import { aux, compiled, flow, model, stock } from './test-models';

/** The A&E model of issue 14: 300 arrivals a day, 0.25 days in A&E, 5 days in a bed. */
function aAndE(dt: number) {
	return model(
		[
			stock('A&E', '0', { inflows: ['Arrivals'], outflows: ['Admissions'] }),
			stock('Beds', '0', { inflows: ['Admissions'], outflows: ['Discharges'] }),
			flow('Arrivals', '300'),
			flow('Admissions', '"A&E" / "Time in A&E"'),
			flow('Discharges', 'Beds / Length_of_stay'),
			aux('Time in A&E', '0.25'),
			aux('Length of stay', '5')
		],
		{ stop: 30, dt, saveStep: dt, timeUnits: 'days' }
	);
}

function advise(dt: number) {
	const m = aAndE(dt);
	const sim = compiled(m);
	const result = sim.run({ outputs: dtCheckOutputs(m, sim.outputs) });
	return dtAdvice(m, result, dt, 'days');
}

describe('DT advice', () => {
	it('names the flow that empties a stock faster than 2 × DT and proposes a DT', () => {
		const [advice, ...rest] = advise(1);
		expect(advice).toMatchObject({
			kind: 'time constant',
			stock: 'A&E',
			flows: ['Admissions'],
			timeConstant: 0.25,
			proposedDt: 0.0625
		});
		expect(advice.message).toMatch(
			/^Admissions empties A&E in 0.25 days .* less than 2 × DT \(1\).* use DT 1\/16 or less$/
		);
		// Beds drain in 5 days: no warning for them.
		expect(rest.filter((a) => a.kind === 'time constant')).toEqual([]);
		// What it upsets downstream flips too, and is named as well.
		expect(rest.map((a) => a.stock ?? a.flows[0])).toEqual(['Beds', 'Discharges']);
	});

	it('is quiet once DT is a quarter of the shortest time constant', () => {
		expect(advise(0.0625)).toEqual([]);
		expect(advise(0.125)).toEqual([]);
	});

	it('catches a quantity that flips sign at every step when nothing drains it', () => {
		// x' = −3x with Euler at DT 1: x(n) = (−2)ⁿ, no stock ÷ outflow to see (the flow is an inflow).
		const m = model([stock('x', '1', { inflows: ['change'] }), flow('change', '-3 * x')], {
			stop: 8,
			dt: 1
		});
		const result = compiled(m).run();
		const advice = dtAdvice(m, result, 1);
		expect(advice.map((a) => a.kind)).toContain('sign flips');
		expect(advice[0].message).toMatch(
			/flips between positive and negative at every step from time 0/
		);
		expect(advice[0].proposedDt).toBe(0.25);
	});

	it('leaves a deliberate "take what is there" outflow (stock / DT) alone', () => {
		const m = model(
			[
				stock('Queue', '10', { inflows: ['Arriving'], outflows: ['Served'] }),
				flow('Arriving', '5'),
				flow('Served', 'MIN(8, Queue / DT)')
			],
			{ stop: 10, dt: 1 }
		);
		expect(dtAdvice(m, compiled(m).run(), 1)).toEqual([]);
	});

	it('proposes DT ÷ 2ᵏ at or below a quarter of the time constant', () => {
		expect(proposeDt(1, 0.25)).toBe(0.0625);
		expect(proposeDt(1, 1)).toBe(0.25);
		expect(proposeDt(0.5, 0.9)).toBe(0.125);
		expect(dtText(0.0625)).toBe('1/16');
		expect(dtText(0.3)).toBe('0.3');
	});
});

describe('the halved-DT accuracy test', () => {
	it('reports the largest relative change, where and when', () => {
		// Exponential decay S' = −S/2 with Euler: S(t) = (1 − DT/2)^(t/DT); at t = 4 the runs at
		// DT 1 and 1/2 give 0.5⁴ = 0.0625 and 0.75⁸ ≈ 0.1001, a change of 37.6%.
		const m = model([stock('S', '1', { outflows: ['out'] }), flow('out', 'S / 2')], {
			stop: 4,
			dt: 1
		});
		const sim = compiled(m);
		const base = sim.run();
		const half = sim.run({ dt: 0.5, saveStep: 1 });
		const found = dtChange(base, half, ['S']);
		expect(found.output).toBe('S');
		expect(found.time).toBe(4);
		expect(found.change).toBeCloseTo((0.75 ** 8 - 0.5 ** 4) / 0.75 ** 8, 10);
	});

	it('ignores points where both runs are near zero', () => {
		const times = Float64Array.from([0, 1, 2]);
		const base = { times, names: ['y'], series: [Float64Array.from([100, 1e-3, 50])] };
		const half = { times, names: ['y'], series: [Float64Array.from([100, 2e-3, 50])] };
		expect(dtChange(base, half).change).toBe(0);
	});
});
