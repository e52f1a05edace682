/**
 * Model B, the registered-nurse pipeline (../shared/domain/example-models.md §7): the notebook is
 * faithful and steady, and the insights it states hold as directions. Times are in years.
 */
import { describe, expect, it } from 'vitest';
import { change, openExample } from './example-notebook';
import { describeNotebookBasics, simCli } from './shared-checks';

describeNotebookBasics({
	slug: 'nurse-pipeline',
	specFile: 'nurse_workforce_pipeline',
	baseline: 'B0',
	reference: 'B1',
	// The specification verified a drift of at most 0.13%.
	maxDrift: 0.0025,
	cli: { scenario: 'B4', column: 'intl_recruitment', last: 230, rows: 781 }
});

const b = () => openExample('nurse-pipeline');
const run = (scenario: string) => b().run(scenario);
/** Vacancies in a scenario against doing nothing (B1), as a relative change: -0.05 is 5% fewer. */
const vacanciesAgainstB1 = (scenario: string, year: number) =>
	change(run(scenario).at('vacancies', year), run('B1').at('vacancies', year));

describe('nurse pipeline: the example in the issue', () => {
	it('extra training places (B2) barely move vacancies by year 3, while international recruitment (B4) lowers them at once', () => {
		expect(Math.abs(vacanciesAgainstB1('B2', 3))).toBeLessThan(0.02);
		expect(vacanciesAgainstB1('B4', 2)).toBeLessThan(-0.05);
		expect(vacanciesAgainstB1('B4', 3)).toBeLessThan(-0.1);
	});
});

describe('nurse pipeline: what the model shows (specification, "What the models should let a board see")', () => {
	it('doing nothing (B1) lets the vacancy rate climb from 12% to about 20% by year 10, and agency spend double', () => {
		expect(run('B0').at('vacancy_rate', 0)).toBeCloseTo(0.119, 3);
		expect(run('B1').at('vacancy_rate', 3)).toBeGreaterThan(0.15);
		expect(run('B1').at('vacancy_rate', 10)).toBeGreaterThan(0.19);
		expect(
			run('B1').at('agency_cost_rate', 10) / run('B0').at('agency_cost_rate', 10)
		).toBeGreaterThan(1.9);
	});

	it('extra training places act only after about four years: under 2% fewer vacancies to year 3, over 5% from year 5, about 12% by year 10', () => {
		for (const year of [1, 2, 3])
			expect(Math.abs(vacanciesAgainstB1('B2', year)), `year ${year}`).toBeLessThan(0.02);
		expect(vacanciesAgainstB1('B2', 5)).toBeLessThan(-0.05);
		expect(vacanciesAgainstB1('B2', 10)).toBeLessThan(-0.1);
		// Most of the effect comes after year 4.
		expect(vacanciesAgainstB1('B2', 4) / vacanciesAgainstB1('B2', 10)).toBeLessThan(0.3);
	});

	it('retention (B3) and international recruitment (B4) act at once: at least 5% fewer vacancies within a year of starting', () => {
		expect(vacanciesAgainstB1('B3', 2)).toBeLessThan(-0.05);
		expect(vacanciesAgainstB1('B4', 2)).toBeLessThan(-0.05);
		// and each does more in its first year than training places do in three
		expect(vacanciesAgainstB1('B3', 2)).toBeLessThan(vacanciesAgainstB1('B2', 3));
	});

	it('a mixed package (B6) holds vacancies for about the same ten-year cost, because bank and agency spend falls', () => {
		const b6 = run('B6');
		for (const year of [2, 3, 5, 7, 10])
			expect(b6.at('vacancy_rate', year), `year ${year}`).toBeLessThanOrEqual(
				b6.at('vacancy_rate', 1)
			);
		expect(b6.at('vacancy_rate', 10)).toBeLessThan(0.13);
		expect(
			Math.abs(
				change(
					b6.at('Cumulative_Workforce_Cost', 10),
					run('B1').at('Cumulative_Workforce_Cost', 10)
				)
			)
		).toBeLessThan(0.02);
		expect(
			change(b6.at('Cumulative_Agency_Cost', 10), run('B1').at('Cumulative_Agency_Cost', 10))
		).toBeLessThan(-0.2);
	});
});

describe('nurse pipeline: npm run sim --scenario all', () => {
	it(
		'writes one long CSV with a scenario column, every scenario in the notebook in order',
		{ timeout: 60_000 },
		async () => {
			const run = await simCli('models/nurse-pipeline.flowbook.json', '--scenario', 'all');
			expect(run.code).toBe(0);
			const [header, ...rows] = run.stdout.trimEnd().split('\n');
			expect(header.split(',').slice(0, 2)).toEqual(['scenario', 'time']);
			const names = b().document.scenarios.map((s) => s.name);
			expect(rows).toHaveLength(names.length * 781);
			expect([...new Set(rows.map((r) => r.split(',')[0]))]).toEqual(names);
		}
	);
});
