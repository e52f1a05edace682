/**
 * Flattening: the structures a modeller writes (macros, modules, arrays) become one scalar model
 * before the compiler sees it, so the compiler, code generator and integrators stay scalar and
 * every structure runs at the speed of the scalar code it expands to.
 *
 * Passes run in this order, each taking and returning a Model:
 *   macros  – each macro call becomes its own instance variables (a macro may hold stocks)
 *   modules – each module instance's variables join the parent with a dotted prefix ("hares.hares")
 *   arrays  – each arrayed variable becomes one scalar variable per element ("stock[a,1]")
 *
 * A model without any of them passes through untouched (the same object).
 */
import type { Diagnostic } from '../../model/diagnostics';
import type { Model } from '../../model/types';
import { expandMacros } from './macros';
import { flattenModules } from './modules';

export { isInternal } from './internal';

export type FlattenResult = { ok: true; model: Model; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

type Pass = (model: Model) => FlattenResult;

/** The passes in order. Macros first: a submodel may call them, and their copies then join the module. */
const PASSES: Pass[] = [expandMacros, flattenModules];

export function flattenModel(model: Model): FlattenResult {
	let current = model;
	const diagnostics: Diagnostic[] = [];
	for (const pass of PASSES) {
		const result = pass(current);
		diagnostics.push(...result.diagnostics);
		if (!result.ok) return { ok: false, diagnostics };
		current = result.model;
	}
	return { ok: true, model: current, diagnostics };
}
