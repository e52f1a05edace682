/**
 * Equations rewritten when a dimension or its elements change: names found in the parsed
 * equation and replaced in the text as written, so the rest of an equation keeps its spacing.
 */
import { applyEdits, reference, walk, type Edit } from '../engine/flatten/rewrite';
import type { Expr } from '../engine/parse/ast';
import { parseEquation } from '../engine/parse/parser';
import { canonicalName } from '../model/names';
import type { Model, Variable } from '../model/types';
import { same } from './dimension-checks';

/** Every equation of a variable (its own and each element's) passed through `change`. */
export function mapEquations(v: Variable, change: (text: string) => string): Variable {
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
export const written = (name: string) =>
	/^\d+$/.test(name.trim()) ? name.trim() : reference(name);

/** `Region` and `Region.North` written with the dimension's new name. */
export function renameDimensionIn(text: string, from: string, to: string): string {
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
export function followElements(
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
