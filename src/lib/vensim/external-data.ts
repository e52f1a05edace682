/**
 * Vensim's GET DIRECT / GET XLS / GET 123 functions, read once when the model is read: each
 * definition that calls one becomes ordinary definitions, one per element, that the rest of the
 * reader already knows: a number (CONSTANTS), a lookup (LOOKUPS), or an interpolated table of
 * Time (DATA). GET DIRECT SUBSCRIPT fills a range's elements. The layout rules follow Vensim's
 * reference ("GET XLS CONSTANTS", "GET XLS DATA", "GET DIRECT SUBSCRIPT"), checked against
 * Vensim's own output in ../shared/conformance/vensim (get_* cases):
 * - CONSTANTS(file, tab, cell): a scalar reads the cell; one free dimension reads across a row
 *   from it, two read a block (first dimension down, second across); `cell*` transposes.
 * - LOOKUPS and DATA(file, tab, x row or column, first cell): a row number puts the x values (the
 *   times) in that row and each series across, one row per element; a column letter puts them in
 *   that column and each series down, one column per element. Reading stops at the first blank
 *   x cell; a blank value leaves its point out, so the series interpolates over it.
 * - A cell argument may be a named range instead (Excel's Name Manager).
 */
import type { VExpr } from './ast';
import type {
	DataDefinition,
	Definition,
	EquationDefinition,
	LookupDefinition
} from './definitions';
import { VensimReadError } from './errors';
import type { Subscripts } from './subscripts';
import {
	addressText,
	cellAddress,
	columnNumber,
	dataFileKey,
	type CellValue,
	type DataFiles,
	type Sheet,
	type Workbook
} from './workbook';
import { canonicalName } from '../model/names';
import { product } from './arrays';

type Reads = 'constants' | 'lookups' | 'data' | 'subscript';

const DATA_FUNCTION = /^get_(?:direct|xls|123)_(constants|lookups|data|subscript)$/;

/** The file names a model's GET functions read, as written, each once, for asking the user. */
export function dataFileReferences(text: string): string[] {
	const found = new Map<string, string>();
	const call =
		/GET[ _]+(?:DIRECT|XLS|123)[ _]+(?:DATA|CONSTANTS|LOOKUPS|SUBSCRIPT)\s*\(\s*'([^']*)'/gi;
	for (const m of text.matchAll(call)) {
		const key = dataFileKey(m[1]);
		if (m[1].trim() && !m[1].startsWith('?') && !found.has(key)) found.set(key, m[1]);
	}
	return [...found.values()];
}

/** What a call of one of the functions reads, or undefined for any other expression. */
export function dataCallOf(e: VExpr | undefined): { reads: Reads; args: string[] } | undefined {
	if (e?.type !== 'call') return undefined;
	const m = DATA_FUNCTION.exec(canonicalName(e.name));
	if (!m) return undefined;
	const args = e.args.map((a) =>
		a.type === 'string' ? a.value : a.type === 'number' ? String(a.value) : undefined
	);
	if (args.some((a) => a === undefined)) return { reads: m[1] as Reads, args: [] };
	return { reads: m[1] as Reads, args: args as string[] };
}

const ARGUMENTS: Record<Reads, string> = {
	constants: "('file', 'tab', 'cell')",
	lookups: "('file', 'tab', 'x row or column', 'first cell')",
	data: "('file', 'tab', 'time row or column', 'first cell')",
	subscript: "('file', 'tab', 'first cell', 'last cell', 'prefix')"
};
const ARGUMENT_COUNT: Record<Reads, number> = { constants: 3, lookups: 4, data: 4, subscript: 5 };

/** Where a call reads, with its workbook and sheet found or a message saying which is missing. */
class Place {
	readonly sheet: Sheet;
	readonly book: Workbook;
	constructor(
		files: DataFiles | undefined,
		readonly file: string,
		readonly tab: string,
		private readonly fail: (message: string) => never
	) {
		const book = files?.get(dataFileKey(file));
		if (!book)
			fail(
				`reads ${file}, which was not given with the model: put it beside the .mdl (or choose it with the model when importing)`
			);
		this.book = book;
		const sheet = book.sheet(tab);
		if (!sheet)
			fail(
				book.sheetNames().length
					? `${file} has no sheet “${tab}”; its sheets are ${book.sheetNames().join(', ')}`
					: `“${tab}” is not a separator Vensim reads ${file} with (use ',' or '\\t')`
			);
		this.sheet = sheet;
	}

