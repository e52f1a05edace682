/**
 * Modules in XMILE (1.0 §3.7, §4.7): the root <model> has no name, every other <model name> is
 * a submodel, and a <module name> among a model's variables places an instance of the submodel
 * of the same name, its inputs set by <connect to="input" from="source"/>:
 *
 *   <module name="hares">
 *     <connect to="hares.area" from=".area"/>        (Stella: the input with the module's name)
 *     <connect to="lynxes" from="lynxes.lynxes"/>    (go-xmile: the input alone; a sibling's output)
 *   </module>
 *
 * A `from` that starts with "." is a variable of the model around the module. Both spellings of
 * `to` are read; Flowbook keeps the input's name alone and the source without the dot. A `to`
 * that starts with "." sets a variable around the module from one of its outputs (§4.7.1).
 */
import { canonicalName, displayName, idFromName } from '../model/names';
import type { ModuleConnection, ModuleInstance, Point, SubModel, Variable } from '../model/types';
import { readBehavior } from './behavior';
import { fromReference } from './identifiers';
import { parseNumber } from './numbers';
import { blocks, readScope } from './scope';
import type { Report } from './report';
import { child, childrenNamed, childText, type XmlElement } from './xml-tree';

export interface ModulesRead {
	/** The root model's module instances. */
	modules: ModuleInstance[];
	submodels: SubModel[];
}

export function readModules(
	root: XmlElement,
	rootModel: XmlElement,
	rootModuleElements: XmlElement[],
	rootVariables: Variable[],
	report: Report
): ModulesRead {
	const submodels: SubModel[] = [];
	const seen = new Map<string, XmlElement>();
	// A module may place a model the file defines further down: know every name first.
	const defined = new Map<string, XmlElement>();
	for (const element of childrenNamed(root, 'model')) {
		const name = element.attributes.name?.trim();
		if (element !== rootModel && name && !defined.has(canonicalName(name)))
			defined.set(canonicalName(name), element);
	}
	for (const element of childrenNamed(root, 'model')) {
		if (element === rootModel) continue;
		const name = element.attributes.name?.trim();
		if (!name) {
			report.warning(
				'A second <model> without a name is ignored: only module models may be added, each named',
				element
			);
			continue;
		}
		const first = seen.get(canonicalName(name));
		if (first) {
			report.error(
				`The model "${name}" is defined twice, on lines ${first.line} and ${element.line}; the second is ignored`,
				element
			);
			continue;
		}
		seen.set(canonicalName(name), element);
		const defaults = readBehavior(blocks(root, element, 'behavior'), report);
		const scope = readScope(element, defaults, report);
		const submodel: SubModel = { name, variables: scope.variables, diagram: scope.diagram };
		const modules = readModuleElements(
			scope.moduleElements,
			element,
			scope.variables,
			defined,
			report
		);
		if (modules.length) submodel.modules = modules;
		submodels.push(submodel);
	}
	const modules = readModuleElements(rootModuleElements, rootModel, rootVariables, defined, report);
	return { modules, submodels };
}

/** The <module>s of one model, against the submodels the file defines. */
function readModuleElements(
	elements: XmlElement[],
	model: XmlElement,
	variables: Variable[],
	submodels: Map<string, XmlElement>,
	report: Report
): ModuleInstance[] {
	const ids = new Set(variables.map((v) => v.id));
	const names = new Set<string>();
	const positions = modulePositions(model);
	const modules: ModuleInstance[] = [];
	const placed: { instance: ModuleInstance; connections: WrittenConnection[] }[] = [];
	for (const element of elements) {
		const written = element.attributes.name?.trim();
		if (!written) {
			report.error('A <module> has no name and is ignored', element);
			continue;
		}
		const name = displayName(written);
		if (names.has(canonicalName(name))) {
			report.error(
				`The module "${name}" is placed twice in one model; the second is ignored`,
				element,
				name
			);
			continue;
		}
		names.add(canonicalName(name));
		const resource = element.attributes.resource?.trim();
		if (resource) {
			report.error(
				`Module "${name}" comes from another file (${resource}): modules from other files are not supported`,
				element,
				name
			);
		}
		// XMILE names a module after its model; Simlin writes model_name, Flowbook flowbook:model when they differ.
		const model = (element.attributes['flowbook:model'] ?? element.attributes.model_name)?.trim();
		const submodel = model ?? written;
		if (!resource && !submodels.has(canonicalName(submodel))) {
			report.error(
				`Module "${name}" is an instance of the model "${displayName(submodel)}", but the file has no <model name="${submodel}">`,
				element,
				name
			);
		}
		let id = `module_${idFromName(written)}`;
		for (let n = 2; ids.has(id); n++) id = `module_${idFromName(written)}_${n}`;
		ids.add(id);
		const instance: ModuleInstance = {
			id,
			name,
			...(model && canonicalName(model) !== canonicalName(written) && { model }),
			connections: []
		};
		placed.push({ instance, connections: readConnections(element, report, name) });
		const documentation = childText(element, 'doc');
		if (documentation) instance.documentation = documentation;
		const position = readPoint(child(element, 'display')) ?? positions.get(canonicalName(written));
		if (position) instance.position = position;
		modules.push(instance);
	}
	assignConnections(placed, report);
	return modules;
}

