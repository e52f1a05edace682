/**
 * The spreadsheets a Vensim model reads with GET DIRECT / GET XLS functions, as plain cells: the
 * .mdl reader looks cells up here and never sees a spreadsheet library (spreadsheet.ts fills
 * these from .xlsx, .xls and .csv bytes). Rows and columns count from 0; "B4" is row 3, column 1.
 */

export type CellValue = number | string | boolean;

export interface Sheet {
	name: string;
	cell(row: number, column: number): CellValue | undefined;
}

/** A rectangle of cells: `first` and `last` corners, inclusive. */
export interface CellRange {
	sheet?: string;
	first: { row: number; column: number };
	last: { row: number; column: number };
}

export interface Workbook {
	/** The file name, for messages. */
	name: string;
	/**
	 * The sheet Vensim's "tab" argument names. For a .csv or tab-separated file that argument
	 * is the separator (',' or '\t'), so the workbook splits its text by it.
	 */
	sheet(tab: string): Sheet | undefined;
	sheetNames(): string[];
	/** A named cell range (Excel's Name Manager), looked up case-insensitively. */
	namedRange(name: string, tab: string): CellRange | undefined;
}

/** Data files by the name a model gives them, compared by file name alone, case-insensitively. */
export type DataFiles = ReadonlyMap<string, Workbook>;

/** The key a file is kept under: `..\data\Inputs.XLSX` and `inputs.xlsx` are the same file. */
export function dataFileKey(path: string): string {
	return (path.split(/[\\/]/).pop() ?? path).toLowerCase();
}

/** "A" → 0, "AB" → 27; undefined when it is not letters. */
export function columnNumber(letters: string): number | undefined {
	if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
	let n = 0;
	for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
	return n - 1;
}

export function columnLetters(column: number): string {
	let s = '';
	for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
		s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

/** "B4" or "$B$4" → { row: 3, column: 1 }; undefined when it is not a cell address. */
export function cellAddress(text: string): { row: number; column: number } | undefined {
	const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
	if (!m) return undefined;
	const row = Number(m[2]) - 1;
	return row < 0 ? undefined : { row, column: columnNumber(m[1])! };
}

export function addressText(row: number, column: number): string {
	return `${columnLetters(column)}${row + 1}`;
}

/** "Sheet1!$B$4:$G$4", "'My sheet'!A1" or "B4:G4" as a range. */
export function parseRangeReference(ref: string): CellRange | undefined {
	const bang = ref.lastIndexOf('!');
	const sheet =
		bang >= 0
			? ref
					.slice(0, bang)
					.replace(/^'(.*)'$/, '$1')
					.replace(/''/g, "'")
			: '';
	const [from, to = from] = ref.slice(bang + 1).split(':');
	const first = cellAddress(from);
	const last = cellAddress(to);
	if (!first || !last) return undefined;
	return {
		...(sheet && { sheet }),
		first: { row: Math.min(first.row, last.row), column: Math.min(first.column, last.column) },
		last: { row: Math.max(first.row, last.row), column: Math.max(first.column, last.column) }
	};
}

/** A sheet made from rows of cells (a CSV's, or a test's). */
export function sheetOfRows(name: string, rows: readonly (readonly (CellValue | undefined)[])[]) {
	return {
		name,
		cell: (row: number, column: number) => rows[row]?.[column]
	} satisfies Sheet;
}
