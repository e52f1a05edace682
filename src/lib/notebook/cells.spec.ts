import { describe, expect, it } from 'vitest';
import type { Cell, FlowbookDocument } from '../model/types';
import {
	deleteCell,
	describeCell,
	duplicateCell,
	duplicateProblem,
	insertCell,
	moveCell,
	replaceCell,
	retitle,
	titleProblem,
	uniqueCellId
} from './cells';

const cells: Cell[] = [
	{ id: 'intro', kind: 'text', markdown: '## How many **beds** do we need?\n\nA ward…' },
	{ id: 'diagram', kind: 'diagram' },
	{ id: 'chart', kind: 'chart', variables: ['beds'], scenarios: ['baseline'] },
	{
		id: 'table',
		kind: 'scenario-table',
		outputs: [{ variable: 'beds', label: 'Beds' }, 'admissions']
	}
];
const document: FlowbookDocument = {
	schemaVersion: 1,
	title: 'Beds',
	description: 'A ward',
	model: {
		simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' },
		variables: [
			{ id: 'beds', kind: 'stock', name: 'Occupied beds', initial: '0', inflows: [], outflows: [] },
			{ id: 'admissions', kind: 'aux', name: 'Admissions', equation: '3' }
		]
	},
	scenarios: [{ id: 'baseline', name: 'Baseline', colour: '#000', overrides: {} }],
	levers: [],
	cells
};
const ids = (d: FlowbookDocument) => d.cells.map((c) => c.id);

