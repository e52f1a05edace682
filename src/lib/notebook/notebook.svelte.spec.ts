import { describe, expect, it } from 'vitest';
import { Notebook } from './notebook.svelte';
import { newCell } from './new-cell';
import { emptyDocument } from './session';

const ids = (notebook: Notebook) => notebook.document.cells.map((c) => c.id);

describe('notebook cells', () => {
	it('adds, moves, duplicates and deletes cells, each one undoable step that redo repeats', () => {
		const notebook = new Notebook(emptyDocument());
		expect(notebook.canUndo).toBe(false);
		const text = notebook.addCell(newCell(notebook.document, 'text'), 0);
		const chart = notebook.addCell(newCell(notebook.document, 'chart'));
		expect(ids(notebook)).toEqual([text, 'diagram', chart]);
		notebook.moveCell(chart, -1);
		expect(ids(notebook)).toEqual([text, chart, 'diagram']);
		const copy = notebook.duplicateCell(chart);
		expect(ids(notebook)).toEqual([text, chart, copy, 'diagram']);
		notebook.deleteCell('diagram');
		expect(ids(notebook)).toEqual([text, chart, copy]);

		const states: string[][] = [];
		while (notebook.canUndo) {
			notebook.undo();
			states.push(ids(notebook));
		}
		expect(states).toEqual([
			[text, chart, copy, 'diagram'],
			[text, chart, 'diagram'],
			[text, 'diagram', chart],
			[text, 'diagram'],
			['diagram']
		]);
		while (notebook.canRedo) notebook.redo();
		expect(ids(notebook)).toEqual([text, chart, copy]);
	});

	it('makes no undo step for an edit that changes nothing', () => {
		const notebook = new Notebook(emptyDocument());
		const before = notebook.document;
		notebook.moveCell('diagram', -1);
		notebook.moveCell('diagram', 1);
		notebook.duplicateCell('diagram');
		notebook.deleteCell('nothing');
		notebook.updateCell({ id: 'diagram', kind: 'diagram' });
		notebook.retitle(' ', 'blank titles are refused');
		notebook.retitle(before.title, before.description);
		expect(notebook.document).toBe(before);
		expect(notebook.canUndo).toBe(false);
	});

	it('edits a text cell, the title and the description, and undoes them', () => {
		const notebook = new Notebook(emptyDocument());
		const id = notebook.addCell({ id: 'note', kind: 'text', markdown: '' });
		notebook.updateCell({ id, kind: 'text', markdown: '# Winter' });
		notebook.retitle('Winter plan', 'Beds over winter');
		expect(notebook.document).toMatchObject({
			title: 'Winter plan',
			description: 'Beds over winter',
			cells: [{ id: 'diagram' }, { id, markdown: '# Winter' }]
		});
		notebook.undo();
		expect(notebook.document.title).toBe('Untitled notebook');
		notebook.undo();
		expect(notebook.document.cells[1]).toEqual({ id, kind: 'text', markdown: '' });
	});
});

describe('run settings and slider positions in the notebook', () => {
	it('changes the run settings as one undoable step, and none when they are the same', () => {
		const notebook = new Notebook(emptyDocument());
		const before = notebook.model.simSpecs;
		notebook.setRunSettings({ ...before });
		expect(notebook.canUndo).toBe(false);
		notebook.setRunSettings({ ...before, dt: 0.0625, startDate: '2026-04-01' });
		expect(notebook.model.simSpecs).toMatchObject({ dt: 0.0625, startDate: '2026-04-01' });
		notebook.undo();
		expect(notebook.model.simSpecs).toEqual(before);
	});

	it('keeps where the sliders stand without making it a step of undo', () => {
		const notebook = new Notebook(emptyDocument());
		notebook.setRunSettings({ ...notebook.model.simSpecs, stop: 50 });
		notebook.addLever({ variable: 'beds', label: 'Beds', min: 0, max: 50, step: 1 });
		const document = notebook.document;
		notebook.setPositions({ beds: 30, gone: 4 });
		// The document every chart reads stays the same object; what is saved carries the positions
		// of the notebook's levers.
		expect(notebook.document).toBe(document);
		expect(notebook.saved.positions).toEqual({ beds: 30 });
		// Undo takes back the edits; the sliders stay where the reader left them.
		notebook.undo();
		notebook.undo();
		expect(notebook.model.simSpecs.stop).not.toBe(50);
		expect(notebook.positions).toEqual({ beds: 30, gone: 4 });
		notebook.setPositions({});
		expect('positions' in notebook.saved).toBe(false);
		expect(new Notebook({ ...document, positions: { beds: 12 } }).saved.positions).toEqual({
			beds: 12
		});
	});
});

describe('the reference scenario', () => {
	it('is chosen as one undoable step, and goes when its scenario is deleted', () => {
		const notebook = new Notebook(emptyDocument());
		const [baseline] = notebook.document.scenarios;
		const other = { ...baseline, id: 's1', name: 'S1 do nothing', overrides: { growth: 0.02 } };
		notebook.setScenarios([baseline, other]);
		notebook.setReference('s1');
		expect(notebook.document.reference).toBe('s1');
		notebook.setReference('nothing-by-that-id');
		expect(notebook.document.reference).toBe('s1');
		notebook.undo();
		expect(notebook.document.reference).toBeUndefined();
		notebook.redo();
		notebook.setScenarios([baseline]);
		expect('reference' in notebook.document).toBe(false);
		notebook.undo();
		expect(notebook.document.reference).toBe('s1');
	});
});

describe('a tool kept in hand', () => {
	it('draws several connectors in a row when kept, and goes back to selecting when not', () => {
		const notebook = new Notebook(emptyDocument());
		const a = notebook.place('aux', { x: 0, y: 0 });
		const b = notebook.place('aux', { x: 100, y: 0 });
		const c = notebook.place('aux', { x: 200, y: 0 });
		notebook.keepTool = true;
		notebook.choose('connector');
		notebook.connect(a, c);
		expect(notebook.tool).toBe('connector');
		notebook.connect(b, c);
		expect(notebook.tool).toBe('connector');
		expect(notebook.model.diagram?.connectors.map((k) => [k.from, k.to])).toEqual([
			[a, c],
			[b, c]
		]);
		notebook.keepTool = false;
		notebook.connect(a, b);
		expect(notebook.tool).toBe('select');
	});
});
