/**
 * What a notebook file's fields must be, field by field: the model (variables, dimensions,
 * modules, diagram), scenarios, levers and cells. Wrong shapes are errors; references to things
 * that are not there (a chart of a variable the model lacks) are warnings. readDocument runs it.
 */
import { elementNames, elementSubscripts } from './arrays';
import { startDateProblem } from './calendar';
import { namesInScope } from './modules';
import { canonicalName } from './names';
import { findScenario } from './scenarios';
import type { Dimension, Model, Scenario, Variable } from './types';
import { MAX_SENSITIVITY_RUNS } from './types';
import { validateModel } from './validate';
import {
	at,
	Checks,
	isFiniteNumber,
	isObject,
	quoteList,
	ROOT,
	shown,
	type Json,
	type Place
} from './field-checks';
import { checkData, checkFitCell } from './data-checks';

const CELL_KINDS = [
	'text',
	'diagram',
	'levers',
	'chart',
	'scenario-table',
	'sensitivity',
	'bars',
	'bridge',
	'tornado',
	'equal-cost',
	'data',
	'calibration',
	'optimisation',
	'loops'
];
const VARIABLE_KINDS = ['stock', 'flow', 'aux', 'gf'];
const VALUE_FORMATS = ['number', 'percent', 'currency'];

export function checkDocument(doc: Json, checks: Checks): void {
	checks.text(doc, 'title', ROOT);
	checks.text(doc, 'description', ROOT, { optional: true });
	if (doc.display !== undefined) {
		const display = checks.object(doc.display, at(ROOT, 'display'));
		if (display) {
			checks.text(display, 'timeUnit', at(ROOT, 'display'));
			const perUnit = checks.number(display, 'modelTimePerUnit', at(ROOT, 'display'), true);
			if (perUnit !== undefined && !(perUnit > 0))
				checks.error(
					at(at(ROOT, 'display'), 'modelTimePerUnit'),
					`display.modelTimePerUnit must be above 0 (it is ${perUnit})`
				);
		}
	}
	const modelErrors = checks.diagnostics.length;
	const model = checkModel(doc.model, checks);
	// The model's own rules only make sense on a model of the right shape.
	if (model && !checks.diagnostics.slice(modelErrors).some((d) => d.severity === 'error')) {
		for (const d of validateModel(model)) checks.diagnostics.push(d);
	}
	const scenarios = checkScenarios(doc, checks);
	checkReference(doc, scenarios, checks);
	const levers = checkLevers(doc, model, checks);
	checkPositions(doc, levers, checks);
	checkCells(doc, { model, scenarios, levers }, checks);
	checkData(doc, variableFinder(model), checks);
}

function checkModel(value: unknown, checks: Checks): Json | undefined {
	const place = at(ROOT, 'model');
	const model = checks.object(value, place);
	if (!model) return undefined;
	const specsPlace = at(place, 'simSpecs');
	if (model.simSpecs === undefined)
		checks.error(specsPlace, `${specsPlace.label} is missing: the model needs start, stop and dt`);
	const specs =
		model.simSpecs === undefined ? undefined : checks.object(model.simSpecs, specsPlace);
	if (specs) {
		for (const key of ['start', 'stop', 'dt']) checks.number(specs, key, specsPlace);
		checks.number(specs, 'saveStep', specsPlace, true);
		checks.number(specs, 'seed', specsPlace, true);
		checks.oneOf(specs, 'method', specsPlace, ['euler', 'rk2', 'rk4'], true);
		checks.text(specs, 'timeUnits', specsPlace, { optional: true });
		checks.text(specs, 'startDate', specsPlace, { optional: true });
		const dateProblem =
			typeof specs.startDate === 'string'
				? startDateProblem(
						specs.startDate,
						typeof specs.timeUnits === 'string' ? specs.timeUnits : undefined
					)
				: undefined;
		if (dateProblem)
			checks.error(at(specsPlace, 'startDate'), `${specsPlace.label}.startDate: ${dateProblem}`);
	}
	const dimensions = checkDimensions(model.dimensions, at(place, 'dimensions'), checks);
	const variables = checks.list(model.variables, at(place, 'variables'));
	variables?.forEach((v, i) =>
		checkVariable(
			v,
			at(at(place, 'variables'), i, isObject(v) ? v.name : undefined),
			checks,
			dimensions
		)
	);
	const units = checks.list(model.units, at(place, 'units'), true) ?? [];
	units.forEach((u, i) => {
		const unitPlace = at(at(place, 'units'), i, isObject(u) ? u.name : undefined);
		const unit = checks.object(u, unitPlace);
		if (!unit) return;
		checks.text(unit, 'name', unitPlace, { nonEmpty: true });
		checks.text(unit, 'equation', unitPlace, { optional: true });
		checks.textList(unit, 'aliases', unitPlace, true);
	});
	if (model.diagram !== undefined)
		checkDiagram(model.diagram, variables, at(place, 'diagram'), checks);
	checkModules(model, place, checks);
	return model;
}

