import { describe, expect, it } from 'vitest';
import { csvRowChoices, csvRowIndices, timedCsv } from './csv-rows';

const days = (n: number) => Float64Array.from({ length: n + 1 }, (_, i) => i);

describe('a chart’s CSV, by saved time or by period', () => {
	const dated = { start: 0, stop: 730, timeUnits: 'day', startDate: '2026-04-01' };

	it('offers the periods longer than the time unit and no longer than the run', () => {
		expect(csvRowChoices(dated)).toEqual(['saved', 'month', 'quarter', 'year']);
		expect(csvRowChoices({ start: 0, stop: 60, timeUnits: 'days' })).toEqual(['saved', 'month']);
		expect(csvRowChoices({ start: 0, stop: 10, timeUnits: 'year' })).toEqual(['saved']);
		expect(csvRowChoices({ start: 0, stop: 36, timeUnits: 'Months' })).toEqual([
			'saved',
			'quarter',
			'year'
		]);
		// Time in no unit the calendar knows: only every saved time.
		expect(csvRowChoices({ start: 0, stop: 100, timeUnits: 'widgets' })).toEqual(['saved']);
	});

	it('keeps one row per calendar month, from the start date: 1 Apr 2026 is day 0, 1 May day 30', () => {
		const times = days(730);
		const kept = csvRowIndices(times, dated, 'month');
		expect(kept.slice(0, 4)).toEqual([0, 30, 61, 91]);
		expect(kept).toHaveLength(25); // 24 month starts from 1 Apr 2026 to 1 Apr 2028, and the end is one
		expect(kept.at(-1)).toBe(730);
	});

	it('counts quarters and years from April, as the financial year does', () => {
		const times = days(730);
		expect(csvRowIndices(times, dated, 'quarter').slice(0, 5)).toEqual([0, 91, 183, 275, 365]);
		expect(csvRowIndices(times, dated, 'year')).toEqual([0, 365, 730]);
	});

	it('without a start date, cuts the run into twelfths of a 365-day year', () => {
		const times = days(365);
		const specs = { start: 0, stop: 365, timeUnits: 'day' };
		const kept = csvRowIndices(times, specs, 'month');
		expect(kept.slice(0, 3)).toEqual([0, 30, 61]); // 30.42 and 60.83 days, to the nearest save
		expect(kept).toHaveLength(13);
	});

	it('writes time in the model’s units, a date column when there is a start date, and the values saved then', () => {
		const times = days(730);
		const values = Float64Array.from(times, (t) => t * 2);
		const csv = timedCsv(dated, times, [{ label: 'Occupied beds', values }], 'quarter');
		const lines = csv.trim().split('\n');
		expect(lines[0]).toBe('time (day),date,Occupied beds');
		expect(lines[1]).toBe('0,2026-04-01,0');
		expect(lines[2]).toBe('91,2026-07-01,182');
		expect(lines.at(-1)).toBe('730,2028-03-31,1460');
		const undated = timedCsv({ start: 0, stop: 3, timeUnits: 'year' }, days(3), [
			{ label: 'x', values: days(3) }
		]);
		expect(undated).toBe('time (year),x\n0,0\n1,1\n2,2\n3,3\n');
	});
});
