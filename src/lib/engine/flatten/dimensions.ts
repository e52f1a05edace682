/**
 * The model's dimensions, checked and indexed for the arrays pass: element names by canonical
 * name, so `Entry_1`, `entry 1` and `"Entry 1"` are the same element.
 */
import type { Diagnostic } from '../../model/diagnostics';
import { dimensionElements } from '../../model/arrays';
import { canonicalName } from '../../model/names';
import type { Model } from '../../model/types';
import { dimensionSizeProblem } from './array-budget';

export interface Dim {
	/** As declared. */
	name: string;
	key: string;
	/** Element names as declared ("1" … "n" for a numbered dimension). */
	elements: string[];
	/** The elements' canonical names, in order. */
	elementKeys: string[];
	/** Canonical element name → position from 0. */
	position: Map<string, number>;
	/** The key of the dimension this one maps to, element by element in order (isee:maps_to). */
	mapsTo?: string;
}

export function readDimensions(model: Model): {
	dims: Map<string, Dim>;
	diagnostics: Diagnostic[];
} {
	const dims = new Map<string, Dim>();
	const diagnostics: Diagnostic[] = [];
	const error = (message: string) => diagnostics.push({ severity: 'error', message });
	const variableNames = new Set(model.variables.map((v) => canonicalName(v.name ?? '')));
	for (const dimension of model.dimensions ?? []) {
		const name = typeof dimension?.name === 'string' ? dimension.name.trim() : '';
		if (!name) {
			error('a dimension has no name');
			continue;
		}
		const key = canonicalName(name);
		if (dims.has(key)) {
			error(`the dimension "${name}" is declared twice`);
			continue;
		}
		// XMILE 3.7.1: dimension names stand alone in equations, so no variable may share one.
		if (variableNames.has(key))
			error(`the dimension "${name}" has the same name as a variable; rename one of them`);
		const hasElements = Array.isArray(dimension.elements);
		if (hasElements === (dimension.size !== undefined)) {
			error(
				`the dimension "${name}" needs either element names or a size, ${hasElements ? 'not both' : 'and has neither'}`
			);
			continue;
		}
		if (!hasElements && !(Number.isInteger(dimension.size) && dimension.size! > 0)) {
			error(
				`the dimension "${name}" has size ${dimension.size}: it must be a whole number above 0`
			);
			continue;
		}
		const tooBig = hasElements ? undefined : dimensionSizeProblem(name, dimension.size!);
		if (tooBig) {
			error(tooBig);
			continue;
		}
		const elements = dimensionElements(dimension);
		if (elements.length === 0) {
			error(`the dimension "${name}" has no elements`);
			continue;
		}
		const position = new Map<string, number>();
		const elementKeys = elements.map((e) => canonicalName(String(e)));
		elements.forEach((element, i) => {
			const elementKey = elementKeys[i];
			if (!elementKey)
				error(`the dimension "${name}" has an element without a name (element ${i + 1})`);
			else if (position.has(elementKey))
				error(`the dimension "${name}" has the element "${element}" twice`);
			else position.set(elementKey, i);
		});
		dims.set(key, {
			name,
			key,
			elements: elements.map(String),
			elementKeys,
			position,
			...(typeof dimension.mapsTo === 'string' && { mapsTo: canonicalName(dimension.mapsTo) })
		});
	}
	return { dims, diagnostics };
}

/** "Region" or "Region × Age", for messages. */
export function describeDims(dims: readonly Dim[]): string {
	return dims.map((d) => `"${d.name}"`).join(' × ');
}
