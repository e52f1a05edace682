/**
 * Macros (XMILE 1.0 §3.6, §4.8): every call of a macro becomes its own copy of the macro, so a
 * macro that holds a stock keeps one stock per call, as Stella and Vensim run them.
 *
 *   macro SMOOTHED(input, time) = level;  level (stock) += (input - level) / time
 *   demand smoothed = SMOOTHED(demand, 3)
 *
 * becomes
 *
 *   "demand smoothed → SMOOTHED → input" = demand
 *   "demand smoothed → SMOOTHED → time"  = 3
 *   "demand smoothed → SMOOTHED → level" (stock) += …
 *   demand smoothed = "demand smoothed → SMOOTHED → level"
 *
 * Each argument is a variable of its own, evaluated once per step as a call by value; a macro
 * whose result is an expression gets one more variable for it. The copies are marked internal
 * (internal.ts): they run, but the results and levers show only the modeller's variables.
 * Calls inside macros, and in arguments, expand the same way; a macro that calls itself cannot
 * be expanded and is an error.
 */
import type { Diagnostic } from '../../model/diagnostics';
import { elementName } from '../../model/arrays';
import { canonicalName } from '../../model/names';
import type { Macro, Model, Variable } from '../../model/types';
import { findBuiltin, RUN_CONSTANTS } from '../builtins';
import { ParseError, type Expr } from '../parse/ast';
import { parseEquation } from '../parse/parser';
import type { FlattenResult } from './index';
import { equationOf, markInternal, withEquation } from './internal';
import { applyEdits, placeEdits, reference, walk, type Edit } from './rewrite';

/** Beyond this many calls (macros calling macros) the model is surely not what was meant. */
const MAX_CALLS = 10_000;

export function expandMacros(model: Model): FlattenResult {
	if (!model.macros?.length) return { ok: true, model, diagnostics: [] };
	const expander = new MacroExpander(model.macros);
	const rewritten = new Map<string, Edit[]>();
	const variables = expander.expand(model.variables, rewritten);
	const submodels = model.submodels?.map((s) => ({
		...s,
		variables: expander.expand(s.variables)
	}));
	const { macros: _macros, ...rest } = model;
	const diagnostics = expander.diagnostics;
	if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
	return {
		ok: true,
		model: { ...rest, variables, ...(submodels && { submodels }) },
		diagnostics,
		rewritten
	};
}

/** A macro, checked once: its parameters and variables by canonical name. */
interface Definition {
	macro: Macro;
	/** Parameter index by canonical name. */
	parameters: Map<string, number>;
	/** Variables by canonical name; a variable named like a parameter is where that parameter lives. */
	variables: Map<string, Variable>;
	/** The result, when the macro's equation just names one of its variables. */
	resultVariable?: string;
}

class MacroExpander {
	readonly diagnostics: Diagnostic[] = [];
	readonly #definitions = new Map<string, Definition>();
	/** Which macros made each variable, to catch a macro that calls itself. */
	readonly #madeBy = new Map<Variable, string[]>();
	#calls = 0;

	constructor(macros: readonly Macro[]) {
		for (const macro of macros) {
			const key = canonicalName(macro.name ?? '');
			if (!key) continue;
			if (this.#definitions.has(key)) {
				this.error(`macro "${macro.name}" is defined twice`);
				continue;
			}
			const definition = this.define(macro);
			if (definition) this.#definitions.set(key, definition);
		}
	}

	error(message: string, variable?: string, at?: { start: number; end: number }): void {
		this.diagnostics.push({
			severity: 'error',
			message,
			...(variable !== undefined && { variable }),
			...(at && { start: at.start, end: at.end })
		});
	}

