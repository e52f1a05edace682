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
import type { CompiledModel } from './compile';
import { flattenModel, inSourceSpan } from './flatten';
import { CodeBudgetError } from './code-budget';
import { generate, Program, type GeneratedCode } from './program';

export type { CompileResult, RunOptions, RunResult, Simulation } from './api';
export { parseEquation } from './parse/parser';
export { ParseError } from './parse/ast';
export { BUILTINS, findBuiltin } from './builtins';

export function compileModel(model: Model): CompileResult {
	const checked = checkAndCompile(model);
	if (!checked.ok) return checked;
	const { compiled, simSpecs, diagnostics } = checked;
	let code: GeneratedCode;
	try {
		code = generate(compiled);
	} catch (e) {
		if (!(e instanceof CodeBudgetError)) throw e;
		return {
			ok: false,
			diagnostics: [...diagnostics, { severity: 'error', variable: e.variable, message: e.message }]
		};
	}
	const program = new Program(compiled, { ...simSpecs, method: simSpecs.method ?? 'euler' }, code);
	return { ok: true, simulation: program, diagnostics };
}

/**
 * What compileModel finds wrong with a model, without generating its code: for the page's own
 * warnings beside the diagram, where a CSP without 'unsafe-eval' forbids `new Function` (the
 * worker, which runs the model, has no such policy).
 */
export function checkModel(model: Model): Diagnostic[] {
	return checkAndCompile(model).diagnostics;
}

function checkAndCompile(
	model: Model
):
	| { ok: true; compiled: CompiledModel; simSpecs: Model['simSpecs']; diagnostics: Diagnostic[] }
	| { ok: false; diagnostics: Diagnostic[] } {
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
	return {
		ok: true,
		compiled: compiled.compiled,
		simSpecs: flat.model.simSpecs,
		diagnostics: [...flat.diagnostics, ...inSource(compiled.compiled.diagnostics)]
	};
}