/** Module instances, the submodels they instantiate and the macros, all optional (see types.ts). */
function checkModules(model: Json, place: Place, checks: Checks): void {
	const instances = (owner: Json, here: Place) =>
		(checks.list(owner.modules, at(here, 'modules'), true) ?? []).forEach((m, i) => {
			const modulePlace = at(at(here, 'modules'), i, isObject(m) ? m.name : undefined);
			const instance = checks.object(m, modulePlace);
			if (!instance) return;
			checks.text(instance, 'id', modulePlace, { nonEmpty: true });
			checks.text(instance, 'name', modulePlace, { nonEmpty: true });
			checks.text(instance, 'model', modulePlace, { optional: true, nonEmpty: true });
			checks.text(instance, 'documentation', modulePlace, { optional: true });
			checks.point(instance.position, at(modulePlace, 'position'), true);
			(checks.list(instance.connections, at(modulePlace, 'connections')) ?? []).forEach((c, j) => {
				const connectionPlace = at(at(modulePlace, 'connections'), j);
				const connection = checks.object(c, connectionPlace);
				if (!connection) return;
				checks.text(connection, 'to', connectionPlace, { nonEmpty: true });
				checks.text(connection, 'from', connectionPlace, { nonEmpty: true });
			});
		});
	/** A submodel's or macro's own variables and diagram. */
	const scope = (owner: Json, here: Place, optional: boolean) => {
		const variables = checks.list(owner.variables, at(here, 'variables'), optional);
		variables?.forEach((v, i) =>
			checkVariable(v, at(at(here, 'variables'), i, isObject(v) ? v.name : undefined), checks)
		);
		if (owner.diagram !== undefined)
			checkDiagram(owner.diagram, variables, at(here, 'diagram'), checks);
	};
	instances(model, place);
	(checks.list(model.submodels, at(place, 'submodels'), true) ?? []).forEach((s, i) => {
		const here = at(at(place, 'submodels'), i, isObject(s) ? s.name : undefined);
		const submodel = checks.object(s, here);
		if (!submodel) return;
		checks.text(submodel, 'name', here, { nonEmpty: true });
		scope(submodel, here, false);
		instances(submodel, here);
	});
	(checks.list(model.macros, at(place, 'macros'), true) ?? []).forEach((m, i) => {
		const here = at(at(place, 'macros'), i, isObject(m) ? m.name : undefined);
		const macro = checks.object(m, here);
		if (!macro) return;
		checks.text(macro, 'name', here, { nonEmpty: true });
		checks.text(macro, 'equation', here);
		checks.text(macro, 'documentation', here, { optional: true });
		checks.text(macro, 'format', here, { optional: true });
		(checks.list(macro.parameters, at(here, 'parameters')) ?? []).forEach((p, j) => {
			const parameterPlace = at(at(here, 'parameters'), j, isObject(p) ? p.name : undefined);
			const parameter = checks.object(p, parameterPlace);
			if (!parameter) return;
			checks.text(parameter, 'name', parameterPlace, { nonEmpty: true });
			checks.text(parameter, 'default', parameterPlace, { optional: true });
		});
		scope(macro, here, true);
	});
}

/** Each dimension's elements by canonical name, for checking the arrayed variables against. */
type DimensionTable = Map<string, { name: string; elements?: Set<string> }>;

/** `model.dimensions`: named elements or a whole-number size, names and elements unique. */
function checkDimensions(value: unknown, place: Place, checks: Checks): DimensionTable {
	const table: DimensionTable = new Map();
	(checks.list(value, place, true) ?? []).forEach((d, i) => {
		const here = at(place, i, isObject(d) ? d.name : undefined);
		const dimension = checks.object(d, here);
		if (!dimension) return;
		const name = checks.text(dimension, 'name', here, { nonEmpty: true });
		const hasElements = dimension.elements !== undefined;
		if (hasElements === (dimension.size !== undefined)) {
			checks.error(
				here,
				`${here.label} needs either elements (a list of names) or a size, ${hasElements ? 'not both' : 'and has neither'}`
			);
		}
		const elements = checks.textList(dimension, 'elements', here, true);
		checks.text(dimension, 'mapsTo', here, { optional: true });
		const size = checks.number(dimension, 'size', here, true);
		const badSize = size !== undefined && !(Number.isInteger(size) && size > 0);
		if (badSize)
			checks.error(
				at(here, 'size'),
				`${at(here, 'size').label} must be a whole number above 0 (it is ${size})`
			);
		const keys = new Set<string>();
		elements.forEach((e, j) => {
			const key = canonicalName(e);
			if (!key)
				checks.error(
					at(at(here, 'elements'), j),
					`${at(at(here, 'elements'), j).label} is blank: an element needs a name`
				);
			else if (keys.has(key))
				checks.error(
					at(at(here, 'elements'), j),
					`${at(at(here, 'elements'), j).label}: the element ${shown(e)} is listed twice`
				);
			keys.add(key);
		});
		if (size !== undefined && !hasElements) for (let k = 1; k <= size; k++) keys.add(String(k));
		if (name === undefined || !name.trim()) return;
		if (table.has(canonicalName(name)))
			checks.error(
				at(here, 'name'),
				`${at(here, 'name').label}: there is already a dimension ${shown(name)}`
			);
		// With a size that is no size, its elements are unknown: nothing is checked against them.
		else
			table.set(canonicalName(name), {
				name,
				elements: badSize || (!hasElements && size === undefined) ? undefined : keys
			});
	});
	return table;
}

