/**
 * Edits of a model's dimensions and of how its variables are arrayed, as pure functions from a
 * model to a new model, so the notebook applies each as one undoable step:
 *
 *   notebook.edit((m) => renameDimension(m, 'Region', 'Locality'))
 *
 * Names compare as everywhere else (canonicalName): "North East", "north_east" are one name.
 * An edit that would leave the model wrong throws a DimensionError whose message says why; the
 * *Problem functions give the same message beforehand, for a form to show as the user types.
 */
import type { Expr } from '../engine/parse/ast';
import { applyEdits, reference, walk, type Edit } from '../engine/flatten/rewrite';
import { parseEquation } from '../engine/parse/parser';
import {
	dimensionElements,
	elementSubscripts,
	findDimension,
	isPerElement,
	sameSubscript
} from './arrays';
import { canonicalName } from './names';
import type { ArrayElement, Dimension, Model, Variable } from './types';

export class DimensionError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DimensionError';
	}
}

const same = (a: string, b: string) => canonicalName(a) === canonicalName(b);

// ── checks ───────────────────────────────────────────────────────────────────────────────────

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

function check(problem: string | undefined): void {
	if (problem) throw new DimensionError(problem);
}

function dimensionOf(model: Model, name: string): Dimension {
	const dimension = findDimension(model, name);
	if (!dimension) throw new DimensionError(`The model has no dimension called "${name}".`);
	return dimension;
}

/** The model with one dimension replaced. */
function withDimension(model: Model, name: string, change: (d: Dimension) => Dimension): Model {
	return {
		...model,
		dimensions: (model.dimensions ?? []).map((d) => (same(d.name, name) ? change(d) : d))
	};
}

// ── equations ────────────────────────────────────────────────────────────────────────────────

/** Every equation of a variable (its own and each element's) passed through `change`. */
function mapEquations(v: Variable, change: (text: string) => string): Variable {
	const elements = v.elements?.map((e) =>
		typeof e.equation === 'string' ? { ...e, equation: change(e.equation) } : e
	);
	const next = { ...v, ...(elements && { elements }) } as Variable;
	if (next.kind === 'stock') next.initial = change(next.initial);
	else if (next.kind !== 'gf') next.equation = change(next.equation);
	return next;
}

/** The text with each span replaced; an equation that does not parse is left as written. */
function replaceSpans(text: string, find: (ast: Expr) => Edit[]): string {
	let ast: Expr;
	try {
		ast = parseEquation(text);
	} catch {
		return text;
	}
	return applyEdits(text, find(ast));
}

/**
 * How a dimension or element is written in an equation: a numbered element as its number, a name
 * with underscores for spaces, quoted when a bare name cannot hold it ("North-East").
 */
const written = (name: string) => (/^\d+$/.test(name.trim()) ? name.trim() : reference(name));

/** `Region` and `Region.North` written with the dimension's new name. */
function renameDimensionIn(text: string, from: string, to: string): string {
	const key = canonicalName(from);
	return replaceSpans(text, (ast) => {
		const found: Edit[] = [];
		walk(ast, (e) => {
			if (e.type !== 'name') return;
			const dot = e.name.indexOf('.');
			if (e.canonical === key) found.push({ start: e.start, end: e.end, text: written(to) });
			else if (dot > 0 && canonicalName(e.name.slice(0, dot)) === key)
				found.push({ start: e.start, end: e.end, text: `${written(to)}${e.name.slice(dot)}` });
		});
		return found;
	});
}

/**
 * Elements of a dimension written anew: in the subscripts of variables arrayed over it (by
 * position, so "North" of another dimension stays) and as `Dimension.Element`.
 */
function renameElementsIn(
	model: Model,
	text: string,
	dimension: string,
	rename: (element: string) => string | undefined
): string {
	const dimKey = canonicalName(dimension);
	const dimsOf = new Map(model.variables.map((v) => [canonicalName(v.name), v.dimensions ?? []]));
	return replaceSpans(text, (ast) => {
		const found: Edit[] = [];
		walk(ast, (e) => {
			if (e.type === 'subscript' && e.target.type === 'name') {
				const dims = dimsOf.get(e.target.canonical) ?? [];
				e.indices.forEach((index, j) => {
					if (index.type !== 'name' || !dims[j] || canonicalName(dims[j]) !== dimKey) return;
					const next = rename(index.name);
					if (next !== undefined) found.push({ start: index.start, end: index.end, text: next });
				});
			} else if (e.type === 'name') {
				const dot = e.name.indexOf('.');
				if (dot <= 0 || canonicalName(e.name.slice(0, dot)) !== dimKey) return;
				const next = rename(e.name.slice(dot + 1));
				if (next !== undefined)
					found.push({ start: e.start, end: e.end, text: `${e.name.slice(0, dot)}.${next}` });
			}
		});
		return found;
	});
}

