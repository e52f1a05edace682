/**
 * Reading a conformance case's reference output: the `.csv` (comma) or `.tab` (tab separated)
 * file that Vensim, Stella or PySD wrote. First column is time, whatever it is called
 * ("Time", "time", "Months", "Month"); one column per variable after it.
 *
 * What the files in the suite actually contain, and what this reader copes with:
 * - CR, LF and CRLF line endings (all three occur), blank lines at the end;
 * - quoted headers (`"Inflow A[Entry 1,Column 1]"` in the subscripted Vensim .tab files); quoted
 *   fields may hold the separator, doubled quotes and line breaks;
 * - blank cells meaning "same as the previous row" (Vensim leaves constants blank after row 1);
 * - numbers written as `0.000`, `3.70764e+14`, `100.0`.
 * Vensim can also write its tab output transposed (variables as rows, times as columns); none of
 * the suite's files is, but a file whose header row is numbers after the first cell is read that way.
 */

export interface ExpectedOutput {
	/** Header of the first column, as written ("Time", "Months"). */
	timeColumn: string;
	/** Reference column names after the time column, quotes stripped. */
	columns: string[];
	times: number[];
	/**
	 * values[c][r] is column c at times[r]. Blank cells are filled with the previous row's value;
	 * null only where a column has no value yet (blank in the first rows).
	 */
	values: (number | null)[][];
}

export class ExpectedOutputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ExpectedOutputError';
	}
}

export type Separator = ',' | '\t';

/** `.tab` files are tab separated, `.csv` comma separated; anything else is sniffed from its header. */
export function separatorFor(path: string, text?: string): Separator {
	const lower = path.toLowerCase();
	if (lower.endsWith('.tab') || lower.endsWith('.tsv')) return '\t';
	if (lower.endsWith('.csv')) return ',';
	const firstLine = (text ?? '').split(/\r\n|\r|\n/, 1)[0] ?? '';
	return firstLine.includes('\t') ? '\t' : ',';
}

/**
 * Split delimited text into records of fields. Quoted fields ("...") may contain the separator,
 * line breaks and doubled quotes (""); the quotes themselves are removed. Records end at CR, LF
 * or CRLF outside quotes. Fields are returned as written (not trimmed).
 */
export function splitRecords(text: string, sep: Separator): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let i = 0;
	const n = text.length;
	let inQuotes = false;
	// A record is pushed at each line break and once at the end, unless the text ends with a break.
	let pending = false;
	while (i < n) {
		const ch = text[i];
		if (inQuotes) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i += 2;
					continue;
				}
				inQuotes = false;
				i++;
				continue;
			}
			field += ch;
			i++;
			continue;
		}
		if (ch === '"' && field.trim() === '') {
			// Opening quote (whitespace before it is dropped).
			field = '';
			inQuotes = true;
			pending = true;
			i++;
			continue;
		}
		if (ch === sep) {
			record.push(field);
			field = '';
			pending = true;
			i++;
			continue;
		}
		if (ch === '\r' || ch === '\n') {
			record.push(field);
			records.push(record);
			record = [];
			field = '';
			pending = false;
			i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
			continue;
		}
		field += ch;
		pending = true;
		i++;
	}
	if (inQuotes)
		throw new ExpectedOutputError('a quoted field is not closed before the end of the file');
	if (pending || field !== '' || record.length > 0) {
		record.push(field);
		records.push(record);
	}
	return records;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NOT_A_NUMBER = /^[+-]?nan$/i;
const INFINITE = /^([+-]?)(inf|infinity)$/i;

/** A cell as a number; undefined for a blank cell. Throws for text that is not a number. */
export function parseCell(raw: string): number | undefined {
	const s = raw.trim();
	if (s === '') return undefined;
	if (DECIMAL.test(s)) return Number(s);
	if (NOT_A_NUMBER.test(s)) return NaN;
	const inf = INFINITE.exec(s);
	if (inf) return inf[1] === '-' ? -Infinity : Infinity;
	throw new ExpectedOutputError(`"${s}" is not a number`);
}

function isBlankRecord(record: string[]): boolean {
	return record.every((f) => f.trim() === '');
}

function isNumeric(raw: string): boolean {
	try {
		return parseCell(raw) !== undefined;
	} catch {
		return false;
	}
}

/**
 * Vensim's transposed tab output: the first row is "Time" followed by the times, each further
 * row a variable name followed by its values. Recognised by a header whose cells after the
 * first are all numbers while the first column below it holds names.
 */
export function isTransposed(records: string[][]): boolean {
	if (records.length < 2) return false;
	const header = records[0];
	const rest = header.slice(1).filter((f) => f.trim() !== '');
	if (rest.length === 0 || !rest.every(isNumeric)) return false;
	return records.slice(1).some((r) => r[0] !== undefined && r[0].trim() !== '' && !isNumeric(r[0]));
}

function transpose(records: string[][]): string[][] {
	const width = Math.max(...records.map((r) => r.length));
	const out: string[][] = [];
	for (let c = 0; c < width; c++) out.push(records.map((r) => r[c] ?? ''));
	return out;
}

/** Parse the text of a reference output file. `sep` is ',' for .csv and '\t' for .tab. */
export function parseExpectedOutput(text: string, sep: Separator): ExpectedOutput {
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	let records = splitRecords(text, sep).filter((r) => !isBlankRecord(r));
	if (records.length === 0) throw new ExpectedOutputError('the file is empty');
	if (isTransposed(records)) records = transpose(records).filter((r) => !isBlankRecord(r));

	const header = records[0].map((h) => h.trim());
	// A trailing separator leaves empty header cells at the end: they are not columns.
	while (header.length > 1 && header[header.length - 1] === '') header.pop();
	if (header.length < 2) throw new ExpectedOutputError('the header has no columns after time');
	const emptyHeader = header.findIndex((h) => h === '');
	if (emptyHeader >= 0)
		throw new ExpectedOutputError(`column ${emptyHeader + 1} of the header has no name`);

	const width = header.length;
	const times: number[] = [];
	const values: (number | null)[][] = header.slice(1).map(() => []);
	for (let r = 1; r < records.length; r++) {
		const record = records[r];
		const line = `row ${r + 1}`;
		for (let c = width; c < record.length; c++) {
			if (record[c].trim() !== '')
				throw new ExpectedOutputError(
					`${line} has more cells (${record.length}) than the header (${width})`
				);
		}
		let t: number | undefined;
		try {
			t = parseCell(record[0] ?? '');
		} catch (e) {
			throw new ExpectedOutputError(`${line}, time column: ${(e as Error).message}`);
		}
		if (t === undefined || Number.isNaN(t)) throw new ExpectedOutputError(`${line} has no time`);
		times.push(t);
		for (let c = 1; c < width; c++) {
			let v: number | undefined;
			try {
				v = parseCell(record[c] ?? '');
			} catch (e) {
				throw new ExpectedOutputError(`${line}, column "${header[c]}": ${(e as Error).message}`);
			}
			const column = values[c - 1];
			column.push(v !== undefined ? v : column.length > 0 ? column[column.length - 1] : null);
		}
	}
	if (times.length === 0) throw new ExpectedOutputError('the file has a header but no rows');
	return { timeColumn: header[0], columns: header.slice(1), times, values };
}
