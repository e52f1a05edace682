/**
 * Model C, workforce capacity → service capacity (../shared/domain/example-models.md §7): the
 * notebook is faithful and steady, and the insights it states hold as directions. Times are in years.
 */
import { describe, expect, it } from 'vitest';
import { change, openExample } from './example-notebook';
import { describeNotebookBasics } from './shared-checks';

describeNotebookBasics({
	slug: 'workforce-capacity',
	specFile: 'workforce_to_service_capacity',
	baseline: 'C0',
	reference: 'C1',
	// The specification verified a drift of at most 0.14%.
	maxDrift: 0.0025,
	cli: { scenario: 'C4', column: 'hc_commissioned', last: 5600, rows: 3651 }
});

const c = () => openExample('workforce-capacity');
const run = (scenario: string) => c().run(scenario);
/** Deliverable home-care capacity against doing nothing (C1): 0.1 is 10% more. */
const homeCareAgainstC1 = (scenario: string, year: number) =>
	change(run(scenario).at('hc_capacity', year), run('C1').at('hc_capacity', year));

describe('workforce capacity: the example in the issue', () => {
	it('commissioning packages alone (C4) adds under 5% deliverable home care, pay plus packages (C6) over 10%', () => {
		for (const year of [3, 5]) {
			expect(homeCareAgainstC1('C4', year), `year ${year}`).toBeLessThan(0.05);
			expect(homeCareAgainstC1('C6', year), `year ${year}`).toBeGreaterThan(0.1);
		}
	});
});

describe('workforce capacity: what the model shows (specification, "What the models should let a board see")', () => {
	it('doing nothing (C1) shrinks the care workforce, more than doubles delayed transfers by year 3, and takes 4-hour performance below 75%', () => {
		const c1 = run('C1');
		expect(c1.at('Care_Workers', 3)).toBeLessThan(c1.at('Care_Workers', 0));
		expect(c1.at('hc_capacity', 5)).toBeLessThan(c1.at('hc_capacity', 1));
		expect(c1.at('Awaiting_Home_Care', 3)).toBeGreaterThan(2 * c1.at('Awaiting_Home_Care', 0));
		expect(run('C0').at('four_hour_performance', 3)).toBeGreaterThan(0.9);
		expect(c1.at('four_hour_performance', 3)).toBeLessThan(0.75);
	});

	it('commissioning packages without care workers (C4) adds little: under 1% deliverable home care by year 3', () => {
		expect(homeCareAgainstC1('C4', 3)).toBeGreaterThan(0);
		expect(homeCareAgainstC1('C4', 3)).toBeLessThan(0.01);
		// The packages are there; the carers are not.
		expect(run('C4').at('hc_commissioned', 3)).toBe(5600);
		expect(run('C4').at('hc_capacity', 3)).toBeCloseTo(run('C4').at('hc_workforce_capacity', 3), 9);
	});

	it('pay unlocks it: pay alone (C5) adds 2–4%, pay with packages (C6) about 16% and cuts delayed transfers by about three-quarters', () => {
		for (const year of [3, 5]) {
			expect(homeCareAgainstC1('C5', year), `year ${year}`).toBeGreaterThan(0.02);
			expect(homeCareAgainstC1('C5', year), `year ${year}`).toBeLessThan(0.04);
			expect(homeCareAgainstC1('C5', year), `year ${year}`).toBeGreaterThan(
				homeCareAgainstC1('C4', year)
			);
		}
		expect(homeCareAgainstC1('C6', 3)).toBeGreaterThan(0.15);
		expect(
			change(run('C6').at('Awaiting_Home_Care', 3), run('C1').at('Awaiting_Home_Care', 3))
		).toBeLessThan(-0.7);
	});

	it('unstaffed beds are staffed by agency at a premium (C2); with international nurses (C3) agency use falls below doing nothing', () => {
		const [c1, c2, c3] = [run('C1'), run('C2'), run('C3')];
		expect(c2.at('staffed_beds', 1) - c1.at('staffed_beds', 1)).toBeGreaterThan(75);
		const extraAgency = c2.at('rn_temp_staff', 1) - c1.at('rn_temp_staff', 1);
		const extraNurses = c2.at('Ward_RNs', 1) - c1.at('Ward_RNs', 1);
		expect(extraAgency).toBeGreaterThan(0.4 * c1.at('rn_temp_staff', 1));
		expect(extraAgency).toBeGreaterThan(3 * extraNurses);
		// Agency nurses cost more than nurses in post: the premium the beds are staffed at.
		expect(c().variable('rn_temp_cost_per_fte')).toMatchObject({ equation: '70000' });
		expect(c().variable('rn_cost_per_fte')).toMatchObject({ equation: '45000' });
		for (const year of [3, 5]) {
			expect(c2.at('rn_temp_staff', year), `year ${year}`).toBeGreaterThan(
				c1.at('rn_temp_staff', year)
			);
			expect(c3.at('rn_temp_staff', year), `year ${year}`).toBeLessThan(
				c1.at('rn_temp_staff', year)
			);
		}
		expect(c3.at('Cumulative_Workforce_Cost', 5)).toBeLessThan(
			c2.at('Cumulative_Workforce_Cost', 5)
		);
	});

	it('the care workforce has a tipping point: 4% less labour supply loses over 5% of carers in ten years, 20% more gains nothing', () => {
		const base = run('C0');
		const scarce = c().run('applicants 480', { cw_applicant_supply: 480 });
		const plentiful = c().run('applicants 600', { cw_applicant_supply: 600 });
		expect(change(scarce.at('Care_Workers', 10), base.at('Care_Workers', 10))).toBeLessThan(-0.05);
		expect(scarce.at('Awaiting_Home_Care', 10)).toBeGreaterThan(
			2.5 * base.at('Awaiting_Home_Care', 10)
		);
		expect(
			Math.abs(change(plentiful.at('Care_Workers', 10), base.at('Care_Workers', 10)))
		).toBeLessThan(0.001);
		// Disproportionate: the workforce falls by more than the supply did.
		expect(-change(scarce.at('Care_Workers', 10), base.at('Care_Workers', 10))).toBeGreaterThan(
			0.04
		);
	});
});