/** An arrayed variable's dimensions, and its own elements' subscripts, equations and tables. */
function checkArrayFields(v: Json, place: Place, checks: Checks, dimensions: DimensionTable): void {
	const names = checks.textList(v, 'dimensions', place, true);
	const dims = names.map((name, i) => {
		const found = dimensions.get(canonicalName(name));
		if (!found)
			checks.error(
				at(at(place, 'dimensions'), i),
				`${at(at(place, 'dimensions'), i).label}: the model has no dimension ${shown(name)}`
			);
		return found;
	});
	if (v.elements === undefined) return;
	if (!names.length)
		checks.error(
			at(place, 'elements'),
			`${at(place, 'elements').label}: element definitions need the variable to have dimensions`
		);
	(checks.list(v.elements, at(place, 'elements')) ?? []).forEach((e, i) => {
		const here = at(at(place, 'elements'), i);
		const element = checks.object(e, here);
		if (!element) return;
		const subscript = checks.textList(element, 'subscript', here);
		if (names.length && subscript.length !== names.length) {
			checks.error(
				at(here, 'subscript'),
				`${at(here, 'subscript').label} names ${subscript.length} element${subscript.length === 1 ? '' : 's'}, but the variable has ${names.length} dimension${names.length === 1 ? '' : 's'}`
			);
		} else {
			subscript.forEach((name, j) => {
				const dim = dims[j];
				if (dim?.elements && !dim.elements.has(canonicalName(name)))
					checks.error(
						at(at(here, 'subscript'), j),
						`${at(at(here, 'subscript'), j).label}: ${shown(name)} is not an element of the dimension ${shown(dim.name)}`
					);
			});
		}
		checks.text(element, 'equation', here, { optional: true });
		if (element.graphical !== undefined)
			checkGraphical(element.graphical, at(here, 'graphical'), checks);
		if (element.equation === undefined && element.graphical === undefined)
			checks.error(here, `${here.label} has neither an equation nor a graphical function`);
	});
}

function checkVariable(
	value: unknown,
	place: Place,
	checks: Checks,
	dimensions: DimensionTable = new Map()
): void {
	const v = checks.object(value, place);
	if (!v) return;
	checks.text(v, 'id', place, { nonEmpty: true });
	checks.text(v, 'name', place, { nonEmpty: true });
	if (!VARIABLE_KINDS.includes(v.kind as string)) {
		const kind = v.kind === undefined ? 'no kind' : `unknown variable kind ${shown(v.kind)}`;
		checks.error(
			at(place, 'kind'),
			`${at(place, 'kind').label}: ${kind}; it must be stock, flow, aux or gf`
		);
		return;
	}
	checks.text(v, 'units', place, { optional: true });
	checks.text(v, 'documentation', place, { optional: true });
	checks.point(v.position, at(place, 'position'), true);
	checks.oneOf(v, 'access', place, ['input', 'output'], true);
	switch (v.kind) {
		case 'stock':
			checks.text(v, 'initial', place);
			checks.textList(v, 'inflows', place);
			checks.textList(v, 'outflows', place);
			checks.boolean(v, 'nonNegative', place);
			checks.boolean(v, 'queue', place);
			if (v.conveyor !== undefined) checkConveyor(v.conveyor, at(place, 'conveyor'), checks);
			break;
		case 'flow':
			checks.text(v, 'equation', place);
			checks.boolean(v, 'uniflow', place);
			checks.boolean(v, 'overflow', place);
			if (v.leak !== undefined) checkLeak(v.leak, at(place, 'leak'), checks);
			(checks.list(v.points, at(place, 'points'), true) ?? []).forEach((p, i) =>
				checks.point(p, at(at(place, 'points'), i))
			);
			break;
		case 'aux':
			checks.text(v, 'equation', place);
			break;
	}
	if (v.graphical !== undefined || v.kind === 'gf')
		checkGraphical(v.graphical, at(place, 'graphical'), checks);
	if (v.dimensions !== undefined || v.elements !== undefined)
		checkArrayFields(v, place, checks, dimensions);
}

function checkConveyor(value: unknown, place: Place, checks: Checks): void {
	const conveyor = checks.object(value, place);
	if (!conveyor) return;
	checks.text(conveyor, 'transitTime', place, { nonEmpty: true });
	for (const key of ['capacity', 'inflowLimit', 'sample', 'arrest'])
		checks.text(conveyor, key, place, { optional: true });
	for (const key of ['discrete', 'exponentialLeak', 'batchIntegrity', 'oneAtATime'])
		checks.boolean(conveyor, key, place);
}

function checkLeak(value: unknown, place: Place, checks: Checks): void {
	const leak = checks.object(value, place);
	if (!leak) return;
	for (const key of ['start', 'end']) {
		const n = checks.number(leak, key, place, true);
		if (n !== undefined && !(n >= 0 && n <= 1))
			checks.error(at(place, key), `${at(place, key).label} must be from 0 to 1, not ${n}`);
	}
	checks.boolean(leak, 'integers', place);
}

