/**
 * Applies a dimension edit to the notebook as one undoable step; a refusal (DimensionError) comes
 * back as its message for the form to show, and leaves the notebook as it was.
 */
import { DimensionError } from '../model/dimension-edits';
import type { Model } from '../model/types';
import type { Notebook } from '../notebook/notebook.svelte';

export function tryEdit(notebook: Notebook, change: (model: Model) => Model): string | undefined {
	try {
		notebook.edit(change);
		return undefined;
	} catch (e) {
		if (e instanceof DimensionError) return e.message;
		throw e;
	}
}
