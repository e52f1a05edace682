import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types';
import { renameVariable } from './rename-variable';

describe('renameVariable', () => {
	const model: Model = {
		simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' },
		variables: [
			{ id: 's', kind: 'stock', name: 'Beds', initial: 'Beds_free', inflows: [], outflows: [] },
			{ id: 'f', kind: 'aux', name: 'Beds free', equation: '10' },
			{ id: 'a', kind: 'aux', name: 'Use', equation: 'Beds / Beds_free' }
		]
	};
	it('renames the variable and every equation that uses it', () => {
		const renamed = renameVariable(model, 's', 'Ward Beds');
		expect(renamed.variables.map((v) => v.name)).toEqual(['Ward Beds', 'Beds free', 'Use']);
		expect(renamed.variables[2]).toMatchObject({ equation: 'Ward_Beds / Beds_free' });
		expect(renamed.variables[0]).toMatchObject({ initial: 'Beds_free' });
	});
	it('keeps module inputs connected to the renamed variable', () => {
		const withModule: Model = {
			...model,
			modules: [
				{
					id: 'm',
					name: 'ward',
					connections: [
						{ to: 'capacity', from: 'beds_free' },
						{ to: 'use', from: 'Use' },
						{ to: '.Beds free', from: 'ward.free' }
					]
				}
			]
		};
		const renamed = renameVariable(withModule, 'f', 'Free Beds');
		expect(renamed.modules?.[0].connections).toEqual([
			{ to: 'capacity', from: 'Free Beds' },
			{ to: 'use', from: 'Use' },
			{ to: '.Free Beds', from: 'ward.free' }
		]);
		expect(renameVariable(model, 'f', 'Free Beds').modules).toBeUndefined();
	});
	it('renames inside the element equations of a variable defined element by element', () => {
		const arrayed: Model = {
			...model,
			dimensions: [{ name: 'Ward', elements: ['A', 'B'] }],
			variables: [
				...model.variables,
				{
					id: 'w',
					kind: 'aux',
					name: 'Per Ward',
					equation: '',
					dimensions: ['Ward'],
					elements: [
						{ subscript: ['A'], equation: 'Beds_free / 2' },
						{ subscript: ['B'], graphical: { type: 'continuous', xs: [0, 1], ys: [0, 1] } }
					]
				}
			]
		};
		const renamed = renameVariable(arrayed, 'f', 'Free Beds');
		expect(renamed.variables[3]).toMatchObject({
			elements: [{ subscript: ['A'], equation: 'Free_Beds / 2' }, { subscript: ['B'] }]
		});
		expect((renamed.variables[3] as { elements: object[] }).elements[1]).not.toHaveProperty(
			'equation'
		);
	});
});
