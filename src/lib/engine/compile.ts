/**
 * Model → Program: parse every equation once, resolve names, expand stateful builtins into
 * internal nodes, order each phase by dependency, and generate one function per phase.
 *
 *   document model ─ parse ─ resolve & expand ─ order ─ generate ─▶ Program (see program.ts)
 *
 * This file resolves names and calls; a builtin expands itself through expansion-context.ts,
 * values fixed at the start are folded by fold.ts, phases are ordered (and loops reported) by
 * phase-order.ts, and slots.ts lays out the run's arrays.
 */
import type { Diagnostic } from '../model/diagnostics';
import { canonicalName } from '../model/names';
import type { GraphicalFunction, Model, Stock, Variable } from '../model/types';
import type { BeltSettings } from './conveyor-belt';
import { beltOutflows, compileConveyors, queueTakers, strayLeaks } from './conveyors';
import { findBuiltin, LOOKUP_MODES, LOOKUP_NAMES, RUN_CONSTANTS, BUILTINS } from './builtins';
import type { ExpandContext } from './builtins/types';
import { isInternal } from './flatten/internal';
import { irLeftSpine, type IR, type Node, type NodeKind } from './ir';
import { closestNames } from './names';
import { leftSpine, ParseError, type Expr, type Span } from './parse/ast';
import { unquotedName, unquotedNameMessage } from './parse/equation-names';
import { parseEquation } from './parse/parser';
import { CompileError } from './compile-error';
import { expansionContext } from './expansion-context';
import { valueAtStart } from './fold';
import { orderPhases } from './phase-order';
import type { Table } from './runtime';
import { assignSlots, shareAliases } from './slots';
import { checkSimSpecs } from './sim-specs';

/** A user variable as the compiler sees it. */
interface Entry {
	variable: Variable;
	canonical: string;
	/** Its node; absent for pure tables (standalone graphical functions). */
	node?: Node;
	table?: number;
	ast?: Expr;
	state: 'new' | 'resolving' | 'done' | 'failed';
}

export interface CompiledModel {
	nodes: Node[];
	tables: Table[];
	pipeCount: number;
	randomCount: number;
	/** Each conveyor's belt, by index (ConveyorNode.belt). */
	belts: BeltSettings[];
	/** Constants by canonical name (aux constants, and stocks whose initial value is a constant). */
	overridable: Map<string, number>;
	/** User variables in model order, for results. */
	outputs: { name: string; node: number }[];
	initOrder: number[];
	/**
	 * Rates-phase order. An id of nodes.length + s stands for the outflow limit of non-negative
	 * stock s (see limitId): it comes after the stock's flows and before anything that reads them.
	 */
	rateOrder: number[];
	diagnostics: Diagnostic[];
}

export function compileToNodes(
	model: Model
): { ok: true; compiled: CompiledModel } | { ok: false; diagnostics: Diagnostic[] } {
	return new ModelCompiler(model).compile();
}

class ModelCompiler {
	readonly diagnostics: Diagnostic[] = [];
	readonly nodes: Node[] = [];
	readonly tables: Table[] = [];
	readonly entries: Entry[] = [];
	readonly byCanonical = new Map<string, Entry>();
	readonly byId = new Map<string, Entry>();
	readonly overridable = new Map<string, number>();
	pipeCount = 0;
	randomCount = 0;
	belts: BeltSettings[] = [];

	constructor(readonly model: Model) {}

	flowEntry(ref: string): Entry | undefined {
		return this.byId.get(ref) ?? this.byCanonical.get(canonicalName(ref));
	}

