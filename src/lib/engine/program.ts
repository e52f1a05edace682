/**
 * A compiled model ready to run: generated functions for the init phase, the rates (one
 * evaluation of every auxiliary and flow, then the stock derivatives) and the after-step updates,
 * driven by the integrators in integrate.ts.
 */
import { InputError } from '../model/diagnostics';
import { canonicalName } from '../model/names';
import type { SimSpecs } from '../model/types';
import type { RunOptions, RunResult, Simulation } from './api';
import { BUILTINS } from './builtins';
import { CodeBudget } from './code-budget';
import { buildFunction, emit, nodeRef } from './codegen';
import type { CompiledModel } from './compile';
import { integrate, type PhaseFunction } from './integrate';
import type { IR, Node } from './ir';
import { closestNames } from './names';
import { Runtime } from './runtime';
import { checkSimSpecs, schedule } from './sim-specs';

export interface GeneratedCode {
	init: string[];
	rates: string[];
	post: string[];
}

/** Statements for each phase, from the IR only (see codegen.ts). */
export function generate(
	compiled: CompiledModel,
	budget: CodeBudget = new CodeBudget()
): GeneratedCode {
	const { nodes } = compiled;
	const e = (ir: Parameters<typeof emit>[0]) => emit(ir, nodes);
	const value = (node: Node, code: string) => (node.uniflow ? `Math.max(0, ${code})` : code);

	const init: string[] = [];
	for (const id of compiled.initOrder) {
		const node = nodes[id];
		const formula = node.initExpr ?? node.expr;
		if (!formula) continue;
		init.push(budget.add(`${nodeRef(node)} = ${value(node, e(formula))};`, node.name));
		if (node.conveyor) init.push(beltFill(node, nodes));
		if (node.post?.kind === 'pipeline')
			init.push(`rt.initPipe(${node.post.pipe}, ${nodeRef(node)});`);
	}

	const rates: string[] = [];
	for (const id of compiled.rateOrder) {
		if (id >= nodes.length) {
			const stock = nodes[id - nodes.length];
			rates.push(stock.conveyor ? beltAdmission(stock, nodes) : outflowLimit(stock, nodes));
			continue;
		}
		const node = nodes[id];
		rates.push(budget.add(`${nodeRef(node)} = ${value(node, e(node.expr!))};`, node.name));
	}
	for (const node of nodes) {
		if (node.kind !== 'stock') continue;
		const d = `d[${node.slot}]`;
		if (node.rate) {
			rates.push(budget.add(`${d} = ${e(node.rate)};`, node.name));
			continue;
		}
		const terms = [
			...node.inflows.map((f) => ` + ${nodeRef(nodes[f])}`),
			...node.outflows.map((f) => ` - ${nodeRef(nodes[f])}`)
		];
		rates.push(
			budget.add(
				`${d} = ${terms.length ? terms.join('').replace(/^ \+ /, '').replace(/^ - /, '-') : '0'};`,
				node.name
			)
		);
	}

	const post: string[] = [];
	for (const node of nodes) {
		if (node.post?.kind === 'previous')
			post.push(`${nodeRef(node)} = v1[${nodes[node.post.source].slot}];`);
		if (node.post?.kind === 'pipeline')
			post.push(`rt.record(${node.post.pipe}, v1[${nodes[node.post.source].slot}]);`);
		if (node.conveyor) post.push(beltAdvance(node, nodes));
	}
	return { init, rates, post };
}

/**
 * A non-negative stock's outflows (Stella's rule, isee help "Flow prioritization"): each outflow,
 * in priority order, takes at most what the stock holds plus what flows in during this DT;
 * what one outflow takes the next cannot.
 */
function outflowLimit(stock: Node, nodes: readonly Node[]): string {
	const inflows = stock.inflows.map((f) => ` + ${nodeRef(nodes[f])}`).join('');
	const limits = stock.outflows.map((f) => {
		const out = nodeRef(nodes[f]);
		return `if (${out} > a) ${out} = a; a -= ${out};`;
	});
	return `{ let a = ${nodeRef(stock)} / dt${inflows}; if (a < 0) a = 0; ${limits.join(' ')} }`;
}

/** The belt laid with the stock's initial value, at the transit time and leaks of the start. */
function beltFill(stock: Node, nodes: readonly Node[]): string {
	const c = stock.conveyor!;
	const args = [c.transitTime, ...c.fractions].map((ir) => emit(ir, nodes));
	return `rt.conveyorFill(${c.belt}, ${nodeRef(stock)}, ${args.join(', ')});`;
}

/**
 * A conveyor's inflows cut, in the order listed, to the room on its belt this step (capacity,
 * inflow limit, arrest; see Belt.room); an inflow is never negative (XMILE 1.0 §4.2.1).
 */