function checkGraphical(value: unknown, place: Place, checks: Checks): void {
	const gf = checks.object(value, place);
	if (!gf) return;
	checks.oneOf(gf, 'type', place, ['continuous', 'extrapolate', 'discrete'], true);
	const xs = checks.numberList(gf, 'xs', place);
	checks.numberList(gf, 'ys', place);
	if (Array.isArray(gf.xs) && Array.isArray(gf.ys) && gf.xs.length !== gf.ys.length) {
		checks.error(place, `${place.label} has ${gf.xs.length} x values but ${gf.ys.length} y values`);
	}
	if (xs.length === 0 && Array.isArray(gf.xs))
		checks.error(
			at(place, 'xs'),
			`${at(place, 'xs').label} is empty: a graphical function needs points`
		);
	const back = xs.findIndex((x, i) => i > 0 && !(x > xs[i - 1]));
	if (back > 0)
		checks.error(
			at(at(place, 'xs'), back),
			`${at(place, 'xs').label} must increase, but ${xs[back]} follows ${xs[back - 1]}`
		);
	for (const key of ['xScale', 'yScale']) {
		if (gf[key] === undefined) continue;
		const scale = checks.object(gf[key], at(place, key));
		if (scale) {
			checks.number(scale, 'min', at(place, key));
			checks.number(scale, 'max', at(place, key));
		}
	}
}

/** Connectors, clouds and aliases; their ends are checked only when there are variables to check them against. */
function checkDiagram(
	value: unknown,
	variables: unknown[] | undefined,
	place: Place,
	checks: Checks
): void {
	const diagram = checks.object(value, place);
	if (!diagram) return;
	const kinds = variables && new Map(variables.filter(isObject).map((v) => [v.id, v.kind]));
	const aliases = new Set<unknown>();
	(checks.list(diagram.aliases, at(place, 'aliases'), true) ?? []).forEach((a, i) => {
		const here = at(at(place, 'aliases'), i);
		const alias = checks.object(a, here);
		if (!alias) return;
		const id = checks.text(alias, 'id', here, { nonEmpty: true });
		if (id !== undefined) aliases.add(id);
		const of = checks.text(alias, 'of', here);
		if (of !== undefined && kinds && !kinds.has(of))
			checks.warning(
				at(here, 'of'),
				`${at(here, 'of').label}: no variable has the id ${shown(of)}`
			);
		checks.point(alias.position, at(here, 'position'));
	});
	(checks.list(diagram.sectors, at(place, 'sectors'), true) ?? []).forEach((g, i) => {
		const here = at(at(place, 'sectors'), i);
		const sector = checks.object(g, here);
		if (!sector) return;
		checks.text(sector, 'id', here, { nonEmpty: true });
		checks.text(sector, 'name', here);
		checks.point(sector.position, at(here, 'position'));
		for (const side of ['width', 'height']) {
			const size = checks.number(sector, side, here);
			if (size !== undefined && !(size > 0))
				checks.error(at(here, side), `${at(here, side).label} must be more than 0, not ${size}`);
		}
	});
	(checks.list(diagram.connectors, at(place, 'connectors')) ?? []).forEach((c, i) => {
		const here = at(at(place, 'connectors'), i);
		const connector = checks.object(c, here);
		if (!connector) return;
		checks.text(connector, 'id', here, { nonEmpty: true });
		for (const end of ['from', 'to']) {
			const id = checks.text(connector, end, here);
			// A connector may start at an alias of a variable (never end at one: an alias has no equation).
			if (id !== undefined && kinds && !kinds.has(id) && !(end === 'from' && aliases.has(id)))
				checks.warning(
					at(here, end),
					`${at(here, end).label}: no variable has the id ${shown(id)}`
				);
		}
		checks.number(connector, 'angle', here, true);
	});
	(checks.list(diagram.clouds, at(place, 'clouds')) ?? []).forEach((c, i) => {
		const here = at(at(place, 'clouds'), i);
		const cloud = checks.object(c, here);
		if (!cloud) return;
		checks.text(cloud, 'id', here, { nonEmpty: true });
		const flow = checks.text(cloud, 'flow', here);
		if (flow !== undefined && kinds && kinds.get(flow) !== 'flow')
			checks.warning(
				at(here, 'flow'),
				`${at(here, 'flow').label}: no flow has the id ${shown(flow)}`
			);
		checks.point(cloud.position, at(here, 'position'));
	});
}

/** Ids must be unique within a list, since cells and scenarios are found and keyed by them. */
function uniqueIds(items: unknown[], place: Place, checks: Checks): void {
	const seen = new Map<string, number>();
	items.forEach((item, i) => {
		if (!isObject(item) || typeof item.id !== 'string') return;
		const first = seen.get(item.id);
		if (first !== undefined)
			checks.error(
				at(at(place, i), 'id'),
				`${at(at(place, i), 'id').label}: ${shown(item.id)} is also the id of ${at(place, first).label}`
			);
		else seen.set(item.id, i);
	});
}

/** The reference must be one of the scenarios, or there is nothing to compare with. */
function checkReference(doc: Json, scenarios: Scenario[], checks: Checks): void {
	const place = at(ROOT, 'reference');
	const reference = checks.text(doc, 'reference', ROOT, { optional: true, nonEmpty: true });
	if (typeof reference === 'string' && !findScenario(scenarios, reference))
		checks.error(place, `reference: there is no scenario ${shown(reference)} to compare with`);
}

