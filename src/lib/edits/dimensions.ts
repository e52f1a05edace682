/**
 * Edits of a model's dimensions, as pure functions from a model to a new model, so the notebook
 * applies each as one undoable step:
 *
 *   notebook.edit((m) => renameDimension(m, 'Region', 'Locality'))
 *
 * An edit that would leave the model wrong throws a DimensionError whose message says why.
 */
import type { Dimension, Model } from '../model/types';
import {
	check,
	DimensionError,
	dimensionNameProblem,
	dimensionOf,
	dimensionUsers,
	elementNameProblem,
	listNames,
	same,
	sizeProblem,
	withDimension
} from './dimension-checks';
import { mapEquations, renameDimensionIn } from './equation-rewrites';
import { setVariableDimensions } from './variable-dimensions';

/** Adds a dimension at the end, after checking its name and elements. */
export function addDimension(model: Model, dimension: Dimension): Model {
	check(dimensionNameProblem(model, dimension.name));
	const clean: Dimension = dimension.elements
		? { name: dimension.name.trim(), elements: [] }
		: { name: dimension.name.trim(), size: dimension.size };
	if (dimension.elements) {
		for (const e of dimension.elements) {
			check(elementNameProblem(clean, e));
			clean.elements!.push(e.trim());
		}
		if (!clean.elements!.length)
			throw new DimensionError(`"${clean.name}" needs at least one element.`);
	} else check(sizeProblem(clean.name, dimension.size));
	return { ...model, dimensions: [...(model.dimensions ?? []), clean] };
}

/** Renames a dimension, and every variable arrayed over it and every equation naming it follows. */
export function renameDimension(model: Model, from: string, to: string): Model {
	const dimension = dimensionOf(model, from);
	if (dimension.name === to.trim()) return model;
	check(dimensionNameProblem(model, to, dimension.name));
	const name = to.trim();
	const next = withDimension(model, dimension.name, (d) => ({ ...d, name }));
	return {
		...next,
		variables: next.variables.map((v) => {
			const renamed = mapEquations(v, (text) => renameDimensionIn(text, dimension.name, name));
			return v.dimensions?.some((d) => same(d, dimension.name))
				? { ...renamed, dimensions: v.dimensions.map((d) => (same(d, dimension.name) ? name : d)) }
				: renamed;
		})
	};
}

/**
 * Deletes a dimension. While variables are arrayed over it this is refused, naming them, unless
 * `unarray`: then each loses that dimension, keeping its first element's definitions.
 */
export function deleteDimension(
	model: Model,
	name: string,
	options: { unarray?: boolean } = {}
): Model {
	const dimension = dimensionOf(model, name);
	const users = dimensionUsers(model, dimension.name);
	if (users.length && !options.unarray) {
		throw new DimensionError(
			`"${dimension.name}" is used by ${listNames(users.map((v) => v.name))}; take it off ${users.length === 1 ? 'that variable' : 'those variables'} first.`
		);
	}
	let next = model;
	for (const v of users)
		next = setVariableDimensions(
			next,
			v.id,
			(v.dimensions ?? []).filter((d) => !same(d, dimension.name))
		);
	const dimensions = (next.dimensions ?? []).filter((d) => d !== dimension);
	const { dimensions: _old, ...rest } = next;
	return dimensions.length ? { ...rest, dimensions } : rest;
}

/** Moves a dimension up (by −1) or down (+1) the list. */
export function moveDimension(model: Model, name: string, by: number): Model {
	const list = [...(model.dimensions ?? [])];
	const from = list.findIndex((d) => same(d.name, name));
	const to = from + by;
	if (from < 0 || to < 0 || to >= list.length) return model;
	const [moved] = list.splice(from, 1);
	list.splice(to, 0, moved);
	return { ...model, dimensions: list };
}
