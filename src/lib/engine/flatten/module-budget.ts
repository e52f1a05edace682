/**
 * How many module instances a model expands to, counted before anything is expanded: a 3 KB file
 * of 20 nested models, each holding the next twice, expands to a million instances and hung the
 * CLI and the page. Past the budget the model is refused, naming the module and the budget.
 */
import { submodelOf } from '../../model/modules';
import type { Model, ModuleInstance, SubModel } from '../../model/types';

/** Far more than any model uses; each instance copies every variable of its model. */
export const MAX_MODULE_INSTANCES = 10_000;

/** The message for a model past the budget, or undefined when it is within it. */
export function moduleBudgetProblem(model: Model): string | undefined {
	const inside = new Map<SubModel, number>();
	// Instances inside one instance of `submodel`; a model within itself counts as none here
	// (the flattener names that mistake). Capped, so counts never grow past the budget + 1.
	const countInside = (submodel: SubModel, within: Set<SubModel>): number => {
		const known = inside.get(submodel);
		if (known !== undefined) return known;
		let total = 0;
		for (const inner of submodel.modules ?? []) {
			total = Math.min(MAX_MODULE_INSTANCES + 1, total + countTree(inner, within, submodel));
		}
		inside.set(submodel, total);
		return total;
	};
	const countTree = (instance: ModuleInstance, within: Set<SubModel>, from?: SubModel): number => {
		const submodel = submodelOf(model, instance);
		if (!submodel || within.has(submodel) || submodel === from) return 1;
		return 1 + countInside(submodel, new Set([...within, submodel]));
	};
	let total = 0;
	for (const instance of model.modules ?? []) {
		const tree = countTree(instance, new Set());
		total += tree;
		if (total > MAX_MODULE_INSTANCES)
			return `module "${instance.name}" expands to ${tree > MAX_MODULE_INSTANCES ? 'more than ' : ''}${Math.min(tree, MAX_MODULE_INSTANCES).toLocaleString('en-GB')} module instances, and the model to more than ${MAX_MODULE_INSTANCES.toLocaleString('en-GB')}, the most a model may hold: nest fewer modules, or fewer copies of each`;
	}
	return undefined;
}
