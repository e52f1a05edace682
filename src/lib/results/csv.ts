/**
 * The one CSV writer behind every export (chart, fan chart, scenario table, the sim CLI).
 *
 * Fields follow RFC 4180: a field holding a comma, quote, CR or LF (or padded with spaces, which
 * spreadsheets would trim) is quoted and its quotes doubled. A text field that a spreadsheet would
 * run as a formula (starting `=`, `+`, `-`, `@`, tab or CR, the OWASP list) gets a leading `'`, so
 * a variable or scenario named `=HYPERLINK(…)` opens as text. Numbers are never touched: they are
 * written in full (shortest round-trip form, `-0`, `NaN`, `Infinity`) so a CSV re-read gives the
 * same values. Rows end in LF, which every spreadsheet reads.
 *
 * Hand-written rather than papaparse's `unparse`: that writes -0 as 0 and wants the whole table
 * as an array, where the sim CLI writes a run row by row.
 */
import type { RunResult } from '../engine/api';

export type CsvCell = string | number;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^ | $/;

/** A text field: neutralised against formula injection, then quoted if it must be. */
export function csvField(text: string): string {
	const safe = FORMULA_START.test(text) ? `'${text}` : text;
	return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvNumber(x: number): string {
	return Number.isNaN(x) ? 'NaN' : Object.is(x, -0) ? '-0' : String(x);
}

function csvCell(cell: CsvCell): string {
	return typeof cell === 'number' ? csvNumber(cell) : csvField(cell);
}

/** One line of CSV, with its line end. */
export function csvLine(cells: readonly CsvCell[]): string {
	return cells.map(csvCell).join(',') + '\n';
}

/** A whole table, header row first. */
export function toCsv(rows: Iterable<readonly CsvCell[]>): string {
	let text = '';
	for (const row of rows) text += csvLine(row);
	return text;
}

/** One run; with `scenario`, a leading scenario column (for several runs in one long file). */
export function resultsToCsv(
	result: RunResult,
	options: { scenario?: string; header?: boolean } = {}
): string {
	const lead = options.scenario !== undefined ? [options.scenario] : [];
	let text =
		options.header === false
			? ''
			: csvLine([...(options.scenario !== undefined ? ['scenario'] : []), 'time', ...result.names]);
	for (let r = 0; r < result.times.length; r++) {
		const row: CsvCell[] = [...lead, result.times[r]];
		for (const s of result.series) row.push(s[r]);
		text += csvLine(row);
	}
	return text;
}

/** Columns of equal length under a header: a time column, then one per series. */
export function columnsToCsv(
	header: readonly string[],
	columns: readonly ArrayLike<number>[]
): string {
	const length = columns[0]?.length ?? 0;
	let text = csvLine(header);
	for (let i = 0; i < length; i++) text += csvLine(columns.map((c) => c[i]));
	return text;
}
