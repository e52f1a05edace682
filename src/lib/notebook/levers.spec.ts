import { describe, expect, it } from 'vitest';
import type { FlowbookDocument } from '../model/types';
import { addLever, defaultLever, leverProblem, removeLever, updateLever } from './levers';

const document: FlowbookDocument = {
	schemaVersion: 1,
	title: 't',
	description: '',
	model: { simSpecs: { start: 0, stop: 1, dt: 1, method: 'euler' }, variables: [] },
	scenarios: [],
	levers: [{ variable: 'a', label: 'A', min: 0, max: 1, step: 0.1 }],
	cells: [
		{ id: 'named', kind: 'levers', levers: ['a'] },
		{ id: 'all', kind: 'levers' }
	]
};

describe('levers', () => {
	it('adds one lever per constant, and to the named cell that lists its levers', () => {
		const b = { variable: 'b', label: 'B', min: 0, max: 10, step: 1 };
		const added = addLever(document, b, 'named');
		expect(added.levers.map((l) => l.variable)).toEqual(['a', 'b']);
		expect(added.cells[0]).toEqual({ id: 'named', kind: 'levers', levers: ['a', 'b'] });
		expect(added.cells[1]).toEqual({ id: 'all', kind: 'levers' });
		expect(addLever(added, b)).toBe(added);
		expect(document.levers).toHaveLength(1);
	});

	it('edits a lever, and changes nothing when nothing changes', () => {
		const edited = updateLever(document, 'a', { label: 'Aye', max: 5 });
		expect(edited.levers[0]).toEqual({ variable: 'a', label: 'Aye', min: 0, max: 5, step: 0.1 });
		expect(updateLever(document, 'a', { label: 'A' })).toBe(document);
		expect(updateLever(document, 'zz', { label: 'Z' })).toBe(document);
	});

	it('removes a lever from the document and from every cell listing it', () => {
		const removed = removeLever(document, 'a');
		expect(removed.levers).toEqual([]);
		expect(removed.cells[0]).toEqual({ id: 'named', kind: 'levers', levers: [] });
	});

	it('says what is wrong with a lever, and suggests a range from the value', () => {
		expect(leverProblem({ variable: 'a', label: ' ', min: 0, max: 1, step: 1 })).toMatch(/label/);
		expect(leverProblem({ variable: 'a', label: 'A', min: 2, max: 1, step: 1 })).toMatch(
			/below max/
		);
		expect(leverProblem({ variable: 'a', label: 'A', min: 0, max: 1, step: 0 })).toMatch(/step/);
		expect(leverProblem({ variable: 'a', label: 'A', min: 0, max: 1, step: 0.1 })).toBeUndefined();
		expect(defaultLever('beds', 'Beds', 250)).toEqual({
			variable: 'beds',
			label: 'Beds',
			min: 0,
			max: 500,
			step: 1
		});
		expect(defaultLever('rate', 'Rate', 0.02)).toEqual({
			variable: 'rate',
			label: 'Rate',
			min: 0,
			max: 0.04,
			step: 0.0001
		});
	});

	it("suggests a range from an arrayed constant's elements: zero to twice the largest, a slider each when they differ", () => {
		expect(defaultLever('beds', 'Beds', [110, 140, 75])).toEqual({
			variable: 'beds',
			label: 'Beds',
			min: 0,
			max: 280,
			step: 1,
			perElement: true
		});
		expect(defaultLever('stay', 'Stay', [21, 21, 21])).toEqual({
			variable: 'stay',
			label: 'Stay',
			min: 0,
			max: 42,
			step: 0.1,
			perElement: false
		});
		expect(defaultLever('net', 'Net', [-3, 5])).toMatchObject({
			min: -6,
			max: 10,
			perElement: true
		});
		expect(defaultLever('none', 'None', [0, 0])).toMatchObject({ min: 0, max: 2 });
	});
});