	/** Checks a definition: parameters, result and every equation readable, names all its own. */
	define(macro: Macro): Definition | undefined {
		const problems = this.diagnostics.length;
		const parameters = new Map<string, number>();
		(macro.parameters ?? []).forEach((p, i) => {
			const key = canonicalName(p.name ?? '');
			if (!key) this.error(`macro "${macro.name}": parameter ${i + 1} has no name`);
			else if (parameters.has(key))
				this.error(`macro "${macro.name}" has two parameters called "${p.name}"`);
			else parameters.set(key, i);
		});
		const firstDefault = (macro.parameters ?? []).findIndex((p) => p.default !== undefined);
		if (firstDefault >= 0) {
			const missing = (macro.parameters ?? [])
				.slice(firstDefault)
				.find((p) => p.default === undefined);
			if (missing)
				this.error(
					`macro "${macro.name}": parameter "${missing.name}" needs a default, since a parameter before it has one`
				);
		}
		const variables = new Map<string, Variable>();
		for (const v of macro.variables ?? []) {
			const key = canonicalName(v.name ?? '');
			if (variables.has(key))
				this.error(`macro "${macro.name}" has two variables called "${v.name}"`);
			else variables.set(key, v);
			if (parameters.has(key) && v.kind !== 'gf' && equationOf(v)?.trim()) {
				this.error(
					`macro "${macro.name}": "${v.name}" is a parameter, so it cannot have an equation of its own`
				);
			}
		}
		const known = new Set([...parameters.keys(), ...variables.keys()]);
		const check = (source: string | undefined, what: string) => {
			if (source === undefined) return undefined;
			try {
				const ast = parseEquation(source);
				walk(ast, (e, inIndex) => {
					if (
						e.type === 'name' &&
						!inIndex &&
						!known.has(e.canonical) &&
						!RUN_CONSTANTS.has(e.canonical) &&
						e.canonical !== 'self' &&
						!findBuiltin(e.canonical)
					) {
						this.error(
							`macro "${macro.name}": ${what} uses "${e.name}", which is neither a parameter nor a variable of the macro`,
							undefined,
							e
						);
					}
				});
				return ast;
			} catch (e) {
				if (!(e instanceof ParseError || e instanceof RangeError)) throw e;
				this.error(
					`macro "${macro.name}": cannot read ${what}: ${e instanceof ParseError ? e.message : 'it is too deeply nested'}`
				);
				return undefined;
			}
		};
		// xmutil writes the result as the variable's name with its spaces ("EXPRESSION MACRO").
		const named = typeof macro.equation === 'string' ? canonicalName(macro.equation) : '';
		let resultVariable = variables.has(named) && !parameters.has(named) ? named : undefined;
		if (!named) this.error(`macro "${macro.name}" has no equation: it must say what a call gives`);
		else if (!resultVariable) {
			const result = check(macro.equation, 'its equation');
			// The parser gives "(x)" as the name x, so a parenthesised name counts too.
			if (
				result?.type === 'name' &&
				variables.has(result.canonical) &&
				!parameters.has(result.canonical)
			)
				resultVariable = result.canonical;
		}
		for (const v of macro.variables ?? []) {
			if (parameters.has(canonicalName(v.name ?? ''))) continue;
			check(equationOf(v), `the equation of "${v.name}"`);
		}
		for (const p of macro.parameters ?? [])
			if (p.default !== undefined) check(p.default, `the default of "${p.name}"`);
		if (this.diagnostics.length > problems) return undefined;
		return { macro, parameters, variables, ...(resultVariable && { resultVariable }) };
	}

