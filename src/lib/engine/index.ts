/**
 * The simulation engine: pure TypeScript, no DOM, no Svelte. The worker, the CLI and the tests
 * all call it the same way:
 *
 *   const result = compileModel(model);
 *   if (result.ok) result.simulation.run({ overrides: { 'Extra Beds': 100 } });
 */
import type { Diagnostic } from '../model/diagnostics';
import type { Model } from '../model/types';
import type { CompileResult } from './api';
import { compileToNodes } from './compile';
import { flattenModel, inSourceSpan } from './flatten';
import { Program } from './program';

export type { CompileResult, RunOptions, RunResult, Simulation } from './api';
export { parseEquation } from './parse/parser';
export { ParseError } from './parse/ast';
export { BUILTINS, findBuiltin } from './builtins';

export function compileModel(model: Model): CompileResult {
	const flat = flattenModel(model);
	if (!flat.ok) return { ok: false, diagnostics: flat.diagnostics };
	const compiled = compileToNodes(flat.model);
	// Messages name what the modeller wrote: an element's go to its array (relabel), and where a
	// macro call was rewritten, the range points into the equation as written.
	const relabel = flat.relabel ?? ((ds: Diagnostic[]) => ds);
	const inSource = (list: Diagnostic[]) =>
		relabel(list).map((d) => inSourceSpan(d, flat.rewritten));
	if (!compiled.ok)
		return { ok: false, diagnostics: [...flat.diagnostics, ...inSource(compiled.diagnostics)] };
	const program = new Program(compiled.compiled, {
		...flat.model.simSpecs,
		method: flat.model.simSpecs.method ?? 'euler'
	});
	return {
		ok: true,
		simulation: program,
		diagnostics: [...flat.diagnostics, ...inSource(compiled.compiled.diagnostics)]
	};
}