/** A <connect> as written, before it is known which module's input it sets. */
interface WrittenConnection {
	to: string;
	from: string;
	element: XmlElement;
}

/**
 * Each connection to the module whose input it sets. Stella 1.9 and later write every
 * connection in both modules it joins, `to` naming the input with its module in front
 * (`<connect to="lynxes.hare_density" from="hares.hare_density"/>` in hares and in lynxes);
 * earlier writers put it in the input's module only, with or without that prefix. So a `to`
 * that starts with a sibling module's name belongs to that sibling, and a connection met twice
 * is kept once.
 */
function assignConnections(
	modules: { instance: ModuleInstance; connections: WrittenConnection[] }[],
	report: Report
): void {
	const byName = new Map(modules.map((m) => [canonicalName(m.instance.name), m.instance]));
	const seen = new Set<string>();
	for (const { instance, connections } of modules) {
		for (const { to, from, element } of connections) {
			let owner = instance;
			let target = to;
			if (!to.startsWith('.')) {
				const [first, ...rest] = splitPath(to);
				const named = byName.get(canonicalName(fromReference(first)));
				if (named && rest.length) {
					owner = named;
					target = rest.join('.');
				}
			}
			const source = from.replace(/^\./, '');
			const [sourceModule] = splitPath(source);
			if (
				!to.startsWith('.') &&
				splitPath(source).length > 1 &&
				canonicalName(fromReference(sourceModule)) === canonicalName(owner.name)
			) {
				report.warning(
					`Module "${owner.name}" connects its own "${displayPath(source)}" to its own "${displayPath(target)}"; a module's input cannot come from inside it, so this is ignored`,
					element,
					owner.name
				);
				continue;
			}
			const connection: ModuleConnection = {
				to: to.startsWith('.') ? `.${displayPath(to.slice(1))}` : displayPath(target),
				from: displayPath(source)
			};
			const key = `${canonicalName(owner.name)}|${canonicalName(connection.to)}|${canonicalName(connection.from)}`;
			if (seen.has(key)) continue;
			seen.add(key);
			owner.connections.push(connection);
		}
	}
}

function readConnections(element: XmlElement, report: Report, name: string): WrittenConnection[] {
	const connections: WrittenConnection[] = [];
	for (const connect of childrenNamed(element, 'connect')) {
		const to = connect.attributes.to?.trim();
		const from = connect.attributes.from?.trim();
		if (!to || !from) {
			report.warning(
				`A <connect> of module "${name}" needs both to="…" and from="…"; it is ignored`,
				connect,
				name
			);
			continue;
		}
		connections.push({ to, from, element: connect });
	}
	return connections;
}

/** `lynxes.hare_density` → `lynxes.hare density`, each segment read as a name. */
function displayPath(reference: string): string {
	return splitPath(reference)
		.map((segment) => displayName(fromReference(segment)))
		.join('.');
}

/** Split on `.` outside double quotes. */
export function splitPath(reference: string): string[] {
	const out: string[] = [];
	let current = '';
	let quoted = false;
	for (const ch of reference) {
		if (ch === '"') quoted = !quoted;
		if (ch === '.' && !quoted) {
			out.push(current);
			current = '';
		} else current += ch;
	}
	out.push(current);
	return out;
}

/** Where the model's diagram draws each module: <module name x y> in a <view>. */
function modulePositions(model: XmlElement): Map<string, Point> {
	const positions = new Map<string, Point>();
	for (const view of childrenNamed(child(model, 'views') ?? model, 'view')) {
		for (const element of childrenNamed(view, 'module')) {
			const name = element.attributes.name;
			const point = readPoint(element);
			if (name !== undefined && point && !positions.has(canonicalName(fromReference(name))))
				positions.set(canonicalName(fromReference(name)), point);
		}
	}
	return positions;
}

function readPoint(element: XmlElement | undefined): Point | undefined {
	const x = parseNumber(element?.attributes.x);
	const y = parseNumber(element?.attributes.y);
	return x === undefined || y === undefined ? undefined : { x, y };
}