	compileConveyors(): BeltSettings[] {
		this.diagnostics.push(...strayLeaks(this.model.variables));
		const stocks = this.entries.filter(
			(e): e is Entry & { variable: Stock; node: Node } =>
				e.variable.kind === 'stock' && !!e.variable.conveyor && !!e.node && e.state === 'done'
		);
		if (stocks.length && this.model.simSpecs.method && this.model.simSpecs.method !== 'euler')
			this.diagnostics.push({
				severity: 'warning',
				variable: stocks[0].variable.name,
				message: `conveyors move once a DT, so they run as under Euler whatever the method; ${this.model.simSpecs.method.toUpperCase()} may disagree with Stella here`
			});
		return compileConveyors(stocks, {
			nodes: this.nodes,
			flowOf: (ref) => this.flowEntry(ref),
			expression: (source, owner, what) => {
				const entry = this.byCanonical.get(canonicalName(owner.name))!;
				try {
					return this.toIR(parseEquation(source), entry);
				} catch (e) {
					if (!(e instanceof ParseError || e instanceof CompileError)) throw e;
					this.error(`the conveyor's ${what}: ${e.message}`, owner.name);
					return undefined;
				}
			},
			addNode: (kind, name, owner) => this.addNode(kind, name, owner, true),
			report: (d) => this.diagnostics.push(d)
		});
	}

	compile(): { ok: true; compiled: CompiledModel } | { ok: false; diagnostics: Diagnostic[] } {
		this.diagnostics.push(...checkSimSpecs(this.model.simSpecs));
		this.collectVariables();
		// A conveyor's outflow comes off its belt: it has no equation to parse.
		const beltEnds = beltOutflows(this.model.variables, (ref) => this.flowEntry(ref));
		const takers = queueTakers(this.model.variables, (ref) => this.flowEntry(ref));
		for (const entry of this.entries) {
			if (entry.variable.kind === 'flow' && beltEnds.has(entry.variable.id)) continue;
			if (entry.node && takers.has(entry.variable.id)) {
				// It takes all the queue may give (and the conveyor it fills admits): its limits cut it.
				entry.node.expr = { k: 'num', v: Infinity };
				entry.node.initExpr = { k: 'num', v: 0 };
				entry.state = 'done';
				continue;
			}
			this.parse(entry);
		}
		for (const entry of this.entries) this.resolve(entry);
		for (const entry of this.entries) if (entry.variable.kind === 'stock') this.connectFlows(entry);
		this.reportSharedOutflows();
		this.belts = this.compileConveyors();
		this.warnAboutLooseFlows();
		if (this.diagnostics.some((d) => d.severity === 'error'))
			return { ok: false, diagnostics: this.diagnostics };

		const ordered = orderPhases(this.nodes, (message, name) => this.error(message, name));
		if (this.diagnostics.some((d) => d.severity === 'error'))
			return { ok: false, diagnostics: this.diagnostics };
		const { initOrder, rateOrder } = shareAliases(this.nodes, ordered);
		assignSlots(this.nodes);
		return {
			ok: true,
			compiled: {
				nodes: this.nodes,
				tables: this.tables,
				pipeCount: this.pipeCount,
				randomCount: this.randomCount,
				belts: this.belts,
				overridable: this.overridable,
				// Variables flattening made up (a macro call's copies) run but are not shown.
				outputs: this.entries
					.filter((e) => e.node && !isInternal(e.variable))
					.map((e) => ({ name: e.variable.name, node: e.node!.id })),
				initOrder,
				rateOrder,
				diagnostics: this.diagnostics
			}
		};
	}

	error(message: string, variable?: string, span?: Span): void {
		this.diagnostics.push({
			severity: 'error',
			message,
			variable,
			start: span?.start,
			end: span?.end
		});
	}

	// ── variables and tables ─────────────────────────────────────────────────────────────────

	collectVariables(): void {
		for (const variable of this.model.variables) {
			const canonical = canonicalName(variable.name ?? '');
			if (!canonical) {
				this.error(`a ${variable.kind} has no name${variable.id ? ` (id "${variable.id}")` : ''}`);
				continue;
			}
			const clash = this.byCanonical.get(canonical);
			if (clash) {
				this.error(
					`two variables have the same name: "${clash.variable.name}" and "${variable.name}" (names ignore case, spaces and underscores)`,
					variable.name
				);
				continue;
			}
			const entry: Entry = { variable, canonical, state: 'new' };
			this.entries.push(entry);
			this.byCanonical.set(canonical, entry);
			if (variable.id) this.byId.set(variable.id, entry);
			if ('graphical' in variable && variable.graphical)
				entry.table = this.addTable(variable.graphical, variable.name);
			const pureTable =
				variable.kind === 'gf' ||
				(variable.kind === 'aux' && variable.graphical && !variable.equation?.trim());
			if (!pureTable) {
				const kind: NodeKind =
					variable.kind === 'stock' ? 'stock' : variable.kind === 'flow' ? 'flow' : 'aux';
				entry.node = this.addNode(kind, variable.name, variable.name, false);
				// A queue gives from the front what it has, in the order its outflows are listed.
				if (variable.kind === 'stock')
					entry.node.nonNegative = !!variable.nonNegative || !!variable.queue;
				if (variable.kind === 'flow') entry.node.uniflow = !!variable.uniflow;
			}
		}
	}

