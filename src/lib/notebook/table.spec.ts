import { describe, expect, it } from 'vitest';
import { judge, scenarioTableCsv, summarise } from './table';

describe('summarise', () => {
	const times = [0, 1, 2, 3, 4];
	const values = [1, 3, 5, 4, 2];
	const whole = { from: 0, to: 4 };

	it('reads values at times, the total of a rate over the period (the left sum) and the peak', () => {
		expect(summarise(times, values, [1, 3, 9], { ...whole, treatment: 'total' })).toEqual({
			at: [3, 4, NaN],
			over: 13,
			peak: 5
		});
		// A rate per year in a model of days: each day adds a 365th.
		const perYear = summarise(times, values, [], { ...whole, treatment: 'total', factor: 1 / 365 });
		expect(perYear.over).toBeCloseTo(13 / 365, 12);
		// Up to year 2 only: 1 + 3.
		expect(summarise(times, values, [], { from: 0, to: 2, treatment: 'total' }).over).toBe(4);
	});

	it('averages a level over the period, never sums it, and reads a running total at its end', () => {
		expect(summarise(times, values, [], { ...whole, treatment: 'average' }).over).toBe(13 / 4);
		expect(summarise(times, values, [], { from: 0, to: 3, treatment: 'end' }).over).toBe(4);
	});

	it('totals a flow to exactly what it adds to a stock under Euler (checked against the stock)', () => {
		// Stock' = 300 − stock / 5 from 0, Euler at DT 0.25 for 20 days: the inflow's total is the
		// stock's rise plus the outflow's total, to rounding.
		const dt = 0.25;
		const t: number[] = [];
		const stock: number[] = [];
		const inflow: number[] = [];
		const outflow: number[] = [];
		let s = 0;
		for (let i = 0; i <= 80; i++) {
			t.push(i * dt);
			stock.push(s);
			inflow.push(300);
			outflow.push(s / 5);
			s += dt * (300 - s / 5);
		}
		const period = { from: 0, to: 20, treatment: 'total' as const };
		const totalIn = summarise(t, inflow, [], period).over;
		const totalOut = summarise(t, outflow, [], period).over;
		expect(totalIn).toBeCloseTo(6000, 9);
		expect(totalIn - totalOut).toBeCloseTo(stock[80] - stock[0], 9);
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
	const columns = ['Year 1', 'Years 0–1', 'Peak'];
	const base = { at: [10], over: 100, peak: 12 };
	const plan = { at: [8], over: 90, peak: 11.5 };

	it('quotes a scenario named Plan "A", cheap as RFC 4180 says, and writes differences', () => {
		const csv = scenarioTableCsv(columns, [
			{
				label: 'Beds, occupied',
				over: 'Average',
				summaries: [
					{ scenario: 'Baseline', summary: base },
					{ scenario: 'Plan "A", cheap', summary: plan }
				]
			}
		]);
		expect(csv.split('\n')).toEqual([
			'output,scenario,over the period,Year 1,Years 0–1,Peak,Year 1 difference,Years 0–1 difference,Peak difference',
			'"Beds, occupied",Baseline,Average,10,100,12,0,0,0',
			'"Beds, occupied","Plan ""A"", cheap",Average,8,90,11.5,-2,-10,-0.5',
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
		expect(csv.split('\n')[1]).toBe("'=cmd(),'@plan,,8,90,11.5,NaN,NaN,NaN");
		expect(csv.split('\n')).toHaveLength(3);
	});
});
