/**
 * GET DIRECT / GET XLS functions, read from small workbooks built in the test. The layouts are
 * Vensim's ("GET XLS CONSTANTS", "GET XLS DATA", "GET DIRECT SUBSCRIPT" in its reference), the
 * same that the SDXorg get_* cases in ../shared/conformance/vensim check against Vensim's output.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../engine';
import { dataFileReferences } from './external-data';
import { readVensim } from './read';
import { sheetOfRows, type CellValue, type DataFiles, type Workbook } from './workbook';

const CONTROL = `
FINAL TIME = 10 ~ Month ~ |
INITIAL TIME = 0 ~ Month ~ |
SAVEPER = TIME STEP ~ Month ~ |
TIME STEP = 1 ~ Month [0,?] ~ |
`;

type Rows = (CellValue | undefined)[][];

function book(
	name: string,
	sheets: Record<string, Rows>,
	names: Record<string, string> = {}
): Workbook {
	return {
		name,
		sheet: (tab) => (sheets[tab] ? sheetOfRows(tab, sheets[tab]) : undefined),
		sheetNames: () => Object.keys(sheets),
		namedRange(n) {
			const ref = Object.entries(names).find(([k]) => k.toLowerCase() === n.toLowerCase())?.[1];
			if (!ref) return undefined;
			const [sheet, cells] = ref.split('!');
			const [a, b = a] = cells.split(':');
			const at = (t: string) => ({ row: Number(t.slice(1)) - 1, column: t.charCodeAt(0) - 65 });
			return { sheet, first: at(a), last: at(b) };
		}
	};
}

/** Rows from A1: a 2-D block. */
const SHEET: Rows = [
	['time', 0, 5, 10],
	['north', 1, 2, 3],
	['south', 10, undefined, 30],
	[undefined, 7, 8, 9]
];

function files(extra: Record<string, Workbook> = {}): DataFiles {
	return new Map(Object.entries({ 'in.xlsx': book('in.xlsx', { S: SHEET }), ...extra }));
}

function readWith(equations: string, given = files()) {
	return readVensim(`{UTF-8}\n${equations}\n${CONTROL}`, { files: given });
}

function run(equations: string, given = files()) {
	const read = readWith(equations, given);
	const errors = read.diagnostics.filter((d) => d.severity === 'error');
	if (errors.length) throw new Error(errors.map((d) => d.message).join('; '));
	const compiled = compileModel(read.model);
	if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('; '));
	const result = compiled.simulation.run();
	return (name: string) => [...compiled.simulation.seriesOf(result, name)!];
}

const REGION = 'Region: north, south ~~|\n';

describe('GET DIRECT CONSTANTS', () => {
	it('reads a scalar from its cell, a row across for one dimension, and a column with *', () => {
		const series = run(`${REGION}
one = GET DIRECT CONSTANTS('in.xlsx', 'S', 'C2') ~~|
across[Region] = GET DIRECT CONSTANTS('in.xlsx', 'S', 'B2') ~~|
down[Region] = GET XLS CONSTANTS('in.xlsx', 'S', 'B2*') ~~|`);
		expect(series('one')[0]).toBe(2);
		expect([series('across[north]')[0], series('across[south]')[0]]).toEqual([1, 2]);
		expect([series('down[north]')[0], series('down[south]')[0]]).toEqual([1, 10]);
	});

	it('reads a block for two dimensions: the first down, the second across', () => {
		const series = run(`${REGION}Col: c1, c2 ~~|
block[Region, Col] = GET DIRECT CONSTANTS('in.xlsx', 'S', 'B1') ~~|
flipped[Region, Col] = GET DIRECT CONSTANTS('in.xlsx', 'S', 'B1*') ~~|`);
		const at = (v: string) =>
			['north,c1', 'north,c2', 'south,c1', 'south,c2'].map((e) => series(`${v}[${e}]`)[0]);
		expect(at('block')).toEqual([0, 5, 1, 2]);
		expect(at('flipped')).toEqual([0, 1, 5, 2]);
	});

	it('names the empty cell and the element that needed it', () => {
		const { diagnostics } = readWith(
			`${REGION}x[Region] = GET DIRECT CONSTANTS('in.xlsx', 'S', 'C2*') ~~|`
		);
		expect(diagnostics[0]).toMatchObject({ severity: 'error', line: 3, variable: 'x' });
		expect(diagnostics[0].message).toBe(
			'cell C3 of S in in.xlsx is empty; x[south] needs a number there'
		);
	});

	it('reads a named range, and lists the sheets when the tab names none', () => {
		const named = files({ 'n.xlsx': book('n.xlsx', { S: SHEET }, { Norths: 'S!B2:D2' }) });
		const series = run(
			`${REGION}x[Region] = GET DIRECT CONSTANTS('n.xlsx', 'S', 'norths') ~~|`,
			named
		);
		expect([series('x[north]')[0], series('x[south]')[0]]).toEqual([1, 2]);
		const { diagnostics } = readWith("y = GET DIRECT CONSTANTS('in.xlsx', 'Sheet9', 'B2') ~~|");
		expect(diagnostics[0].message).toBe('in.xlsx has no sheet “Sheet9”; its sheets are S');
	});
});

