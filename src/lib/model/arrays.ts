/**
 * Arrays as the document holds them: dimensions, and which elements an arrayed variable has.
 * The engine flattens each element into a scalar variable named as these helpers name it
 * ("Beds[North]", "Flow[North,Adult]"), so charts, tables and levers can find its series.
 *
 *   elementNames(model, beds)  // ['Beds[North]', 'Beds[South]']
 */
import { canonicalName } from './names';
import type { Dimension, Model, Variable } from './types';

/** A dimension's element names in order: its named elements, or "1" … "size". */
export function dimensionElements(dimension: Dimension): string[] {
	if (Array.isArray(dimension.elements)) return dimension.elements;
	const size =
		typeof dimension.size === 'number' && Number.isInteger(dimension.size) && dimension.size > 0
			? dimension.size
			: 0;
	return Array.from({ length: size }, (_, i) => String(i + 1));
}

/** The model's dimension of this name (case, spaces and underscores aside). */
export function findDimension(
	model: Pick<Model, 'dimensions'>,
	name: string
): Dimension | undefined {
	const wanted = canonicalName(name);
	return model.dimensions?.find((d) => canonicalName(d.name) === wanted);
}

export function isArrayed(variable: Pick<Variable, 'dimensions'>): boolean {
	return Array.isArray(variable.dimensions) && variable.dimensions.length > 0;
}

/** Whether an arrayed variable gives its elements their own equations (XMILE non-apply-to-all). */
export function isPerElement(variable: Pick<Variable, 'dimensions' | 'elements'>): boolean {
	return isArrayed(variable) && !!variable.elements?.some((e) => typeof e.equation === 'string');
}

/** Whether two subscripts name the same element (case, spaces and underscores aside). */
export function sameSubscript(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((x, i) => canonicalName(x) === canonicalName(b[i]));
}

/** The name of one element: `Beds[North]`, `Flow[North,Adult]`, as Stella and Vensim label it. */
export function elementName(name: string, subscript: readonly string[]): string {
	return `${name}[${subscript.join(',')}]`;
}

/**
 * The variable and subscript a name like `Beds[North]` or `Flow[North, Adult]` names (the
 * inverse of elementName), each part trimmed as written; undefined for a name without one.
 */
export function splitElementName(name: string): { name: string; subscript: string[] } | undefined {
	const match = /^(.*?)\s*\[([^\]]*)\]\s*$/.exec(name.trim());
	return match
		? { name: match[1].trim(), subscript: match[2].split(',').map((s) => s.trim()) }
		: undefined;
}

/**
 * Every element of an arrayed variable as its subscript (one element name per dimension), the
 * last dimension varying fastest (XMILE's row-major order); undefined when the variable is not
 * arrayed or names a dimension the model lacks.
 */
export function elementSubscripts(
	model: Pick<Model, 'dimensions'>,
	variable: Pick<Variable, 'dimensions'>
): string[][] | undefined {
	if (!isArrayed(variable)) return undefined;
	let rows: string[][] = [[]];
	for (const name of variable.dimensions!) {
		const dimension = findDimension(model, name);
		if (!dimension) return undefined;
		const elements = dimensionElements(dimension);
		rows = rows.flatMap((row) => elements.map((e) => [...row, e]));
	}
	return rows;
}

/**
 * The names of a variable's results: one per element for an arrayed variable, its own name
 * otherwise (or when its dimensions are not all in the model).
 */
export function elementNames(
	model: Pick<Model, 'dimensions'>,
	variable: Pick<Variable, 'name' | 'dimensions'>
): string[] {
	const subscripts = elementSubscripts(model, variable);
	return subscripts ? subscripts.map((s) => elementName(variable.name, s)) : [variable.name];
}