	addTable(gf: GraphicalFunction, owner: string): number | undefined {
		const { xs, ys } = gf;
		const problem =
			!Array.isArray(xs) || !Array.isArray(ys)
				? 'its points are missing'
				: xs.length === 0
					? 'it has no points'
					: xs.length !== ys.length
						? `it has ${xs.length} x values but ${ys.length} y values`
						: [...xs, ...ys].some((n) => typeof n !== 'number' || !Number.isFinite(n))
							? 'a point is not a finite number'
							: xs.some((x, i) => i > 0 && x <= xs[i - 1])
								? 'its x values must increase from point to point'
								: undefined;
		if (problem) {
			this.error(`the graphical function is unusable: ${problem}`, owner);
			return undefined;
		}
		this.tables.push({
			type: gf.type ?? 'continuous',
			xs: Float64Array.from(xs),
			ys: Float64Array.from(ys)
		});
		return this.tables.length - 1;
	}

	addNode(kind: NodeKind, name: string, owner: string, internal: boolean): Node {
		const node: Node = {
			id: this.nodes.length,
			kind,
			name,
			owner,
			internal,
			slot: -1,
			inflows: [],
			outflows: []
		};
		this.nodes.push(node);
		return node;
	}

	// ── parsing and resolution ───────────────────────────────────────────────────────────────

	equationOf(entry: Entry): string | undefined {
		const v = entry.variable;
		if (v.kind === 'stock') return v.initial;
		if (v.kind === 'gf' || !entry.node) return undefined;
		return v.equation;
	}

	parse(entry: Entry): void {
		const source = this.equationOf(entry);
		if (source === undefined) return;
		const what = entry.variable.kind === 'stock' ? 'initial value' : 'equation';
		if (typeof source !== 'string' || !source.trim()) {
			this.error(`the ${what} is empty`, entry.variable.name);
			entry.state = 'failed';
			return;
		}
		try {
			entry.ast = parseEquation(source);
		} catch (e) {
			if (e instanceof RangeError) {
				// A stack overflow is the only other way out of the parser: say so, never crash.
				this.error(`the ${what} is too deeply nested to read`, entry.variable.name);
				entry.state = 'failed';
				return;
			}
			if (!(e instanceof ParseError)) throw e;
			const unquoted = this.unquotedName(source);
			if (unquoted) this.error(unquotedNameMessage(unquoted), entry.variable.name, unquoted);
			else this.error(`cannot read the ${what}: ${e.message}`, entry.variable.name, e);
			entry.state = 'failed';
		}
	}

	resolve(entry: Entry): void {
		if (entry.state !== 'new' || !entry.node || !entry.ast) return;
		entry.state = 'resolving';
		const node = entry.node;
		try {
			let ir = this.toIR(entry.ast, entry);
			if (entry.variable.kind === 'stock') {
				if (isStatic(ir)) {
					// A constant initial value lives in the constants array, so a scenario can change it.
					const constant = this.addNode(
						'const',
						`initial ${entry.variable.name}`,
						entry.variable.name,
						true
					);
					constant.value = this.valueAtStart(ir);
					if (!isInternal(entry.variable)) this.overridable.set(entry.canonical, constant.id);
					ir = { k: 'node', id: constant.id };
				}
				node.initExpr = ir;
			} else {
				if (entry.table !== undefined)
					ir = { k: 'rt', op: 'lookup', slot: entry.table, args: [ir] };
				if (entry.variable.kind === 'aux' && isStatic(ir)) {
					node.kind = 'const';
					node.value = this.valueAtStart(ir);
					if (!isInternal(entry.variable)) this.overridable.set(entry.canonical, node.id);
				}
				node.expr = ir;
			}
			entry.state = 'done';
		} catch (e) {
			if (!(e instanceof CompileError)) throw e;
			// "unknown function BEDS" for `Beds (occupied) + 1`: the real mistake is the missing quotes.
			const source = this.equationOf(entry);
			const unquoted = typeof source === 'string' ? this.unquotedName(source) : undefined;
			if (unquoted) this.error(unquotedNameMessage(unquoted), entry.variable.name, unquoted);
			else this.error(e.message, entry.variable.name, e.span);
			entry.state = 'failed';
		}
	}

