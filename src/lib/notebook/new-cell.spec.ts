import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/document';
import type { FlowbookDocument } from '../model/types';
import { emptyDocument } from './session';
import { firstOutputs, newCell, tableTimes, type CellKind } from './new-cell';

const example = (name: string) =>
	readDocument(
		readFileSync(new URL(`../../../models/${name}.flowbook.json`, import.meta.url), 'utf8')
	).document;
const bathtub = example('bathtub-basics');
const wholeSystem = example('whole-system-flow');
const KINDS: CellKind[] = ['text', 'diagram', 'levers', 'chart', 'scenario-table', 'sensitivity'];

describe('new cells', () => {
	it('makes a cell of every kind that the document reader accepts, with an id no cell has', () => {
		for (const document of [bathtub, wholeSystem, emptyDocument()]) {
			for (const kind of KINDS) {
				const cell = newCell(document, kind);
				expect(cell.kind).toBe(kind);
				expect(document.cells.map((c) => c.id)).not.toContain(cell.id);
				const withCell: FlowbookDocument = { ...document, cells: [...document.cells, cell] };
				const read = readDocument(JSON.stringify(withCell));
				expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
				expect(read.diagnostics.filter((d) => d.message.startsWith('cells'))).toEqual([]);
			}
		}
		expect(newCell(bathtub, 'diagram').id).toBe('diagram-2');
	});

	it('charts the first stock, and tabulates the first two', () => {
		expect(newCell(bathtub, 'chart')).toEqual({
			id: 'chart',
			kind: 'chart',
			variables: ['occupied_beds']
		});
		const table = newCell(wholeSystem, 'scenario-table');
		expect(table).toEqual({
			id: 'scenario-table',
			kind: 'scenario-table',
			outputs: ['awaiting_bed', 'nel_inpatients'],
			times: [3, 7, 10]
		});
	});

	it('falls back to other variables when there is no stock, and to nothing in an empty model', () => {
		const noStocks = {
			...bathtub.model,
			variables: bathtub.model.variables.filter((v) => v.kind !== 'stock')
		};
		expect(firstOutputs(noStocks, 1)).toEqual([
			noStocks.variables.find((v) => v.kind === 'flow' || v.kind === 'aux')!.id
		]);
		expect(newCell(emptyDocument(), 'chart')).toMatchObject({ variables: [] });
		expect(newCell(emptyDocument(), 'scenario-table')).toMatchObject({ outputs: [] });
		expect(newCell(emptyDocument(), 'sensitivity')).toMatchObject({ outputs: [] });
	});

	it('starts a sensitivity analysis on what the first chart plots, with no constants chosen by the cell', () => {
		expect(newCell(wholeSystem, 'sensitivity')).toEqual({
			id: 'sensitivity',
			kind: 'sensitivity',
			outputs: ['occupancy']
		});
		const noCharts = { ...bathtub, cells: bathtub.cells.filter((c) => c.kind !== 'chart') };
		expect(newCell(noCharts, 'sensitivity')).toEqual({
			id: 'sensitivity',
			kind: 'sensitivity',
			outputs: ['occupied_beds']
		});
	});

	it('shows every lever in a new levers cell, and starts a text cell empty', () => {
		expect(newCell(bathtub, 'levers')).toEqual({ id: 'levers-2', kind: 'levers' });
		expect(newCell(bathtub, 'text')).toEqual({ id: 'text', kind: 'text', markdown: '' });
	});

	it('puts table columns at a third, two thirds and the end of the run, in display time', () => {
		expect(tableTimes(bathtub)).toEqual([120, 240, 365]);
		expect(tableTimes(wholeSystem)).toEqual([3, 7, 10]);
		const years = {
			...bathtub,
			model: { ...bathtub.model, simSpecs: { ...bathtub.model.simSpecs, start: 2020, stop: 2030 } }
		};
		expect(tableTimes(years)).toEqual([2023, 2027, 2030]);
		const short = {
			...bathtub,
			model: { ...bathtub.model, simSpecs: { ...bathtub.model.simSpecs, start: 0, stop: 1 } }
		};
		expect(tableTimes(short)).toEqual([0.3, 0.7, 1]);
		const none = {
			...bathtub,
			model: { ...bathtub.model, simSpecs: { ...bathtub.model.simSpecs, start: 5, stop: 5 } }
		};
		expect(tableTimes(none)).toEqual([5]);
	});
});
