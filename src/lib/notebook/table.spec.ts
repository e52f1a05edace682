import { describe, expect, it } from 'vitest';
import { judge, scenarioTableCsv, summarise } from './table';

describe('summarise', () => {
	it('reads values at times, the total over the run and the peak', () => {
		const times = [0, 1, 2, 3, 4];
		const values = [1, 3, 5, 4, 2];
		expect(summarise(times, values, [1, 3, 9])).toEqual({
			at: [3, 4, NaN],
			cumulative: 13,
			peak: 5
		});
		expect(summarise(times, values, [], 2).cumulative).toBe(6.5);
	});
});

describe('judge', () => {
	it('marks a difference better or worse by the direction the document says is better', () => {
		expect(judge(-2, 'lower')).toBe('better');
		expect(judge(2, 'lower')).toBe('worse');
		expect(judge(2, 'higher')).toBe('better');
		expect(judge(0, 'higher')).toBeUndefined();
		expect(judge(2, undefined)).toBeUndefined();
	});
});

describe('scenarioTableCsv', () => {
	const columns = ['Year 1', 'Total (× year)', 'Peak'];
	const base = { at: [10], cumulative: 100, peak: 12 };
	const plan = { at: [8], cumulative: 90, peak: 11.5 };

	it('quotes a scenario named Plan "A", cheap as RFC 4180 says, and writes differences', () => {
		const csv = scenarioTableCsv(columns, [
			{
				label: 'Beds, occupied',
				summaries: [
					{ scenario: 'Baseline', summary: base },
					{ scenario: 'Plan "A", cheap', summary: plan }
				]
			}
		]);
		expect(csv.split('\n')).toEqual([
			'output,scenario,Year 1,Total (× year),Peak,Year 1 difference,Total (× year) difference,Peak difference',
			'"Beds, occupied",Baseline,10,100,12,0,0,0',
			'"Beds, occupied","Plan ""A"", cheap",8,90,11.5,-2,-10,-0.5',
			''
		]);
	});

	it('neutralises a label a spreadsheet would run, skips scenarios not run, NaN without a baseline', () => {
		const csv = scenarioTableCsv(columns, [
			{
				label: '=cmd()',
				summaries: [
					{ scenario: 'Baseline', summary: undefined },
					{ scenario: '@plan', summary: plan }
				]
			}
		]);
		expect(csv.split('\n')[1]).toBe("'=cmd(),'@plan,8,90,11.5,NaN,NaN,NaN");
		expect(csv.split('\n')).toHaveLength(3);
	});
});
