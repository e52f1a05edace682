/**
 * Names across modules. A module instance's variables are known outside it by a dotted path:
 * the hares module's stock "hares" is "hares.hares", and a module inside it adds a segment.
 * The engine (flattening), the document checks and the notebook all follow this one rule.
 */
import { canonicalName } from './names';
import type { Model, ModuleInstance, SubModel, Variable } from './types';

/** A model or submodel: its own variables and the modules placed in it. */
export interface Scope {
	variables: Variable[];
	modules?: ModuleInstance[];
}

/** The submodel a module instantiates: its `model`, or else the one named like the module. */
export function submodelOf(
	model: Pick<Model, 'submodels'>,
	instance: ModuleInstance
): SubModel | undefined {
	const wanted = canonicalName(instance.model ?? instance.name ?? '');
	const submodels = Array.isArray(model.submodels) ? model.submodels : [];
	return submodels.find((s) => typeof s?.name === 'string' && canonicalName(s.name) === wanted);
}

/**
 * Every name that can be read in a scope, by canonical name, to its display form there: its own
 * variables ("area"), then those of its modules ("hares.hare density"), to any depth. A module
 * that contains itself, or whose submodel is missing, adds nothing (flattening reports it).
 */
export function namesInScope(
	model: Pick<Model, 'submodels'>,
	scope: Scope,
	within: readonly SubModel[] = []
): Map<string, string> {
	const names = new Map<string, string>();
	// Documents are checked with this before their shape is known to be right: skip what is odd.
	for (const v of Array.isArray(scope.variables) ? scope.variables : []) {
		if (typeof v?.name !== 'string') continue;
		const key = canonicalName(v.name);
		if (key && !names.has(key)) names.set(key, v.name);
	}
	for (const instance of Array.isArray(scope.modules) ? scope.modules : []) {
		if (
			typeof instance?.name !== 'string' ||
			(instance.model !== undefined && typeof instance.model !== 'string')
		)
			continue;
		const submodel = submodelOf(model, instance);
		if (!submodel || within.includes(submodel)) continue;
		for (const inner of namesInScope(model, submodel, [...within, submodel]).values()) {
			const path = `${instance.name}.${inner}`;
			const key = canonicalName(path);
			if (!names.has(key)) names.set(key, path);
		}
	}
	return names;
}