	/** A variable of this model named bare in `source` where it must be quoted. */
	unquotedName(source: string) {
		return unquotedName(
			source,
			this.entries.map((e) => e.variable.name)
		);
	}

	toIR(expr: Expr, entry: Entry): IR {
		const r = (e: Expr) => this.toIR(e, entry);
		switch (expr.type) {
			case 'number':
				return { k: 'num', v: expr.value };
			case 'unary':
				return { k: 'un', op: expr.op, a: r(expr.arg) };
			case 'binary': {
				// Left operands first, as written: resolving a call may allocate state in order.
				const { leftmost, chain } = leftSpine(expr);
				let ir = r(leftmost);
				for (const link of chain) ir = { k: 'bin', op: link.op, a: ir, b: r(link.right) };
				return ir;
			}
			case 'if':
				return { k: 'if', c: r(expr.cond), t: r(expr.then), e: r(expr.else) };
			case 'name':
				return this.resolveName(expr, entry);
			case 'call':
				return this.resolveCall(expr, entry);
			// The arrays flattening pass (flatten/arrays.ts) rewrites every subscript of an arrayed
			// variable; what is left here subscripts something that is not arrayed.
			case 'subscript':
				throw new CompileError('only an arrayed variable takes a subscript in [ ]', expr);
			case 'transpose':
				throw new CompileError("only an arrayed variable can be transposed with '", expr);
		}
	}

	resolveName(expr: Extract<Expr, { type: 'name' }>, entry: Entry): IR {
		const target =
			this.byCanonical.get(expr.canonical) ??
			// Stella's SELF is the variable whose equation it is, as in PREVIOUS(SELF, 0).
			(expr.canonical === 'self' ? entry : undefined);
		if (target) {
			if (!target.node) {
				throw new CompileError(
					`"${target.variable.name}" is a graphical function: use it as ${expr.name}(input)`,
					expr
				);
			}
			return { k: 'node', id: target.node.id };
		}
		const run = RUN_CONSTANTS.get(expr.canonical);
		if (run) return { k: run };
		const builtin = findBuiltin(expr.canonical);
		if (builtin && builtin.minArgs === 0 && builtin.kind === 'pure')
			return { k: 'fn', fn: builtin, args: [] };
		if (builtin)
			throw new CompileError(
				`${expr.name.toUpperCase()} is a function: it needs arguments, as in ${builtin.signature.split(':')[0]}`,
				expr
			);
		const suggestions = closestNames(
			expr.name.replace(/_/g, ' '),
			this.entries.map((e) => e.variable.name)
		);
		const hint = suggestions.length
			? `; did you mean ${suggestions.map((s) => `"${clip(s)}"`).join(' or ')}?`
			: '';
		throw new CompileError(`unknown name "${clip(expr.name)}"${hint}`, expr);
	}

