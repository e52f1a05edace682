/** References outside the model follow renames of variables and of elements. */
import { describe, expect, it } from 'vitest';
import { renameDimension } from '../edits/dimensions';
import { renameElement } from '../edits/elements';
import type { FlowbookDocument, Model } from '../model/types';
import { renameVariable } from '../edits/rename-variable';
import { followRenames } from './follow-renames';

const model: Model = {
	simSpecs: { start: 0, stop: 1, dt: 1, method: 'euler' },
	dimensions: [{ name: 'Locality', elements: ['North', 'Central', 'South'] }],
	variables: [
		{ id: 'stay', kind: 'aux', name: 'Length of Stay', equation: '21', dimensions: ['Locality'] },
		{
			id: 'occ',
			kind: 'aux',
			name: 'Occupancy',
			equation: 'Length_of_Stay / 30',
			dimensions: ['Locality']
		},
		{ id: 'start', kind: 'aux', name: 'Start', equation: '90' }
	]
};

const document: FlowbookDocument = {
	schemaVersion: 1,
	title: 'T',
	description: '',
	model,
	scenarios: [
		{
			id: 's',
			name: 'S1',
			colour: '#000000',
			overrides: { 'Length of Stay': 19, 'length_of_stay[central]': 18, Start: 30 }
		}
	],
	levers: [{ variable: 'stay', label: 'Stay', min: 0, max: 40, step: 1 }],
	cells: [
		{
			id: 'c',
			kind: 'chart',
			variables: [
				'occ',
				'Occupancy[Central]',
				{ variable: 'Occupancy', elements: ['Central', 'South'], sum: true }
			]
		},
		{
			id: 't',
			kind: 'scenario-table',
			outputs: ['Occupancy[Central]', { variable: 'Occupancy', label: 'Occ' }]
		},
		{
			id: 'x',
			kind: 'sensitivity',
			outputs: ['Occupancy[Central]'],
			parameters: [
				{ variable: 'Length of Stay', distribution: { kind: 'uniform', min: 10, max: 30 } }
			]
		},
		{ id: 'm', kind: 'text', markdown: 'Occupancy[Central]' }
	]
};

const after = (change: (m: Model) => Model) =>
	followRenames({ ...document, model: change(model) }, model);

describe('references outside the model following renames', () => {
	it('follow a renamed variable in scenarios, charts, tables and sensitivity, with or without a subscript', () => {
		const next = after((m) => renameVariable(m, 'occ', 'Bed Occupancy'));
		expect(next.cells[0]).toMatchObject({
			variables: [
				'occ',
				'Bed Occupancy[Central]',
				{ variable: 'Bed Occupancy', elements: ['Central', 'South'], sum: true }
			]
		});
		expect(next.cells[1]).toMatchObject({
			outputs: ['Bed Occupancy[Central]', { variable: 'Bed Occupancy', label: 'Occ' }]
		});
		expect(next.cells[2]).toMatchObject({ outputs: ['Bed Occupancy[Central]'] });
		expect(next.cells[3]).toEqual(document.cells[3]);
		const stay = after((m) => renameVariable(m, 'stay', 'Stay Days'));
		expect(stay.scenarios[0].overrides).toEqual({
			'Stay Days': 19,
			'Stay Days[central]': 18,
			Start: 30
		});
		expect(stay.cells[2]).toMatchObject({ parameters: [{ variable: 'Stay Days' }] });
		expect(stay.levers).toEqual(document.levers); // by id: nothing to follow
	});

	it('follow a renamed element in subscripts and in a chart’s chosen elements', () => {
		const next = after((m) => renameElement(m, 'Locality', 'Central', 'City'));
		expect(next.scenarios[0].overrides).toEqual({
			'Length of Stay': 19,
			'length_of_stay[City]': 18,
			Start: 30
		});
		expect(next.cells[0]).toMatchObject({
			variables: ['occ', 'Occupancy[City]', { variable: 'Occupancy', elements: ['City', 'South'] }]
		});
		expect(next.cells[1]).toMatchObject({
			outputs: ['Occupancy[City]', { variable: 'Occupancy' }]
		});
	});

	it('leave everything as it is when nothing was renamed, or a dimension was only reordered or renamed', () => {
		const edited = {
			...document,
			model: {
				...model,
				variables: model.variables.map((v) => (v.id === 'start' ? { ...v, equation: '91' } : v))
			}
		};
		expect(followRenames(edited, model)).toBe(edited);
		const reordered = after((m) => ({
			...m,
			dimensions: [{ name: 'Locality', elements: ['South', 'Central', 'North'] }]
		}));
		expect(reordered.scenarios).toEqual(document.scenarios);
		const renamedDimension = after((m) => renameDimension(m, 'Locality', 'Area'));
		expect(renamedDimension.cells).toEqual(document.cells);
	});
});
