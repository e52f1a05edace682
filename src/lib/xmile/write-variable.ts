/**
 * One variable as an XMILE element: <stock>, <flow>, <aux> or <gf>, with its name attributes,
 * documentation, units, equation or array parts and graphical function. write.ts writes the
 * root model's variables with it; write-modules.ts and write-macros.ts write theirs.
 */
import type {
	Auxiliary,
	Flow,
	GraphicalFunction,
	GraphicalFunctionVariable,
	Stock,
	Variable
} from '../model/types';
import { displayName } from '../model/names';
import { equationElements, writeArrayParts } from './arrays';
import { leakAttributes, writeFlowKind, writeStockKind } from './conveyor';
import { toNameAttribute as nameAttribute, toReference } from './identifiers';
import { element, formatNumber, type XmlNode } from './xml-writer';

export function writeVariable(variable: Variable, byId: Map<string, Variable>): XmlNode {
	switch (variable.kind) {
		case 'stock':
			return writeStock(variable, byId);
		case 'flow':
			return writeFlow(variable);
		case 'aux':
			return writeAux(variable);
		case 'gf':
			return writeStandaloneGf(variable);
	}
}

/**
 * A reader shows underscores as spaces and tidies whitespace, as XMILE names treat them alike;
 * a name that would not come back as written ("Students_Y1") is also given exactly, as
 * flowbook:name, which read.ts prefers while it names the same variable.
 */
export function needsExactName(name: string): boolean {
	return displayName(nameAttribute(name)) !== name;
}

function nameAttributes(
	name: string,
	access?: Variable['access']
): Record<string, string | undefined> {
	return {
		name: nameAttribute(name),
		'flowbook:name': needsExactName(name) ? name : undefined,
		access
	};
}

/** <units> and <doc>, after the variable's own parts. */
function describe(variable: Variable): Array<XmlNode | undefined> {
	return [
		variable.units ? element('units', {}, variable.units) : undefined,
		variable.documentation ? element('doc', {}, variable.documentation) : undefined
	];
}

/**
 * An arrayed variable's <dimensions>, then its own equation (apply-to-all) and its <element>s
 * (XMILE 3.7.1); a scalar variable's <eqn> alone.
 */
function equationParts(variable: Variable, equation: string): Array<XmlNode | undefined> {
	const arrays = writeArrayParts(variable, writeGraphical);
	return [
		arrays.dimensions,
		...(arrays.sharedEquation ? equationElements(variable, equation) : []),
		...arrays.elements
	];
}

function writeStock(stock: Stock, byId: Map<string, Variable>): XmlNode {
	const flowName = (id: string) => toReference(byId.get(id)?.name ?? id);
	return element(
		'stock',
		nameAttributes(stock.name, stock.access),
		equationParts(stock, stock.initial),
		// Order matters: outflows are drained in this order when the stock is non-negative.
		stock.inflows.map((id) => element('inflow', {}, flowName(id))),
		stock.outflows.map((id) => element('outflow', {}, flowName(id))),
		writeStockKind(stock),
		stock.nonNegative && element('non_negative'),
		describe(stock)
	);
}

function writeFlow(flow: Flow): XmlNode {
	return element(
		'flow',
		{ ...nameAttributes(flow.name, flow.access), ...leakAttributes(flow) },
		equationParts(flow, flow.equation),
		flow.graphical && writeGraphical(flow.graphical),
		flow.uniflow && element('non_negative'),
		writeFlowKind(flow),
		describe(flow)
	);
}

function writeAux(aux: Auxiliary): XmlNode {
	return element(
		'aux',
		nameAttributes(aux.name, aux.access),
		equationParts(aux, aux.equation),
		aux.graphical && writeGraphical(aux.graphical),
		describe(aux)
	);
}

/** A table called as `name(x)`: a named <gf> among the variables (§3.1.4). */
function writeStandaloneGf(gf: GraphicalFunctionVariable): XmlNode {
	const arrays = writeArrayParts(gf, writeGraphical);
	if (arrays.dimensions) {
		// An arrayed table is an <aux> without an equation, its points shared or per element.
		return element(
			'aux',
			nameAttributes(gf.name, gf.access),
			arrays.dimensions,
			writeGraphical(gf.graphical),
			arrays.elements,
			describe(gf)
		);
	}
	const node = writeGraphical(gf.graphical);
	node.attributes.unshift(...Object.entries(nameAttributes(gf.name, gf.access)));
	node.children.push(...describe(gf).filter((n): n is XmlNode => n !== undefined));
	return node;
}

/**
 * Evenly spaced points are written as <xscale> + <ypts>, the spec's compact form, when the
 * reader would rebuild exactly the same x values from the scale; otherwise as <xpts>, with the
 * editor's range kept beside them in <xscale>. XMILE §4.1.3 calls that over-specified, but
 * files in the wild do it and readers (graphical.ts, Simlin) take the points.
 */
export function writeGraphical(gf: GraphicalFunction): XmlNode {
	const list = (xs: number[]) => xs.map(formatNumber).join(',');
	const compact =
		gf.xScale !== undefined &&
		sameNumbers(evenlySpaced(gf.xScale.min, gf.xScale.max, gf.xs.length), gf.xs);
	return element(
		'gf',
		{ type: gf.type },
		gf.xScale && element('xscale', { min: gf.xScale.min, max: gf.xScale.max }),
		gf.yScale && element('yscale', { min: gf.yScale.min, max: gf.yScale.max }),
		!compact && element('xpts', {}, list(gf.xs)),
		element('ypts', {}, list(gf.ys))
	);
}

/** As graphical.ts spreads x values over an <xscale> when a file gives no <xpts>. */
function evenlySpaced(min: number, max: number, count: number): number[] {
	if (count === 1) return [min];
	return Array.from({ length: count }, (_, i) =>
		i === count - 1 ? max : min + ((max - min) * i) / (count - 1)
	);
}

function sameNumbers(a: number[], b: number[]): boolean {
	return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
