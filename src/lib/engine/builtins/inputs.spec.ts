/**
 * Test inputs: STEP, RAMP and PULSE (XMILE 1.0 builtins, test input functions; Stella help "Test input builtins").
 */
import { describe, expect, it } from 'vitest';
import { at, flow, model, seriesOf, simulate, stock } from '../test-models';

describe('STEP(height, time)', () => {
	it('is 0 before the step time and the height from the step time on', () => {
		const { x } = seriesOf('STEP(5, 3)', { stop: 6 });
		expect(Array.from(x)).toEqual([0, 0, 0, 5, 5, 5, 5]);
	});

	it('switches exactly at the step time with a fractional DT', () => {
		const { times, x } = seriesOf('STEP(5, 0.3)', { stop: 1, dt: 0.1 });
		expect(x[at(times, 0.2)]).toBe(0);
		expect(x[at(times, 0.3)]).toBe(5);
	});

	it('takes negative heights and a step at the start time', () => {
		expect(Array.from(seriesOf('STEP(-2, 0)', { stop: 2 }).x)).toEqual([-2, -2, -2]);
	});
});

describe('RAMP(slope, start [, end])', () => {
	it('is 0 before start and rises by slope per time unit after', () => {
		const { x } = seriesOf('RAMP(2, 3)', { stop: 6 });
		expect(Array.from(x)).toEqual([0, 0, 0, 0, 2, 4, 6]);
	});

	it('stays flat after the end time', () => {
		const { x } = seriesOf('RAMP(2, 3, 5)', { stop: 8 });
		expect(Array.from(x)).toEqual([0, 0, 0, 0, 2, 4, 4, 4, 4]);
	});

	it('follows the slope between saved times at a small DT', () => {
		const { times, x } = seriesOf('RAMP(0.5, 1)', { stop: 3, dt: 0.25 });
		expect(x[at(times, 2.75)]).toBeCloseTo(0.875, 12);
	});
});

describe('PULSE(volume, first [, interval]) delivers volume over one DT', () => {
	/** A stock filled only by the pulse: its final value is the volume delivered. */
	function filled(pulse: string, dt: number, stop = 10) {
		return simulate(
			model([stock('Total', '0', { inflows: ['in'] }), flow('in', pulse)], { stop, dt })
		);
	}

	it.each([1, 0.5, 0.25, 0.125, 0.1])('adds exactly the volume to a stock at DT %d', (dt) => {
		const { get } = filled('PULSE(10, 2)', dt);
		expect(get('Total').at(-1)).toBeCloseTo(10, 10);
	});

	it('has value volume/DT at the pulse time and 0 at every other step', () => {
		const { result, get } = filled('PULSE(10, 2)', 0.5, 4);
		const values = get('in');
		expect(values[at(result.times, 2)]).toBe(20);
		expect(Array.from(values).filter((v) => v !== 0)).toEqual([20]);
	});

	it('steps the stock up at the step after the pulse time', () => {
		const { result, get } = filled('PULSE(10, 2)', 1, 4);
		expect(Array.from(result.times)).toEqual([0, 1, 2, 3, 4]);
		expect(Array.from(get('Total'))).toEqual([0, 0, 0, 10, 10]);
	});

	it('repeats every interval', () => {
		// Pulses at 2, 5 and 8; the one at 11 is after the stop time.
		const { result, get } = filled('PULSE(10, 2, 3)', 0.5, 10);
		const total = get('Total');
		expect(total[at(result.times, 2)]).toBe(0);
		expect(total[at(result.times, 3)]).toBeCloseTo(10, 10);
		expect(total[at(result.times, 6)]).toBeCloseTo(20, 10);
		expect(total[at(result.times, 10)]).toBeCloseTo(30, 10);
		expect(Array.from(get('in')).filter((v) => v !== 0)).toEqual([20, 20, 20]);
	});

	it('pulses only once when the interval is 0', () => {
		const { get } = filled('PULSE(10, 2, 0)', 0.25, 10);
		expect(get('Total').at(-1)).toBeCloseTo(10, 10);
	});

	it('pulses at the start time', () => {
		const { get } = filled('PULSE(5, 0)', 0.25, 2);
		expect(get('Total')[1]).toBeCloseTo(5, 10);
		expect(get('Total').at(-1)).toBeCloseTo(5, 10);
	});

	it.each([
		['PULSE(10, 2)', 0.8],
		['PULSE(10, 2.3)', 1],
		['PULSE(10, 2.5)', 1]
	])('delivers %s at DT %d when the pulse time falls between steps', (pulse, dt) => {
		const { get } = filled(pulse, dt);
		expect(get('Total').at(-1)).toBeCloseTo(10, 10);
	});

	it.each(['rk2', 'rk4'] as const)(
		'delivers the whole volume under %s (every stage sees the step-start pulse)',
		(method) => {
			const m = model([stock('Total', '0', { inflows: ['in'] }), flow('in', 'PULSE(10, 2)')], {
				stop: 10,
				dt: 0.25
			});
			const { get } = simulate({ ...m, simSpecs: { ...m.simSpecs, method } });
			expect(get('Total').at(-1)).toBeCloseTo(10, 10);
		}
	);

	it('delivers every repeat when the interval is not a whole number of DTs', () => {
		const { get } = filled('PULSE(10, 1, 2.5)', 1);
		expect(get('Total').at(-1)).toBeCloseTo(40, 10);
	});

	it('is 0 for a first time after the stop time', () => {
		expect(Array.from(seriesOf('PULSE(10, 20)', { stop: 10 }).x).every((v) => v === 0)).toBe(true);
	});
});

describe('inputs in a flow', () => {
	it('integrate to the area under STEP and RAMP', () => {
		// ∫0^10 STEP(2, 4) dt = 12; Euler over a piecewise-constant input is exact.
		const { get } = simulate(
			model([stock('A', '0', { inflows: ['step in'] }), flow('step in', 'STEP(2, 4)')], {
				stop: 10,
				dt: 0.5
			})
		);
		expect(get('A').at(-1)).toBeCloseTo(12, 10);
	});
});
