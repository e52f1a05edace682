import { describe, expect, it } from 'vitest';
import { UnitSyntaxError } from './syntax';
import { UnitSystem } from './system';

describe('UnitSystem', () => {
	const system = new UnitSystem();
	const same = (a: string, b: string) => system.parse(a).equals(system.parse(b));

	it('reads time units in any case and in Stella plural forms', () => {
		expect(same('Days', 'day')).toBe(true);
		expect(same('Months', 'month')).toBe(true);
		expect(same('YEARS', 'yr')).toBe(true);
		expect(same('hours', 'hr')).toBe(true);
		expect(same('Minutes', 'min')).toBe(true);
		expect(same('Weeks', 'week')).toBe(true);
	});

	it('tells time units apart by their size, not only their dimension', () => {
		expect(same('patient/day', 'patient/year')).toBe(false);
		expect(same('day', 'week')).toBe(false);
		// hour/week has no dimensions, but it is 1/168, not 1.
		expect(system.parse('hour/week').isDimensionless).toBe(false);
	});

	it('cancels conversions: a per-year rate over days per year is per day', () => {
		const perDay = system.parse('1/year').over(system.parse('day/year'));
		expect(perDay.equals(system.parse('1/day'))).toBe(true);
		expect(String(perDay)).toBe('1/day');
	});

	it('makes every name mathjs does not know a new base unit, case-insensitively', () => {
		expect(same('patient', 'Patient')).toBe(true);
		expect(same('patient', 'FTE')).toBe(false);
		expect(same('GBP/FTE/year', 'GBP/(FTE*year)')).toBe(true);
		expect(same('Degrees Fahrenheit', 'degrees_fahrenheit')).toBe(true);
		// Stella does not treat a plural of a custom unit as the same unit.
		expect(same('patient', 'patients')).toBe(false);
	});

	it('uses the units mathjs knows', () => {
		expect(same('kg*m/s^2', 'N')).toBe(true);
	});

	it.each([
		'1',
		'',
		'dimensionless',
		'Dimensionless',
		'unitless',
		'dmnl',
		'patient/patient',
		'day/Days'
	])('reads %j as dimensionless', (text) => {
		expect(system.parse(text).isDimensionless).toBe(true);
	});

	it('shows units as the modeller wrote them, cancelling what cancels', () => {
		expect(String(system.parse('GBP/bed/day').times(system.parse('bed')))).toBe('GBP/day');
		expect(String(system.parse('patient').times(system.parse('Days')))).toBe('patient*Days');
		expect(String(system.parse('hour/week/FTE').times(system.parse('FTE')))).toBe('hour/week');
		expect(String(system.parse('patient').pow(2))).toBe('patient^2');
		expect(String(system.parse('patient').pow(0.5))).toBe('patient^0.5');
		expect(String(system.parse('1'))).toBe('dimensionless');
	});

	it('throws UnitSyntaxError for text that is not units, every time', () => {
		expect(() => system.parse('bed//day')).toThrow(UnitSyntaxError);
		expect(() => system.parse('bed//day')).toThrow(UnitSyntaxError);
	});
});

describe('units a model declares', () => {
	it('makes an alias equal to the unit it names: bed = patient', () => {
		const system = new UnitSystem([
			{ name: 'bed', equation: 'patient' },
			{ name: 'place', equation: 'patient' },
			{ name: 'package', equation: 'patient', aliases: ['packages'] }
		]);
		const patient = system.parse('patient');
		for (const alias of ['bed', 'Bed', 'place', 'package', 'packages'])
			expect(system.parse(alias).equals(patient)).toBe(true);
		expect(system.parse('GBP/bed/day').times(patient).equals(system.parse('GBP/day'))).toBe(true);
		// and the alias cancels with what it names in messages too
		expect(String(system.parse('GBP/bed/day').times(patient))).toBe('GBP/day');
	});

	it('without the declaration, bed and patient differ', () => {
		const system = new UnitSystem();
		expect(system.parse('bed').equals(system.parse('patient'))).toBe(false);
	});

	it('follows chains of definitions and scales', () => {
		const system = new UnitSystem([
			{ name: 'cot', equation: 'bed' },
			{ name: 'bed', equation: 'patient' },
			{ name: 'quarter', equation: '3*month' },
			{ name: 'bed day', equation: 'bed*day' }
		]);
		expect(system.parse('cot').equals(system.parse('patient'))).toBe(true);
		expect(system.parse('quarter').equals(system.parse('3*months'))).toBe(true);
		expect(system.parse('quarter').equals(system.parse('month'))).toBe(false);
		expect(system.parse('bed day/day').equals(system.parse('patient'))).toBe(true);
	});

	it('gives a unit declared without an equation its aliases (Stella <alias>)', () => {
		const system = new UnitSystem([{ name: 'Person', aliases: ['People', 'persons'] }]);
		expect(system.parse('people/year').equals(system.parse('Person/year'))).toBe(true);
		expect(String(system.parse('persons'))).toBe('persons');
		expect(String(system.parse('persons/Person'))).toBe('dimensionless');
	});

	it('keeps time units that Stella lists among the model units', () => {
		const system = new UnitSystem([{ name: 'Months', aliases: ['mo', 'month'] }]);
		expect(system.parse('Months').equals(system.parse('month'))).toBe(true);
		expect(system.parse('Months').equals(system.parse('year/12'))).toBe(true);
	});

	it('reads a unit defined as 1 as dimensionless', () => {
		const system = new UnitSystem([{ name: 'fraction', equation: '1' }]);
		expect(system.parse('fraction').isDimensionless).toBe(true);
	});

	it('refuses a unit defined in terms of itself, without looping', () => {
		const system = new UnitSystem([
			{ name: 'a', equation: 'b' },
			{ name: 'b', equation: 'a' }
		]);
		expect(() => system.parse('a')).toThrow('defined in terms of itself');
	});

	it('keeps one model’s declarations out of another’s', () => {
		const withBeds = UnitSystem.for([{ name: 'bed', equation: 'patient' }]);
		const without = UnitSystem.for([]);
		expect(withBeds.parse('bed').equals(withBeds.parse('patient'))).toBe(true);
		expect(without.parse('bed').equals(without.parse('patient'))).toBe(false);
		expect(UnitSystem.for([{ name: 'bed', equation: 'patient' }])).toBe(withBeds);
	});
});
