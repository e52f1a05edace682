/**
 * Module instances on the diagram: a node for each, and a link for each of its connections, from
 * what feeds an input (a variable around it, or another module) to the module, or from the module
 * to a variable around it that one of its outputs sets (XMILE §4.7.1's ".name" connections).
 * Links are drawn from the connections themselves, so they always say what the run uses.
 */
import type { Edge, Node } from '@xyflow/svelte';
import { canonicalName } from '../model/names';
import { submodelOf } from '../model/modules';
import type { Model, ModuleInstance, Point, SubModel } from '../model/types';
import type { EdgeData } from './graph';

/** A module's shape: a rounded box a little wider than a stock. */
export const MODULE_SHAPE = { width: 84, height: 48 } as const;

export interface ModuleNodeData extends Record<string, unknown> {
	module: ModuleInstance;
	/** The submodel it instantiates; undefined when the model lacks it (flattening reports that). */
	submodel: SubModel | undefined;
	at: Point;
}

/** Where a module without a position goes: in a row below everything else. */
function placeOf(model: Model, index: number): Point {
	const ys = model.variables.map((v) => v.position?.y ?? 0);
	const bottom = ys.length ? Math.max(...ys) : 0;
	return { x: 80 + index * 130, y: bottom + 110 };
}

export function moduleNodes(model: Model, selected: ReadonlySet<string> = new Set()): Node[] {
	return (model.modules ?? []).map((module, i) => {
		const at = module.position ?? placeOf(model, i);
		const submodel = submodelOf(model, module);
		const data: ModuleNodeData = { module, submodel, at };
		const of =
			submodel && canonicalName(submodel.name) !== canonicalName(module.name)
				? `, an instance of ${submodel.name}`
				: '';
		return {
			id: module.id,
			type: 'module',
			position: at,
			data,
			selected: selected.has(module.id),
			ariaLabel: `Module ${module.name}${of}`
		};
	});
}

/** The node a connection's source stands for: a variable by name, or a module by the first part of a dotted name. */
function endOf(
	model: Model,
	name: string
): { id: string; shape: { width: number; height: number } } | undefined {
	const key = canonicalName(name);
	const variable = model.variables.find((v) => canonicalName(v.name) === key);
	if (variable)
		return {
			id: variable.id,
			shape: variable.kind === 'stock' ? { width: 72, height: 46 } : { width: 26, height: 26 }
		};
	const module = (model.modules ?? []).find((m) => key.startsWith(`${canonicalName(m.name)}.`));
	return module && { id: module.id, shape: MODULE_SHAPE };
}

/** One link per connection whose two ends are on this diagram; a module reading its own output is left out. */
export function moduleLinks(model: Model): Edge<EdgeData>[] {
	const links: Edge<EdgeData>[] = [];
	for (const module of model.modules ?? []) {
		module.connections.forEach((connection, i) => {
			// ".name": the module's output sets a variable around it; otherwise `from` feeds the input `to`.
			const outward = connection.to.startsWith('.');
			const other = endOf(model, outward ? connection.to.slice(1) : connection.from);
			if (!other || other.id === module.id) return;
			const [source, target] = outward ? [module.id, other.id] : [other.id, module.id];
			const [sourceShape, targetShape] = outward
				? [MODULE_SHAPE, other.shape]
				: [other.shape, MODULE_SHAPE];
			const description = outward
				? `${module.name}.${connection.from} sets ${connection.to.slice(1)}`
				: `${connection.from} feeds ${module.name}.${connection.to}`;
			links.push({
				id: `link:${module.id}:${i}`,
				type: 'connector',
				source,
				target,
				selectable: false,
				focusable: false,
				ariaLabel: `Module connection: ${description}`,
				data: { sourceShape, targetShape }
			});
		});
	}
	return links;
}
