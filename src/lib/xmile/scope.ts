/**
 * The variables of one XMILE <model> scope (the root model, a module's model or a macro's body):
 * their elements found and named, each read, stocks joined to their flows, and their diagram.
 * read.ts reads the root scope with it; modules.ts and macros.ts read theirs.
 */
import { canonicalName, displayName, idFromName } from '../model/names';
import type { Diagram, Dimension, Stock, Variable } from '../model/types';
import type { NonNegativeDefaults } from './behavior';
import { fromReference } from './identifiers';
import { beltOutflows } from '../engine/conveyors';
import type { Report } from './report';
import { VARIABLE_TAGS, readVariable, type FlowReference, type VariableRead } from './variables';
import { readViews, type VariableRef } from './views';
import { child, childrenNamed, isVendorElement, type XmlElement } from './xml-tree';

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
	reportFlowsWithoutEquations(reads, report);

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
		diagram: {
			connectors: layout.connectors,
			clouds: layout.clouds,
			...(layout.aliases.length && { aliases: layout.aliases }),
			...(layout.sectors.length && { sectors: layout.sectors })
		},
		moduleElements
	};
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

/**
 * A flow needs an equation, except one that comes off the end of a conveyor's belt (or takes
 * from a queue what the conveyor it fills admits).
 */
function reportFlowsWithoutEquations(reads: VariableRead[], report: Report): void {
	const variables = reads.map((r) => r.variable);
	const byId = new Map(variables.map((v) => [v.id, v]));
	const ends = beltOutflows(variables, (id) => {
		const variable = byId.get(id);
		return variable && { variable };
	});
	const fed = new Set(
		variables.flatMap((v) => (v.kind === 'stock' && v.conveyor ? v.inflows : []))
	);
	const fromQueues = new Set(
		variables.flatMap((v) => (v.kind === 'stock' && v.queue ? v.outflows : []))
	);
	for (const r of reads) {
		if (!r.missingEquation) continue;
		const id = r.variable.id;
		const overflow = r.variable.kind === 'flow' && r.variable.overflow;
		if (ends.has(id) || (fromQueues.has(id) && (fed.has(id) || overflow))) continue;
		report.error('Has no equation', r.missingEquation, r.variable.name);
	}
}
