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
import { expandMacros } from './macros';
import { flattenModules } from './modules';
import { spanInSource, type Edit } from './rewrite';

export { isInternal } from './internal';

export type FlattenResult =
	| {
			ok: true;
			model: Model;
			diagnostics: Diagnostic[];
			/** The modeller's equations a pass rewrote, by variable name, with the edits it made (for spans). */
			rewritten?: Map<string, Edit[]>;
			/**
			 * Tells the compiler's messages about the flattened model in terms of the model the
			 * user wrote (an element variable's message goes to its array).
			 */
			relabel?: (diagnostics: Diagnostic[]) => Diagnostic[];
	  }
	| { ok: false; diagnostics: Diagnostic[] };

type Pass = (model: Model) => FlattenResult;

/**
 * The passes in order. Macros first: a submodel may call them, and their copies then join the
 * module; arrays last, so every variable, wherever it came from, is made scalar.
 */
const PASSES: Pass[] = [expandMacros, flattenModules, flattenArrays];

/**
 * `arrays: false` keeps arrayed variables as they are (for the unit checker, which checks an
 * array's equations element by element itself and names the element in its messages).
 */
export function flattenModel(
	model: Model,
	{ arrays = true }: { arrays?: boolean } = {}
): FlattenResult {
	let current = model;
	const diagnostics: Diagnostic[] = [];
	const rewritten = new Map<string, Edit[]>();
	const relabels: Array<(d: Diagnostic[]) => Diagnostic[]> = [];
	for (const pass of arrays ? PASSES : PASSES.filter((p) => p !== flattenArrays)) {
		const result = pass(current);
		diagnostics.push(...result.diagnostics);
		if (!result.ok) return { ok: false, diagnostics };
		current = result.model;
		// Later passes leave the model's own variables' equations as they are (modules rewrite only
		// their copies), so the edits of each pass stand alone.
		for (const [name, edits] of result.rewritten ?? [])
			rewritten.set(name, [...(rewritten.get(name) ?? []), ...edits]);
		if (result.relabel) relabels.push(result.relabel);
	}
	// The last pass's names are the compiler's: undo the passes from the last to the first.
	const relabel = relabels.length
		? (ds: Diagnostic[]) => relabels.reduceRight((acc, r) => r(acc), ds)
		: undefined;
	return {
		ok: true,
		model: current,
		diagnostics,
		...(rewritten.size && { rewritten }),
		...(relabel && { relabel })
	};
}

/**
 * A diagnostic about an equation flattening rewrote, its range taken back to the equation as
 * the modeller wrote it.
 */
export function inSourceSpan(
	diagnostic: Diagnostic,
	rewritten: Map<string, Edit[]> | undefined
): Diagnostic {
	const edits = diagnostic.variable === undefined ? undefined : rewritten?.get(diagnostic.variable);
	if (!edits || diagnostic.start === undefined) return diagnostic;
	const span = spanInSource(edits, diagnostic.start, diagnostic.end ?? diagnostic.start);
	return {
		...diagnostic,
		start: span.start,
		...(diagnostic.end !== undefined && { end: span.end })
	};
}
