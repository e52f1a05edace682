import { describe, expect, it } from 'vitest';
import type { RunResult } from '../engine/api';
import { columnsToCsv, csvField, csvLine, csvNumber, resultsToCsv, toCsv } from './csv';

function result(names: string[], times: number[], ...series: number[][]): RunResult {
	return {
		names,
		times: Float64Array.from(times),
		series: series.map((s) => Float64Array.from(s))
	};
}

/** A minimal RFC 4180 reader: enough to check that what we write reads back as written. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	if (field || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

describe('csvField', () => {
	it('leaves plain text alone', () => {
		expect(csvField('Teacup Temperature')).toBe('Teacup Temperature');
		expect(csvField('')).toBe('');
	});

	it('quotes text with commas, quotes, newlines or carriage returns, doubling the quotes', () => {
		expect(csvField('Beds, occupied')).toBe('"Beds, occupied"');
		expect(csvField('the "real" rate')).toBe('"the ""real"" rate"');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('cr\rhere')).toBe('"cr\rhere"');
	});

	it('quotes text with leading or trailing spaces so they survive', () => {
		expect(csvField(' padded')).toBe('" padded"');
		expect(csvField('padded ')).toBe('"padded "');
	});
});

describe('csvField against formula injection (OWASP CSV injection)', () => {
	it('prefixes text a spreadsheet would run as a formula with a quote mark', () => {
		expect(csvField('=HYPERLINK("http://x","click")')).toBe(
			`"'=HYPERLINK(""http://x"",""click"")"`
		);
		expect(csvField('+1 beds')).toBe("'+1 beds");
		expect(csvField('-10% beds')).toBe("'-10% beds");
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvField('\tcmd')).toBe("'\tcmd");
	});

	it('leaves other text and every number alone', () => {
		expect(csvField('Beds = 40')).toBe('Beds = 40');
		expect(csvField('a-b')).toBe('a-b');
		expect(csvLine([-2, -0, 'x'])).toBe('-2,-0,x\n');
	});
});

describe('toCsv and columnsToCsv', () => {
	it('write rows of text and numbers, each line ending in LF', () => {
		expect(
			toCsv([
				['scenario', 'value'],
				['Plan "A", cheap', -1.5]
			])
		).toBe('scenario,value\n"Plan ""A"", cheap",-1.5\n');
	});

	it('write columns under a header, and a header alone for no rows', () => {
		expect(
			columnsToCsv(
				['time (days)', 'Beds, occupied'],
				[
					[0, 1],
					[5, NaN]
				]
			)
		).toBe('time (days),"Beds, occupied"\n0,5\n1,NaN\n');
		expect(columnsToCsv(['time'], [[]])).toBe('time\n');
	});

	it('read back as written', () => {
		const rows = [
			['Plan "A", cheap', 'two\nlines', ' padded', 'plain'],
			['1', '-0', 'NaN', '2.5']
		];
		expect(parseCsv(toCsv([rows[0], rows[1].map(Number)]))).toEqual(rows);
	});
});

describe('csvNumber', () => {
	it('writes NaN and the infinities by name', () => {
		expect(csvNumber(NaN)).toBe('NaN');
		expect(csvNumber(Infinity)).toBe('Infinity');
		expect(csvNumber(-Infinity)).toBe('-Infinity');
	});
});

describe('resultsToCsv', () => {
	it('writes a header of time then the names, and one row per saved time', () => {
		const csv = resultsToCsv(
			result(['Stock', 'Flow'], [0, 0.5, 1], [10, 9, 8.1], [-2, -1.8, -1.62])
		);
		expect(csv).toBe('time,Stock,Flow\n0,10,-2\n0.5,9,-1.8\n1,8.1,-1.62\n');
	});

	it('quotes names with commas, quotes and newlines, and they read back as written', () => {
		const names = ['Beds, occupied', 'say "when"', 'two\nlines', 'plain'];
		const csv = resultsToCsv(result(names, [0], [1], [2], [3], [4]));
		expect(csv.split('\n')[0]).toBe('time,"Beds, occupied","say ""when""","two');
		const rows = parseCsv(csv);
		expect(rows).toEqual([
			['time', ...names],
			['0', '1', '2', '3', '4']
		]);
	});

	it('writes NaN as NaN', () => {
		const csv = resultsToCsv(result(['x'], [0, 1, 2], [1, NaN, Infinity]));
		expect(csv).toBe('time,x\n0,1\n1,NaN\n2,Infinity\n');
	});

	it('writes numbers in full: re-parsing gives identical doubles', () => {
		const values = [
			0.1 + 0.2,
			1 / 3,
			-2 / 3,
			Math.PI * 1e10,
			Number.MIN_VALUE,
			Number.MAX_VALUE,
			Number.EPSILON,
			1e21,
			1.0000000000000002,
			123456789.12345679,
			5e-324,
			-1.7976931348623157e308
		];
		let seed = 12345;
		for (let i = 0; i < 500; i++) {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			values.push((seed / 2 ** 31 - 0.5) * 10 ** ((seed % 40) - 20));
		}
		const times = values.map((_, i) => i * 0.1);
		const csv = resultsToCsv(result(['v'], times, values));
		const rows = parseCsv(csv).slice(1);
		expect(rows).toHaveLength(values.length);
		rows.forEach(([t, v], i) => {
			expect(Number(t)).toBe(times[i]);
			expect(Number(v)).toBe(values[i]);
		});
	});

	it('keeps the sign of negative zero', () => {
		const csv = resultsToCsv(result(['v'], [0], [-0]));
		expect(Object.is(Number(parseCsv(csv)[1][1]), -0)).toBe(true);
	});

	it('with a scenario, leads each row with a scenario column', () => {
		const r = result(['Stock'], [0, 1], [5, 6]);
		expect(resultsToCsv(r, { scenario: 'Baseline' })).toBe(
			'scenario,time,Stock\nBaseline,0,5\nBaseline,1,6\n'
		);
		expect(resultsToCsv(r, { scenario: 'S1, more beds' })).toBe(
			'scenario,time,Stock\n"S1, more beds",0,5\n"S1, more beds",1,6\n'
		);
	});

	it('leaves the header out when asked, so several runs make one long file', () => {
		const a = result(['Stock'], [0, 1], [5, 6]);
		const b = result(['Stock'], [0, 1], [7, 8]);
		expect(resultsToCsv(a, { header: false })).toBe('0,5\n1,6\n');
		const long =
			resultsToCsv(a, { scenario: 'A' }) + resultsToCsv(b, { scenario: 'B', header: false });
		expect(long).toBe('scenario,time,Stock\nA,0,5\nA,1,6\nB,0,7\nB,1,8\n');
	});

	it('writes just the header for a run with no saved rows', () => {
		expect(resultsToCsv(result(['x'], []))).toBe('time,x\n');
	});
});
