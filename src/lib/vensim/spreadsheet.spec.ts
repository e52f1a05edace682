/** Data files as workbooks: .xlsx and legacy .xls written by SheetJS itself, and text files. */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from './spreadsheet';

function spreadsheet(bookType: 'xlsx' | 'biff8'): Uint8Array {
	const ws = XLSX.utils.aoa_to_sheet([
		['time', 0, 1],
		['beds', 10.5, 12]
	]);
	const wb = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(wb, ws, 'Winter');
	wb.Workbook = { Names: [{ Name: 'BedSeries', Ref: 'Winter!$B$2:$C$2' }] };
	return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }));
}

describe('readWorkbook', () => {
	for (const [kind, name] of [
		['xlsx', 'in.xlsx'],
		['biff8', 'in.xls']
	] as const)
		it(`reads cells and named ranges of ${name}`, () => {
			const book = readWorkbook(name, spreadsheet(kind));
			expect(book.sheetNames()).toEqual(['Winter']);
			const sheet = book.sheet('winter')!;
			expect([sheet.cell(0, 0), sheet.cell(1, 1), sheet.cell(1, 2), sheet.cell(5, 5)]).toEqual([
				'time',
				10.5,
				12,
				undefined
			]);
			// SheetJS writes defined names into .xlsx only; .xls names are read (get_* cases) but not written.
			if (kind === 'xlsx')
				expect(book.namedRange('bedseries', 'Winter')).toEqual({
					sheet: 'Winter',
					first: { row: 1, column: 1 },
					last: { row: 1, column: 2 }
				});
		});

	it('splits a text file by the separator the call names, quotes honoured', () => {
		const text = 'time;beds\n0;"1;5"\n1;12\n';
		const book = readWorkbook('beds.csv', new TextEncoder().encode(text));
		const semicolons = book.sheet(';')!;
		expect([semicolons.cell(0, 1), semicolons.cell(1, 1), semicolons.cell(2, 1)]).toEqual([
			'beds',
			'1;5',
			12
		]);
		expect(book.sheet(',')!.cell(1, 0)).toBe('0;"1;5"');
		expect(book.sheet('two')).toBeUndefined();
	});

	it('names the file it cannot read', () => {
		expect(() => readWorkbook('broken.xlsx', new Uint8Array([80, 75, 3, 4, 1, 2, 3]))).toThrow(
			/^broken.xlsx cannot be read as a spreadsheet/
		);
	});
});
