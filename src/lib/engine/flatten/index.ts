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
import { spanInSource, type Edit } from './rewrite';

export { isInternal } from './internal';

export type FlattenResult =
	| {
			ok: true;
			model: Model;
			diagnostics: Diagnostic[];
			/** The modeller's equations a pass rewrote, by variable name, with the edits it made (for spans). */
			rewritten?: Map<string, Edit[]>;
	  }
	| { ok: false; diagnostics: Diagnostic[] };

type Pass = (model: Model) => FlattenResult;

/** The passes in order. Macros first: a submodel may call them, and their copies then join the module. */
const PASSES: Pass[] = [expandMacros, flattenModules];

export function flattenModel(model: Model): FlattenResult {
	let current = model;
	const diagnostics: Diagnostic[] = [];
	const rewritten = new Map<string, Edit[]>();
	for (const pass of PASSES) {
		const result = pass(current);
		diagnostics.push(...result.diagnostics);
		if (!result.ok) return { ok: false, diagnostics };
		current = result.model;
		// Later passes leave the model's own variables' equations as they are (modules rewrite only
		// their copies), so the edits of each pass stand alone.
		for (const [name, edits] of result.rewritten ?? []) rewritten.set(name, [...(rewritten.get(name) ?? []), ...edits]);
	}
	return { ok: true, model: current, diagnostics, ...(rewritten.size && { rewritten }) };
}

/**
 * A diagnostic about an equation flattening rewrote, its range taken back to the equation as
 * the modeller wrote it.
 */
export function inSourceSpan(diagnostic: Diagnostic, rewritten: Map<string, Edit[]> | undefined): Diagnostic {
	const edits = diagnostic.variable === undefined ? undefined : rewritten?.get(diagnostic.variable);
	if (!edits || diagnostic.start === undefined) return diagnostic;
	const span = spanInSource(edits, diagnostic.start, diagnostic.end ?? diagnostic.start);
	return { ...diagnostic, start: span.start, ...(diagnostic.end !== undefined && { end: span.end }) };
}