function checkScenarios(doc: Json, checks: Checks): Scenario[] {
	const place = at(ROOT, 'scenarios');
	const scenarios = checks.list(doc.scenarios, place, true) ?? [];
	scenarios.forEach((s, i) => {
		const here = at(place, i, isObject(s) ? s.name : undefined);
		const scenario = checks.object(s, here);
		if (!scenario) return;
		checks.text(scenario, 'id', here, { nonEmpty: true });
		checks.text(scenario, 'name', here, { nonEmpty: true });
		checks.text(scenario, 'colour', here);
		checks.text(scenario, 'description', here, { optional: true });
		const overrides = checks.object(scenario.overrides, at(here, 'overrides'));
		for (const [name, value] of Object.entries(overrides ?? {})) {
			if (!isFiniteNumber(value))
				checks.error(
					at(at(here, 'overrides'), name),
					`${at(here, 'overrides').label}[${JSON.stringify(name)}] must be a number (it is ${shown(value)})`
				);
		}
	});
	uniqueIds(scenarios, place, checks);
	return scenarios.filter((s): s is Scenario => isObject(s) && typeof s.name === 'string');
}

/**
 * Finds a variable by id, or by name as equations write it (case, spaces and underscores aside);
 * undefined when the model has no list of variables to look in (that is already an error).
 */
