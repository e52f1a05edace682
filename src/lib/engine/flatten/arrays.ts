/**
 * The arrays pass: each arrayed variable becomes one scalar variable per element, named as
 * Stella and Vensim label its results ("Stock A[Entry 1,Column 2]"), with its equation
 * rewritten to scalar references (element-rewrite.ts). An arrayed stock's elements keep their own
 * elements of its flows; an element may carry its own equation or graphical function.
 *
 * Elements come in row-major order (the last dimension varying fastest), so each arrayed
 * variable's elements sit side by side and the code generator turns their identical
 * statements into a loop (reroll.ts): an arrayed model runs as fast as the same model written
 * out by hand.
 */
import type { Diagnostic } from '../../model/diagnostics';
import { elementName } from '../../model/arrays';
import { canonicalName } from '../../model/names';
import type { ArrayElement, Conveyor, Model, Stock, Variable } from '../../model/types';
import { flowsWithoutEquations } from '../conveyors';
import { CONVEYOR_SETTINGS } from './internal';
import { ParseError, type Expr, type Span } from '../parse/ast';
import { parseEquation } from '../parse/parser';
import { describeDims, readDimensions, type Dim } from './dimensions';
import type { FlattenResult } from './index';
import { originalSpan, printExpr, type PrintedSpan } from './print';
import { CodeBudget, CodeBudgetError, MAX_ELEMENT_EQUATION_CHARACTERS } from '../code-budget';
import { arrayBudgetProblem } from './array-budget';
import { ArrayError, Rewriter, type ArrayVar, type Scope } from './element-rewrite';

export function flattenArrays(
	model: Model,
	equationBudget = MAX_ELEMENT_EQUATION_CHARACTERS
): FlattenResult {
	if (!usesArrays(model)) return { ok: true, model, diagnostics: [] };
	return new ArraysPass(model, equationBudget).run();
}