/**
 * Each variable arrayed over the dimension, with its element subscripts and the element names
 * in every equation passed through `rename` (undefined: unchanged); elements `drop` says are removed.
 */
function followElements(
	model: Model,
	dimension: string,
	rename: (element: string) => string | undefined,
	drop: (element: string) => boolean = () => false
): Model {
	const variables = model.variables.map((v) => {
		const next = mapEquations(v, (text) =>
			renameElementsIn(model, text, dimension, (e) =>
				rename(e) === undefined ? undefined : written(rename(e)!)
			)
		);
		const at = (v.dimensions ?? []).findIndex((d) => same(d, dimension));
		if (at < 0 || !next.elements) return next;
		const elements = next.elements
			.filter((e) => !(e.subscript[at] !== undefined && drop(e.subscript[at])))
			.map((e) => {
				const renamed = e.subscript[at] === undefined ? undefined : rename(e.subscript[at]);
				return renamed === undefined
					? e
					: { ...e, subscript: e.subscript.map((s, j) => (j === at ? renamed : s)) };
			});
		return { ...next, elements } as Variable;
	});
	return { ...model, variables };
}

// ── dimensions ───────────────────────────────────────────────────────────────────────────────

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

// ── elements ─────────────────────────────────────────────────────────────────────────────────

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