	resolveCall(expr: Extract<Expr, { type: 'call' }>, entry: Entry): IR {
		const args = expr.args;
		const callName = expr.name.toUpperCase();
		if (expr.canonical === 'if_then_else') {
			if (args.length !== 3)
				throw new CompileError(
					`IF_THEN_ELSE needs 3 arguments (condition, then, else), not ${args.length}`,
					expr
				);
			return {
				k: 'if',
				c: this.toIR(args[0], entry),
				t: this.toIR(args[1], entry),
				e: this.toIR(args[2], entry)
			};
		}
		if (expr.canonical === 'vensim_random_lookup') {
			// VENSIM_RANDOM_LOOKUP(table, min, max, shift, stretch): a draw with the table as its
			// density (random-variates.ts, randomFromDensity), one uniform a step like every draw.
			if (args.length !== 5)
				throw new CompileError(
					`${callName} needs 5 arguments (graphical function, min, max, shift, stretch), not ${args.length}`,
					expr
				);
			const tableArg = args[0];
			const table = tableArg.type === 'name' ? this.byCanonical.get(tableArg.canonical) : undefined;
			if (!table || table.table === undefined)
				throw new CompileError(
					`the first argument of ${callName} must name a graphical function`,
					tableArg
				);
			const slot = this.randomCount++;
			const uniform: IR = {
				k: 'rt',
				op: 'uniform',
				slot,
				args: [
					{ k: 'num', v: 0 },
					{ k: 'num', v: 1 }
				]
			};
			return {
				k: 'rt',
				op: 'randomLookup',
				slot: table.table,
				args: [uniform, ...args.slice(1).map((a) => this.toIR(a, entry))]
			};
		}
		if (LOOKUP_NAMES.has(expr.canonical)) {
			if (args.length !== 2)
				throw new CompileError(
					`${callName} needs 2 arguments (graphical function, input), not ${args.length}`,
					expr
				);
			const tableArg = args[0];
			const table = tableArg.type === 'name' ? this.byCanonical.get(tableArg.canonical) : undefined;
			if (!table || table.table === undefined) {
				throw new CompileError(
					`the first argument of ${callName} must name a graphical function`,
					tableArg
				);
			}
			const mode = LOOKUP_MODES.get(expr.canonical) ?? 0;
			const input = this.toIR(args[1], entry);
			return {
				k: 'rt',
				op: 'lookup',
				slot: table.table,
				args: mode === 0 ? [input] : [input, { k: 'num', v: mode }]
			};
		}
		const target = this.byCanonical.get(expr.canonical);
		if (target && target.table !== undefined) {
			if (args.length !== 1)
				throw new CompileError(
					`the graphical function "${target.variable.name}" takes 1 argument, not ${args.length}`,
					expr
				);
			return { k: 'rt', op: 'lookup', slot: target.table, args: [this.toIR(args[0], entry)] };
		}
		const builtin = findBuiltin(expr.canonical);
		if (!builtin) {
			if (target)
				throw new CompileError(
					`"${target.variable.name}" is a variable, not a function`,
					expr.nameSpan
				);
			const suggestions = closestNames(
				expr.canonical,
				BUILTINS.map((b) => b.name)
			).map((s) => s.toUpperCase());
			const hint = suggestions.length ? `; did you mean ${suggestions.join(' or ')}?` : '';
			throw new CompileError(`unknown function ${callName}${hint}`, expr.nameSpan);
		}
		if (args.length < builtin.minArgs || args.length > builtin.maxArgs) {
			const count =
				builtin.minArgs === builtin.maxArgs
					? `${builtin.minArgs}`
					: builtin.maxArgs === Infinity
						? `${builtin.minArgs} or more`
						: `${builtin.minArgs} to ${builtin.maxArgs}`;
			throw new CompileError(
				`${callName} takes ${count} argument${builtin.maxArgs === 1 ? '' : 's'}, not ${args.length}: ${builtin.signature}`,
				expr
			);
		}
		const irArgs = args.map((a) => this.toIR(a, entry));
		if (builtin.kind === 'pure') {
			const time: IR = { k: builtin.timeArgs === 'step' ? 'steptime' : 'time' };
			return {
				k: 'fn',
				fn: builtin,
				args: builtin.timeArgs ? [time, { k: 'dt' }, ...irArgs] : irArgs
			};
		}
		return builtin.expand(irArgs, this.expandContext(entry, callName, expr));
	}

	expandContext(entry: Entry, callName: string, span: Span): ExpandContext {
		return expansionContext(
			{
				nodes: this.nodes,
				addNode: (kind, name, owner) => this.addNode(kind, name, owner, true),
				nextPipe: () => this.pipeCount++,
				reserveRandom: (count) => {
					const slot = this.randomCount;
					this.randomCount += count;
					return slot;
				},
				valueAtStart: (ir) => this.valueAtStart(ir),
				warn: (d) => this.diagnostics.push(d)
			},
			entry.variable.name,
			callName,
			span
		);
	}