/** Dimensions, arrayed variables, or an equation that subscripts or transposes. */
function usesArrays(model: Model): boolean {
	if (model.dimensions?.length) return true;
	return model.variables.some(
		(v) => v.dimensions?.length || v.elements?.length || /[[']/.test(equationOf(v) ?? '')
	);
}

function equationOf(v: Variable): string | undefined {
	if (v.kind === 'stock') return v.initial;
	if (v.kind === 'gf') return undefined;
	return v.equation;
}

/**
 * Vensim's way to give every element a number at once, which xmutil leaves in XMILE files:
 * "1, 2, 3", or "1, 2; 3, 4;" by rows. Only numbers, separated by commas and semicolons.
 */
const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const NUMBER_LIST = new RegExp(String.raw`^\s*${NUMBER}(?:\s*[,;]\s*${NUMBER})+\s*;?\s*$`);

function numberList(source: string | undefined): number[] | undefined {
	if (typeof source !== 'string' || !NUMBER_LIST.test(source)) return undefined;
	return source
		.split(/[,;]/)
		.map((s) => s.trim())
		.filter((s) => s !== '')
		.map(Number);
}

/** Where an element variable came from, for pointing compiler messages back at the array. */
interface Origin {
	variable: string;
	/** "[North]": the element, for messages about some elements only. */
	element: string;
	count: number;
	/** Where each part of the element's equation came from, when it is not the text as written. */
	spans?: PrintedSpan[];
}

class ArraysPass {
	readonly diagnostics: Diagnostic[] = [];
	readonly vars = new Map<string, ArrayVar>();
	readonly byId = new Map<string, ArrayVar>();
	readonly origins = new Map<string, Origin>();
	readonly problems = new Problems();
	dims = new Map<string, Dim>();
	rewriter!: Rewriter;
	/** Conveyor outflows by id: they come off a belt and have no equation. */
	readonly #beltEnds: Set<string>;

	constructor(
		readonly model: Model,
		equationBudget: number
	) {
		this.#written = new CodeBudget(
			equationBudget,
			'the model’s equations, written out element by element, would come to more than'
		);
		const byRef = new Map(
			model.variables.flatMap((v) => [[v.id, v] as const, [canonicalName(v.name), v] as const])
		);
		this.#beltEnds = flowsWithoutEquations(model.variables, (ref) => {
			const variable = byRef.get(ref) ?? byRef.get(canonicalName(ref));
			return variable && { variable };
		});
	}

	/** The element equations written so far, against their budget (code-budget.ts). */
	readonly #written: CodeBudget;

	run(): FlattenResult {
		const read = readDimensions(this.model);
		this.dims = read.dims;
		this.diagnostics.push(...read.diagnostics);
		for (const variable of this.model.variables) this.#register(variable);
		const tooMany = arrayBudgetProblem(
			[...this.vars.values()].map((v) => ({ name: v.variable.name, dims: v.dims }))
		);
		if (tooMany) this.#error(tooMany.message, tooMany.variable);
		if (this.diagnostics.some((d) => d.severity === 'error'))
			return { ok: false, diagnostics: this.diagnostics };

		this.rewriter = new Rewriter(this.dims, this.vars);
		const variables: Variable[] = [];
		try {
			for (const variable of this.model.variables) {
				const info = this.vars.get(canonicalName(variable.name ?? ''));
				// A variable the compiler will refuse (no name, a second of the same name) goes through as is.
				if (!info || info.variable !== variable) variables.push(variable);
				else if (info.dims.length === 0) variables.push(this.#scalar(info));
				else for (const element of this.#arrayed(info)) variables.push(element);
			}
		} catch (e) {
			if (!(e instanceof CodeBudgetError)) throw e;
			this.#error(e.message, e.variable);
			return { ok: false, diagnostics: this.diagnostics };
		}
		this.diagnostics.push(...this.problems.diagnostics());
		if (this.diagnostics.some((d) => d.severity === 'error'))
			return { ok: false, diagnostics: this.diagnostics };
		const { dimensions: _dimensions, diagram: _diagram, ...rest } = this.model;
		return {
			ok: true,
			model: { ...rest, variables },
			diagnostics: this.diagnostics,
			relabel: (ds) => this.#relabel(ds)
		};
	}

	#register(variable: Variable): void {
		const key = canonicalName(variable.name ?? '');
		if (!key || this.vars.has(key)) return;
		const dims: Dim[] = [];
		for (const name of Array.isArray(variable.dimensions) ? variable.dimensions : []) {
			const dim = this.dims.get(canonicalName(String(name)));
			if (!dim) {
				const known = [...this.dims.values()].map((d) => `"${d.name}"`).join(', ');
				this.#error(
					`"${variable.name}" is arrayed over "${name}", which is not a dimension of the model${known ? ` (it has ${known})` : ''}`,
					variable.name
				);
			} else if (dims.includes(dim)) {
				// One dimension used again (a transition matrix over Cats × Cats): the later places are
				// told apart by position, so each gets a key of its own (see repeatedDimension).
				dims.push(this.#repeated(dim, dims.filter((d) => d.name === dim.name).length + 1));
			} else dims.push(dim);
		}
		if (!dims.length && variable.elements?.length) {
			this.#error(
				`"${variable.name}" has equations for array elements but no dimensions`,
				variable.name
			);
		}
		const info: ArrayVar = { variable, key, dims };
		this.vars.set(key, info);
		if (variable.id) this.byId.set(variable.id, info);
	}

	readonly #repeats = new Map<string, Dim>();

	/**
	 * The `occurrence`-th use of a dimension in one variable: the same elements under a key of its
	 * own, the same object for every variable, so `m[Cats, Cats]` binds each place separately.
	 * In the equation the dimension's name is its first place, `@2` its second (XMILE 3.7.1.4);
	 * another variable reading `m[Cats, Cats]` gives the element at hand to both.
	 */
	#repeated(dim: Dim, occurrence: number): Dim {
		const key = `${dim.key}@${occurrence}`;
		let repeat = this.#repeats.get(key);
		if (!repeat) this.#repeats.set(key, (repeat = { ...dim, key }));
		return repeat;
	}

	#error(message: string, variable?: string, span?: Span): void {
		this.diagnostics.push({
			severity: 'error',
			message,
			variable,
			start: span?.start,
			end: span?.end
		});
	}

	// ── scalar variables ─────────────────────────────────────────────────────────────────────

	/** A scalar variable keeps its equation unless it picks elements or reduces arrays. */
	#scalar(info: ArrayVar): Variable {
		const variable = info.variable;
		if (variable.kind === 'stock') {
			for (const ref of [...(variable.inflows ?? []), ...(variable.outflows ?? [])]) {
				const flow = this.#flow(ref);
				if (flow && flow.dims.length) {
					this.problems.add(
						variable.name,
						`"${variable.name}" is not arrayed, but its flow "${flow.variable.name}" is arrayed over ${describeDims(flow.dims)}: give the stock the same dimensions, or make a flow that adds up the elements, such as SUM(${flow.variable.name}[*])`
					);
				}
			}
		}
		if (variable.kind === 'stock' && variable.conveyor) {
			const conveyor = this.#conveyorOf(info, variable.conveyor, new Map(), undefined);
			return this.#scalarEquation({ ...info, variable: { ...variable, conveyor } });
		}
		return this.#scalarEquation(info);
	}

	#scalarEquation(info: ArrayVar): Variable {
		const variable = info.variable;
		const source = equationOf(variable);
		if (typeof source !== 'string' || !source.trim()) return variable;
		const ast = this.#parse(source);
		if (!ast) return variable;
		const spans: PrintedSpan[] = [];
		const text = this.#rewrite(info, ast, source, new Map(), undefined, spans);
		if (text === undefined || text === source) return variable;
		this.origins.set(info.key, { variable: variable.name, element: '', count: 1, spans });
		return withEquation(variable, text);
	}

	// ── arrayed variables ────────────────────────────────────────────────────────────────────

	#arrayed(info: ArrayVar): Variable[] {
		const variable = info.variable;
		const tuples = positionsOf(info.dims);
		const own = this.#elementDefinitions(info);
		if (!own) return [];
		const perElement = [...own.values()].some((e) => typeof e.equation === 'string');
		const shared = equationOf(variable);
		const missing = perElement
			? tuples.filter((t) => typeof own.get(keyOf(info.dims, t))?.equation !== 'string')
			: [];
		if (missing.length) {
			const shown = missing.slice(0, 5).map((t) => `[${namesOf(info.dims, t).join(', ')}]`);
			const more = missing.length > 5 ? ` and ${missing.length - 5} more` : '';
			// Vensim lets an equation define some elements only (SDEverywhere's arrays_cname): the
			// rest are 0, and the modeller is told which.
			this.problems.add(
				variable.name,
				`"${variable.name}" gives equations element by element, but none for ${shown.join(', ')}${more}: ${missing.length === 1 ? 'that element is' : 'those elements are'} 0`,
				undefined,
				undefined,
				'warning'
			);
		}
		const undefinedElement = (key: string) =>
			perElement && typeof own.get(key)?.equation !== 'string';
		const listed = perElement ? undefined : numberList(shared);
		if (listed && listed.length !== tuples.length) {
			this.problems.add(
				variable.name,
				`"${variable.name}" lists ${listed.length} numbers but has ${tuples.length} elements (${describeDims(info.dims)})`
			);
			return [];
		}
		// A conveyor's outflow comes off its belt, and has no equation to rewrite.
		const noEquation = variable.kind === 'gf' || this.#beltEnds.has(variable.id);
		const sharedAst =
			perElement || listed || noEquation ? undefined : this.#parseOrReport(variable, shared);
		if (!perElement && !listed && !noEquation && !sharedAst) return [];

		return tuples.map((tuple, i) => {
			const names = namesOf(info.dims, tuple);
			const name = elementName(variable.name, names);
			const element = own.get(keyOf(info.dims, tuple));
			const label = `[${names.join(', ')}]`;
			const binding = new Map(info.dims.map((d, j) => [d.key, tuple[j]]));
			let text: string | undefined;
			if (listed) text = String(listed[i]);
			else if (undefinedElement(keyOf(info.dims, tuple))) text = '0';
			else if (!noEquation) {
				const source = perElement ? element!.equation! : shared!;
				const ast = perElement ? this.#parseOrReport(variable, source, label) : sharedAst;
				const spans: PrintedSpan[] = [];
				text = ast ? this.#rewrite(info, ast, source, binding, label, spans) : undefined;
				if (text) {
					this.#written.add(text, variable.name);
					// One equation shared by every element writes out much the same text for each:
					// the first tells whether all of them would pass the budget, before they are made.
					if (i === 0 && !perElement)
						this.#written.expect(text.length * (tuples.length - 1), variable.name);
				}
				this.origins.set(canonicalName(name), {
					variable: variable.name,
					element: label,
					count: tuples.length,
					spans: text === source ? undefined : spans
				});
			}
			return this.#elementVariable(info, names, binding, label, text ?? '', element);
		});
	}

	/** The variable's own element definitions by subscript; undefined (reported) if any is wrong. */
	#elementDefinitions(info: ArrayVar): Map<string, ArrayElement> | undefined {
		const own = new Map<string, ArrayElement>();
		const variable = info.variable;
		let ok = true;
		for (const element of Array.isArray(variable.elements) ? variable.elements : []) {
			const subscript = Array.isArray(element?.subscript) ? element.subscript.map(String) : [];
			const written = `[${subscript.join(', ')}]`;
			if (subscript.length !== info.dims.length) {
				this.problems.add(
					variable.name,
					`the element ${written} of "${variable.name}" needs ${info.dims.length} element name${info.dims.length === 1 ? '' : 's'} (${describeDims(info.dims)})`
				);
				ok = false;
				continue;
			}
			const tuple: number[] = [];
			subscript.forEach((name, j) => {
				const position = info.dims[j].position.get(canonicalName(name));
				if (position === undefined) {
					this.problems.add(
						variable.name,
						`the element ${written} of "${variable.name}": "${name}" is not an element of "${info.dims[j].name}"`
					);
					ok = false;
				}
				tuple.push(position ?? -1);
			});
			if (tuple.includes(-1)) continue;
			const key = keyOf(info.dims, tuple);
			if (own.has(key)) {
				this.problems.add(
					variable.name,
					`the element ${written} of "${variable.name}" is defined twice`
				);
				ok = false;
			}
			own.set(key, element);
		}
		return ok ? own : undefined;
	}

	#elementVariable(
		info: ArrayVar,
		names: string[],
		binding: Map<string, number>,
		label: string,
		text: string,
		element: ArrayElement | undefined
	): Variable {
		const { dimensions: _d, elements: _e, position: _p, ...base } = info.variable;
		const common = {
			...base,
			id: elementName(info.variable.id, names),
			name: elementName(info.variable.name, names)
		};
		const graphical =
			element?.graphical ?? ('graphical' in info.variable ? info.variable.graphical : undefined);
		switch (base.kind) {
			case 'stock': {
				const stock = info.variable as Stock;
				const scope = this.#scope(info, binding, '');
				return {
					...(common as Stock),
					...(stock.conveyor && {
						conveyor: this.#conveyorOf(info, stock.conveyor, binding, label)
					}),
					initial: text,
					inflows: (stock.inflows ?? []).map((ref) => this.#elementFlow(info, ref, scope, label)),
					outflows: (stock.outflows ?? []).map((ref) => this.#elementFlow(info, ref, scope, label))
				};
			}
			case 'flow':
			case 'aux':
				return {
					...common,
					kind: base.kind,
					equation: text,
					...(graphical && { graphical })
				} as Variable;
			case 'gf':
				return { ...common, kind: 'gf', graphical: graphical! } as Variable;
		}
	}

	/** The element of a stock's flow that fills or drains this element of the stock. */
	#elementFlow(stock: ArrayVar, ref: string, scope: Scope, label: string): string {
		const flow = this.#flow(ref);
		// A flow the model lacks is the compiler's to report, as for any stock.
		if (!flow) return ref;
		if (flow.dims.length === 0) {
			this.problems.add(
				stock.variable.name,
				`"${stock.variable.name}" is arrayed over ${describeDims(stock.dims)}, but its flow "${flow.variable.name}" is not arrayed: give the flow the same dimensions, so each element of the stock has its own`
			);
			return ref;
		}
		try {
			return elementName(flow.variable.id, this.rewriter.elementOf(flow, scope));
		} catch (e) {
			if (!(e instanceof ArrayError)) throw e;
			this.problems.add(
				stock.variable.name,
				`the flow "${flow.variable.name}" of "${stock.variable.name}": ${e.message.replace(/: give a subscript.*$/, '')}`,
				undefined,
				label,
				'error',
				elementCount(stock.dims)
			);
			return ref;
		}
	}

	#flow(ref: string): ArrayVar | undefined {
		const found = this.byId.get(ref) ?? this.vars.get(canonicalName(ref));
		return found?.variable.kind === 'flow' ? found : undefined;
	}

	// ── equations ────────────────────────────────────────────────────────────────────────────

	#scope(owner: ArrayVar, binding: Map<string, number>, source: string): Scope {
		return { owner, binding, levels: [], source, state: { changed: false } };
	}

	/** The equation rewritten for one element, or undefined if it cannot be (reported). */
	#rewrite(
		owner: ArrayVar,
		ast: Expr,
		source: string,
		binding: Map<string, number>,
		label: string | undefined,
		spans?: PrintedSpan[]
	): string | undefined {
		const scope = this.#scope(owner, binding, source);
		try {
			const rewritten = this.rewriter.rewrite(ast, scope);
			return scope.state.changed ? printExpr(rewritten, spans) : source;
		} catch (e) {
			if (e instanceof RangeError) {
				this.problems.add(
					owner.variable.name,
					'the equation is too deeply nested to read',
					undefined,
					label
				);
				return undefined;
			}
			if (!(e instanceof ArrayError)) throw e;
			this.problems.add(
				owner.variable.name,
				e.message,
				e.span,
				label,
				'error',
				elementCount(owner.dims)
			);
			return undefined;
		}
	}

	#parse(source: string): Expr | undefined {
		try {
			return parseEquation(source);
		} catch (e) {
			// The compiler reports equations it cannot read, with their position.
			if (e instanceof ParseError || e instanceof RangeError) return undefined;
			throw e;
		}
	}

	/** A conveyor's settings for one element (or a scalar conveyor's, in an arrayed model). */
	#conveyorOf(
		info: ArrayVar,
		conveyor: Conveyor,
		binding: Map<string, number>,
		label: string | undefined
	): Conveyor {
		const rewritten = { ...conveyor };
		for (const key of CONVEYOR_SETTINGS) {
			const source = conveyor[key];
			if (typeof source !== 'string' || !source.trim()) continue;
			const ast = this.#parseOrReport(info.variable, source, label);
			const text = ast && this.#rewrite(info, ast, source, binding, label);
			if (text !== undefined) rewritten[key] = text;
		}
		return rewritten;
	}

	#parseOrReport(variable: Variable, source: string | undefined, label?: string): Expr | undefined {
		const what = variable.kind === 'stock' ? 'initial value' : 'equation';
		if (typeof source !== 'string' || !source.trim()) {
			this.problems.add(variable.name, `the ${what} is empty`, undefined, label);
			return undefined;
		}
		try {
			return parseEquation(source);
		} catch (e) {
			if (e instanceof RangeError) {
				this.problems.add(
					variable.name,
					`the ${what} is too deeply nested to read`,
					undefined,
					label
				);
				return undefined;
			}
			if (!(e instanceof ParseError)) throw e;
			this.problems.add(variable.name, `cannot read the ${what}: ${e.message}`, e, label);
			return undefined;
		}
	}

	// ── messages ─────────────────────────────────────────────────────────────────────────────

	/**
	 * The compiler's messages about element variables, told about their arrays instead: one
	 * message for all the elements it concerns, pointing at what the user wrote.
	 */
	#relabel(diagnostics: Diagnostic[]): Diagnostic[] {
		const problems = new Problems();
		const out: Diagnostic[] = [];
		for (const d of diagnostics) {
			const origin =
				d.variable === undefined ? undefined : this.origins.get(canonicalName(d.variable));
			if (!origin) {
				out.push(d);
				continue;
			}
			const at =
				d.start !== undefined && d.end !== undefined ? { start: d.start, end: d.end } : undefined;
			const span = at && (origin.spans ? originalSpan(origin.spans, at) : at);
			problems.add(origin.variable, d.message, span, origin.element, d.severity, origin.count);
		}
		return [...out, ...problems.diagnostics()];
	}
}