describe('GET DIRECT LOOKUPS and DATA', () => {
	it('reads x values from a row and one series per element down the rows, leaving blanks out', () => {
		const series = run(`${REGION}
table[Region] = GET DIRECT LOOKUPS('in.xlsx', 'S', '1', 'B2') ~~|
y[Region] = table[Region](Time) ~~|`);
		// north: (0,1) (5,2) (10,3); south: (0,10) (10,30) with its blank at x = 5 left out.
		expect(series('y[north]')).toEqual(
			[1, 1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.4, 2.6, 2.8, 3].map((v) => expect.closeTo(v, 12))
		);
		expect(series('y[south]')[5]).toBeCloseTo(20, 12);
	});

	it('interpolates data over Time and holds the ends', () => {
		const column: Rows = [
			['t', 'a'],
			[2, 4],
			[4, 8],
			[6, 6]
		];
		const given = files({ 'd.csv': book('d.csv', { ',': column }) });
		const series = run("d := GET DIRECT DATA('d.csv', ',', 'A', 'B2') ~~|", given);
		// Before the first point and after the last, the value holds (Vensim's data extrapolation).
		expect(series('d')).toEqual([4, 4, 4, 6, 8, 7, 6, 6, 6, 6, 6]);
		// :HOLD BACKWARD: keeps each value until the next point (Vensim reference, "Data
		// equations"): 4 from t = 2, 8 from t = 4, 6 from t = 6.
		const held = run("d :HOLD BACKWARD: := GET DIRECT DATA('d.csv', ',', 'A', 'B2') ~~|", given);
		expect(held('d')).toEqual([4, 4, 4, 4, 8, 8, 6, 6, 6, 6, 6]);
		const interpolated = run(
			"d :INTERPOLATE: := GET DIRECT DATA('d.csv', ',', 'A', 'B2') ~~|",
			given
		);
		expect(interpolated('d')).toEqual(series('d'));
	});

	it('refuses :LOOK FORWARD: and :RAW: data by name, on the line it is written', () => {
		for (const keyword of ['LOOK FORWARD', 'RAW']) {
			const { diagnostics } = readWith(
				`d :${keyword}: := GET DIRECT DATA('d.csv', ',', 'A', 'B2') ~~|`
			);
			expect(diagnostics[0]).toMatchObject({ severity: 'error', line: 2, variable: 'd' });
			expect(diagnostics[0].message).toContain(`:${keyword}: data is not supported yet`);
		}
	});

	it('reads times and values from named ranges', () => {
		const named = files({
			'n.xlsx': book('n.xlsx', { S: SHEET }, { times: 'S!B1:D1', norths: 'S!B2:D2' })
		});
		const series = run("d := GET XLS DATA('n.xlsx', 'S', 'times', 'norths') ~~|", named);
		expect(series('d')[10]).toBe(3);
		expect(series('d')[5]).toBe(2);
	});

	it('names a cell that holds text where a number should be', () => {
		const bad = files({
			'b.xlsx': book('b.xlsx', {
				S: [
					[0, 1],
					['x', 'oops']
				]
			})
		});
		const { diagnostics } = readWith("d := GET XLS DATA('b.xlsx', 'S', '1', 'A2') ~~|", bad);
		expect(diagnostics[0]).toMatchObject({ variable: 'd', line: 2 });
		expect(diagnostics[0].message).toBe('cell A2 of S in b.xlsx holds “x”, not a number');
	});
});

describe('GET DIRECT SUBSCRIPT', () => {
	it('makes a range of the cells it names, each with the prefix', () => {
		const { model, diagnostics } = readWith(
			"Depth: GET DIRECT SUBSCRIPT('in.xlsx', 'S', 'B1', 'D1', 'd') ~~|\nx[Depth] = 1 ~~|"
		);
		expect(diagnostics).toEqual([]);
		expect(model.dimensions).toEqual([{ name: 'Depth', elements: ['d0', 'd5', 'd10'] }]);
	});
});

describe('the files a model reads', () => {
	it('are listed once each, as written, for the browser to ask for', () => {
		const text = `a = GET XLS DATA('data/In.xlsx', 'S', '1', 'B2') ~~|
b = GET_DIRECT_CONSTANTS( 'in.xlsx' , 'S', 'B2') ~~|
c = GET DIRECT LOOKUPS('other.csv', ',', 'A', 'B2') ~~|`;
		expect(dataFileReferences(text)).toEqual(['data/In.xlsx', 'other.csv']);
	});
});
