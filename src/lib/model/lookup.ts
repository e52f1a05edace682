import { canonicalName } from './names';
import type { Model, Variable } from './types';

/**
 * The variable a cell, lever or chart names: by id first, then by name ignoring case, spaces and
 * underscores (as Stella and Vensim match names), so both a saved id and a typed name find it.
 */
export function findVariable(model: Model, idOrName: string): Variable | undefined {
	const key = canonicalName(idOrName);
	return (
		model.variables.find((v) => v.id === idOrName) ??
		model.variables.find((v) => canonicalName(v.name) === key)
	);
}
