/**
 * Read an XMILE file (.xmile, .stmx) into a Flowbook model.
 *
 *   const { model, diagnostics, name } = readXmile(text);
 *
 * Modules (the named <model>s and the <module>s that place them) and macros are read by
 * modules.ts and macros.ts, dimensions by dimensions.ts and an arrayed variable's parts by
 * arrays.ts. What the file says but Flowbook cannot run is reported as an error naming the
 * variable and line, and everything else is still read. Only a file that is not XMILE at all
 * (malformed XML, no <xmile> root, no <model>) throws, as an InputError.
 */
import { InputError, type Diagnostic } from '../model/diagnostics';
import { canonicalName, displayName, idFromName } from '../model/names';
import type { Diagram, Dimension, Model, Stock, Variable } from '../model/types';
import { readBehavior, type NonNegativeDefaults } from './behavior';
import { readDimensions } from './dimensions';
import { fromReference } from './identifiers';
import { readMacros } from './macros';
import { readModules } from './modules';
import { Report } from './report';
import { readSimSpecs } from './sim-specs';
import { readUnits } from './units';
import { VARIABLE_TAGS, readVariable, type FlowReference, type VariableRead } from './variables';
import { readViews, type VariableRef } from './views';
import {
	child,
	childrenNamed,
	childText,
	isVendorElement,
	parseXmlTree,
	type XmlElement
} from './xml-tree';

export interface XmileReadResult {
	model: Model;
	diagnostics: Diagnostic[];
	/** model name from <model name> or header */
	name?: string;
}

const NAMESPACES = [
	'http://docs.oasis-open.org/xmile/ns/XMILE/v1.0',
	// The pre-standard namespace, still written by Stella 10 and go-xmile.
	'http://www.systemdynamics.org/XMILE'
];

/** Elements a <model> may hold besides variables; anything else gets a warning. */
const MODEL_PARTS = new Set([
	'variables',
	'views',
	'behavior',
	'sim_specs',
	'display',
	'interface'
]);
/** Elements a <variables> may hold that are not variables and carry nothing to run. */
const QUIET_VARIABLE_PARTS = new Set(['group']);

export function readXmile(text: string): XmileReadResult {
	try {
		return read(text);
	} catch (err) {
		if (err instanceof InputError) throw err;
		// A bug here must not surface as a crash of whoever imports a file.
		const message = `Could not read the XMILE file: ${err instanceof Error ? err.message : String(err)}`;
		throw new InputError(message);
	}
}

function read(text: string): XmileReadResult {
	const root = parseXmlTree(text);
	if (root.name !== 'xmile') {
		throw fileError(
			`This is not an XMILE file: its root element is <${root.name}>, not <xmile>`,
			root
		);
	}
	const report = new Report();
	const namespace = root.attributes.xmlns;
	if (namespace !== undefined && !NAMESPACES.includes(namespace.trim())) {
		report.warning(`Unknown XMILE namespace "${namespace}"; reading it as XMILE 1.0`, root);
	}
	const model = rootModel(root);

	const simSpecs = readSimSpecs(blocks(root, model, 'sim_specs'), report);
	const defaults = readBehavior(blocks(root, model, 'behavior'), report);
	const units = readUnits(child(root, 'model_units'), report);
	const dimensions = readDimensions(child(root, 'dimensions'), report);

	const { variables, diagram, moduleElements } = readScope(model, defaults, report, dimensions);
	const { modules, submodels } = readModules(root, model, moduleElements, variables, report);
	const macros = readMacros(root, report);

	const result: XmileReadResult = {
		model: {
			simSpecs,
			variables,
			...(units.length > 0 && { units }),
			...(dimensions.length > 0 && { dimensions }),
			diagram,
			...(modules.length > 0 && { modules }),
			...(submodels.length > 0 && { submodels }),
			...(macros.length > 0 && { macros })
		},
		diagnostics: report.diagnostics
	};
	const header = child(root, 'header');
	const name = (header && childText(header, 'name')) ?? model.attributes.name?.trim();
	if (name) result.name = name;
	return result;
}

export interface ScopeRead {
	variables: Variable[];
	diagram: Diagram;
	/** The <module> elements among the variables, for modules.ts. */
	moduleElements: XmlElement[];
}

/**
 * The variables of a <model> (the root one, a module's, or a <macro>'s body) and their diagram.
 * `defaults` are the non-negative settings in force there.
 */
export function readScope(
	model: XmlElement,
	defaults: NonNegativeDefaults,
	report: Report,
	dimensions: Dimension[] = []
): ScopeRead {
	const { elements, moduleElements } = variableElements(model, report);
	const named = nameVariables(elements, report);
	const reads = named.map(({ element, id, name }) =>
		readVariable(element, id, name, defaults, report, dimensions)
	);
	const byName = new Map(reads.map((r, i) => [named[i].key, r.variable]));
	for (const r of reads) resolveFlows(r, byName, report);

	const lookup = (name: string): VariableRef | undefined =>
		byName.get(canonicalName(fromReference(name)));
	const stocks = reads.map((r) => r.variable).filter((v): v is Stock => v.kind === 'stock');
	const layout = readViews(
		{
			model,
			variables: named.map(({ element, id, name }, i) => ({
				id,
				name,
				element,
				kind: reads[i].variable.kind
			})),
			lookup,
			drainsStock: new Set(stocks.flatMap((s) => s.outflows)),
			fillsStock: new Set(stocks.flatMap((s) => s.inflows))
		},
		report
	);
	const variables: Variable[] = reads.map(({ variable }, i) => {
		const position = layout.positions.get(variable.id);
		const points = layout.points.get(variable.id);
		if (position) variable.position = position;
		if (points && variable.kind === 'flow') variable.points = points;
		// Which variables of a module are its inputs and outputs (XMILE 1.0 §4.7).
		const access = named[i].element.attributes.access?.trim();
		if (access === 'input' || access === 'output') variable.access = access;
		return variable;
	});
	return {
		variables,
		diagram: { connectors: layout.connectors, clouds: layout.clouds },
		moduleElements
	};
}

