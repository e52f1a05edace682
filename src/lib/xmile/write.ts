/**
 * Write a Flowbook model as XMILE 1.0 (OASIS, 2015), for Stella, Simlin and any other tool that
 * reads the standard, and for Flowbook itself to read back unchanged:
 *
 *   const text = writeXmile(model, { name: 'Bathtub basics' });
 *
 * Elements follow the order the spec recommends: <header>, <sim_specs>, <model_units>, then
 * <model> with <variables> and <views>. Equations are written exactly as the model holds them.
 * What has no XMILE 1.0 home goes in vendor attributes and elements, which other tools skip:
 * the save interval in isee:save_interval (what Stella, Simlin and xmutil write); the random
 * seed, explicit clouds and names a reader would tidy ("Students_Y1") in a flowbook: namespace.
 */
import type {
	Auxiliary,
	Flow,
	GraphicalFunction,
	GraphicalFunctionVariable,
	Model,
	SimSpecs,
	Stock,
	UnitDefinition,
	Variable
} from '../model/types';
import { displayName } from '../model/names';
import { writeArrayParts } from './arrays';
import { writeDimensions } from './dimensions';
import { toNameAttribute as nameAttribute, toReference } from './identifiers';
import { writeMacro } from './write-macros';
import { usesFlowbookInModules, writeModule, writeSubmodel } from './write-modules';
import { writeViews } from './write-views';
import { element, formatNumber, printDocument, type XmlNode } from './xml-writer';

export const XMILE_NAMESPACE = 'http://docs.oasis-open.org/xmile/ns/XMILE/v1.0';
export const ISEE_NAMESPACE = 'http://iseesystems.com/XMILE';
/** Flowbook's own extensions; a URN so that it claims no web address. */
export const FLOWBOOK_NAMESPACE = 'urn:flowbook:xmile:1';

/** Written in the header; bump with the app's version. */
const PRODUCT_VERSION = '0.1.0';

export interface WriteXmileOptions {
	/** The model's name, written as the header <name> (a notebook's title). */
	name?: string;
}

export function writeXmile(model: Model, options: WriteXmileOptions = {}): string {
	const byId = new Map(model.variables.map((v) => [v.id, v]));
	const views = writeViews(model);
	const submodels = (model.submodels ?? []).map(writeSubmodel);
	const macros = (model.macros ?? []).map(writeMacro);
	const usesIsee = model.simSpecs.saveStep !== undefined;
	const usesFlowbook =
		model.simSpecs.seed !== undefined ||
		views.usesFlowbook ||
		model.variables.some((v) => needsExactName(v.name)) ||
		usesFlowbookInModules(model) ||
		[...submodels, ...macros].some((m) => m.usesFlowbook);

	const root = element(
		'xmile',
		{
			version: '1.0',
			xmlns: XMILE_NAMESPACE,
			'xmlns:isee': usesIsee ? ISEE_NAMESPACE : undefined,
			'xmlns:flowbook': usesFlowbook ? FLOWBOOK_NAMESPACE : undefined
		},
		writeHeader(options.name, {
			hasView: views.node !== undefined,
			usesSubmodels: (model.modules ?? []).length > 0,
			usesMacros: macros.length > 0
		}),
		writeSimSpecs(model.simSpecs),
		model.units && model.units.length > 0 && element('model_units', {}, model.units.map(writeUnit)),
		writeDimensions(model.dimensions),
		element(
			'model',
			{},
			element(
				'variables',
				{},
				model.variables.map((v) => writeVariable(v, byId)),
				(model.modules ?? []).map(writeModule)
			),
			views.node && element('views', {}, views.node)
		),
		// Module models after the root one, then macros, at the same level (§4.7, §4.8).
		submodels.map((m) => m.node),
		macros.map((m) => m.node)
	);
	return printDocument(root);
}

function writeHeader(
	name: string | undefined,
	uses: { hasView: boolean; usesSubmodels: boolean; usesMacros: boolean }
): XmlNode {
	const options = [
		// §2.2.1: a file says which optional parts it uses: a stock-and-flow diagram, modules, macros.
		uses.usesSubmodels && element('uses_submodels'),
		uses.usesMacros &&
			element('uses_macros', { recursive_macros: 'false', option_filters: 'false' }),
		uses.hasView && element('has_model_view')
	].filter((o): o is XmlNode => typeof o === 'object');
	return element(
		'header',
		{},
		options.length > 0 && element('options', { namespace: 'std' }, options),
		name?.trim() ? element('name', {}, name.trim()) : undefined,
		element('vendor', {}, 'Flowbook'),
		element('product', { version: PRODUCT_VERSION, lang: 'en' }, 'Flowbook')
	);
}

function writeSimSpecs(specs: SimSpecs): XmlNode {
	return element(
		'sim_specs',
		{
			method: specs.method ?? 'euler',
			time_units: specs.timeUnits,
			'isee:save_interval': specs.saveStep,
			'flowbook:seed': specs.seed
		},
		element('start', {}, formatNumber(specs.start)),
		element('stop', {}, formatNumber(specs.stop)),
		element('dt', {}, formatNumber(specs.dt))
	);
}

function writeUnit(unit: UnitDefinition): XmlNode {
	return element(
		'unit',
		{ name: unit.name },
		// Stella writes an empty <eqn/> for a base unit.
		element('eqn', {}, unit.equation ?? ''),
		(unit.aliases ?? []).map((alias) => element('alias', {}, alias))
	);
}

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
		arrays.sharedEquation ? element('eqn', {}, equation) : undefined,
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
		stock.nonNegative && element('non_negative'),
		describe(stock)
	);
}

function writeFlow(flow: Flow): XmlNode {
	return element(
		'flow',
		nameAttributes(flow.name, flow.access),
		equationParts(flow, flow.equation),
		flow.graphical && writeGraphical(flow.graphical),
		flow.uniflow && element('non_negative'),
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
