import { describe, expect, it } from 'vitest';
import {
	equationName,
	renameInEquation,
	unquotedName,
	unquotedNameMessage
} from './equation-names';

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

describe('unquotedName', () => {
	const names = ['Waiting in A&E', 'Beds (occupied)', 'Plain name'];

	it('finds a name that must be quoted written bare, with spaces or underscores, in any case', () => {
		expect(unquotedName('Waiting in A&E * 2', names)).toMatchObject({
			start: 0,
			end: 14,
			name: 'Waiting in A&E',
			written: '"Waiting_in_A&E"'
		});
		expect(unquotedName('1 + waiting_in_a&e', names)).toMatchObject({ start: 4, end: 18 });
		expect(unquotedName('Beds (occupied) + 1', names)?.name).toBe('Beds (occupied)');
	});

	it('leaves quoted names and names that need no quotes alone', () => {
		expect(unquotedName('"Waiting_in_A&E" * 2', names)).toBeUndefined();
		expect(unquotedName('"Waiting in A&E" + "Beds (occupied)"', names)).toBeUndefined();
		expect(unquotedName('Plain name * 2', names)).toBeUndefined();
	});

	it('says how to write it and which characters need the quotes', () => {
		expect(unquotedNameMessage({ name: 'Beds (occupied)', written: '"Beds_(occupied)"' })).toBe(
			'"Beds (occupied)" must be in double quotes in an equation, as "Beds_(occupied)": a bare name cannot hold ( )'
		);
	});
});
