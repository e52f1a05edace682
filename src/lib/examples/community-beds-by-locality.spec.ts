/**
 * The arrayed example: one bathtub per locality. Little's law holds in each locality, and the
 * step-down plan fills Central beyond its beds while the area as a whole looks comfortable, as
 * the notebook's text says.
 */
import { describe, expect, it } from 'vitest';
import { openExample } from './example-notebook';
import { describeNotebookBasics } from './shared-checks';

describeNotebookBasics({
	slug: 'community-beds-by-locality',
	baseline: 'S0',
	reference: 'S0',
	// Step-down begins on day 90, so the baseline is steady only before it.
	steadyBaseline: false,
	maxDrift: 1e-9,
	cli: { scenario: 'S2', column: 'Patients in Community Beds[Central]', last: 133, rows: 729 }
});

const run = (scenario: string) => openExample('community-beds-by-locality').run(scenario);
const patients = (locality: string) => `Patients in Community Beds[${locality}]`;

describe("community beds by locality: Little's law in each locality", () => {
	it('starts each locality at referrals a day × 21 days: 84, 126 and 63 patients, 84% of 325 beds', () => {
		const s0 = run('S0');
		expect([
			s0.at(patients('North'), 0),
			s0.at(patients('Central'), 0),
			s0.at(patients('South'), 0)
		]).toEqual([84, 126, 63]);
		expect(s0.at('Overall Occupancy', 0)).toBeCloseTo(273 / 325, 12);
		expect(s0.at(patients('Central'), 12)).toBe(126); // week 12 is day 84, before step-down
	});

	it('with step-down heads for 94.5, 147 and 73.5 patients: Central over its 140 beds while the area is at 97%', () => {
		const s0 = run('S0');
		expect(s0.at(patients('North'), 104)).toBeCloseTo(94.5, 6);
		expect(s0.at(patients('Central'), 104)).toBeCloseTo(147, 6);
		expect(s0.at(patients('South'), 104)).toBeCloseTo(73.5, 6);
		expect(s0.at('Occupancy[Central]', 104)).toBeCloseTo(1.05, 6);
		expect(s0.at('Overall Occupancy', 104)).toBeCloseTo(315 / 325, 6);
		expect(s0.at('Total Patients in Community Beds', 104)).toBeCloseTo(315, 6);
	});

	it('approaches the new level as a first-order system: 1 − e^(−t/21) of the way after t days', () => {
		const s0 = run('S0');
		// Week 26 is day 182, 92 days after step-down began on day 90; Euler at dt 0.25 is within 0.1%.
		const expected = 126 + 21 * (1 - Math.exp(-92 / 21));
		expect(s0.at(patients('Central'), 26)).toBeCloseTo(expected, 1);
	});

	it('without step-down stays where it started; with 19-day stays brings Central to 133 (95%)', () => {
		expect(run('S1').at(patients('Central'), 104)).toBeCloseTo(126, 9);
		expect(run('S2').at(patients('Central'), 104)).toBeCloseTo(133, 6);
		expect(run('S2').at('Occupancy[Central]', 104)).toBeCloseTo(0.95, 6);
	});
});
