import { describe, expect, it } from 'vitest';
import { parseUnitText, UnitSyntaxError } from './syntax';

const terms = (text: string) =>
	parseUnitText(text)
		.terms.map((t) => `${t.name}^${t.power}`)
		.join(' ');

describe('parseUnitText', () => {
	it('reads products, quotients and powers left to right', () => {
		expect(terms('GBP/bed/day')).toBe('GBP^1 bed^-1 day^-1');
		expect(terms('patient*day')).toBe('patient^1 day^1');
		expect(terms('hour / week / FTE')).toBe('hour^1 week^-1 FTE^-1');
		expect(terms('m^2/s^-1')).toBe('m^2 s^1');
		expect(terms('person^(-1)')).toBe('person^-1');
	});

	it('reads parentheses', () => {
		expect(terms('GBP/(bed*day)')).toBe('GBP^1 bed^-1 day^-1');
		expect(terms('(patient/day)^2')).toBe('patient^2 day^-2');
	});

	it('keeps numbers as a factor: "1/year" is per year', () => {
		expect(parseUnitText('1/year')).toEqual({ factor: 1, terms: [{ name: 'year', power: -1 }] });
		expect(parseUnitText('1000*widget').factor).toBe(1000);
		expect(parseUnitText('1')).toEqual({ factor: 1, terms: [] });
		expect(parseUnitText('')).toEqual({ factor: 1, terms: [] });
	});

	it('lets a name hold spaces and symbols, as Stella does', () => {
		expect(terms('Degrees Fahrenheit/Minute')).toBe('Degrees Fahrenheit^1 Minute^-1');
		expect(terms('$/year')).toBe('$^1 year^-1');
	});

	it.each([
		['patient//day', '"/" where a unit name was expected'],
		['(bed', 'a "(" is not closed'],
		['bed)', 'unexpected ")"'],
		['bed^x', 'a power must be a number, not "x"'],
		['patient/', 'it ends where a unit name was expected']
	])('refuses %s: %s', (text, message) => {
		expect(() => parseUnitText(text)).toThrow(UnitSyntaxError);
		expect(() => parseUnitText(text)).toThrow(message);
	});
});