function beltAdmission(stock: Node, nodes: readonly Node[]): string {
	const c = stock.conveyor!;
	const e = (ir: IR) => emit(ir, nodes);
	const leaving = c.leaving.map((f) => nodeRef(nodes[f])).join(' + ') || '0';
	const cuts = stock.inflows.map((f) => {
		const flow = nodeRef(nodes[f]);
		return `if (${flow} < 0) ${flow} = 0; if (${flow} > a) ${flow} = a; a -= ${flow};`;
	});
	return `{ let a = rt.conveyorRoom(${c.belt}, t, ${e(c.capacity)}, ${e(c.inflowLimit)}, ${e(c.arrest)}, ${nodeRef(stock)}, ${leaving}); ${cuts.join(' ')} }`;
}

/** After the step: the belt moves on and this step's admitted inflow comes on. */
function beltAdvance(stock: Node, nodes: readonly Node[]): string {
	const c = stock.conveyor!;
	// The step's own values (stage 1 under RK), as PREVIOUS reads them.
	const at = (ir: IR) =>
		ir.k === 'node' && nodes[ir.id].kind !== 'const' && nodes[ir.id].kind !== 'stock'
			? `v1[${nodes[ir.id].slot}]`
			: emit(ir, nodes);
	const inflow = stock.inflows.map((f) => `v1[${nodes[f].slot}]`).join(' + ') || '0';
	return `rt.conveyorAdvance(${c.belt}, t, ${inflow}, ${at(c.transitTime)}, ${at(c.sample)}, ${at(c.arrest)});`;
}

/** A trace (Program.trace): the raw rows and the run's constants and schedule. */
export interface ProgramTrace {
	raw: ReturnType<typeof integrate>;
	constants: Float64Array;
	dt: number;
	start: number;
	stop: number;
	steps: number;
	/** The run's tables and clock, for code that re-evaluates its equations (loops/scoring-code.ts). */
	runtime: Runtime;
}

export const BUILTIN_FUNCTIONS: Record<string, (...a: number[]) => number> = Object.fromEntries(
	BUILTINS.filter((b) => b.kind === 'pure').map((b) => [
		b.name,
		b.kind === 'pure' ? b.evaluate : () => NaN
	])
);

export class Program implements Simulation {
	readonly constants: readonly string[];
	readonly outputs: readonly string[];
	readonly #runtime: Runtime;
	readonly #init: PhaseFunction;
	readonly #rates: PhaseFunction;
	readonly #post: PhaseFunction | undefined;
	readonly #baseConstants: Float64Array;
	readonly #counts: { s: number; v: number; c: number };
	readonly #outputIndex = new Map<string, number>();
	/** An arrayed variable's element outputs by its own name: "rate" → ["rate[north]", "rate[south]"]. */
	readonly #elementsOf = new Map<string, string[]>();