	/** Evaluates an expression at the start time, following references through their equations. */
	valueAtStart(ir: IR): number {
		return valueAtStart(ir, {
			simSpecs: this.model.simSpecs,
			tables: this.tables,
			nodes: this.nodes,
			ensureResolved: (node) => {
				const owner = this.entries.find((e) => e.node === node);
				if (owner) {
					if (owner.state === 'resolving')
						throw new CompileError(`"${node.owner}" depends on itself`);
					this.resolve(owner);
				}
				if (owner?.state === 'failed') throw new CompileError(`"${node.owner}" has an error`);
			}
		});
	}

	// ── stocks and flows ─────────────────────────────────────────────────────────────────────

	connectFlows(entry: Entry): void {
		const stock = entry.variable;
		if (stock.kind !== 'stock' || !entry.node) return;
		for (const [direction, list] of [
			['inflow', stock.inflows ?? []],
			['outflow', stock.outflows ?? []]
		] as const) {
			for (const ref of list) {
				const flow = this.byId.get(ref) ?? this.byCanonical.get(canonicalName(ref));
				if (!flow || flow.variable.kind !== 'flow' || !flow.node) {
					const what = flow
						? `"${flow.variable.name}", which is not a flow`
						: `"${ref}", which is not in the model`;
					this.error(`the stock lists as an ${direction} ${what}`, stock.name);
					continue;
				}
				(direction === 'inflow' ? entry.node.inflows : entry.node.outflows).push(flow.node.id);
			}
		}
		// A queue's overflow takes what its other outflows leave.
		if (stock.queue) {
			const overflow = (id: number) =>
				this.entries.some(
					(e) => e.node?.id === id && e.variable.kind === 'flow' && e.variable.overflow
				);
			entry.node.outflows.sort((a, b) => Number(overflow(a)) - Number(overflow(b)));
		}
	}

	/** XMILE lets a flow drain one stock only: one listed as the outflow of two is reported, naming both. */
	reportSharedOutflows(): void {
		const drainedBy = new Map<number, string>();
		for (const entry of this.entries) {
			if (entry.variable.kind !== 'stock' || !entry.node) continue;
			for (const f of entry.node.outflows) {
				const first = drainedBy.get(f);
				if (first === undefined) drainedBy.set(f, entry.variable.name);
				// A warning, not an error: the SDXorg suite's non_negative_all relies on it and its
				// reference drains both stocks.
				else
					this.diagnostics.push({
						severity: 'warning',
						variable: this.nodes[f].name,
						message: `"${this.nodes[f].name}" is listed as the outflow of both "${first}" and "${entry.variable.name}": XMILE lets a flow drain one stock only, so other tools may refuse this`
					});
			}
		}
	}

	warnAboutLooseFlows(): void {
		const connected = new Set<number>();
		for (const node of this.nodes)
			for (const f of [...node.inflows, ...node.outflows]) connected.add(f);
		for (const entry of this.entries) {
			if (entry.variable.kind === 'flow' && entry.node && !connected.has(entry.node.id)) {
				this.diagnostics.push({
					severity: 'warning',
					variable: entry.variable.name,
					message: 'this flow is not connected to any stock, so it changes nothing'
				});
			}
		}
	}
}

/** A name short enough for a message: very long names are cut in the middle. */
function clip(name: string): string {
	return name.length > 80 ? `${name.slice(0, 50)}…${name.slice(-20)}` : name;
}

/** True when an expression is arithmetic on numbers only: fixed before the run starts. */
export function isStatic(ir: IR): boolean {
	switch (ir.k) {
		case 'num':
			return true;
		case 'un':
			return isStatic(ir.a);
		case 'bin': {
			const { leftmost, chain } = irLeftSpine(ir);
			return isStatic(leftmost) && chain.every((link) => isStatic(link.b));
		}
		case 'if':
			return isStatic(ir.c) && isStatic(ir.t) && isStatic(ir.e);
		case 'fn':
			return !ir.fn.timeArgs && ir.args.every(isStatic);
		default:
			return false;
	}
}
