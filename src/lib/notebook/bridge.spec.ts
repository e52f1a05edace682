import { describe, expect, it } from 'vitest';
import { openExample } from '../examples/example-notebook';
import { findScenario } from '../model/scenarios';
import { bridgeBars, bridgeLevers, bridgeMasks, overridesFor } from './bridge';
import { measureOf, measured } from './measure';

describe('a bridge’s levers and runs', () => {
	it('takes every constant the two scenarios set differently, and moves a subset of them', () => {
		const levers = bridgeLevers({ growth: 0.02, beds: 10 }, { growth: 0.02, beds: 20, stay: 4 });
		expect(levers).toEqual([
			{ key: 'beds', from: 10, to: 20 },
			{ key: 'stay', from: undefined, to: 4 }
		]);
		expect(overridesFor({ growth: 0.02, beds: 10 }, levers, 0b10)).toEqual({
			growth: 0.02,
			beds: 10,
			stay: 4
		});
		// A lever the target leaves at the model's own value is moved by dropping the override.
		const back = bridgeLevers({ beds: 10 }, {});
		expect(overridesFor({ beds: 10 }, back, 1)).toEqual({});
		expect(bridgeMasks(3, false)).toEqual([0, 7, 1, 2, 4]);
		expect(bridgeMasks(3, true)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
	});
});

describe('the bars of a bridge (analytic: v = 2a + 3b + ab, each lever 0 → 1)', () => {
	const v = (mask: number) => {
		const [a, b] = [mask & 1, (mask >> 1) & 1];
		return 10 + 2 * a + 3 * b + a * b;
	};

	it('one at a time: each lever’s own effect, and the interaction as its own bar, adding up exactly', () => {
		const bridge = bridgeBars(v, 2, false);
		expect(bridge).toEqual({ start: 10, parts: [2, 3], interaction: 1, end: 16 });
	});

	it('Shapley: the interaction shared equally between the two levers, none left over', () => {
		const bridge = bridgeBars(v, 2, true);
		expect(bridge.parts).toEqual([2.5, 3.5]);
		expect(bridge.interaction).toBeCloseTo(0, 12);
		expect(bridge.start + bridge.parts[0] + bridge.parts[1]).toBe(bridge.end);
	});
});

describe('a bridge on model A', () => {
	const a = openExample('whole-system-flow');
	const run = (overrides: Record<string, number>) => a.simulation.run({ overrides });
	const measure = measureOf(a.document, { variable: 'Cumulative_Delayed_Bed_Days' }, 3, false);
	const start = a.document.model.simSpecs.start;
	const scenario = (code: string) => findScenario(a.document.scenarios, code)!.overrides;

	function bridge(from: string, to: string, shapley: boolean) {
		const levers = bridgeLevers(scenario(from), scenario(to));
		const values = new Map(
			bridgeMasks(levers.length, shapley).map((m) => [
				m,
				measured(run(overridesFor(scenario(from), levers, m)), measure, start)
			])
		);
		return { levers, bars: bridgeBars((m) => values.get(m)!, levers.length, shapley) };
	}

	it('S1 → S9, one lever at a time: the bars sum to the difference between the two scenarios’ runs', () => {
		const { levers, bars } = bridge('S1', 'S9', false);
		expect(levers.map((l) => l.key).sort()).toEqual(
			[
				'extra_home_care_packages',
				'extra_ic_beds',
				'extra_reablement_places',
				'p1_process_time',
				'p2_process_time',
				'p3_process_time',
				'reablement_los'
			].sort()
		);
		const s1 = measured(run(scenario('S1')), measure, start);
		const s9 = measured(run(scenario('S9')), measure, start);
		expect(bars.start).toBe(s1);
		expect(bars.end).toBe(s9);
		const sum = bars.start + bars.parts.reduce((x, y) => x + y, 0) + bars.interaction;
		expect(sum).toBeCloseTo(s9, 6);
		// Every lever lowers delayed bed-days at year 3.
		for (const part of bars.parts) expect(part).toBeLessThan(0);
	});

	it('S1 → S3 by Shapley: the three community levers’ shares sum to the whole change, none left over', () => {
		const { levers, bars } = bridge('S1', 'S3', true);
		expect(levers).toHaveLength(3);
		expect(bars.start + bars.parts.reduce((x, y) => x + y, 0)).toBeCloseTo(bars.end, 6);
		expect(Math.abs(bars.interaction)).toBeLessThan(1e-6 * Math.abs(bars.end));
	});
});