function fileError(message: string, at: XmlElement): InputError {
	return new InputError(`${message} (line ${at.line})`, [
		{ severity: 'error', message, line: at.line, column: at.column }
	]);
}

/**
 * The model to run. Files with modules hold one <model> per module, each named, plus the root
 * model, which has no name. A single model may carry a name (<model name="default">).
 */
function rootModel(root: XmlElement): XmlElement {
	const models = childrenNamed(root, 'model');
	const model = models.find((m) => m.attributes.name === undefined) ?? models[0];
	if (!model) throw fileError('The XMILE file has no <model>', root);
	return model;
}

/** Settings the file gives once and the model may override, outermost first. */
export function blocks(root: XmlElement, model: XmlElement, name: string): XmlElement[] {
	return [child(root, name), child(model, name)].filter((b): b is XmlElement => b !== undefined);
}

/**
 * The model's variable elements, whether wrapped in <variables> (XMILE 1.0) or written
 * directly under <model> (pre-standard .stmx files).
 */
function variableElements(
	model: XmlElement,
	report: Report
): { elements: XmlElement[]; moduleElements: XmlElement[] } {
	const found: XmlElement[] = [];
	const moduleElements: XmlElement[] = [];
	const visit = (container: XmlElement, quiet: Set<string>) => {
		for (const element of container.children) {
			if ((VARIABLE_TAGS as readonly string[]).includes(element.name)) found.push(element);
			else if (element.name === 'module') moduleElements.push(element);
			else if (!isVendorElement(element) && !quiet.has(element.name)) {
				report.warning(
					`Unknown element <${element.name}> in <${container.name}> is ignored`,
					element
				);
			}
		}
	};
	visit(model, MODEL_PARTS);
	for (const variables of childrenNamed(model, 'variables')) visit(variables, QUIET_VARIABLE_PARTS);
	return { elements: found, moduleElements };
}

interface NamedElement {
	element: XmlElement;
	id: string;
	/** Display name. */
	name: string;
	/** Canonical name, the key every reference to the variable is looked up by. */
	key: string;
}

/** Display names and unique ids; a name used twice keeps its first variable only. */
function nameVariables(elements: XmlElement[], report: Report): NamedElement[] {
	const firstByName = new Map<string, XmlElement>();
	const ids = new Set<string>();
	const named: NamedElement[] = [];
	for (const element of elements) {
		const written = element.attributes.name ?? '';
		const name = exactName(element, written) ?? displayName(written);
		if (!name) {
			report.error(`A <${element.name}> has no name and is ignored`, element);
			continue;
		}
		const key = canonicalName(written);
		const first = firstByName.get(key);
		if (first) {
			report.error(
				`"${name}" is defined twice, on lines ${first.line} and ${element.line}; the second is ignored`,
				element,
				name
			);
			continue;
		}
		firstByName.set(key, element);
		// Different names can still make the same id ("a-b" and "a_b"): number the later ones.
		let id = idFromName(written);
		for (let n = 2; ids.has(id); n++) id = `${idFromName(written)}_${n}`;
		ids.add(id);
		named.push({ element, id, name, key });
	}
	return named;
}

/**
 * The name exactly as Flowbook wrote it (flowbook:name, write.ts), for a name that the usual
 * reading would change ("Students_Y1" shows as "Students Y1"). Used only while it still names
 * the same variable as the name attribute, in case another tool renamed it and kept ours.
 */
function exactName(element: XmlElement, written: string): string | undefined {
	const exact = element.attributes['flowbook:name'];
	return exact?.trim() && canonicalName(exact) === canonicalName(written) ? exact : undefined;
}

/** A stock's <inflow>/<outflow> names → flow ids; a name that is not a flow is an error. */
function resolveFlows(read: VariableRead, byName: Map<string, Variable>, report: Report): void {
	const stock = read.variable;
	if (stock.kind !== 'stock') return;
	const resolve = (refs: FlowReference[], direction: 'inflow' | 'outflow', into: string[]) => {
		for (const ref of refs) {
			const flow = byName.get(canonicalName(fromReference(ref.name)));
			const shown = displayName(fromReference(ref.name));
			if (!flow) {
				report.error(
					`Stock "${stock.name}" names "${shown}" as an ${direction}, but there is no flow "${shown}"`,
					ref.element,
					stock.name
				);
			} else if (flow.kind !== 'flow') {
				report.error(
					`Stock "${stock.name}" names "${shown}" as an ${direction}, but "${shown}" is not a flow`,
					ref.element,
					stock.name
				);
			} else if (!into.includes(flow.id)) {
				into.push(flow.id);
			}
		}
	};
	resolve(read.inflows, 'inflow', stock.inflows);
	resolve(read.outflows, 'outflow', stock.outflows);
}
