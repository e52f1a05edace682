/**
 * The examples' lever costs follow from each model's own cost constants
 * (../shared/domain/example-models.md), so the equal-cost and optimisation cells spend what the
 * model itself charges: a unit of each lever a year.
 */
import { describe, expect, it } from 'vitest';
import { openExample } from './example-notebook';

function notebook(slug: string) {
	const { document } = openExample(slug);
	const constant = (name: string): number => {
		const v = document.model.variables.find((x) => x.name.toLowerCase() === name.toLowerCase());
		const value = Number(v && 'equation' in v ? v.equation : NaN);
		if (!Number.isFinite(value)) throw new Error(`${slug}: ${name} is not a constant`);
		return value;
	};
	const cost = (lever: string) => document.levers.find((l) => l.variable === lever)?.cost;
	return { constant, cost };
}

describe('lever costs in the examples', () => {
	it('model A: each capacity lever costs its day rate for a year; the master lever the base capacity it grows', () => {
		const { constant, cost } = notebook('whole-system-flow');
		const year = constant('days_per_year');
		expect(cost('extra_acute_beds')?.perYear).toBe(constant('cost_acute_bed_day') * year);
		expect(cost('extra_ic_beds')?.perYear).toBe(constant('cost_ic_bed_day') * year);
		// community_uplift = 1 + extra_community_capacity scales IC beds, reablement and home care.
		const base =
			constant('ic_beds') * constant('cost_ic_bed_day') +
			constant('reablement_places') * constant('cost_reablement_place_day') +
			constant('home_care_packages') * constant('cost_home_care_package_day');
		expect(cost('extra_community_capacity')).toEqual({ perYear: base * year, currency: 'GBP' });
	});

	it('model B: a post costs a nurse a year, a training place a year three years of training, a recruit its recruitment', () => {
		const { constant, cost } = notebook('nurse-pipeline');
		expect(cost('extra_posts')?.perYear).toBe(constant('nurse_cost_per_fte'));
		// Three stages of stage_time each: a place a year keeps three students in training.
		expect(cost('extra_training_places')?.perYear).toBe(
			3 * constant('stage_time') * constant('training_cost_per_student_year')
		);
		expect(cost('extra_international_recruits')?.perYear).toBe(constant('intl_cost_per_recruit'));
	});

	it('model C: an appointment a day from other practice roles costs its price every day of the year', () => {
		const { constant, cost } = notebook('workforce-capacity');
		expect(cost('other_roles_appts')?.perYear).toBe(
			constant('cost_per_other_role_appt') * constant('days_per_year')
		);
	});
});
