/**
 * The simulation engine: pure TypeScript, no DOM, no Svelte. The worker, the CLI and the tests
 * all call it the same way:
 *
 *   const result = compileModel(model);
 *   if (result.ok) result.simulation.run({ overrides: { 'Extra Beds': 100 } });
 */
import type { Model } from '../model/types';
import type { CompileResult } from './api';
import { compileToNodes } from './compile';
import { flattenModel } from './flatten';
import { Program } from './program';

export type { CompileResult, RunOptions, RunResult, Simulation } from './api';
export { parseEquation } from './parse/parser';
export { ParseError } from './parse/ast';
export { BUILTINS, findBuiltin } from './builtins';

export function compileModel(model: Model): CompileResult {
	const flat = flattenModel(model);
	if (!flat.ok) return { ok: false, diagnostics: flat.diagnostics };
	const compiled = compileToNodes(flat.model);
	const relabel = flat.relabel ?? ((ds) => ds);
	if (!compiled.ok) return { ok: false, diagnostics: [...flat.diagnostics, ...relabel(compiled.diagnostics)] };
	const program = new Program(compiled.compiled, { ...flat.model.simSpecs, method: flat.model.simSpecs.method ?? 'euler' });
	return { ok: true, simulation: program, diagnostics: [...flat.diagnostics, ...relabel(compiled.compiled.diagnostics)] };
}
