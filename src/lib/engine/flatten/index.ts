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
import { flattenArrays } from './arrays';

export type FlattenResult =
	| {
			ok: true;
			model: Model;
			diagnostics: Diagnostic[];
			/**
			 * Tells the compiler's messages about the flattened model in terms of the model the
			 * user wrote (an element variable's message goes to its array).
			 */
			relabel?: (diagnostics: Diagnostic[]) => Diagnostic[];
	  }
	| { ok: false; diagnostics: Diagnostic[] };

type Pass = (model: Model) => FlattenResult;

/** The passes in order; issue #8 fills them in. */
const PASSES: Pass[] = [flattenArrays];

export function flattenModel(model: Model): FlattenResult {
	let current = model;
	const diagnostics: Diagnostic[] = [];
	const relabels: Array<(d: Diagnostic[]) => Diagnostic[]> = [];
	for (const pass of PASSES) {
		const result = pass(current);
		diagnostics.push(...result.diagnostics);
		if (!result.ok) return { ok: false, diagnostics };
		current = result.model;
		if (result.relabel) relabels.push(result.relabel);
	}
	// The last pass's names are the compiler's: undo the passes from the last to the first.
	const relabel = relabels.length ? (ds: Diagnostic[]) => relabels.reduceRight((acc, r) => r(acc), ds) : undefined;
	return { ok: true, model: current, diagnostics, ...(relabel && { relabel }) };
}
