/**
 * How a variable is arrayed: its dimensions, and one equation for every element or one each.
 * Pure functions from a model to a new model, as the other edits.
 */
import { elementSubscripts, isPerElement, sameSubscript } from '../model/arrays';
import type { ArrayElement, Model, Variable } from '../model/types';
import { canonicalName } from '../model/names';
import { DimensionError, dimensionOf, same } from './dimension-checks';

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