	/**
	 * A scope's variables with every macro call expanded; the copies follow the originals.
	 * `rewritten` collects, by variable name, the edits made to the modeller's own equations.
	 */
	expand(scope: readonly Variable[], rewritten?: Map<string, Edit[]>): Variable[] {
		const out = [...scope];
		const taken = new Set(out.map((v) => canonicalName(v.name ?? '')));
		const local = new Set(
			out
				.filter((v) => v.kind === 'gf' || ('graphical' in v && v.graphical))
				.map((v) => canonicalName(v.name ?? ''))
		);
		for (let i = 0; i < out.length; i++) {
			let variable = out[i];
			const made: Variable[] = [];
			const source = equationOf(variable);
			if (source !== undefined) {
				const expanded = this.#expandSource(variable, variable.name, source, local, taken);
				if (expanded) {
					variable = withEquation(variable, expanded.text);
					made.push(...expanded.made);
					if (i < scope.length) rewritten?.set(out[i].name, expanded.edits);
				}
			}
			// An element's own equation may call a macro too: one copy per element's call.
			if (variable.elements?.some((e) => typeof e.equation === 'string')) {
				let changed = false;
				const elements = variable.elements.map((element) => {
					if (typeof element.equation !== 'string') return element;
					const caller = elementName(variable.name, element.subscript);
					const expanded = this.#expandSource(variable, caller, element.equation, local, taken);
					if (!expanded) return element;
					changed = true;
					made.push(...expanded.made);
					return { ...element, equation: expanded.text };
				});
				if (changed) variable = { ...variable, elements };
			}
			if (variable === out[i]) continue;
			if (this.#madeBy.has(out[i])) this.#madeBy.set(variable, this.#madeBy.get(out[i])!);
			out[i] = variable;
			out.push(...made);
		}
		return out;
	}

	/**
	 * One equation of `variable` (its own, or an element's, named `caller` in the copies' names)
	 * with its macro calls replaced by their results; undefined when it calls no macro.
	 */
	#expandSource(
		variable: Variable,
		caller: string,
		source: string,
		local: Set<string>,
		taken: Set<string>
	): { text: string; made: Variable[]; edits: Edit[] } | undefined {
		const calls = this.callsIn(source, local);
		if (!calls.length) return undefined;
		const edits: Edit[] = [];
		const made: Variable[] = [];
		const counts = new Map<string, number>();
		for (const call of calls) {
			const definition = this.#definitions.get(call.canonical)!;
			const chain = this.#madeBy.get(variable) ?? [];
			if (chain.includes(call.canonical)) {
				const cycle = [...chain.slice(chain.indexOf(call.canonical)), call.canonical]
					.map((k) => this.#definitions.get(k)!.macro.name)
					.join(' → ');
				this.error(
					`macro "${definition.macro.name}" calls itself (${cycle}): recursive macros are not supported`,
					variable.name,
					call
				);
				continue;
			}
			if (++this.#calls > MAX_CALLS) {
				this.error(
					`more than ${MAX_CALLS.toLocaleString('en-GB')} macro calls: the macros call each other too often to expand`,
					variable.name,
					call
				);
				break;
			}
			const n = (counts.get(call.canonical) ?? 0) + 1;
			counts.set(call.canonical, n);
			const instance = this.instance(
				{ ...variable, name: caller },
				definition,
				call,
				source,
				n,
				taken
			);
			if (!instance) continue;
			// The arguments belong to the caller: M(M(x)) is two calls, not a recursion.
			for (const v of instance.arguments) this.#madeBy.set(v, chain);
			for (const v of instance.body) this.#madeBy.set(v, [...chain, call.canonical]);
			made.push(...instance.arguments, ...instance.body);
			edits.push({ start: call.start, end: call.end, text: reference(instance.result) });
		}
		return { text: applyEdits(source, edits), made, edits: placeEdits(source, edits) };
	}

	/** The outermost macro calls in an equation; calls in their arguments expand later, with the argument. */
	callsIn(source: string, local: Set<string>): Extract<Expr, { type: 'call' }>[] {
		let ast;
		try {
			ast = parseEquation(source);
		} catch (e) {
			if (e instanceof ParseError || e instanceof RangeError) return []; // the compiler reports it
			throw e;
		}
		const calls: Extract<Expr, { type: 'call' }>[] = [];
		walk(ast, (e) => {
			// A graphical function of the model wins over a macro of the same name.
			if (e.type === 'call' && this.#definitions.has(e.canonical) && !local.has(e.canonical)) {
				calls.push(e);
				return false;
			}
		});
		return calls;
	}

	/** One call's copy of the macro: its variables, and the name that stands for the call. */
	instance(
		caller: Variable,
		definition: Definition,
		call: Extract<Expr, { type: 'call' }>,
		source: string,
		n: number,
		taken: Set<string>
	): { arguments: Variable[]; body: Variable[]; result: string } | undefined {
		const { macro } = definition;
		const parameters = macro.parameters ?? [];
		const required = parameters.filter((p) => p.default === undefined).length;
		if (call.args.length < required || call.args.length > parameters.length) {
			const count =
				required === parameters.length ? `${required}` : `${required} to ${parameters.length}`;
			const names = parameters.map((p) => p.name).join(', ');
			this.error(
				`${macro.name} takes ${count} argument${parameters.length === 1 ? '' : 's'} (${names}), not ${call.args.length}`,
				caller.name,
				call
			);
			return undefined;
		}

		// A name of its own for each call: "caller → MACRO", then "caller → MACRO #2", …
		const label = (k: number) => `${caller.name} → ${macro.name}${k > 1 ? ` #${k}` : ''}`;
		const inner = [
			...parameters.map((p) => p.name),
			...[...definition.variables.values()].map((v) => v.name)
		];
		const clashes = (prefix: string) =>
			[prefix, ...inner.map((x) => `${prefix} → ${x}`)].some((x) => taken.has(canonicalName(x)));
		let k = n;
		while (clashes(label(k))) k++;
		const prefix = label(k);
		const names = new Map<string, string>();
		for (const p of parameters) names.set(canonicalName(p.name), `${prefix} → ${p.name}`);
		for (const v of definition.variables.values())
			names.set(canonicalName(v.name), `${prefix} → ${v.name}`);
		for (const name of [prefix, ...names.values()]) taken.add(canonicalName(name));
		const ids = new Map((macro.variables ?? []).map((v) => [v.id, `${prefix} → ${v.name}`]));
		const rename = (text: string) => renameInMacro(text, names, definition.variables);

		const args: Variable[] = [];
		parameters.forEach((p, i) => {
			const arg = call.args[i];
			const equation = arg ? source.slice(arg.start, arg.end) : rename(p.default!);
			const name = names.get(canonicalName(p.name))!;
			// xmutil writes INTEG(input, …) as a stock whose inflow is a flow called like the parameter.
			const holder = definition.variables.get(canonicalName(p.name));
			args.push(
				markInternal(
					holder?.kind === 'flow'
						? { id: name, name, kind: 'flow', equation, ...(holder.uniflow && { uniflow: true }) }
						: { id: name, name, kind: 'aux', equation }
				)
			);
		});
		const body: Variable[] = [];
		for (const v of macro.variables ?? []) {
			if (definition.parameters.has(canonicalName(v.name))) continue;
			const name = names.get(canonicalName(v.name))!;
			const text = equationOf(v);
			const {
				units: _units,
				position: _position,
				documentation: _documentation,
				access: _access,
				...rest
			} = text === undefined ? v : withEquation(v, rename(text));
			const copy: Variable = { ...rest, id: name, name };
			if (copy.kind === 'stock') {
				copy.inflows = (copy.inflows ?? []).map((f) => ids.get(f) ?? f);
				copy.outflows = (copy.outflows ?? []).map((f) => ids.get(f) ?? f);
			}
			body.push(markInternal(copy));
		}
		if (definition.resultVariable)
			return { arguments: args, body, result: names.get(definition.resultVariable)! };
		body.push(
			markInternal({ id: prefix, name: prefix, kind: 'aux', equation: rename(macro.equation) })
		);
		return { arguments: args, body, result: prefix };
	}
}

/** A macro's equation with its parameters' and variables' names turned into this call's names. */
function renameInMacro(
	source: string,
	names: Map<string, string>,
	variables: Map<string, Variable>
): string {
	const ast = parseEquation(source); // checked when the macro was defined
	const edits: Edit[] = [];
	walk(ast, (e) => {
		if (e.type === 'name' && names.has(e.canonical))
			edits.push({ start: e.start, end: e.end, text: reference(names.get(e.canonical)!) });
		if (e.type === 'call' && variables.has(e.canonical) && names.has(e.canonical)) {
			edits.push({
				start: e.nameSpan.start,
				end: e.nameSpan.end,
				text: reference(names.get(e.canonical)!)
			});
		}
	});
	return applyEdits(source, edits);
}