	constructor(
		readonly compiled: CompiledModel,
		readonly simSpecs: SimSpecs,
		readonly code: GeneratedCode = generate(compiled)
	) {
		const { nodes } = compiled;
		this.#counts = {
			s: nodes.filter((n) => n.kind === 'stock').length,
			c: nodes.filter((n) => n.kind === 'const').length,
			v: nodes.filter((n) => n.kind !== 'stock' && n.kind !== 'const' && n.aliasOf === undefined)
				.length
		};
		this.#baseConstants = new Float64Array(this.#counts.c);
		for (const n of nodes) if (n.kind === 'const') this.#baseConstants[n.slot] = n.value!;
		this.#runtime = new Runtime(
			compiled.tables,
			compiled.pipeCount,
			compiled.randomCount,
			compiled.belts
		);
		this.#init = buildFunction(code.init, this.#runtime, BUILTIN_FUNCTIONS);
		this.#rates = buildFunction(code.rates, this.#runtime, BUILTIN_FUNCTIONS);
		this.#post = code.post.length
			? buildFunction(code.post, this.#runtime, BUILTIN_FUNCTIONS)
			: undefined;
		this.outputs = compiled.outputs.map((o) => o.name);
		compiled.outputs.forEach((o, i) => {
			const key = canonicalName(o.name);
			this.#outputIndex.set(key, i);
			const bracket = key.indexOf('[');
			if (bracket > 0 && key.endsWith(']')) {
				// Pushed, not copied: copying the list per element made 50,000-element arrays take
				// minutes to load (quadratic).
				const base = key.slice(0, bracket);
				const list = this.#elementsOf.get(base);
				if (list) list.push(key);
				else this.#elementsOf.set(base, [key]);
			}
		});
		const byNode = new Map(compiled.outputs.map((o) => [o.node, o.name]));
		this.constants = [...compiled.overridable.entries()].map(
			([canonical, id]) => byNode.get(id) ?? nodes[id].owner ?? canonical
		);
	}

	run(options: RunOptions = {}): RunResult {
		const { raw, constants, chosen } = this.#integrate(options, false);
		return this.#results(raw, constants, chosen);
	}

	/**
	 * A run that keeps every node's value (internal ones too) at each saved time and at the step
	 * before it: what the loops analysis (loops/trace.ts) scores links from. `outputs` is ignored.
	 */
	trace(options: RunOptions = {}): ProgramTrace {
		const { raw, constants, plan } = this.#integrate({ ...options, outputs: undefined }, true);
		const { dt, start, stop, steps } = plan;
		return { raw, constants, dt, start, stop, steps, runtime: this.#runtime };
	}

	#integrate(options: RunOptions, keepPrevious: boolean) {
		const specs: SimSpecs = { ...this.simSpecs };
		for (const key of ['method', 'dt', 'saveStep', 'start', 'stop'] as const) {
			if (options[key] !== undefined)
				(specs as unknown as Record<string, unknown>)[key] = options[key];
		}
		// A new DT without a new save interval keeps the model's interval where it is a whole
		// multiple of the new DT, and otherwise saves every step.
		if (options.dt !== undefined && options.saveStep === undefined) {
			const modelInterval = this.simSpecs.saveStep ?? this.simSpecs.dt;
			specs.saveStep = isWholeMultiple(modelInterval, options.dt) ? modelInterval : options.dt;
		}
		const problems = checkSimSpecs(specs);
		if (problems.length) throw new InputError(problems[0].message, problems);
		const plan = schedule(specs);
		const cells = plan.rows * (this.#counts.s + this.#counts.v);
		if (cells > 200_000_000) {
			throw new InputError(
				`the run would save ${plan.rows.toLocaleString('en-GB')} rows of ${this.outputs.length} variables, too many to hold: use a longer save interval`
			);
		}
		const chosen = this.#chosenOutputs(options.outputs);
		const constants = this.#constantsWith(options.overrides);
		const seed = options.seed ?? specs.seed ?? Math.floor(Math.random() * 2 ** 32);
		this.#runtime.begin(plan.start, plan.stop, plan.dt, plan.steps, seed);
		const raw = integrate({
			plan,
			method: specs.method ?? 'euler',
			counts: this.#counts,
			constants,
			init: this.#init,
			rates: this.#rates,
			post: this.#post,
			runtime: this.#runtime,
			hasRandom: this.compiled.randomCount > 0,
			nonNegativeSlots: this.compiled.nodes
				.filter((n) => n.kind === 'stock' && n.nonNegative)
				.map((n) => n.slot),
			findNonFinite: (s, v) => this.#findNonFinite(s, v),
			keep: chosen && this.#slotsToKeep(chosen),
			keepPrevious
		});
		return { raw, constants, chosen, plan };
	}

	seriesOf(result: RunResult, name: string): Float64Array | undefined {
		const index = result.names.findIndex((n) => canonicalName(n) === canonicalName(name));
		return index < 0 ? undefined : result.series[index];
	}

	/** Indices into the outputs of the names asked for, or undefined for all of them. */
	#chosenOutputs(names: readonly string[] | undefined): number[] | undefined {
		return names?.map((name) => {
			const index = this.#outputIndex.get(canonicalName(name));
			if (index === undefined)
				throw new InputError(
					`there is no saved variable called "${name}"${suggest(name, this.outputs)}`
				);
			return index;
		});
	}

	/** The state and value slots a run must save for the chosen outputs (constants are filled in after). */
	#slotsToKeep(chosen: readonly number[]): { state: Int32Array; values: Int32Array } {
		const { nodes, outputs } = this.compiled;
		const picked = chosen.map((i) => nodes[outputs[i].node]).filter((n) => n.kind !== 'const');
		return {
			state: Int32Array.from(
				picked.filter((n) => n.kind === 'stock'),
				(n) => n.slot
			),
			values: Int32Array.from(
				picked.filter((n) => n.kind !== 'stock'),
				(n) => n.slot
			)
		};
	}

	#constantsWith(overrides: RunOptions['overrides']): Float64Array {
		const constants = this.#baseConstants.slice();
		const entries = overrides instanceof Map ? [...overrides] : Object.entries(overrides ?? {});
		const sets = entries.map(([name, value]) => {
			if (typeof value !== 'number' || !Number.isFinite(value))
				throw new InputError(
					`the value for "${name}" must be a finite number, not ${String(value)}`
				);
			return { ids: this.#overridden(name), value };
		});
		// Whole arrayed variables first, so an element's own override wins whatever the order.
		sets.sort((a, b) => Number(b.ids.length > 1) - Number(a.ids.length > 1));
		for (const { ids, value } of sets)
			for (const id of ids) constants[this.compiled.nodes[id].slot] = value;
		return constants;
	}

	/**
	 * The constants an override sets: the one it names, or every element of an arrayed constant
	 * named without a subscript ("Length of Stay" sets Length of Stay[North], [South], …).
	 */
	#overridden(name: string): number[] {
		const key = canonicalName(name);
		const id = this.compiled.overridable.get(key);
		if (id !== undefined) return [id];
		const elements = this.#elementsOf.get(key);
		if (elements) {
			const notConstant = elements.find((e) => !this.compiled.overridable.has(e));
			if (notConstant !== undefined) {
				const shown = this.outputs[this.#outputIndex.get(notConstant)!];
				throw new InputError(
					`"${name}" cannot be set as a whole: its element ${shown} is not a constant (its equation is more than a number)`
				);
			}
			return elements.map((e) => this.compiled.overridable.get(e)!);
		}
		const message = this.#outputIndex.has(key)
			? `"${name}" is not a constant (its equation is more than a number), so it cannot be set`
			: `there is no constant called "${name}"${suggest(name, this.constants)}`;
		throw new InputError(message);
	}

	/** The first variable, in evaluation order, whose value is NaN or infinite. */
	#findNonFinite(
		s: Float64Array,
		v: Float64Array
	): { name: string; value: number; inState: boolean } | undefined {
		const { nodes, rateOrder } = this.compiled;
		for (const id of rateOrder) {
			if (id >= nodes.length) continue;
			const x = v[nodes[id].slot];
			if (!Number.isFinite(x)) return { name: nodes[id].owner, value: x, inState: false };
		}
		for (const n of nodes) {
			if (n.kind === 'memory' && !Number.isFinite(v[n.slot]))
				return { name: n.owner, value: v[n.slot], inState: false };
			if (n.kind === 'stock' && !Number.isFinite(s[n.slot]))
				return { name: n.owner, value: s[n.slot], inState: true };
		}
		return undefined;
	}

	/** Columns of the saved rows: every output, or the chosen ones when the run kept only their slots. */
	#results(
		raw: ReturnType<typeof integrate>,
		constants: Float64Array,
		chosen?: readonly number[]
	): RunResult {
		const { nodes, outputs } = this.compiled;
		const rows = raw.rows;
		const shown = chosen ?? outputs.map((_, i) => i);
		// Every output's column is a view into one buffer, so a worker can transfer the whole
		// result as a single ArrayBuffer.
		const columns = new Float64Array(rows * shown.length);
		const series = shown.map((_, k) => columns.subarray(k * rows, (k + 1) * rows));
		const stateOutputs: number[] = [];
		const valueOutputs: number[] = [];
		shown.forEach((o, k) => {
			const node = nodes[outputs[o].node];
			if (node.kind === 'const') series[k].fill(constants[node.slot]);
			else (node.kind === 'stock' ? stateOutputs : valueOutputs).push(k);
		});
		// A full run saved whole rows, read at each node's slot; a chosen run saved the kept slots in order.
		const column = (list: number[]) => (k: number) =>
			chosen ? list.indexOf(k) : nodes[outputs[shown[k]].node].slot;
		transpose(
			raw.savedState,
			chosen ? stateOutputs.length : this.#counts.s,
			stateOutputs,
			column(stateOutputs),
			columns,
			rows
		);
		transpose(
			raw.savedValues,
			chosen ? valueOutputs.length : this.#counts.v,
			valueOutputs,
			column(valueOutputs),
			columns,
			rows
		);
		return { times: raw.times, names: shown.map((i) => this.outputs[i]), series, error: raw.error };
	}
}

/**
 * Saved rows hold every value side by side; each output wants a column. Copying 16 rows at a time
 * keeps both the rows read and the columns written in cache (a column at a time took a quarter
 * of a 1,000-stock run).
 */
function transpose(
	saved: Float64Array,
	width: number,
	outputIndices: readonly number[],
	slotOf: (output: number) => number,
	columns: Float64Array,
	rows: number
): void {
	const TILE = 16;
	const slots = Int32Array.from(outputIndices, slotOf);
	const targets = Int32Array.from(outputIndices, (i) => i * rows);
	for (let r0 = 0; r0 < rows; r0 += TILE) {
		const r1 = Math.min(rows, r0 + TILE);
		for (let j = 0; j < slots.length; j++) {
			const slot = slots[j];
			const target = targets[j];
			for (let r = r0; r < r1; r++) columns[target + r] = saved[r * width + slot];
		}
	}
}

function isWholeMultiple(interval: number, dt: number): boolean {
	const ratio = interval / dt;
	return ratio >= 1 && Math.abs(ratio - Math.round(ratio)) < 1e-6;
}

function suggest(name: string, known: readonly string[]): string {
	const close = closestNames(name, known);
	return close.length ? `; did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : '';
}
