/**
 * The bathtub tutorial: Little's law (occupied beds = admissions a day × length of stay) and the
 * winter surge, as its text tells them, and the same law in the whole-system notebook's baseline.
 */
import { describe, expect, it } from 'vitest';
import { openExample } from './example-notebook';
import { describeNotebookBasics } from './shared-checks';

describeNotebookBasics({
	slug: 'bathtub-basics',
	baseline: 'Baseline',
	reference: 'Baseline',
	codedScenarios: false,
	// The baseline has its winter surge built in; the tests below check the steady state around it.
	steadyBaseline: false,
	maxDrift: 0.0025,
	cli: { scenario: 'Shorter stays', column: 'Occupied Beds', last: 160, rows: 1461 }
});

const tub = () => openExample('bathtub-basics');
const run = (scenario: string) => tub().run(scenario);

describe("bathtub basics: Little's law, as the notebook tells it", () => {
	it('starts at 40 admissions a day × 5 days = 200 beds, 87% of the 230 open, and stays there until the surge', () => {
		expect(run('Baseline').at('Occupied Beds', 0)).toBe(200);
		expect(run('Baseline').at('Occupancy', 0)).toBeCloseTo(0.87, 2);
		expect(run('Baseline').at('Occupied Beds', 119)).toBeCloseTo(200, 9);
		expect(run('Baseline').at('Discharges', 60)).toBeCloseTo(
			run('Baseline').at('Admissions', 60),
			9
		);
	});

	it('fills towards 48 × 5 = 240 beds in the surge, passing the 230 open about a week in, and drains back after it', () => {
		const baseline = run('Baseline');
		const over = baseline.firstTimeAtLeast('Occupied Beds', 230)!;
		expect(over - 120).toBeGreaterThanOrEqual(5);
		expect(over - 120).toBeLessThanOrEqual(9);
		expect(baseline.at('Occupied Beds', 135)).toBeGreaterThan(235); // about two weeks in
		expect(baseline.at('Occupied Beds', 209)).toBeCloseTo(240, 3);
		expect(baseline.at('Occupied Beds', 300)).toBeCloseTo(200, 3);
	});

	it('with shorter stays (4 days) needs 160 beds, and 48 × 4 = 192 in the surge: never over capacity', () => {
		const shorter = run('Shorter stays');
		expect(shorter.at('Occupied Beds', 0)).toBe(160);
		expect(shorter.at('Occupied Beds', 209)).toBeCloseTo(192, 3);
		expect(Math.max(...shorter.series('Occupied Beds'))).toBeLessThan(230);
	});

	it('holds in the whole-system baseline: about 293.5 emergency admissions a day × 4.5 days ≈ 1,321 beds; 1,640 of 1,850 beds in use', () => {
		const a = openExample('whole-system-flow').run('S0');
		expect(a.at('ward_admissions', 1)).toBeCloseTo(293.5, 0);
		expect(a.at('ward_admissions', 1) * 4.5).toBeCloseTo(a.at('NEL_Inpatients', 1), 0);
		expect(a.at('mffd_patients', 1)).toBeCloseTo(82, 0);
		expect(a.at('occupied_beds', 1)).toBeGreaterThan(1635);
		expect(a.at('occupied_beds', 1)).toBeLessThan(1650);
		expect(a.at('occupancy', 1)).toBeCloseTo(0.89, 2);
	});
});
