import { describe, expect, it } from 'vitest';
import { mergeCsv, mergeTables, sampleOrder } from './merge';

const HEADER = 'sample,time,x,y\n';
const rows = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => `${from + i},1,0.5,2\n`).join('');

describe('sampleOrder', () => {
	it('orders parts by their first sample and passes over empty ones', () => {
		expect(
			sampleOrder([
				{ name: 'b', first: 5, last: 9 },
				{ name: 'empty' },
				{ name: 'a', first: 0, last: 4 }
			])
		).toEqual([2, 0]);
	});

	it('names a gap, an overlap and a missing start', () => {
		expect(() =>
			sampleOrder([
				{ name: 'a', first: 0, last: 4 },
				{ name: 'c', first: 8, last: 9 }
			])
		).toThrow('no part holds samples 5 to 7 (between a and c): is a shard missing?');
		expect(() =>
			sampleOrder([
				{ name: 'a', first: 0, last: 4 },
				{ name: 'a2', first: 4, last: 9 }
			])
		).toThrow('a and a2 both hold sample 4');
		expect(() => sampleOrder([{ name: 'b', first: 5, last: 9 }])).toThrow(
			'the first part, b, starts at sample 5: samples 0 to 4 are missing'
		);
	});
});

describe('mergeCsv', () => {
	it('is the whole file: one header, the parts’ rows in sample order', () => {
		const whole = HEADER + rows(0, 9);
		const merged = mergeCsv([
			{ name: 'p2', text: HEADER + rows(7, 9) },
			{ name: 'p0', text: HEADER + rows(0, 3) },
			{ name: 'p1', text: HEADER + rows(4, 6) },
			{ name: 'empty', text: HEADER }
		]);
		expect(merged).toBe(whole);
	});

	it('refuses parts with other columns, or that are not a sweep’s', () => {
		expect(() =>
			mergeCsv([
				{ name: 'p0', text: HEADER + rows(0, 1) },
				{ name: 'p1', text: 'sample,time,x,z\n' + rows(2, 3) }
			])
		).toThrow('p1 has other columns than p0');
		expect(() => mergeCsv([{ name: 'run', text: 'time,x\n0,1\n' }])).toThrow(
			"run is not a sweep's CSV"
		);
	});
});

describe('mergeTables', () => {
	it('joins Parquet parts’ tables in sample order', () => {
		const columns = ['sample', 'time', 'x'];
		const part = (samples: number[]) => ({
			columns,
			rows: Float64Array.from(samples.flatMap((s) => [s, 1, s * 10]))
		});
		const merged = mergeTables([
			{ name: 'b', table: part([2, 3]) },
			{ name: 'a', table: part([0, 1]) }
		]);
		expect(merged).toEqual(part([0, 1, 2, 3]));
	});
});
