/**
 * One `<stock>`, `<flow>`, `<aux>` or standalone `<gf>` → a Flowbook variable.
 *
 * Names and ids are settled by the caller (they depend on the whole model); so are a stock's
 * flows, which are returned as written and resolved once every variable is known.
 */
import type { Dimension, GraphicalFunction, Variable } from '../model/types';
import { readArrayParts } from './arrays';
import { readFlowKind, readStockKind } from './conveyor';
import { readNonNegative, type NonNegativeDefaults } from './behavior';
import { readGraphicalFunction } from './graphical';
import { withInitialEquation } from './initial-equation';
import type { Report } from './report';
import { child, childrenNamed, childText, type XmlElement } from './xml-tree';

export const VARIABLE_TAGS = ['stock', 'flow', 'aux', 'gf'] as const;

export interface FlowReference {
	/** The flow's name as the stock wrote it. */
	name: string;
	element: XmlElement;
}

export interface VariableRead {
	variable: Variable;
	inflows: FlowReference[];
	outflows: FlowReference[];
	/** A flow with no equation: an error unless it comes off a conveyor's belt (scope.ts). */
	missingEquation?: XmlElement;
}

export function readVariable(
	element: XmlElement,
	id: string,
	name: string,
	defaults: NonNegativeDefaults,
	report: Report,
	dimensions: readonly Dimension[] = []
): VariableRead {
	const arrays = readArrayParts(element, name, dimensions, report);
	const arrayed = arrays.arrayed;
	const base = {
		id,
		name,
		...describe(element),
		...(arrays.dimensions && { dimensions: arrays.dimensions }),
		...(arrays.elements && { elements: arrays.elements })
	};
	// Element by element, the equations are the elements' own.
	const kind = element.name === 'stock' || element.name === 'flow' ? element.name : 'aux';
	const equation = arrays.perElement
		? undefined
		: withInitialEquation(
				element,
				kind,
				readEquation(element, name, arrayed, report),
				name,
				report
			);
	const gfElement = element.name === 'gf' ? element : child(element, 'gf');
	const graphical = gfElement && readGraphicalFunction(gfElement, name, report);
	const nonNegative = readNonNegative(child(element, 'non_negative'), report, name);

	if (element.name === 'stock') {
		if (gfElement) report.warning('A graphical function on a stock is ignored', gfElement, name);
		const kind = readStockKind(element, name, report);
		const stock: Variable = {
			...base,
			kind: 'stock',
			initial: requireEquation(equation, element, name, arrays.perElement, report),
			inflows: [],
			outflows: [],
			// A conveyor or a queue never goes below zero by its nature.
			nonNegative: kind.conveyor || kind.queue ? false : (nonNegative ?? defaults.stock),
			...kind
		};
		return {
			variable: stock,
			inflows: flowReferences(element, 'inflow'),
			outflows: flowReferences(element, 'outflow')
		};
	}
	if (element.name === 'flow') {
		const { fraction, ...kind } = readFlowKind(element, name, report);
		const flowEquation = equation ?? fraction;
		const flow: Variable = {
			...base,
			kind: 'flow',
			// A conveyor's outflow has no equation; scope.ts reports any other flow without one.
			equation: flowEquation ?? '',
			uniflow: nonNegative ?? defaults.flow,
			...(graphical && { graphical }),
			...kind
		};
		return {
			variable: flow,
			inflows: [],
			outflows: [],
			...(flowEquation === undefined && !arrays.perElement && { missingEquation: element })
		};
	}
	// An aux (or a named <gf>) whose graphical function has no input equation is a table that
	// other equations call, as `table(x)` or `LOOKUP(table, x)`: a 'gf' variable. With an
	// equation it is an aux whose value is the table read at that equation.
	// An arrayed table may keep its points in its elements only.
	const elementTable = arrays.elements?.find((e) => e.graphical)?.graphical;
	const table = !arrays.perElement && equation === undefined && (gfElement || elementTable);
	const aux: Variable = table
		? { ...base, kind: 'gf', graphical: graphical ?? elementTable ?? emptyTable() }
		: {
				...base,
				kind: 'aux',
				equation: requireEquation(equation, element, name, arrays.perElement, report),
				...(graphical && { graphical })
			};
	return { variable: aux, inflows: [], outflows: [] };
}

function describe(element: XmlElement): { units?: string; documentation?: string } {
	const result: { units?: string; documentation?: string } = {};
	const units = childText(element, 'units');
	if (units) result.units = units;
	const documentation = childText(element, 'doc');
	if (documentation) result.documentation = documentation;
	return result;
}

/**
 * The equation text exactly as written, entities decoded and outer whitespace trimmed. (Several
 * <eqn> in an arrayed variable are its elements' equations: see arrays.ts.)
 */
function readEquation(
	element: XmlElement,
	name: string,
	arrayed: boolean,
	report: Report
): string | undefined {
	const equations = childrenNamed(element, 'eqn');
	if (equations.length > 1 && !arrayed) {
		report.warning(`Has ${equations.length} <eqn> elements; using the first`, equations[1], name);
	}
	const text = equations[0]?.text.trim();
	return text ? text : undefined;
}

function requireEquation(
	equation: string | undefined,
	element: XmlElement,
	name: string,
	perElement: boolean,
	report: Report
): string {
	// Element by element, each element has its equation and the variable none of its own.
	if (equation === undefined && !perElement) report.error('Has no equation', element, name);
	return equation ?? '';
}

function flowReferences(stock: XmlElement, tag: 'inflow' | 'outflow'): FlowReference[] {
	return childrenNamed(stock, tag)
		.map((element) => ({ name: element.text.trim(), element }))
		.filter((ref) => ref.name !== '');
}

function emptyTable(): GraphicalFunction {
	return { type: 'continuous', xs: [], ys: [] };
}
