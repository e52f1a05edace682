/**
 * A data file's bytes as a Workbook (workbook.ts), through SheetJS: .xlsx, legacy .xls, .ods,
 * and text files (.csv, .tab, .txt) split by the separator Vensim's call names. SheetJS is the
 * one well-kept reader of both .xlsx and the binary .xls that older Vensim models still use;
 * @e965/xlsx is its npm republication with the 0.20 security fixes (the `xlsx` package on npm
 * stopped at 0.18.5). This module is imported only when a model reads a file, so the library
 * never weighs on a page that does not.
 */
import * as XLSX from '@e965/xlsx';
import {
	parseRangeReference,
	type CellRange,
	type CellValue,
	type Sheet,
	type Workbook
} from './workbook';

const TEXT_FILE = /\.(csv|tab|tsv|txt|dat|prn)$/i;

/** The workbook in a file; throws an Error naming the file when it cannot be read. */
export function readWorkbook(name: string, bytes: Uint8Array): Workbook {
	if (TEXT_FILE.test(name)) return textWorkbook(name, new TextDecoder().decode(bytes));
	let book: XLSX.WorkBook;
	try {
		book = XLSX.read(bytes, { type: 'array', cellFormula: false, cellHTML: false, dense: false });
	} catch (e) {
		throw new Error(
			`${name} cannot be read as a spreadsheet: ${e instanceof Error ? e.message : String(e)}`,
			{ cause: e }
		);
	}
	const sheets = new Map(book.SheetNames.map((n) => [n, sheetOf(n, book.Sheets[n])] as const));
	const names = book.Workbook?.Names ?? [];
	return {
		name,
		sheet: (tab) => sheets.get(tab) ?? findIgnoringCase(sheets, tab),
		sheetNames: () => [...sheets.keys()],
		namedRange(rangeName, tab) {
			const wanted = rangeName.toLowerCase();
			const tabIndex = book.SheetNames.findIndex((n) => n.toLowerCase() === tab.toLowerCase());
			// A name scoped to the sheet the call names wins over a workbook-wide one.
			const found =
				names.find((n) => n.Name.toLowerCase() === wanted && n.Sheet === tabIndex) ??
				names.find((n) => n.Name.toLowerCase() === wanted && n.Sheet === undefined) ??
				names.find((n) => n.Name.toLowerCase() === wanted);
			return found ? parseRangeReference(found.Ref) : undefined;
		}
	};
}

function findIgnoringCase(sheets: Map<string, Sheet>, tab: string): Sheet | undefined {
	for (const [n, sheet] of sheets) if (n.toLowerCase() === tab.toLowerCase()) return sheet;
	return undefined;
}

function sheetOf(name: string, ws: XLSX.WorkSheet): Sheet {
	return {
		name,
		cell(row, column) {
			const c = ws[XLSX.utils.encode_cell({ r: row, c: column })] as XLSX.CellObject | undefined;
			if (!c || c.t === 'z' || c.t === 'e' || c.v === undefined || c.v === null) return undefined;
			if (c.v instanceof Date) return c.v.getTime();
			return c.v as CellValue;
		}
	};
}

/** A text file: its "tab" argument is the separator, so each call splits the text its own way. */
function textWorkbook(name: string, text: string): Workbook {
	const bySeparator = new Map<string, Sheet>();
	return {
		name,
		sheet(tab) {
			const separator = tab === '\\t' || tab.toLowerCase() === 'tab' ? '\t' : tab || ',';
			if (separator.length !== 1) return undefined;
			let sheet = bySeparator.get(separator);
			if (!sheet) {
				sheet = splitText(name, text, separator);
				bySeparator.set(separator, sheet);
			}
			return sheet;
		},
		sheetNames: () => [],
		namedRange: (): CellRange | undefined => undefined
	};
}

/** The cells of a text file split by one separator (SheetJS honours RFC 4180 quoting). */
function splitText(name: string, text: string, separator: string): Sheet {
	// raw: every cell stays text, so "1/2/2020" is not taken for a date; numbers are ours to read.
	const book = XLSX.read(text, { type: 'string', FS: separator, raw: true });
	const ws = book.Sheets[book.SheetNames[0]];
	return {
		name,
		cell(row, column) {
			const c = ws?.[XLSX.utils.encode_cell({ r: row, c: column })] as XLSX.CellObject | undefined;
			if (!c || c.v === undefined || c.v === null) return undefined;
			const text = String(c.v).trim();
			if (text === '') return undefined;
			const n = Number(text);
			return Number.isFinite(n) ? n : text;
		}
	};
}
