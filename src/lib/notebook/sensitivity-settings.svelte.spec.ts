/** A sensitivity cell's settings change through the notebook's edits, so undo, redo and autosave see them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/document';
import type { Cell } from '../model/types';
import { Notebook } from './notebook.svelte';

const example = readDocument(
	readFileSync(new URL('../../../models/bathtub-basics.flowbook.json', import.meta.url), 'utf8')
).document;
const cell: Cell = { id: 'sens', kind: 'sensitivity', outputs: [example.model.variables[0].id] };

describe('sensitivity settings as notebook edits', () => {
	it('are one undoable step each, and the same settings again are no step at all', () => {
		const notebook = new Notebook({ ...example, cells: [...example.cells, cell] });
		const settings: Cell = {
			...cell,
			runs: 500,
			seed: 7,
			parameters: [
				{
					variable: example.model.variables[0].id,
					distribution: { kind: 'normal', mean: 10, sd: 2 }
				}
			]
		};
		notebook.updateCell(settings);
		expect(notebook.document.cells.at(-1)).toEqual(settings);
		expect(notebook.canUndo).toBe(true);
		const edited = notebook.document;
		notebook.updateCell({ ...settings });
		expect(notebook.document).toBe(edited);
		notebook.undo();
		expect(notebook.document.cells.at(-1)).toEqual(cell);
		notebook.redo();
		expect(notebook.document.cells.at(-1)).toEqual(settings);
		// The model is untouched, so nothing needs to recompile.
		expect(notebook.document.model).toBe(edited.model);
	});

	it('leave a notebook without that cell alone', () => {
		const notebook = new Notebook(example);
		const before = notebook.document;
		notebook.updateCell({ ...cell, runs: 10 });
		expect(notebook.document).toBe(before);
		expect(notebook.canUndo).toBe(false);
	});
});