	/** A cell address or named range, with Vensim's trailing `*` (transpose) taken off. */
	start(text: string): { row: number; column: number; transposed: boolean; sheet: Sheet } {
		const transposed = text.trim().endsWith('*');
		const bare = text.trim().replace(/\*$/, '');
		const address = cellAddress(bare);
		if (address) return { ...address, transposed, sheet: this.sheet };
		const range = this.book.namedRange(bare, this.tab);
		if (!range)
			this.fail(`“${bare}” is neither a cell (like B2) nor a named range of ${this.file}`);
		const sheet = range.sheet ? (this.book.sheet(range.sheet) ?? this.sheet) : this.sheet;
		return { ...range.first, transposed, sheet };
	}

	/** A named range's cells in order, or undefined when `text` is not a name. */
	rangeCells(text: string): { row: number; column: number }[] | undefined {
		if (cellAddress(text.trim())) return undefined;
		const range = this.book.namedRange(text.trim(), this.tab);
		if (!range) return undefined;
		const cells = [];
		for (let row = range.first.row; row <= range.last.row; row++)
			for (let column = range.first.column; column <= range.last.column; column++)
				cells.push({ row, column });
		return cells;
	}

	describe(row: number, column: number, sheet = this.sheet): string {
		return `cell ${addressText(row, column)} of ${sheet.name} in ${this.file}`;
	}
}

function numberIn(value: CellValue | undefined): number | undefined {
	if (typeof value === 'number') return value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
		return Number(value);
	return undefined;
}

/** The elements of a range read from a file: GET DIRECT SUBSCRIPT(file, tab, first, last, prefix). */
export function subscriptElementsFromFile(
	args: string[],
	files: DataFiles | undefined,
	fail: (message: string) => never
): string[] {
	if (args.length !== 5)
		fail(`GET DIRECT SUBSCRIPT takes ${ARGUMENTS.subscript}, each in single quotes`);
	const [file, tab, firstText, lastText, prefix] = args;
	const place = new Place(files, file, tab, fail);
	const first = cellAddress(firstText);
	const last = lastText.trim() ? cellAddress(lastText) : first;
	if (!first || !last) fail(`“${first ? lastText : firstText}” is not a cell address like B2`);
	const elements: string[] = [];
	for (let row = first.row; row <= Math.max(last.row, first.row); row++)
		for (let column = first.column; column <= Math.max(last.column, first.column); column++) {
			const value = place.sheet.cell(row, column);
			if (value === undefined) {
				// With no last cell Vensim reads on to the first blank; with one, a blank is an error.
				if (!lastText.trim()) break;
				fail(
					`${place.describe(row, column)} is empty; each cell from ${firstText} to ${lastText} names an element`
				);
			}
			elements.push(`${prefix}${String(value).trim()}`);
		}
	if (!elements.length) fail(`${place.describe(first.row, first.column)} is empty`);
	return elements;
}

/**
 * Each definition that calls a GET function, turned into one definition per element; the others
 * as they are. A definition that cannot be read is reported and left out.
 */
export function expandDataDefinitions(
	definitions: Definition[],
	subscripts: Subscripts,
	files: DataFiles | undefined
): { definitions: Definition[]; errors: VensimReadError[] } {
	const out: Definition[] = [];
	const errors: VensimReadError[] = [];
	for (const d of definitions) {
		const rhs = d.kind === 'equation' || d.kind === 'data' ? d.rhs : undefined;
		const call = dataCallOf(rhs);
		if (!call || call.reads === 'subscript' || (d.kind !== 'equation' && d.kind !== 'data')) {
			out.push(d);
			continue;
		}
		try {
			out.push(...expandOne(d, { reads: call.reads, args: call.args }, subscripts, files));
		} catch (e) {
			if (!(e instanceof VensimReadError)) throw e;
			errors.push(e);
		}
	}
	return { definitions: out, errors };
}

