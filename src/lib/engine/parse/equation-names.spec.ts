import { describe, expect, it } from 'vitest';
import { equationName, renameInEquation } from './equation-names';

describe('renameInEquation', () => {
	it('renames whole names only, in any spelling', () => {
		expect(renameInEquation('Beds + Beds_free * beds', 'Beds', 'Acute Beds')).toBe(
			'Acute_Beds + Beds_free * Acute_Beds'
		);
	});
	it('leaves comments and quoted look-alikes of other names alone', () => {
		expect(renameInEquation('{Beds} MAX(beds, 0)', 'Beds', 'Cots')).toBe('{Beds} MAX(Cots, 0)');
	});
	it('renames a graphical function called by name', () => {
		expect(renameInEquation('effect(x)', 'effect', 'Effect of X')).toBe('Effect_of_X(x)');
	});
	it('still renames in an equation that does not parse yet', () => {
		expect(renameInEquation('Beds * (', 'Beds', 'Cots')).toBe('Cots * (');
	});
	it('quotes names that are not plain identifiers', () => {
		expect(equationName('A&E arrivals')).toBe('"A&E_arrivals"');
	});
});
