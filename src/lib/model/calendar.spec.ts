import { describe, expect, it } from 'vitest';
import {
	calendarStep,
	calendarTicks,
	dateAfter,
	financialYear,
	instantLabel,
	isIsoDate,
	startDateProblem
} from './calendar';

const day = (date: Date | undefined) => date?.toISOString().slice(0, 10);

describe('model time as calendar dates', () => {
	it('knows the time units a calendar can count in, however they are written', () => {
		for (const unit of ['day', 'Days', 'DAY', 'd']) expect(calendarStep(unit)).toEqual({ days: 1 });
		expect(calendarStep('weeks')).toEqual({ days: 7 });
		expect(calendarStep('Months')).toEqual({ months: 1 });
		expect(calendarStep('quarter')).toEqual({ months: 3 });
		for (const unit of ['year', 'Years', 'yr']) expect(calendarStep(unit)).toEqual({ months: 12 });
		expect(calendarStep('hour')).toBeUndefined();
		expect(calendarStep(undefined)).toBeUndefined();
	});

	it('accepts only real dates written year-month-day', () => {
		expect(isIsoDate('2026-04-01')).toBe(true);
		expect(isIsoDate('2028-02-29')).toBe(true);
		expect(isIsoDate('2026-02-30')).toBe(false);
		expect(isIsoDate('1/4/2026')).toBe(false);
		expect(startDateProblem('2026-13-01', 'year')).toMatch(/year-month-day.*"2026-13-01"/);
		expect(startDateProblem('2026-04-01', 'hour')).toMatch(/days, weeks.*"hour"/);
		expect(startDateProblem('2026-04-01', 'day')).toBeUndefined();
		expect(startDateProblem(undefined, undefined)).toBeUndefined();
	});

	it('counts days, weeks, months and years from the start date', () => {
		expect(day(dateAfter('2026-04-01', 'day', 0))).toBe('2026-04-01');
		expect(day(dateAfter('2026-04-01', 'days', 30))).toBe('2026-05-01');
		expect(day(dateAfter('2026-04-01', 'week', 2))).toBe('2026-04-15');
		expect(day(dateAfter('2026-04-01', 'month', 13))).toBe('2027-05-01');
		expect(day(dateAfter('2026-04-01', 'quarter', 4))).toBe('2027-04-01');
		expect(day(dateAfter('2026-04-01', 'year', 5))).toBe('2031-04-01');
		// Half of April (30 days) is 15 days.
		expect(day(dateAfter('2026-04-01', 'month', 0.5))).toBe('2026-04-16');
		// A month after 31 January is the last day of February, not 3 March.
		expect(day(dateAfter('2026-01-31', 'month', 1))).toBe('2026-02-28');
		expect(dateAfter(undefined, 'day', 1)).toBeUndefined();
		expect(dateAfter('2026-04-01', 'hour', 1)).toBeUndefined();
	});

	it('names financial years April to March', () => {
		expect(financialYear(new Date('2026-04-01T00:00:00Z'))).toBe('2026/27');
		expect(financialYear(new Date('2027-03-31T00:00:00Z'))).toBe('2026/27');
		expect(financialYear(new Date('2099-12-31T00:00:00Z'))).toBe('2099/00');
	});

	it('names the end of a financial year, or else the day', () => {
		expect(instantLabel(new Date('2027-04-01T00:00:00Z'))).toBe('end of 2026/27');
		expect(instantLabel(new Date('2026-05-15T00:00:00Z'))).toBe('15 May 2026');
	});

	it('ticks a long run at each financial year, a short one at months', () => {
		const years = calendarTicks('2026-04-01', 'year', 0, 5);
		expect(years.map((t) => t.label)).toEqual([
			'2026/27',
			'2027/28',
			'2028/29',
			'2029/30',
			'2030/31',
			'2031/32'
		]);
		expect(years.map((t) => t.at)).toEqual([0, 1, 2, 3, 4, 5]);
		const days = calendarTicks('2026-04-01', 'day', 0, 1826);
		expect(days[1]).toEqual({ at: 365, label: '2027/28' });
		const short = calendarTicks('2026-04-01', 'day', 0, 90);
		expect(short.map((t) => t.label)).toEqual(['Apr 2026', 'May 2026', 'Jun 2026']);
		expect(short.map((t) => t.at)).toEqual([0, 30, 61]);
		// Thirty years get at most eight ticks.
		expect(calendarTicks('2026-04-01', 'year', 0, 30).length).toBeLessThanOrEqual(8);
		expect(calendarTicks(undefined, 'year', 0, 5)).toEqual([]);
	});
});
