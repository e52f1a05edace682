/**
 * A data file as a grid of cells, the first row its headings. CSV is read by papaparse (quoted
 * fields, embedded commas and newlines, any line ending, a byte-order mark); XLSX, XLS and ODS by
 * SheetJS (@e965/xlsx), loaded only when a spreadsheet is imported so the page never carries it
 * otherwise. Rows and columns are counted as the file shows them: row 1 is the heading row.
 */
import Papa from 'papaparse';

/** A cell as read: text from CSV; a number, text, boolean or date from a spreadsheet; null when empty. */
export type DataCell = string | number | boolean | Date | null;

export interface DataGrid {
	/** The file's name, for messages. */
	name: string;
	rows: DataCell[][];
}

/** The spreadsheet column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
	let letters = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	return letters;
}

/** A CSV text as a grid; throws an Error naming the row when papaparse cannot read it. */
export function csvGrid(name: string, text: string): DataGrid {
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
		skipEmptyLines: 'greedy'
	});
	// A delimiter papaparse had to guess on a one-column file is not a problem: the file has one column.
	const problem = parsed.errors.find((e) => e.code !== 'UndetectableDelimiter');
	if (problem)
		throw new Error(
			`${name}${problem.row !== undefined ? `, row ${problem.row + 1}` : ''}: ${problem.message}`
		);
	return {
		name,
		rows: parsed.data.map((row) => row.map((cell) => (cell.trim() === '' ? null : cell)))
	};
}

/** The first sheet of a spreadsheet's bytes as a grid; throws an Error naming the file when unreadable. */
export async function spreadsheetGrid(name: string, bytes: Uint8Array): Promise<DataGrid> {
	const XLSX = await import('@e965/xlsx');
	let book;
	try {
		book = XLSX.read(bytes, {
			type: 'array',
			cellDates: true,
			cellFormula: false,
			cellHTML: false
		});
	} catch (e) {
		throw new Error(
			`${name} cannot be read as a spreadsheet: ${e instanceof Error ? e.message : e}`,
			{
				cause: e
			}
		);
	}
	const first = book.SheetNames[0];
	if (first === undefined) throw new Error(`${name} has no sheets`);
	const rows = XLSX.utils.sheet_to_json<DataCell[]>(book.Sheets[first], {
		header: 1,
		raw: true,
		defval: null,
		blankrows: false
	});
	return {
		name,
		rows: rows.map((row) => row.map((cell) => (cell instanceof Date ? calendarDay(cell) : cell)))
	};
}

/**
 * SheetJS makes a spreadsheet date at local midnight (and a few seconds off, at times); the day
 * meant is the nearest local day, kept here as UTC midnight as model/calendar.ts counts days.
 */
function calendarDay(date: Date): Date {
	const local = date.getTime() - date.getTimezoneOffset() * 60_000;
	return new Date(Math.round(local / 86_400_000) * 86_400_000);
}

const TEXT_FILE = /\.(csv|txt|tsv)$/i;

/** A data file (CSV, or a spreadsheet by its other extensions) as a grid. */
export async function readDataFile(name: string, bytes: Uint8Array): Promise<DataGrid> {
	if (TEXT_FILE.test(name)) return csvGrid(name, new TextDecoder().decode(bytes));
	return spreadsheetGrid(name, bytes);
}