function sizeProblem(name: string, size: unknown): string | undefined {
	return Number.isInteger(size) && (size as number) > 0 && (size as number) <= 100_000
		? undefined
		: `The size of "${name}" must be a whole number from 1 to 100000.`;
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

// ── variables ────────────────────────────────────────────────────────────────────────────────

/** A variable's own equation (a stock's initial value); undefined for a graphical function. */
export function sharedEquation(variable: Variable): string | undefined {
	return variable.kind === 'stock'
		? variable.initial
		: variable.kind === 'gf'
			? undefined
			: variable.equation;
}

function withShared(variable: Variable, text: string): Variable {
	if (variable.kind === 'stock') return { ...variable, initial: text };
	if (variable.kind === 'gf') return variable;
	return { ...variable, equation: text };
}

function updated(model: Model, id: string, change: (v: Variable) => Variable): Model {
	const variable = model.variables.find((v) => v.id === id);
	if (!variable) throw new DimensionError(`The model has no variable with id "${id}".`);
	const next = change(variable);
	return next === variable
		? model
		: { ...model, variables: model.variables.map((v) => (v.id === id ? next : v)) };
}

/** Drops `elements` when empty, and `dimensions` when there are none. */
function tidy(variable: Variable): Variable {
	const v = { ...variable };
	if (!v.elements?.length) delete v.elements;
	if (!v.dimensions?.length) delete v.dimensions;
	return v;
}

/**
 * Arrays a variable over `dimensions` (in that order; none un-arrays it). Element definitions
 * follow by element name through dimensions that stay; an element of a new dimension takes the
 * definition of the element it was split from. Un-arrayed, a variable keeps its first element's
 * equation as its own.
 */
export function setVariableDimensions(model: Model, id: string, dimensions: string[]): Model {
	for (const d of dimensions) dimensionOf(model, d);
	const repeated = dimensions.find((d, i) => dimensions.findIndex((e) => same(e, d)) !== i);
	if (repeated) throw new DimensionError(`A variable can be arrayed over "${repeated}" only once.`);
	return updated(model, id, (v) => {
		const names = dimensions.map((d) => dimensionOf(model, d).name);
		const before = v.dimensions ?? [];
		if (names.length === before.length && names.every((n, i) => same(n, before[i]))) return v;
		if (!names.length) {
			const first = v.elements?.find((e) => typeof e.equation === 'string')?.equation;
			const table = v.elements?.find((e) => e.graphical)?.graphical;
			const { elements: _e, dimensions: _d, ...rest } = v;
			let scalar =
				first !== undefined && isPerElement(v)
					? withShared(rest as Variable, first)
					: (rest as Variable);
			// The first element's own graphical function becomes the variable's, unless it has one.
			if (table && (scalar.kind === 'aux' || scalar.kind === 'flow') && !scalar.graphical)
				scalar = { ...scalar, graphical: structuredClone(table) };
			return scalar;
		}
		if (!v.elements?.length) return { ...v, dimensions: names };
		const rows = elementSubscripts(model, { dimensions: names }) ?? [];
		const kept = names.map((n) => before.findIndex((b) => same(b, n)));
		const elements: ArrayElement[] = [];
		for (const row of rows) {
			// The old element whose names agree on every dimension the variable keeps.
			const old = v.elements.find((e) =>
				kept.every(
					(k, j) => k < 0 || (e.subscript[k] !== undefined && same(e.subscript[k], row[j]))
				)
			);
			if (old) elements.push({ ...structuredClone(old), subscript: row });
		}
		return tidy({ ...v, dimensions: names, elements });
	});
}

/**
 * The elements (as "[North]") whose own equations arraying the variable over `dimensions`
 * would drop: those whose surviving element, or the un-arrayed variable, has another equation.
 */
export function equationsLost(model: Model, id: string, dimensions: string[]): string[] {
	const before = model.variables.find((v) => v.id === id);
	if (!before || !isPerElement(before)) return [];
	const after = setVariableDimensions(model, id, dimensions).variables.find((v) => v.id === id)!;
	const kept = (after.dimensions ?? []).map((n) =>
		(before.dimensions ?? []).findIndex((b) => same(b, n))
	);
	return before
		.elements!.filter((old) => {
			if (typeof old.equation !== 'string') return false;
			if (!isPerElement(after)) return sharedEquation(after)?.trim() !== old.equation.trim();
			const heirs = after.elements!.filter((e) =>
				kept.every((k, j) => k < 0 || same(e.subscript[j], old.subscript[k]))
			);
			return !heirs.some((e) => e.equation?.trim() === old.equation!.trim());
		})
		.map((e) => `[${e.subscript.join(', ')}]`);
}

/** An equation for each element: each starts with the shared equation (apply-to-all → per element). */
export function useElementEquations(model: Model, id: string): Model {
	return updated(model, id, (v) => {
		if (isPerElement(v) || v.kind === 'gf') return v;
		const rows = elementSubscripts(model, v);
		if (!rows)
			throw new DimensionError(
				`"${v.name}" is not arrayed over dimensions of the model, so it has no elements to give equations.`
			);
		const shared = sharedEquation(v) ?? '';
		const elements = rows.map((subscript) => {
			const own = v.elements?.find((e) => sameSubscript(e.subscript, subscript));
			return { ...own, subscript, equation: shared };
		});
		return { ...v, elements };
	});
}

/** Whether the element equations are not all the same text (so one equation for all would lose some). */
export function elementEquationsDiffer(variable: Variable): boolean {
	const texts = new Set(
		(variable.elements ?? [])
			.filter((e) => typeof e.equation === 'string')
			.map((e) => e.equation!.trim())
	);
	return texts.size > 1;
}

/**
 * One equation for every element (per element → apply-to-all): the first element's equation,
 * the others' dropped (ask first when they differ: elementEquationsDiffer). Elements' own
 * graphical functions stay.
 */
export function useOneEquation(model: Model, id: string): Model {
	return updated(model, id, (v) => {
		if (!isPerElement(v)) return v;
		const first = v.elements!.find((e) => typeof e.equation === 'string')!.equation!;
		const elements = v
			.elements!.filter((e) => e.graphical)
			.map(({ equation: _e, ...rest }) => rest);
		return tidy({ ...withShared(v, first), elements });
	});
}

/** Sets one element's own equation (its initial value, for a stock). */
export function setElementEquation(
	model: Model,
	id: string,
	subscript: string[],
	text: string
): Model {
	return updated(model, id, (v) => {
		const elements = [...(v.elements ?? [])];
		const at = elements.findIndex((e) => sameSubscript(e.subscript, subscript));
		if (at >= 0 && elements[at].equation === text) return v;
		if (at >= 0) elements[at] = { ...elements[at], equation: text };
		else elements.push({ subscript: [...subscript], equation: text });
		// In the order of the elements, so the document reads as the panel shows it (each
		// element's place worked out once: a large array is sorted on every edit).
		const key = (subscript: readonly string[]) => subscript.map(canonicalName).join(',');
		const place = new Map((elementSubscripts(model, v) ?? []).map((row, i) => [key(row), i]));
		const order = new Map(elements.map((e) => [e, place.get(key(e.subscript)) ?? -1]));
		elements.sort((a, b) => order.get(a)! - order.get(b)!);
		return { ...v, elements };
	});
}

function listNames(names: string[]): string {
	const quoted = names.map((n) => `"${n}"`);
	return quoted.length <= 1
		? quoted.join('')
		: `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
