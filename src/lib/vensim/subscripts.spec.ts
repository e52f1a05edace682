import { describe, expect, it } from 'vitest';
import { readDefinition, type EquivalenceDefinition, type RangeDefinition } from './definitions';
import { Subscripts } from './subscripts';

function subscripts(...equations: string[]): Subscripts {
	const defs = equations.map((equation) =>
		readDefinition({ equation, units: '', comment: '', line: 1 })
	);
	return new Subscripts(
		defs.filter((d): d is RangeDefinition => d.kind === 'range'),
		defs.filter((d): d is EquivalenceDefinition => d.kind === 'equivalence')
	);
}

describe('subscript ranges', () => {
	it('expands a range listed inside another, even when defined after it', () => {
		const s = subscripts('dim: A, sub, C', 'sub: (b1-b3)');
		expect(s.elementsOf('dim')).toEqual(['A', 'b1', 'b2', 'b3', 'C']);
	});

	it("numbers an element by its place in its family (reference: sdxorg subscript_definition, 'dim values[abc6]' = 28)", () => {
		const s = subscripts(
			'dim: A, subdim1, B, subdim2, C',
			'subdim1: (ab1-ab20)',
			'subdim2: (bc1-bc5), subsubdim, bc17, bc18',
			'subsubdim: (abc6-abc17)'
		);
		expect(s.elementNumber('abc6')).toBe(28);
		expect(s.elementNumber('bc1')).toBe(23);
		expect(s.elementNumber('ab1')).toBe(2);
	});

	it('finds the element that corresponds through a mapping, a subrange or an equivalence', () => {
		const s = subscripts('From: a, b -> To', 'To: x, y', 'Parent: a, b, c', 'Same <-> Parent');
		expect(s.correspond('From', 'b', 'To')).toBe('y');
		expect(s.correspond('To', 'y', 'From')).toBe('b');
		expect(s.correspond('From', 'a', 'Parent')).toBe('a');
		expect(s.correspond('Parent', 'c', 'Same')).toBe('c');
		expect(s.correspond('Parent', 'c', 'From')).toBeUndefined();
	});

	it('picks the range a variable spreads over from the subranges its equations use', () => {
		const s = subscripts('Parent: a, b, c', 'Low: a, b');
		expect(s.rangeCovering(['Low', 'c'])?.name).toBe('Parent');
		expect(s.rangeCovering(['Low'])?.name).toBe('Low');
	});

	it('refuses a mapping onto a range of another size', () => {
		expect(() => subscripts('From: a, b -> To', 'To: x, y, z')).toThrow(
			/2 elements but maps onto 3/
		);
	});
});
