import { describe, expect, it } from 'vitest';
import { parseNumber, parseNumberList } from './numbers';

describe('parseNumber', () => {
	it('reads the forms XMILE files use', () => {
		expect(parseNumber('30.0')).toBe(30);
		expect(parseNumber(' 0')).toBe(0);
		expect(parseNumber('0.000000\n')).toBe(0);
		expect(parseNumber('-20')).toBe(-20);
		expect(parseNumber('.5')).toBe(0.5);
		expect(parseNumber('5.')).toBe(5);
		expect(parseNumber('1e-3')).toBe(0.001);
		expect(parseNumber('+2.5E2')).toBe(250);
	});

	it('rejects what is not a plain number', () => {
		for (const bad of [undefined, '', '  ', 'abc', '1,5', '1 2', 'NaN', 'Infinity', '0x10', '1e']) {
			expect(parseNumber(bad)).toBeUndefined();
		}
	});
});

describe('parseNumberList', () => {
	it('splits on the separator and trims each item', () => {
		expect(parseNumberList('0, 5,10 ')).toEqual([0, 5, 10]);
		expect(parseNumberList('0;-1;2.5', ';')).toEqual([0, -1, 2.5]);
	});

	it('fails on any item that is not a number, including an empty one', () => {
		expect(parseNumberList('1,x,3')).toBeUndefined();
		expect(parseNumberList('1,,3')).toBeUndefined();
		expect(parseNumberList('1;2;3')).toBeUndefined();
	});
});
