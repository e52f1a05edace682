import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { columnLetters, csvGrid, readDataFile } from './cells';
import { seriesFromGrid } from './series';
import { timeOfCell } from './times';

const days = { startDate: '2025-10-01', timeUnits: 'day' };
const read = (text: string, calendar = {}) => seriesFromGrid(csvGrid('winter.csv', text), calendar);

describe('data series from a file', () => {
	it('reads a time column and a series per column, skipping empty cells', () => {
		const { series, problems } = read(
			'week,attendances,"beds, occupied"\n0,2100,410\n7,,415\n14,"2,180",420\n'
		);
		expect(problems).toEqual([]);
		expect(series.map((s) => s.name)).toEqual(['attendances', 'beds, occupied']);
		expect(series[0]).toMatchObject({ times: [0, 14], values: [2100, 2180], source: 'winter.csv' });
		expect(series[1].times).toEqual([0, 7, 14]);
	});

	it('maps calendar dates through the start date', () => {
		const { series, problems } = read('date,a\n2025-10-01,1\n2025-10-08,2\n2026-01-01,3\n', days);
		expect(problems).toEqual([]);
		// October has 31 days and November 30, December 31: 1 January is day 92.
		expect(series[0].times).toEqual([0, 7, 92]);
	});

	it('counts months as calendar months, part of a month by its days', () => {
		const months = { startDate: '2025-04-01', timeUnits: 'months' };
		expect(timeOfCell('2025-05-01', months)).toBe(1);
		expect(timeOfCell('2026-04-01', months)).toBe(12);
		expect(timeOfCell('2025-04-16', months)).toBeCloseTo(15 / 30, 12);
		expect(timeOfCell('2026-04-01', { startDate: '2025-04-01', timeUnits: 'year' })).toBe(1);
	});

	it('names the row and column of every bad cell', () => {
		const { series, problems } = read('t,a,b\n0,1,2\n1,x,3\n1,4,5\nlater,6,7\n3,,\n');
		expect(series).toEqual([]);
		expect(problems.map((p) => p.message)).toEqual([
			'winter.csv: row 4, column A: time 1 is not after 1 on row 3: times must increase',
			'winter.csv: row 5, column A: "later" is not a time: write model time as a number, or a date as yyyy-mm-dd',
			'winter.csv: row 3, column B ("a"): "x" is not a number'
		]);
	});

	it('says when dates cannot be read without a start date, and when a column has no heading', () => {
		expect(read('date,a\n2025-10-01,1\n').problems[0].message).toMatch(
			/row 2, column A: dates need the model to have a start date/
		);
		expect(read('t,,b\n0,1,2\n').problems[0].message).toBe(
			'winter.csv: row 1, column B has no heading: name the series it holds'
		);
		expect(read('t,a,A\n0,1,2\n').problems[0].message).toMatch(
			/row 1, column C: "A" is the same name as "a" in column B/
		);
		expect(read('t\n0\n').problems[0].message).toMatch(/needs a heading row/);
	});

	it('reads the first sheet of an XLSX file, with real dates', async () => {
		const sheet = XLSX.utils.aoa_to_sheet([
			['date', 'attendances'],
			[new Date(Date.UTC(2025, 9, 1)), 2100],
			[new Date(Date.UTC(2025, 9, 15)), 'n/a']
		]);
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, sheet, 'winter');
		const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }));
		const grid = await readDataFile('winter.xlsx', bytes);
		const { problems } = seriesFromGrid(grid, days);
		expect(problems.map((p) => p.message)).toEqual([
			'winter.xlsx: row 3, column B ("attendances"): "n/a" is not a number'
		]);
		grid.rows[2][1] = 2200;
		expect(seriesFromGrid(grid, days).series[0]).toMatchObject({
			times: [0, 14],
			values: [2100, 2200]
		});
	});

	it('says a CSV row papaparse cannot read', () => {
		expect(() => csvGrid('bad.csv', 't,a\n0,"1\n')).toThrow(/bad.csv, row 2/);
	});

	it('letters columns as spreadsheets do', () => {
		expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
	});
});
