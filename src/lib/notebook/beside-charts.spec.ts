import { describe, expect, it } from 'vitest';
import type { Cell, FlowbookDocument } from '../model/types';
import { chartCells, chartsBeside, chartTitle, withoutChart } from './beside-charts';

const occupancy: Cell = { id: 'occupancy', kind: 'chart', title: 'Occupancy', variables: ['o'] };
const delays: Cell = { id: 'delays', kind: 'chart', variables: ['d'] };
const levers = (charts?: string[]): Extract<Cell, { kind: 'levers' }> => ({
	id: 'levers',
	kind: 'levers',
	...(charts && { charts })
});
const notebook = (...cells: Cell[]): FlowbookDocument => ({
	schemaVersion: 1,
	title: 'Beds',
	description: '',
	model: { simSpecs: { start: 0, stop: 1, dt: 1, method: 'euler' }, variables: [] },
	scenarios: [],
	levers: [],
	cells: [{ id: 'intro', kind: 'text', markdown: '# Beds' }, ...cells]
});

describe('charts beside the levers', () => {
	it("are the chart cells the levers cell names, in the cell's order, each once", () => {
		const cell = levers(['delays', 'occupancy', 'delays']);
		const { charts, missing } = chartsBeside(notebook(occupancy, cell, delays), cell.charts);
		expect(charts).toEqual([delays, occupancy]);
		expect(missing).toEqual([]);
	});

	it('leave out what is not a chart cell of the notebook, and say which', () => {
		const cell = levers(['gone', 'intro', 'occupancy']);
		expect(chartsBeside(notebook(occupancy, cell), cell.charts)).toEqual({
			charts: [occupancy],
			missing: ['gone', 'intro']
		});
		expect(chartsBeside(notebook(cell), levers().charts)).toEqual({ charts: [], missing: [] });
	});

	it('are chosen from the notebook’s chart cells, by title or by what they plot', () => {
		const document = notebook(occupancy, levers(), delays);
		expect(chartCells(document)).toEqual([occupancy, delays]);
		expect(chartCells(document).map((c) => chartTitle(document, c))).toEqual(['Occupancy', 'd']);
		document.model.variables.push({
			id: 'd',
			kind: 'aux',
			name: 'Delayed transfers',
			equation: '1'
		});
		expect(chartTitle(document, delays)).toBe('Delayed transfers');
		expect(chartTitle(document, { id: 'c', kind: 'chart', variables: [] })).toBe('Chart c');
	});

	it('lose a chart that is deleted; a cell left with none keeps no list', () => {
		const both = notebook(occupancy, delays, levers(['occupancy', 'delays']));
		const one = withoutChart(both, 'occupancy');
		expect(one.cells[3]).toEqual(levers(['delays']));
		expect(one.cells[1]).toBe(both.cells[1]);
		expect(withoutChart(one, 'delays').cells[3]).toEqual(levers());
		expect(withoutChart(both, 'nothing')).toBe(both);
	});
});
