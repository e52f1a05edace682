/**
 * Checks shared by the dimension edits: why a name cannot name a dimension or an element, which
 * variables use a dimension, and the DimensionError an edit throws when it would leave the model
 * wrong. The *Problem functions give the same message beforehand, for a form to show as the user
 * types. Names compare as everywhere else (canonicalName): "North East", "north_east" are one name.
 */
import { dimensionElements, findDimension } from '../model/arrays';
import { canonicalName } from '../model/names';
import type { Dimension, Model, Variable } from '../model/types';

export class DimensionError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DimensionError';
	}
}

export const same = (a: string, b: string) => canonicalName(a) === canonicalName(b);

/** Why `name` cannot name a dimension (other than `current`, the one being renamed), if it cannot. */
export function dimensionNameProblem(
	model: Model,
	name: string,
	current?: string
): string | undefined {
	const trimmed = name.trim();
	if (!trimmed || !canonicalName(trimmed)) return 'A dimension needs a name.';
	if (/[[\],.]/.test(trimmed))
		return `The dimension name "${trimmed}" has "${trimmed.match(/[[\],.]/)![0]}" in it; use letters, digits and spaces.`;
	const other = model.dimensions?.find(
		(d) => same(d.name, trimmed) && !(current !== undefined && same(d.name, current))
	);
	if (other) return `There is already a dimension called "${other.name}".`;
	const variable = model.variables.find((v) => same(v.name, trimmed));
	if (variable)
		return `"${variable.name}" is a variable; a dimension cannot have the same name, as both stand alone in equations.`;
	return undefined;
}

/** Why `name` cannot name an element of `dimension` (other than `current`, being renamed), if it cannot. */
export function elementNameProblem(
	dimension: Dimension,
	name: string,
	current?: string
): string | undefined {
	const trimmed = name.trim();
	if (!trimmed || !canonicalName(trimmed)) return `An element of "${dimension.name}" needs a name.`;
	const bad = trimmed.match(/[[\],]/);
	if (bad)
		return `The element name "${trimmed}" has "${bad[0]}" in it, which subscripts use; use letters, digits and spaces.`;
	const other = dimensionElements(dimension).find(
		(e) => same(e, trimmed) && !(current !== undefined && same(e, current))
	);
	if (other) return `"${dimension.name}" already has an element called "${other}".`;
	return undefined;
}

/** The variables arrayed over the dimension, in model order. */
export function dimensionUsers(model: Model, name: string): Variable[] {
	return model.variables.filter((v) => v.dimensions?.some((d) => same(d, name)));
}

/** "Dimension 1", "Dimension 2", …: the first name no dimension or variable has. */
export function newDimensionName(model: Model): string {
	for (let i = 1; ; i++)
		if (!dimensionNameProblem(model, `Dimension ${i}`)) return `Dimension ${i}`;
}

export function check(problem: string | undefined): void {
	if (problem) throw new DimensionError(problem);
}

export function dimensionOf(model: Model, name: string): Dimension {
	const dimension = findDimension(model, name);
	if (!dimension) throw new DimensionError(`The model has no dimension called "${name}".`);
	return dimension;
}

/** The model with one dimension replaced. */
export function withDimension(
	model: Model,
	name: string,
	change: (d: Dimension) => Dimension
): Model {
	return {
		...model,
		dimensions: (model.dimensions ?? []).map((d) => (same(d.name, name) ? change(d) : d))
	};
}

export function sizeProblem(name: string, size: unknown): string | undefined {
	return Number.isInteger(size) && (size as number) > 0 && (size as number) <= 100_000
		? undefined
		: `The size of "${name}" must be a whole number from 1 to 100000.`;
}

/** "A", "A" and "B", "A", "B" and "C": names for a message. */
export function listNames(names: string[]): string {
	const quoted = names.map((n) => `"${n}"`);
	return quoted.length <= 1
		? quoted.join('')
		: `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
