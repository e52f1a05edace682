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
import { wholeReciprocal } from '../engine/sim-specs';
import type { Model, SimSpecs, UnitDefinition } from '../model/types';
import { writeDimensions } from './dimensions';
import { writeMacro } from './write-macros';
import { usesFlowbookInModules, writeModule, writeSubmodel } from './write-modules';
import { needsExactName, writeVariable } from './write-variable';
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
		model.simSpecs.startDate !== undefined ||
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
			usesMacros: macros.length > 0,
			...stockKindsUsed(model)
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
	uses: {
		hasView: boolean;
		usesSubmodels: boolean;
		usesMacros: boolean;
		usesConveyor: boolean;
		usesQueue: boolean;
	}
): XmlNode {
	const options = [
		// §2.2.1: a file says which optional parts it uses: a stock-and-flow diagram, modules, macros.
		uses.usesConveyor && element('uses_conveyor'),
		uses.usesQueue && element('uses_queue'),
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
			'flowbook:seed': specs.seed,
			'flowbook:start_date': specs.startDate
		},
		element('start', {}, formatNumber(specs.start)),
		element('stop', {}, formatNumber(specs.stop)),
		writeDt(specs.dt)
	);
}

/**
 * A DT of 1/n is written as Stella writes it, `<dt reciprocal="true">n</dt>`, so 1/3 stays exactly
 * 1/3 rather than 0.333333333333333.
 */
function writeDt(dt: number): XmlNode {
	const whole = wholeReciprocal(dt);
	return whole
		? element('dt', { reciprocal: 'true' }, String(whole))
		: element('dt', {}, formatNumber(dt));
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

/** Whether any stock of the model or its submodels is a conveyor, or a queue (§2.2.1). */
function stockKindsUsed(model: Model): { usesConveyor: boolean; usesQueue: boolean } {
	const stocks = [model.variables, ...(model.submodels ?? []).map((m) => m.variables)]
		.flat()
		.filter((v) => v.kind === 'stock');
	return {
		usesConveyor: stocks.some((s) => s.kind === 'stock' && !!s.conveyor),
		usesQueue: stocks.some((s) => s.kind === 'stock' && !!s.queue)
	};
}