function variableFinder(model: Json | undefined): ((wanted: string) => boolean) | undefined {
	if (!Array.isArray(model?.variables)) return undefined;
	const variables = model.variables.filter(isObject);
	const keys = new Set<string>();
	const unsure = new Set<string>();
	const dimensions = Array.isArray(model.dimensions)
		? (model.dimensions.filter(isObject) as unknown as Dimension[])
		: [];
	for (const v of variables) {
		if (typeof v.id === 'string') keys.add(v.id);
		if (typeof v.name === 'string') keys.add(canonicalName(v.name));
		// A chart or table may show one element of an arrayed variable: "Beds[North]". When its
		// dimensions are in error (reported already), any element of it passes.
		if (typeof v.name === 'string' && Array.isArray(v.dimensions) && v.dimensions.length) {
			const names = elementNames({ dimensions }, v as unknown as Variable);
			if (names.length === 0 || (names.length === 1 && names[0] === v.name))
				unsure.add(canonicalName(v.name));
			for (const name of names) keys.add(canonicalName(name));
		}
	}
	// A module's variables by their dotted names ("hares.hares"), as a chart may show them.
	if (Array.isArray(model.modules)) {
		const scope = model as unknown as Model;
		for (const key of namesInScope(
			{ submodels: Array.isArray(model.submodels) ? scope.submodels : [] },
			scope
		).keys())
			keys.add(key);
	}
	const base = (wanted: string) => canonicalName(wanted).replace(/\[.*$/, '');
	return (wanted) =>
		keys.has(wanted) ||
		keys.has(canonicalName(wanted)) ||
		(wanted.includes('[') && unsure.has(base(wanted)));
}

/** Slider positions: numbers, each for a lever the notebook has (see FlowbookDocument.positions). */
function checkPositions(doc: Json, levers: string[], checks: Checks): void {
	if (doc.positions === undefined) return;
	const place = at(ROOT, 'positions');
	const positions = checks.object(doc.positions, place);
	if (!positions) return;
	const known = new Set(levers);
	for (const key of Object.keys(positions)) {
		const here = at(place, key);
		checks.number(positions, key, place);
		const variable = key.includes('[') ? key.slice(0, key.indexOf('[')) : key;
		if (!known.has(variable))
			checks.warning(here, `${here.label}: the notebook has no lever ${shown(variable)}`);
	}
}

/** A lever's cost a year: a finite number and a currency code, so spend can be added up. */
function checkLeverCost(lever: Json, here: Place, checks: Checks): void {
	if (lever.cost === undefined) return;
	const place = at(here, 'cost');
	const cost = checks.object(lever.cost, place);
	if (!cost) return;
	checks.number(cost, 'perYear', place);
	const currency = checks.text(cost, 'currency', place, { nonEmpty: true });
	if (typeof currency === 'string' && !/^[A-Z]{3}$/.test(currency))
		checks.error(
			at(place, 'currency'),
			`${at(place, 'currency').label} must be a three-letter currency code such as GBP (it is ${shown(currency)})`
		);
}

function checkLevers(doc: Json, model: Json | undefined, checks: Checks): string[] {
	const place = at(ROOT, 'levers');
	const levers = checks.list(doc.levers, place, true) ?? [];
	const hasVariable = variableFinder(model);
	const found: string[] = [];
	levers.forEach((l, i) => {
		const here = at(place, i, isObject(l) ? l.label : undefined);
		const lever = checks.object(l, here);
		if (!lever) return;
		const variable = checks.text(lever, 'variable', here, { nonEmpty: true });
		if (variable !== undefined) {
			found.push(variable);
			if (hasVariable && !hasVariable(variable))
				checks.warning(
					at(here, 'variable'),
					`${at(here, 'variable').label}: the model has no variable ${shown(variable)}`
				);
		}
		checks.text(lever, 'label', here);
		const min = checks.number(lever, 'min', here);
		const max = checks.number(lever, 'max', here);
		const step = checks.number(lever, 'step', here);
		if (min !== undefined && max !== undefined && min > max)
			checks.error(here, `${here.label}: min ${min} is above max ${max}`);
		if (step !== undefined && !(step > 0))
			checks.error(at(here, 'step'), `${at(here, 'step').label} must be above 0 (it is ${step})`);
		checks.boolean(lever, 'perElement', here);
		checkLeverCost(lever, here, checks);
		const target =
			lever.perElement === true && variable !== undefined
				? leverVariable(model, variable)
				: undefined;
		if (target && !(Array.isArray(target.dimensions) && target.dimensions.length)) {
			checks.warning(
				at(here, 'perElement'),
				`${here.label}: a slider for each element needs an arrayed constant, and ${shown(String(target.name ?? variable))} is not arrayed, so it shows one slider`
			);
		}
	});
	return found;
}

/** The variable a lever names, by id or name, when the model is readable. */
function leverVariable(model: Json | undefined, wanted: string): Json | undefined {
	const variables = Array.isArray(model?.variables) ? model.variables.filter(isObject) : [];
	return (
		variables.find((v) => v.id === wanted) ??
		variables.find(
			(v) => typeof v.name === 'string' && canonicalName(v.name) === canonicalName(wanted)
		)
	);
}

interface Known {
	model: Json | undefined;
	scenarios: Scenario[];
	levers: string[];
}

function checkCells(doc: Json, known: Known, checks: Checks): void {
	const place = at(ROOT, 'cells');
	const cells = checks.list(doc.cells, place, true) ?? [];
	const hasVariable = variableFinder(known.model);
	const variables = (cell: Json, key: string, here: Place, optional = false) =>
		checks.textList(cell, key, here, optional).forEach((name, i) => {
			if (hasVariable && !hasVariable(name))
				checks.warning(
					at(at(here, key), i),
					`${at(at(here, key), i).label}: the model has no variable ${shown(name)}`
				);
		});
	const scenarios = (cell: Json, here: Place) =>
		checks.textList(cell, 'scenarios', here, true).forEach((name, i) => {
			if (!findScenario(known.scenarios, name))
				checks.warning(
					at(at(here, 'scenarios'), i),
					`${at(at(here, 'scenarios'), i).label}: there is no scenario ${shown(name)}`
				);
		});

	const scenarioField = (cell: Json, key: string, here: Place, optional: boolean) => {
		const name = checks.text(cell, key, here, { optional, nonEmpty: true });
		if (typeof name === 'string' && !findScenario(known.scenarios, name))
			checks.warning(at(here, key), `${at(here, key).label}: there is no scenario ${shown(name)}`);
	};

	cells.forEach((c, i) => {
		const here = at(place, i);
		const cell = checks.object(c, here);
		if (!cell) return;
		checks.text(cell, 'id', here, { nonEmpty: true });
		switch (cell.kind) {
			case 'text':
				checks.text(cell, 'markdown', here);
				break;
			case 'diagram':
				break;
			case 'levers':
				checks.text(cell, 'title', here, { optional: true });
				checks.textList(cell, 'levers', here, true).forEach((name, j) => {
					if (!known.levers.includes(name))
						checks.warning(
							at(at(here, 'levers'), j),
							`${at(at(here, 'levers'), j).label}: no lever is set on ${shown(name)}`
						);
				});
				checkBesideCharts(cell, here, cells, checks);
				break;
			case 'chart':
				checks.text(cell, 'title', here, { optional: true });
				checkChartVariables(cell, here, known.model, hasVariable, checks);
				scenarios(cell, here);
				checks.oneOf(cell, 'mode', here, ['values', 'difference'], true);
				checks.text(cell, 'baseline', here, { optional: true });
				checks.oneOf(cell, 'format', here, VALUE_FORMATS, true);
				break;
			case 'scenario-table':
				checkTableOutputs(cell, here, hasVariable, checks);
				checks.numberList(cell, 'times', here, true);
				scenarios(cell, here);
				break;
			case 'bars':
				checks.text(cell, 'title', here, { optional: true });
				checkTableOutputs(cell, here, hasVariable, checks);
				checks.numberList(cell, 'times', here, true);
				checks.boolean(cell, 'period', here);
				scenarios(cell, here);
				checks.oneOf(cell, 'mode', here, ['values', 'difference'], true);
				break;
			case 'bridge':
				checks.text(cell, 'title', here, { optional: true });
				checkOutput(cell.output, at(here, 'output'), hasVariable, checks);
				scenarioField(cell, 'from', here, true);
				scenarioField(cell, 'to', here, false);
				checks.number(cell, 'at', here, true);
				checks.boolean(cell, 'period', here);
				checks.boolean(cell, 'shapley', here);
				break;
			case 'tornado':
				checks.text(cell, 'title', here, { optional: true });
				checkOutput(cell.output, at(here, 'output'), hasVariable, checks);
				checks.number(cell, 'at', here, true);
				checks.text(cell, 'sensitivity', here, { optional: true });
				if (
					typeof cell.sensitivity === 'string' &&
					!cells.some((c) => isObject(c) && c.kind === 'sensitivity' && c.id === cell.sensitivity)
				)
					checks.warning(
						at(here, 'sensitivity'),
						`${at(here, 'sensitivity').label}: no sensitivity cell has the id ${shown(cell.sensitivity)}`
					);
				break;
			case 'loops': {
				checks.text(cell, 'title', here, { optional: true });
				checkOutput(cell.output, at(here, 'output'), hasVariable, checks);
				scenarioField(cell, 'scenario', here, true);
				const count = checks.number(cell, 'count', here, true);
				if (count !== undefined && !(Number.isInteger(count) && count >= 1 && count <= 12))
					checks.error(
						at(here, 'count'),
						`${at(here, 'count').label} must be a whole number from 1 to 12 (it is ${count})`
					);
				break;
			}
			case 'equal-cost':
				checks.text(cell, 'title', here, { optional: true });
				checks.textList(cell, 'options', here).forEach((name, j) => {
					if (!findScenario(known.scenarios, name))
						checks.warning(
							at(at(here, 'options'), j),
							`${at(at(here, 'options'), j).label}: there is no scenario ${shown(name)}`
						);
				});
				{
					const budget = checks.number(cell, 'budget', here, true);
					if (budget !== undefined && !(budget > 0))
						checks.error(
							at(here, 'budget'),
							`${at(here, 'budget').label} must be above 0 (it is ${budget})`
						);
				}
				checkTableOutputs(cell, here, hasVariable, checks);
				checks.number(cell, 'at', here, true);
				break;
			case 'data':
				break;
			case 'calibration':
			case 'optimisation':
				checks.text(cell, 'title', here, { optional: true });
				checkFitCell(cell, here, hasVariable, checks);
				break;
			case 'sensitivity':
				variables(cell, 'outputs', here);
				checkSensitivity(cell, here, hasVariable, checks);
				break;
			default: {
				const kind = cell.kind === undefined ? 'no kind' : `unknown cell kind ${shown(cell.kind)}`;
				checks.error(
					at(here, 'kind'),
					`${at(here, 'kind').label}: ${kind}; it must be ${quoteList(CELL_KINDS)}`
				);
			}
		}
	});
	uniqueIds(cells, place, checks);
}

/** A levers cell's `charts`: ids of the notebook's chart cells, to draw beside its sliders. */
function checkBesideCharts(cell: Json, place: Place, cells: unknown[], checks: Checks): void {
	// Every kind an id is used for: two cells with one id, or a kind that does not exist, are errors already.
	const kindsOf = new Map<string, unknown[]>();
	for (const c of cells)
		if (isObject(c) && typeof c.id === 'string')
			kindsOf.set(c.id, [...(kindsOf.get(c.id) ?? []), c.kind]);
	const named = typeof cell.id === 'string' && cell.id.trim() ? ` ${shown(cell.id)}` : '';
	checks.textList(cell, 'charts', place, true).forEach((id, j) => {
		const here = at(at(place, 'charts'), j);
		const kinds = kindsOf.get(id) ?? [];
		if (kinds.some((k) => k === 'chart' || !CELL_KINDS.includes(k as string))) return;
		const why = kinds.length ? `that is a ${kinds[0]} cell` : 'no chart cell has that id';
		checks.warning(
			here,
			`${here.label}: the levers cell${named} shows the chart ${shown(id)} beside its sliders, but ${why}`
		);
	});
}

const DISTRIBUTIONS: Record<string, string[]> = {
	uniform: ['min', 'max'],
	normal: ['mean', 'sd'],
	triangular: ['min', 'mode', 'max']
};
const MAX_SEED = 2 ** 32 - 1;

/** A sensitivity cell's settings: the constants it varies and how, its number of runs and its seed. */
function checkSensitivity(
	cell: Json,
	place: Place,
	hasVariable: ((name: string) => boolean) | undefined,
	checks: Checks
): void {
	const runs = checks.number(cell, 'runs', place, true);
	if (
		runs !== undefined &&
		!(Number.isInteger(runs) && runs >= 1 && runs <= MAX_SENSITIVITY_RUNS)
	) {
		checks.error(
			at(place, 'runs'),
			`${at(place, 'runs').label} must be a whole number from 1 to ${MAX_SENSITIVITY_RUNS.toLocaleString('en-GB')} (it is ${runs})`
		);
	}
	const seed = checks.number(cell, 'seed', place, true);
	if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED)) {
		checks.error(
			at(place, 'seed'),
			`${at(place, 'seed').label} must be a whole number from 0 to ${MAX_SEED.toLocaleString('en-GB')} (it is ${seed})`
		);
	}
	const parameters = checks.list(cell.parameters, at(place, 'parameters'), true) ?? [];
	const varied = new Map<string, Place>();
	parameters.forEach((p, i) => {
		const here = at(at(place, 'parameters'), i, isObject(p) ? p.variable : undefined);
		const parameter = checks.object(p, here);
		if (!parameter) return;
		const variable = checks.text(parameter, 'variable', here, { nonEmpty: true });
		if (variable !== undefined) {
			if (hasVariable && !hasVariable(variable))
				checks.warning(
					at(here, 'variable'),
					`${at(here, 'variable').label}: the model has no variable ${shown(variable)}`
				);
			const before = varied.get(canonicalName(variable));
			if (before)
				checks.warning(
					at(here, 'variable'),
					`${at(here, 'variable').label}: ${shown(variable)} is already varied by ${before.label}`
				);
			else varied.set(canonicalName(variable), here);
		}
		checkDistribution(parameter.distribution, at(here, 'distribution'), checks);
	});
}

