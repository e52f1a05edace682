/** Renaming a variable: every equation that uses it, and module inputs connected to it, follow. */
import { renameInEquation } from '../engine/parse/equation-names';
import { canonicalName } from '../model/names';
import type { Model, Variable } from '../model/types';

function renameIn(v: Variable, from: string, to: string): Variable {
	// An arrayed variable defined element by element uses the name in its elements' own equations.
	const elements = v.elements?.map((e) =>
		e.equation === undefined ? e : { ...e, equation: renameInEquation(e.equation, from, to) }
	);
	const withElements = elements ? { ...v, elements } : v;
	if (v.kind === 'stock')
		return { ...withElements, initial: renameInEquation(v.initial, from, to) } as Variable;
	if (v.kind === 'gf') return withElements;
	return { ...withElements, equation: renameInEquation(v.equation, from, to) } as Variable;
}

/** The model with one variable renamed, and every equation that used it following. */
export function renameVariable(model: Model, id: string, newName: string): Model {
	const target = model.variables.find((v) => v.id === id);
	if (!target || !newName.trim()) return model;
	const from = target.name;
	const renamed: Model = {
		...model,
		variables: model.variables.map((v) => {
			const renamed = renameIn(v, from, newName);
			return v.id === id ? { ...renamed, name: newName.trim() } : renamed;
		})
	};
	// A module input connected to the variable follows it too.
	if (model.modules) {
		const wanted = canonicalName(from);
		renamed.modules = model.modules.map((m) => ({
			...m,
			connections: m.connections.map((c) => ({
				to:
					c.to.startsWith('.') && canonicalName(c.to.slice(1)) === wanted
						? `.${newName.trim()}`
						: c.to,
				from: canonicalName(c.from) === wanted ? newName.trim() : c.from
			}))
		}));
	}
	return renamed;
}
