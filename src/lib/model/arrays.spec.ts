import { describe, expect, it } from 'vitest';
import {
	dimensionElements,
	elementName,
	elementNames,
	elementSubscripts,
	findDimension,
	isPerElement,
	sameSubscript,
	splitElementName
} from './arrays';
import type { Model } from './types';

const model: Pick<Model, 'dimensions'> = {
	dimensions: [
		{ name: 'Region', elements: ['North', 'South'] },
		{ name: 'Age band', size: 3 }
	]
};

describe('array helpers for the views', () => {
	it('list a dimension’s elements, numbered ones as "1" … "n"', () => {
		expect(dimensionElements(model.dimensions![0])).toEqual(['North', 'South']);
		expect(dimensionElements(model.dimensions![1])).toEqual(['1', '2', '3']);
	});

	it('find a dimension whatever the case, spaces or underscores', () => {
		expect(findDimension(model, 'age_BAND')?.name).toBe('Age band');
		expect(findDimension(model, 'Ages')).toBeUndefined();
	});

	it('name every element of an arrayed variable as its results are named, the last dimension fastest', () => {
		const beds = { name: 'Beds', dimensions: ['Region', 'Age band'] };
		expect(elementSubscripts(model, beds)).toEqual([
			['North', '1'],
			['North', '2'],
			['North', '3'],
			['South', '1'],
			['South', '2'],
			['South', '3']
		]);
		expect(elementNames(model, beds)[4]).toBe('Beds[South,2]');
		expect(elementName('Beds', ['North', '1'])).toBe('Beds[North,1]');
	});

	it('give a scalar variable, or one over a dimension the model lacks, its own name', () => {
		expect(elementNames(model, { name: 'Total' })).toEqual(['Total']);
		expect(elementNames(model, { name: 'Odd', dimensions: ['Nowhere'] })).toEqual(['Odd']);
		expect(elementSubscripts(model, {})).toBeUndefined();
	});
});

describe('element names and subscripts', () => {
	it('splits a name with a subscript back into the variable and its elements, as written', () => {
		expect(splitElementName('Beds[North]')).toEqual({ name: 'Beds', subscript: ['North'] });
		expect(splitElementName(' Flow [ North , Adult ] ')).toEqual({
			name: 'Flow',
			subscript: ['North', 'Adult']
		});
		expect(splitElementName('Beds')).toBeUndefined();
		expect(splitElementName(elementName('Staff', ['South', '2']))).toEqual({
			name: 'Staff',
			subscript: ['South', '2']
		});
	});

	it('compares subscripts as names compare, and tells element-by-element variables apart', () => {
		expect(sameSubscript(['north', 'Young_Adult'], ['North', 'young adult'])).toBe(true);
		expect(sameSubscript(['North'], ['North', 'Old'])).toBe(false);
		expect(
			isPerElement({ dimensions: ['Region'], elements: [{ subscript: ['North'], equation: '1' }] })
		).toBe(true);
		expect(
			isPerElement({
				dimensions: ['Region'],
				elements: [{ subscript: ['North'], graphical: { type: 'continuous', xs: [0], ys: [0] } }]
			})
		).toBe(false);
		expect(isPerElement({ elements: [{ subscript: ['North'], equation: '1' }] })).toBe(false);
	});
});