/** A distribution: a known kind, its numbers, and those numbers in an order that can be sampled. */
function checkDistribution(value: unknown, place: Place, checks: Checks): void {
	const d = checks.object(value, place);
	if (!d) return;
	const fields =
		typeof d.kind === 'string' && Object.hasOwn(DISTRIBUTIONS, d.kind)
			? DISTRIBUTIONS[d.kind]
			: undefined;
	if (!fields) {
		const kind = d.kind === undefined ? 'no kind' : `unknown distribution ${shown(d.kind)}`;
		checks.error(
			at(place, 'kind'),
			`${at(place, 'kind').label}: ${kind}; it must be ${quoteList(Object.keys(DISTRIBUTIONS))}`
		);
		return;
	}
	const n = Object.fromEntries(fields.map((f) => [f, checks.number(d, f, place)]));
	const all = fields.every((f) => n[f] !== undefined);
	if (!all) return;
	if (d.kind === 'uniform' && n.min! > n.max!)
		checks.error(place, `${place.label}: min ${n.min} is above max ${n.max}`);
	if (d.kind === 'normal' && n.sd! < 0)
		checks.error(at(place, 'sd'), `${at(place, 'sd').label} must not be negative (it is ${n.sd})`);
	if (d.kind === 'triangular' && !(n.min! <= n.mode! && n.mode! <= n.max!)) {
		checks.error(
			place,
			`${place.label}: mode ${n.mode} must lie from min ${n.min} to max ${n.max}`
		);
	}
}