describe('cell edits', () => {
	it('gives each new cell an id no other cell has', () => {
		expect(uniqueCellId(document, 'text')).toBe('text');
		expect(uniqueCellId(document, 'chart')).toBe('chart-2');
		expect(uniqueCellId(insertCell(document, { id: 'chart-2', kind: 'diagram' }), 'chart')).toBe(
			'chart-3'
		);
		expect(uniqueCellId(document, ' ')).toBe('cell');
	});

	it('inserts a cell where asked, clamped to the notebook, renaming a taken id', () => {
		const text: Cell = { id: 'note', kind: 'text', markdown: 'x' };
		expect(ids(insertCell(document, text, 0))).toEqual([
			'note',
			'intro',
			'diagram',
			'chart',
			'table'
		]);
		expect(ids(insertCell(document, text, 2))).toEqual([
			'intro',
			'diagram',
			'note',
			'chart',
			'table'
		]);
		expect(ids(insertCell(document, text))).toEqual(['intro', 'diagram', 'chart', 'table', 'note']);
		expect(ids(insertCell(document, text, 99))).toEqual([
			'intro',
			'diagram',
			'chart',
			'table',
			'note'
		]);
		expect(ids(insertCell(document, text, -3))).toEqual([
			'note',
			'intro',
			'diagram',
			'chart',
			'table'
		]);
		expect(ids(insertCell(document, { ...text, id: 'chart' }, 1))).toEqual([
			'intro',
			'chart-2',
			'diagram',
			'chart',
			'table'
		]);
		expect(ids(document)).toEqual(['intro', 'diagram', 'chart', 'table']);
	});

	it('moves a cell up and down, and not past either end', () => {
		expect(ids(moveCell(document, 'chart', -1))).toEqual(['intro', 'chart', 'diagram', 'table']);
		expect(ids(moveCell(document, 'chart', 1))).toEqual(['intro', 'diagram', 'table', 'chart']);
		expect(ids(moveCell(document, 'intro', 2))).toEqual(['diagram', 'chart', 'intro', 'table']);
		expect(moveCell(document, 'intro', -1)).toBe(document);
		expect(moveCell(document, 'table', 1)).toBe(document);
		expect(moveCell(document, 'nothing', 1)).toBe(document);
		expect(moveCell(document, 'chart', 0)).toBe(document);
	});

	it('duplicates a cell just below it, as a deep copy with an id of its own', () => {
		const { document: next, id } = duplicateCell(document, 'chart');
		expect(id).toBe('chart-copy');
		expect(ids(next)).toEqual(['intro', 'diagram', 'chart', 'chart-copy', 'table']);
		const [original, copy] = [next.cells[2], next.cells[3]];
		expect(copy).toEqual({ ...original, id: 'chart-copy' });
		if (copy.kind === 'chart' && original.kind === 'chart')
			expect(copy.variables).not.toBe(original.variables);
		// A copy of a copy is numbered rather than "copy-copy".
		expect(duplicateCell(next, 'chart-copy').id).toBe('chart-copy-2');
		expect(duplicateCell(next, 'chart').id).toBe('chart-copy-2');
	});

	it('does not copy the diagram, and says why', () => {
		expect(duplicateProblem(cells[1])).toMatch(/one diagram/);
		expect(duplicateCell(document, 'diagram')).toEqual({ document });
		expect(duplicateCell(document, 'nothing')).toEqual({ document });
	});

	it('deletes a cell, of any kind', () => {
		for (const cell of cells)
			expect(ids(deleteCell(document, cell.id))).toEqual(
				ids(document).filter((i) => i !== cell.id)
			);
		expect(deleteCell(document, 'nothing')).toBe(document);
	});

	it('deletes a chart from beside the levers that showed it, in the same step', () => {
		const withLevers = insertCell(document, {
			id: 'levers',
			kind: 'levers',
			charts: ['chart', 'other']
		});
		const next = deleteCell(withLevers, 'chart');
		expect(next.cells.find((c) => c.id === 'levers')).toEqual({
			id: 'levers',
			kind: 'levers',
			charts: ['other']
		});
		// Undo is the document before: the chart and the reference come back together.
		expect(withLevers.cells.find((c) => c.id === 'levers')).toMatchObject({
			charts: ['chart', 'other']
		});
	});

	it('replaces a cell by id, and changes nothing when it is the same', () => {
		const chart: Cell = { id: 'chart', kind: 'chart', variables: ['beds', 'admissions'] };
		const next = replaceCell(document, chart);
		expect(next.cells[2]).toBe(chart);
		expect(next.cells[0]).toBe(document.cells[0]);
		expect(replaceCell(document, structuredClone(cells[2]))).toBe(document);
		expect(replaceCell(document, { id: 'nothing', kind: 'diagram' })).toBe(document);
	});

	it('retitles, trimming, and refuses a blank title', () => {
		expect(retitle(document, '  Winter beds ', ' Why ')).toMatchObject({
			title: 'Winter beds',
			description: 'Why'
		});
		expect(retitle(document, 'Beds', 'A ward')).toBe(document);
		expect(retitle(document, '   ', 'other')).toBe(document);
		expect(titleProblem(' ')).toMatch(/cannot be blank/);
		expect(titleProblem('x')).toBeUndefined();
	});

	it('describes a cell in a few words', () => {
		expect(describeCell(document, cells[0])).toBe('text “How many beds do we need?”');
		expect(describeCell(document, { id: 'e', kind: 'text', markdown: '  \n' })).toBe('empty text');
		expect(describeCell(document, cells[1])).toBe('diagram');
		expect(describeCell(document, cells[2])).toBe('chart “Occupied beds”');
		expect(describeCell(document, { ...cells[2], title: 'Beds' } as Cell)).toBe('chart “Beds”');
		expect(describeCell(document, cells[3])).toBe('scenario table “Occupied beds, Admissions”');
		expect(describeCell(document, { id: 'l', kind: 'levers' })).toBe('levers');
		expect(describeCell(document, { id: 's', kind: 'sensitivity', outputs: ['admissions'] })).toBe(
			'sensitivity analysis “Admissions”'
		);
		expect(describeCell(document, { id: 't', kind: 'text', markdown: 'x'.repeat(100) })).toMatch(
			/^text “x{47}…”$/
		);
	});
});
