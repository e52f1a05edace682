/**
 * How many elements a model's arrays hold, counted from the dimensions' sizes before any element
 * is made: a dimension of a billion elements took 27 s to fail with "Set maximum size exceeded".
 * Past the budget the model is refused, naming the dimension or variable and the budget.
 */
import type { Dim } from './dimensions';

/** Elements of every arrayed variable together; each element becomes a variable of its own. */
export const MAX_ARRAY_ELEMENTS = 10_000_000;

const shown = (n: number) => n.toLocaleString('en-GB');

/** A dimension's declared size, refused before its elements are listed. */
export function dimensionSizeProblem(name: string, size: number): string | undefined {
	if (size <= MAX_ARRAY_ELEMENTS) return undefined;
	return `the dimension "${name}" has ${shown(size)} elements, more than the ${shown(MAX_ARRAY_ELEMENTS)} all the model's arrays may hold together`;
}

/** The first variable whose elements take the model's arrays past the budget, named with its dimensions. */
export function arrayBudgetProblem(
	arrays: Iterable<{ name: string; dims: readonly Dim[] }>
): { variable: string; message: string } | undefined {
	let total = 0;
	for (const { name, dims } of arrays) {
		const size = dims.reduce((n, d) => n * d.elements.length, 1);
		total += size;
		if (total > MAX_ARRAY_ELEMENTS)
			return {
				variable: name,
				message: `"${name}" has ${shown(size)} elements (${dims.map((d) => `"${d.name}" ${shown(d.elements.length)}`).join(' × ')}), which takes the model's arrays to ${shown(total)} elements, more than the ${shown(MAX_ARRAY_ELEMENTS)} they may hold together`
			};
	}
	return undefined;
}
