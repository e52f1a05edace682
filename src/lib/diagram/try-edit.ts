/**
 * Applies a dimension edit to the notebook as one undoable step; a refusal (DimensionError) comes
 * back as its message for the form to show, and leaves the notebook as it was.
 */
import { DimensionError } from '../edits/dimension-checks';
import type { Model } from '../model/types';
import type { DiagramHost } from './host';

export function tryEdit(
	notebook: DiagramHost,
	change: (model: Model) => Model
): string | undefined {
	try {
		notebook.edit(change);
		return undefined;
	} catch (e) {
		if (e instanceof DimensionError) return e.message;
		throw e;
	}
}