/**
 * Messages gathered per variable, so that a mistake in an apply-to-all equation is one message,
 * not one per element; messages about some elements only say which.
 */
class Problems {
	readonly #groups = new Map<
		string,
		{
			variable: string;
			message: string;
			span?: Span;
			severity: Diagnostic['severity'];
			elements: string[];
			count?: number;
		}
	>();

	add(
		variable: string,
		message: string,
		span?: Span,
		element?: string,
		severity: Diagnostic['severity'] = 'error',
		count?: number
	): void {
		const key = [variable, severity, message, span?.start, span?.end].join('\u0000');
		const group = this.#groups.get(key) ?? {
			variable,
			message,
			span,
			severity,
			elements: [],
			count
		};
		if (element && !group.elements.includes(element)) group.elements.push(element);
		this.#groups.set(key, group);
	}

	diagnostics(): Diagnostic[] {
		return [...this.#groups.values()].map((g) => {
			const some = g.elements.length > 0 && g.elements.length !== g.count;
			const shown =
				g.elements.slice(0, 3).join(', ') +
				(g.elements.length > 3 ? ` and ${g.elements.length - 3} more` : '');
			const message = some
				? `${g.message} (element${g.elements.length === 1 ? '' : 's'} ${shown})`
				: g.message;
			return {
				severity: g.severity,
				message,
				variable: g.variable,
				...(g.span && { start: g.span.start, end: g.span.end })
			};
		});
	}
}

function withEquation(variable: Variable, text: string): Variable {
	if (variable.kind === 'stock') return { ...variable, initial: text };
	if (variable.kind === 'gf') return variable;
	return { ...variable, equation: text };
}

/** Every element's positions, the last dimension varying fastest. */
function positionsOf(dims: readonly Dim[]): number[][] {
	let rows: number[][] = [[]];
	for (const dim of dims) rows = rows.flatMap((row) => dim.elements.map((_, i) => [...row, i]));
	return rows;
}

function elementCount(dims: readonly Dim[]): number {
	return dims.reduce((n, d) => n * d.elements.length, 1);
}

function namesOf(dims: readonly Dim[], tuple: readonly number[]): string[] {
	return tuple.map((p, j) => dims[j].elements[p]);
}

function keyOf(dims: readonly Dim[], tuple: readonly number[]): string {
	return tuple.map((p, j) => dims[j].elementKeys[p]).join('\u0000');
}