function expandOne(
	d: EquationDefinition | DataDefinition,
	call: { reads: Exclude<Reads, 'subscript'>; args: string[] },
	subscripts: Subscripts,
	files: DataFiles | undefined
): Definition[] {
	const name = d.lhs.name;
	const fail: (message: string) => never = (message) => {
		throw new VensimReadError(message, d.entry.line, name);
	};
	const fn = (d.rhs as Extract<VExpr, { type: 'call' }>).name.toUpperCase();
	if (call.args.length !== ARGUMENT_COUNT[call.reads])
		fail(`${fn} takes ${ARGUMENTS[call.reads]}, each in single quotes`);
	if (d.lhs.except.length)
		fail(`${fn} cannot fill a definition with EXCEPT; define the elements it reads instead`);
	const free = d.lhs.subscripts.filter((s) => subscripts.isRange(s));
	const tuples = product(
		d.lhs.subscripts.map((s) => (subscripts.isRange(s) ? subscripts.elementsOf(s) : [s]))
	);
	// The position of each element along each free dimension, for the cell it reads.
	const sizes = free.map((s) => subscripts.elementsOf(s).length);
	const indices = product(sizes.map((n) => Array.from({ length: n }, (_, i) => String(i)))).map(
		(row) => row.map(Number)
	);
	const place = new Place(files, call.args[0], call.args[1], fail);
	const lhsFor = (i: number) => ({ name, subscripts: tuples[i], except: [] });

	if (call.reads === 'constants') {
		if (free.length > 2)
			fail(
				`${fn} reads one cell, a row or a block: ${name} has ${free.length} dimensions to fill; give it one definition per element of the others`
			);
		const start = place.start(call.args[2]);
		return tuples.map((_, i): EquationDefinition => {
			const [a = 0, b] = indices[i];
			const [down, across] = free.length === 2 ? [a, b!] : [0, a];
			const [row, column] = start.transposed
				? [start.row + across, start.column + down]
				: [start.row + down, start.column + across];
			const raw = start.sheet.cell(row, column);
			const value = numberIn(raw);
			if (value === undefined)
				fail(
					`${place.describe(row, column, start.sheet)} ${raw === undefined ? 'is empty' : `holds “${String(raw)}”`}; ${name}${tuples[i].length ? `[${tuples[i].join(',')}]` : ''} needs a number there`
				);
			return { kind: 'equation', lhs: lhsFor(i), rhs: { type: 'number', value }, entry: d.entry };
		});
	}

	const series = readSeries(place, call.args[2], call.args[3], tuples.length, fail);
	return tuples.map((_, i): Definition => {
		const table = series[i];
		if (!table.xs.length)
			fail(
				`${fn} found no numbers for ${name}${tuples[i].length ? `[${tuples[i].join(',')}]` : ''} in ${place.file}`
			);
		if (call.reads === 'lookups')
			return { kind: 'lookup', lhs: lhsFor(i), table, entry: d.entry } satisfies LookupDefinition;
		// A data variable is its points interpolated over Time (or held, with :HOLD BACKWARD:), and
		// held at either end, as Vensim does.
		const holds = d.kind === 'data' && d.between === 'hold backward';
		const rhs: VExpr = {
			type: 'call',
			name: 'WITH LOOKUP',
			subscripts: [],
			args: [
				{ type: 'name', name: 'Time', subscripts: [], start: 0 },
				{ type: 'table', table: holds ? { ...table, holds } : table }
			],
			start: 0
		};
		return { kind: 'equation', lhs: lhsFor(i), rhs, entry: d.entry } satisfies EquationDefinition;
	});
}

/** `count` series of (x, y) points laid out as LOOKUPS and DATA read them. */
function readSeries(
	place: Place,
	xText: string,
	firstText: string,
	count: number,
	fail: (message: string) => never
): { xs: number[]; ys: number[] }[] {
	const start = place.start(firstText);
	const sheet = start.sheet;
	// x cells in order, and the direction in which successive elements' series lie.
	let xCells: { row: number; column: number }[];
	let acrossRows: boolean;
	const named = place.rangeCells(xText);
	if (named) {
		xCells = named;
		acrossRows = named.length > 1 && named[0].row === named[1].row;
	} else if (/^\d+$/.test(xText.trim())) {
		const row = Number(xText) - 1;
		acrossRows = true;
		xCells = [];
		for (let column = start.column; sheet.cell(row, column) !== undefined; column++)
			xCells.push({ row, column });
	} else {
		const column = columnNumber(xText.trim());
		if (column === undefined)
			fail(
				`“${xText}” is neither a row number, a column letter nor a named range of ${place.file}`
			);
		acrossRows = false;
		xCells = [];
		for (let row = start.row; sheet.cell(row, column) !== undefined; row++)
			xCells.push({ row, column });
	}
	const xs = xCells.map((c) => {
		const x = numberIn(sheet.cell(c.row, c.column));
		if (x === undefined)
			fail(
				`${place.describe(c.row, c.column, sheet)} holds “${String(sheet.cell(c.row, c.column))}”, not a number for the x values`
			);
		return x;
	});
	return Array.from({ length: count }, (_, i) => {
		const points = { xs: [] as number[], ys: [] as number[] };
		xCells.forEach((_, j) => {
			const [row, column] = acrossRows
				? [start.row + i, start.column + j]
				: [start.row + j, start.column + i];
			const raw = sheet.cell(row, column);
			if (raw === undefined) return;
			const y = numberIn(raw);
			if (y === undefined)
				fail(`${place.describe(row, column, sheet)} holds “${String(raw)}”, not a number`);
			points.xs.push(xs[j]);
			points.ys.push(y);
		});
		return points;
	});
}
