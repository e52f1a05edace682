import { describe, expect, it } from 'vitest';
import { canonicalName } from '../model/names';
import { fromReference, toReference } from './identifiers';

describe('toReference', () => {
	it.each([
		['Heat Loss', 'Heat_Loss'],
		['  Room   Temperature ', 'Room_Temperature'],
		['x2', 'x2'],
		['Café', 'Café'],
		['cost$', 'cost$']
	])('writes %j bare as %j', (name, reference) => {
		expect(toReference(name)).toBe(reference);
	});

	it.each([
		['2nd wave', '"2nd wave"'],
		['$cost', '"$cost"'],
		['a+b', '"a+b"'],
		['_private', '"_private"'],
		['If', '"If"'],
		['Joe\'s "best"', '"Joe\'s \\"best\\""'],
		['back\\slash', '"back\\\\slash"']
	])('quotes %j as %j (XMILE 1.0 §3.2.2.1)', (name, reference) => {
		expect(toReference(name)).toBe(reference);
	});

	it.each(['Heat Loss', '2nd wave', 'a+b', 'Joe\'s "best"', 'back\\slash', 'If', 'line\nbreak'])(
		'reads %j back as the same name',
		(name) => {
			expect(canonicalName(fromReference(toReference(name)))).toBe(canonicalName(name));
		}
	);
});

describe('fromReference', () => {
	it('unquotes and unescapes, and leaves bare names as they are', () => {
		expect(fromReference(' "a \\"b\\" \\\\ c\\nd" ')).toBe('a "b" \\ c\nd');
		expect(fromReference('Heat_Loss')).toBe('Heat_Loss');
		expect(fromReference('"')).toBe('"');
	});
});
