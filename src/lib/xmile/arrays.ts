/**
 * An arrayed variable's parts (XMILE 3.7.1): the dimensions it is arrayed over, and its own
 * elements, each with an equation and/or a graphical function:
 *
 *   <aux name="Rate">
 *     <dimensions><dim name="Region"/></dimensions>
 *     <element subscript="North"><eqn>0.1</eqn></element>
 *     <element subscript="South"><eqn>0.2</eqn></element>
 *   </aux>
 *
 * Files converted from Vensim sometimes list one bare <eqn> per element instead; those are
 * read as the elements in order (the last dimension varying fastest).
 */
import { dimensionElements, findDimension } from '../model/arrays';
import { canonicalName } from '../model/names';
import type { ArrayElement, Dimension, GraphicalFunction, Variable } from '../model/types';
import { readGraphicalFunction } from './graphical';
import { splitInitialEquation, withInitialEquation } from './initial-equation';
import type { Report } from './report';
import { child, childrenNamed, type XmlElement } from './xml-tree';
import { element, type XmlNode } from './xml-writer';

export interface ArrayParts {
	arrayed: boolean;
	dimensions?: string[];
	elements?: ArrayElement[];
	/** The elements carry the equations, so the variable has no <eqn> of its own. */
	perElement: boolean;
}

export function readArrayParts(
	variable: XmlElement,
	name: string,
	declared: readonly Dimension[],
	report: Report
): ArrayParts {
	const dimensionsElement = child(variable, 'dimensions');
	const dims = dimensionsElement ? childrenNamed(dimensionsElement, 'dim') : [];
	const elementTags = childrenNamed(variable, 'element');
	if (dims.length === 0 && elementTags.length === 0) return { arrayed: false, perElement: false };
	if (dims.length === 0) {
		report.error(
			`"${name}" gives equations per array element but no <dimensions>`,
			elementTags[0],
			name
		);
		return { arrayed: true, perElement: true };
	}
	const dimensions = dims.map((d) => d.attributes.name?.trim() ?? '');
	const known = dims.map((d, i) => {
		const found = dimensions[i]
			? findDimension({ dimensions: [...declared] }, dimensions[i])
			: undefined;
		if (!dimensions[i]) report.error(`A <dim> of "${name}" has no name`, d, name);
		else if (!found)
			report.error(
				`"${name}" is arrayed over "${dimensions[i]}", which the file does not declare in <dimensions>`,
				d,
				name
			);
		return found;
	});

	const elements: ArrayElement[] = [];
	for (const tag of elementTags) {
		const subscript = (tag.attributes.subscript ?? '').split(',').map((s) => s.trim());
		const written = `[${subscript.join(', ')}]`;
		if (subscript.length !== dimensions.length || subscript.some((s) => s === '')) {
			report.error(
				`The element ${written} of "${name}" needs ${dimensions.length} element name${dimensions.length === 1 ? '' : 's'}, one for each dimension`,
				tag,
				name
			);
			continue;
		}
		const unknown = subscript.findIndex(
			(s, j) =>
				known[j] && !dimensionElements(known[j]!).some((e) => canonicalName(e) === canonicalName(s))
		);
		if (unknown >= 0) {
			report.error(
				`The element ${written} of "${name}": "${subscript[unknown]}" is not an element of "${known[unknown]!.name}"`,
				tag,
				name
			);
			continue;
		}
		const equation = withInitialEquation(
			tag,
			variable.name === 'stock' || variable.name === 'flow' ? variable.name : 'aux',
			child(tag, 'eqn')?.text.trim() || undefined,
			name,
			report
		);
		const gf = child(tag, 'gf');
		const graphical = gf && readGraphicalFunction(gf, name, report);
		if (!equation && !gf) {
			report.warning(
				`The element ${written} of "${name}" has neither an <eqn> nor a <gf>, and is ignored`,
				tag,
				name
			);
			continue;
		}
		elements.push({ subscript, ...(equation && { equation }), ...(graphical && { graphical }) });
	}

	const bare = childrenNamed(variable, 'eqn');
	if (elementTags.length === 0 && bare.length > 1) {
		const rows = known.every((d) => d) ? subscriptsOf(known as Dimension[]) : undefined;
		if (rows && rows.length === bare.length) {
			rows.forEach((subscript, i) => elements.push({ subscript, equation: bare[i].text.trim() }));
		} else {
			report.error(
				`"${name}" has ${bare.length} <eqn> elements but ${rows ? rows.length : 'an unknown number of'} array elements`,
				bare[1],
				name
			);
		}
	}
	// Even elements in error say the variable is defined element by element (no shared <eqn>).
	const perElement =
		elements.some((e) => e.equation !== undefined) || elementTags.some((t) => child(t, 'eqn'));
	return { arrayed: true, dimensions, ...(elements.length > 0 && { elements }), perElement };
}

/** Every element's subscript, the last dimension varying fastest. */
function subscriptsOf(dims: readonly Dimension[]): string[][] {
	let rows: string[][] = [[]];
	for (const dim of dims)
		rows = rows.flatMap((row) => dimensionElements(dim).map((e) => [...row, e]));
	return rows;
}

/**
 * <dimensions> and <element>s for writing, and whether the variable's own <eqn> is written
 * (not when every element has its own).
 */
export function writeArrayParts(
	variable: Variable,
	writeGraphical: (gf: GraphicalFunction) => XmlNode
): { dimensions?: XmlNode; elements: XmlNode[]; sharedEquation: boolean } {
	const dims = Array.isArray(variable.dimensions) ? variable.dimensions : [];
	const own = Array.isArray(variable.elements) ? variable.elements : [];
	const perElement = own.some((e) => typeof e.equation === 'string');
	return {
		dimensions: dims.length
			? element(
					'dimensions',
					{},
					dims.map((d) => element('dim', { name: d }))
				)
			: undefined,
		elements: own.map((e) =>
			element(
				'element',
				{ subscript: e.subscript.join(', ') },
				typeof e.equation === 'string' && equationElements(variable, e.equation),
				e.graphical && writeGraphical(e.graphical)
			)
		),
		sharedEquation: !perElement
	};
}

/** <eqn>, and <init_eqn> for an ACTIVE_INITIAL that is not a stock's (see initial-equation.ts). */
export function equationElements(variable: Variable, equation: string): XmlNode[] {
	// A conveyor's outflow, or a queue's, has no equation (XMILE 1.0 §4.3).
	if (variable.kind === 'flow' && !equation.trim()) return [];
	const split =
		variable.kind === 'stock' ? { equation, initial: undefined } : splitInitialEquation(equation);
	return [
		element('eqn', {}, split.equation),
		...(split.initial !== undefined ? [element('init_eqn', {}, split.initial)] : [])
	];
}
