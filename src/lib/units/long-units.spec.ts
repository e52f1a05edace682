/**
 * Unit texts and equations far longer than anyone writes, as generated models make them: each is
 * checked (or refused with a message) at once. Before, 4,000 nested parentheses overflowed the
 * stack, and a product of 20,000 factors, or 9,000 unit names in one model, took a minute.
 */
import { describe, expect, it } from 'vitest';
import { aux, model } from '../engine/test-models';
import { checkUnits } from './check';
import { MAX_UNIT_NESTING, parseUnitText, UnitSyntaxError } from './syntax';
import { SHARED_SYSTEM_LIMIT, UnitSystem } from './system';

const withUnits = (name: string, equation: string, units: string) => ({
	...aux(name, equation),
	units
});

describe('long units', () => {
	it('refuses unit text nested deeper than any unit, with a message saying so', () => {
		const deep = '('.repeat(4_000) + 'patient' + ')'.repeat(4_000);
		expect(() => parseUnitText(deep)).toThrow(UnitSyntaxError);
		expect(() => parseUnitText(deep)).toThrow(
			`its parentheses nest more than ${MAX_UNIT_NESTING} deep`
		);
		const [warning] = checkUnits(model([withUnits('y', '1', deep)]));
		expect(warning.message).toMatch(
			/^units: cannot read the units of "y" "\({50}…\){20}": its parentheses nest/
		);
		expect(
			parseUnitText('('.repeat(MAX_UNIT_NESTING) + 'bed' + ')'.repeat(MAX_UNIT_NESTING))
		).toEqual({
			factor: 1,
			terms: [{ name: 'bed', power: 1 }]
		});
	});

	it('reads a unit text of 20,000 names, each kept with its power', () => {
		const names = Array.from({ length: 20_000 }, (_, i) => `w${i}`);
		const { terms } = parseUnitText(names.join('*') + '/day');
		expect(terms).toHaveLength(20_001);
		expect(terms.at(-1)).toEqual({ name: 'day', power: -1 });
		const units = new UnitSystem().parse(names.join('*'));
		expect(units.over(units).isDimensionless).toBe(true);
	});

	it('checks an equation that multiplies 20,000 factors and one nested 150 deep', () => {
		const product = Array.from({ length: 20_000 }, () => 'k').join(' * ');
		const [warning] = checkUnits(model([withUnits('k', '1', 'm'), withUnits('y', product, 'm')]));
		expect(warning.message).toBe('units: the equation gives m^20000 but "y" is declared as m');
		const nested = '('.repeat(150) + 'k' + ')'.repeat(150);
		expect(checkUnits(model([withUnits('k', '1', 'm'), withUnits('y', nested, 'm')]))).toEqual([]);
	});

	it('checks a model of 9,000 unit names, one a variable', () => {
		const variables = Array.from({ length: 9_000 }, (_, i) =>
			withUnits(`v${i}`, i ? `v${i - 1} * 1` : '1', `widget${i}/day`)
		);
		const warnings = checkUnits(model(variables));
		expect(warnings).toHaveLength(8_999);
		expect(warnings[0].message).toBe(
			'units: the equation gives widget0/day but "v1" is declared as widget1/day'
		);
	});

	it('does not let the system shared by models without declared units grow for ever', () => {
		const first = UnitSystem.for([]);
		for (let i = 0; first.size <= SHARED_SYSTEM_LIMIT; i++) first.parse(`thing${i}`);
		expect(UnitSystem.for([])).not.toBe(first);
		const fresh = UnitSystem.for([]);
		expect(UnitSystem.for([])).toBe(fresh);
	});
});
