/**
 * Edits of a dimension's elements (add, rename, remove, move, size, named or numbered), as pure
 * functions from a model to a new model; the subscripts of element definitions and the element
 * names in equations follow.
 */
import { dimensionElements } from '../model/arrays';
import { canonicalName } from '../model/names';
import type { Dimension, Model, Variable } from '../model/types';
import {
	check,
	DimensionError,
	dimensionOf,
	elementNameProblem,
	same,
	sizeProblem,
	withDimension
} from './dimension-checks';
import { followElements } from './equation-rewrites';

function namedElements(dimension: Dimension): string[] {
	if (!dimension.elements)
		throw new DimensionError(`"${dimension.name}" has numbered elements; change its size instead.`);
	return dimension.elements;
}

export function addElement(model: Model, dimensionName: string, element: string): Model {
	const dimension = dimensionOf(model, dimensionName);
	const elements = namedElements(dimension);
	check(elementNameProblem(dimension, element));
	return withDimension(model, dimension.name, (d) => ({
		...d,
		elements: [...elements, element.trim()]
	}));
}

/** Renames an element: the subscripts of element definitions and equations follow. */
export function renameElement(
	model: Model,
	dimensionName: string,
	from: string,
	to: string
): Model {
	const dimension = dimensionOf(model, dimensionName);
	const elements = namedElements(dimension);
	const old = elements.find((e) => same(e, from));
	if (old === undefined)
		throw new DimensionError(`"${dimension.name}" has no element called "${from}".`);
	if (old === to.trim()) return model;
	check(elementNameProblem(dimension, to, old));
	const name = to.trim();
	const next = withDimension(model, dimension.name, (d) => ({
		...d,
		elements: elements.map((e) => (e === old ? name : e))
	}));
	return followElements(next, dimension.name, (e) => (same(e, old) ? name : undefined));
}

/** The variables whose element-by-element definitions name this element (they go with it). */
export function elementUsers(model: Model, dimensionName: string, element: string): Variable[] {
	return model.variables.filter((v) => {
		const at = (v.dimensions ?? []).findIndex((d) => same(d, dimensionName));
		return (
			at >= 0 &&
			!!v.elements?.some((e) => e.subscript[at] !== undefined && same(e.subscript[at], element))
		);
	});
}

/** Removes an element, and the element definitions that name it (ask first: see elementUsers). */
export function removeElement(model: Model, dimensionName: string, element: string): Model {
	const dimension = dimensionOf(model, dimensionName);
	const elements = namedElements(dimension);
	const old = elements.find((e) => same(e, element));
	if (old === undefined)
		throw new DimensionError(`"${dimension.name}" has no element called "${element}".`);
	if (elements.length === 1)
		throw new DimensionError(
			`"${old}" is the only element of "${dimension.name}"; a dimension needs at least one. Delete the dimension instead.`
		);
	const next = withDimension(model, dimension.name, (d) => ({
		...d,
		elements: elements.filter((e) => e !== old)
	}));
	return followElements(
		next,
		dimension.name,
		() => undefined,
		(e) => same(e, old)
	);
}

/** Moves an element up (−1) or down (+1); definitions stay with their element, by name. */
export function moveElement(
	model: Model,
	dimensionName: string,
	element: string,
	by: number
): Model {
	const dimension = dimensionOf(model, dimensionName);
	const elements = [...namedElements(dimension)];
	const from = elements.findIndex((e) => same(e, element));
	const to = from + by;
	if (from < 0 || to < 0 || to >= elements.length) return model;
	const [moved] = elements.splice(from, 1);
	elements.splice(to, 0, moved);
	return withDimension(model, dimension.name, (d) => ({ ...d, elements }));
}

/** Sets a numbered dimension's size; definitions of elements past the new size go. */
export function setDimensionSize(model: Model, dimensionName: string, size: number): Model {
	const dimension = dimensionOf(model, dimensionName);
	if (dimension.elements)
		throw new DimensionError(
			`"${dimension.name}" has named elements; add or remove elements instead.`
		);
	check(sizeProblem(dimension.name, size));
	if (dimension.size === size) return model;
	const next = withDimension(model, dimension.name, (d) => ({ ...d, size }));
	return followElements(
		next,
		dimension.name,
		() => undefined,
		(e) => !(Number(e) >= 1 && Number(e) <= size)
	);
}

/**
 * The variables whose definitions of elements past `size` would go with a smaller size.
 */
export function sizeUsers(model: Model, dimensionName: string, size: number): Variable[] {
	return model.variables.filter((v) => {
		const at = (v.dimensions ?? []).findIndex((d) => same(d, dimensionName));
		return (
			at >= 0 &&
			!!v.elements?.some((e) => !(Number(e.subscript[at]) >= 1 && Number(e.subscript[at]) <= size))
		);
	});
}

/** A numbered dimension given names: "1" … "n" as names, to rename one by one. */
export function nameElements(model: Model, dimensionName: string): Model {
	const dimension = dimensionOf(model, dimensionName);
	if (dimension.elements) return model;
	return withDimension(model, dimension.name, (d) => ({
		name: d.name,
		elements: dimensionElements(d)
	}));
}

/** A named dimension numbered 1 … n in its order: subscripts naming its elements become their numbers. */
export function numberElements(model: Model, dimensionName: string): Model {
	const dimension = dimensionOf(model, dimensionName);
	if (!dimension.elements) return model;
	const position = new Map(dimension.elements.map((e, i) => [canonicalName(e), String(i + 1)]));
	const next = withDimension(model, dimension.name, (d) => ({
		name: d.name,
		size: dimension.elements!.length
	}));
	return followElements(next, dimension.name, (e) => position.get(canonicalName(e)));
}