/** A scenario table's rows: variable names or ids, or rows with a label, direction and format. */
/**
 * A chart's variables: names or ids (`Beds[North]` for one element), or an arrayed variable with
 * chosen elements or a sum. Elements the variable lacks are warnings, as a missing variable is.
 */
function checkChartVariables(
	cell: Json,
	place: Place,
	model: Json | undefined,
	hasVariable: ((name: string) => boolean) | undefined,
	checks: Checks
): void {
	const entries = checks.list(cell.variables, at(place, 'variables')) ?? [];
	entries.forEach((entry, i) => {
		const here = at(at(place, 'variables'), i);
		let variable: string | undefined;
		if (typeof entry === 'string') variable = entry;
		else if (isObject(entry)) {
			variable = checks.text(entry, 'variable', here, { nonEmpty: true });
			const elements = checks.textList(entry, 'elements', here, true);
			checks.boolean(entry, 'sum', here);
			if (variable !== undefined) checkChosenElements(variable, elements, here, model, checks);
		} else
			checks.error(
				here,
				`${here.label} must be a variable's name or id, or an arrayed variable with its elements (it is ${shown(entry)})`
			);
		if (variable !== undefined && hasVariable && !hasVariable(variable))
			checks.warning(here, `${here.label}: the model has no variable ${shown(variable)}`);
	});
}

/** An entry that chooses elements or a sum must name an arrayed variable that has those elements. */
function checkChosenElements(
	name: string,
	elements: string[],
	place: Place,
	model: Json | undefined,
	checks: Checks
): void {
	if (!Array.isArray(model?.variables)) return;
	const dimensions = Array.isArray(model.dimensions)
		? (model.dimensions.filter(isObject) as unknown as Dimension[])
		: [];
	const variable = (model.variables.filter(isObject) as unknown as Variable[]).find(
		(v) =>
			v.id === name || (typeof v.name === 'string' && canonicalName(v.name) === canonicalName(name))
	);
	if (!variable) return; // reported as a missing variable
	if (!Array.isArray(variable.dimensions) || variable.dimensions.length === 0) {
		return checks.warning(
			place,
			`${place.label}: ${variable.name} is not arrayed, so it has no elements to choose or sum`
		);
	}
	const subscripts = elementSubscripts({ dimensions }, variable);
	if (!subscripts?.length) return; // its dimensions are in error, reported with the model
	const known = new Set(subscripts.map((s) => canonicalName(s.join(','))));
	for (const element of elements) {
		if (!known.has(canonicalName(element.replace(/\s*,\s*/g, ','))))
			checks.warning(place, `${place.label}: ${variable.name} has no element ${shown(element)}`);
	}
}

function checkTableOutputs(
	cell: Json,
	place: Place,
	hasVariable: ((name: string) => boolean) | undefined,
	checks: Checks
): void {
	const outputs = checks.list(cell.outputs, at(place, 'outputs')) ?? [];
	outputs.forEach((o, i) => checkOutput(o, at(at(place, 'outputs'), i), hasVariable, checks));
}

/** One output row: a variable's name or id, or a row with a variable, label, direction and format. */
function checkOutput(
	o: unknown,
	here: Place,
	hasVariable: ((name: string) => boolean) | undefined,
	checks: Checks
): void {
	let variable: string | undefined;
	if (typeof o === 'string') variable = o;
	else if (isObject(o)) {
		variable = checks.text(o, 'variable', here, { nonEmpty: true });
		checks.text(o, 'label', here, { optional: true });
		checks.oneOf(o, 'better', here, ['higher', 'lower'], true);
		checks.oneOf(o, 'over', here, ['total', 'average', 'end'], true);
		checks.oneOf(o, 'format', here, VALUE_FORMATS, true);
	} else
		checks.error(
			here,
			`${here.label} must be a variable's name or id, or a row with a variable (it is ${shown(o)})`
		);
	if (variable !== undefined && hasVariable && !hasVariable(variable))
		checks.warning(here, `${here.label}: the model has no variable ${shown(variable)}`);
}
