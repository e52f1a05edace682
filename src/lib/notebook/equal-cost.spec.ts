import { describe, expect, it } from 'vitest';
import { openExample } from '../examples/example-notebook';
import { findScenario } from '../model/scenarios';
import { atBudget, leverChanges, spendOf } from './equal-cost';

describe('options at the same spend, on model A', () => {
	const a = openExample('whole-system-flow');
	const scenario = (code: string) => findScenario(a.document.scenarios, code)!;
	const s1 = scenario('S1');

	it('costs S2 and S3 from the levers’ costs a year: both about £11m, as the notebook says', () => {
		const s2 = spendOf(leverChanges(a.document, s1, scenario('S2')));
		const s3 = spendOf(leverChanges(a.document, s1, scenario('S3')));
		// 100 beds × £300 a day × 365; 50 × £180 + 200 × £55 + 345 × £29, a day × 365.
		expect(s2).toEqual({ spend: 100 * 300 * 365, currency: 'GBP', uncosted: [], mixed: false });
		expect(s3.spend).toBeCloseTo((50 * 180 + 200 * 55 + 345 * 29) * 365, 6);
	});

	it('scales each costed change so the whole costs the budget, and keeps an uncosted one', () => {
		const changes = leverChanges(a.document, s1, scenario('S2'));
		const at = atBudget(scenario('S2'), changes, 10e6)!;
		expect(at.scale).toBeCloseTo(10e6 / 10.95e6, 12);
		expect(at.overrides.extra_acute_beds).toBeCloseTo(91.324, 3);
		expect(at.overrides.demand_growth).toBe(0.02);
		expect(
			spendOf(leverChanges(a.document, s1, { ...scenario('S2'), overrides: at.overrides })).spend
		).toBeCloseTo(10e6, 3);
		// S5 also switches the coping policies off: a change with no cost, named.
		const s5 = spendOf(leverChanges(a.document, s1, scenario('S5')));
		expect(s5.uncosted).toEqual([expect.stringMatching(/coping/i)]);
	});

	it('cannot scale an option that moves no costed lever', () => {
		expect(
			atBudget(scenario('S8'), leverChanges(a.document, s1, scenario('S8')), 10e6)
		).toBeUndefined();
	});
});
