/**
 * One equation of one element, rewritten to scalar references (XMILE 3.7.1). In the equation of
 * `Beds[North]`:
 *
 *   Admissions               → "Admissions[North]"    (dimensions bound by name, or omitted)
 *   Admissions[Region]       → "Admissions[North]"    (a dimension name stands for the element's own)
 *   Rate[South, Adult]       → "Rate[South,Adult]"    (explicit elements, or positions: Rate[2, 1])
 *   Flow[Region - 1]         → "Flow[…]"              (arithmetic on positions, fixed before the run)
 *   Region                   → 1                      (outside [ ], a dimension is the position)
 *   SUM(Beds[*])             → SUM("Beds[North]", "Beds[South]")
 *   A'                       → A with its dimensions reversed
 *
 * A subrange (a dimension whose elements all belong to another) binds by element name. Numbers
 * are folded and an IF whose condition is then fixed keeps only the branch taken, so
 * `IF Region = 1 THEN 10 ELSE Flow[Region - 1]` never asks for element 0 of Flow.
 */
import type { Variable } from '../../model/types';
import { canonicalName } from '../../model/names';
import { elementName } from '../../model/arrays';
import { applyBinary, applyUnary } from '../evaluate';
import { findBuiltin, LOOKUP_NAMES, RUN_CONSTANTS } from '../builtins';
import { closestNames } from '../names';
import { leftSpine, type Expr, type Span } from '../parse/ast';
import {
	ARRAY_FUNCTION_NAMES,
	ArrayFunctionError,
	arrayFunction,
	type ExpandedArgument
} from './array-functions';
import { describeDims, type Dim } from './dimensions';
import { rewriteVectorFunction, VECTOR_FUNCTIONS } from './vector-functions';

/** A model variable as the arrays pass sees it: scalar when dims is empty. */
export interface ArrayVar {
	variable: Variable;
	key: string;
	dims: Dim[];
}

export class ArrayError extends Error {
	constructor(
		message: string,
		readonly span?: Span
	) {
		super(message);
		this.name = 'ArrayError';
	}
}

/** An array function's argument being expanded over the dimensions it leaves open. */
interface Level {
	/** Position in each open dimension, by dimension key. */
	free: Map<string, number>;
	/** While probing, the open dimensions found so far (in order of first use). */
	probing?: Dim[];
}

export interface Scope {
	/** The variable whose equation this is. */
	owner: ArrayVar;
	/** The element being defined: its position in each of the owner's dimensions, by key. */
	binding: Map<string, number>;
	/** Array-function arguments being expanded, innermost last. */
	levels: Level[];
	/** The equation text, for quoting what the user wrote in messages. */
	source: string;
	/** Set when the rewritten equation differs from the text (so positions no longer match). */
	state: { changed: boolean };
}

type Name = Extract<Expr, { type: 'name' }>;
type Call = Extract<Expr, { type: 'call' }>;

export class Rewriter {
	constructor(
		readonly dims: ReadonlyMap<string, Dim>,
		readonly vars: ReadonlyMap<string, ArrayVar>
	) {}

	rewrite(expr: Expr, scope: Scope): Expr {
		switch (expr.type) {
			case 'number':
				return expr;
			case 'name':
				return this.#name(expr, scope);
			case 'unary': {
				const arg = this.rewrite(expr.arg, scope);
				if (arg.type === 'number') return this.#folded(applyUnary(expr.op, arg.value), expr, scope);
				return arg === expr.arg ? expr : { ...expr, arg };
			}
			case 'binary': {
				// Along the left spine in a loop: a long sum is thousands of levels deep.
				const { leftmost, chain } = leftSpine(expr);
				let left = this.rewrite(leftmost, scope);
				for (const link of chain) {
					const right = this.rewrite(link.right, scope);
					left =
						left.type === 'number' && right.type === 'number'
							? this.#folded(applyBinary(link.op, left.value, right.value), link, scope)
							: left === link.left && right === link.right
								? link
								: { ...link, left, right };
				}
				return left;
			}
			case 'if':
				return this.#ifThenElse(expr, expr.cond, expr.then, expr.else, scope);
			case 'call':
				return this.#call(expr, scope);
			case 'subscript':
				return this.#subscript(expr, scope);
			case 'transpose': {
				const target = expr.arg.type === 'name' ? this.vars.get(expr.arg.canonical) : undefined;
				if (!target || target.dims.length === 0) {
					throw new ArrayError(
						`only an arrayed variable can be transposed with ', not "${this.#text(expr.arg, scope)}"`,
						expr
					);
				}
				return this.#element(target, this.#bindWhole(target, scope, expr, true), expr, scope);
			}
		}
	}

	/** Which element of a whole array goes with the element at hand (a stock's element of its flow). */
	elementOf(target: ArrayVar, scope: Scope): string[] {
		return this.#bindWhole(target, scope, { start: 0, end: 0 }, false).map(
			(p, j) => target.dims[j].elements[p]
		);
	}

	// ── names ────────────────────────────────────────────────────────────────────────────────

	#name(expr: Name, scope: Scope): Expr {
		if (expr.name === '*')
			throw new ArrayError(
				`"*" stands for every element, which only the subscript of an array function (${ARRAY_FUNCTION_NAMES}) can take`,
				expr
			);
		const target = this.vars.get(expr.canonical);
		if (target)
			return target.dims.length === 0
				? expr
				: this.#element(target, this.#bindWhole(target, scope, expr, false), expr, scope);
		const dim = this.dims.get(expr.canonical);
		if (dim) return this.#folded(this.#positionIn(dim, scope, expr) + 1, expr, scope);
		const qualified = this.#qualifiedElement(expr);
		if (qualified) return this.#folded(qualified.position + 1, expr, scope);
		return expr;
	}

	/** `Region.North` (XMILE's way to name an element outside [ ]): the dimension and position. */
	#qualifiedElement(expr: Name): { dim: Dim; position: number } | undefined {
		const dot = expr.name.indexOf('.');
		if (dot <= 0) return undefined;
		const dim = this.dims.get(canonicalName(expr.name.slice(0, dot)));
		const position = dim?.position.get(canonicalName(expr.name.slice(dot + 1)));
		return dim && position !== undefined ? { dim, position } : undefined;
	}

	/** A reference to one element, as the flattened model names it: "Beds[North]". */
	#element(target: ArrayVar, positions: number[], at: Span, scope: Scope): Name {
		scope.state.changed = true;
		const name = elementName(
			target.variable.name,
			positions.map((p, j) => target.dims[j].elements[p])
		);
		return { type: 'name', name, canonical: canonicalName(name), start: at.start, end: at.end };
	}

	#folded(value: number, at: Span, scope: Scope): Expr {
		scope.state.changed = true;
		return { type: 'number', value, start: at.start, end: at.end };
	}

	#ifThenElse(expr: Expr, cond: Expr, then: Expr, otherwise: Expr, scope: Scope): Expr {
		const c = this.rewrite(cond, scope);
		// A fixed condition keeps only its branch: the other may not exist for this element.
		if (c.type === 'number') {
			scope.state.changed = true;
			// While an array function's argument is probed for the dimensions it leaves open, the
			// branch not taken counts too: SUM(IF Stage = 1 THEN 0 ELSE x[*]) runs over x's elements.
			if (scope.levels[scope.levels.length - 1]?.probing) {
				try {
					this.rewrite(c.value !== 0 ? otherwise : then, scope);
				} catch (e) {
					if (!(e instanceof ArrayError)) throw e;
				}
			}
			return this.rewrite(c.value !== 0 ? then : otherwise, scope);
		}
		const t = this.rewrite(then, scope);
		const e = this.rewrite(otherwise, scope);
		if (expr.type === 'if')
			return c === expr.cond && t === expr.then && e === expr.else
				? expr
				: { ...expr, cond: c, then: t, else: e };
		scope.state.changed = true;
		return { type: 'if', cond: c, then: t, else: e, start: expr.start, end: expr.end };
	}

	// ── calls ────────────────────────────────────────────────────────────────────────────────

	#call(expr: Call, scope: Scope): Expr {
		const { canonical, args } = expr;
		if (canonical === 'if_then_else' && args.length === 3)
			return this.#ifThenElse(expr, args[0], args[1], args[2], scope);
		const target = this.vars.get(canonical);
		if (target && 'graphical' in target.variable && target.variable.graphical) {
			// A graphical function called as table(x): an arrayed one is called element by element.
			const rewritten = this.#args(expr, scope);
			if (target.dims.length === 0) return rewritten;
			const element = this.#element(
				target,
				this.#bindWhole(target, scope, expr.nameSpan, false),
				expr.nameSpan,
				scope
			);
			return { ...rewritten, name: element.name, canonical: element.canonical };
		}
		// LOOKUP(table[element], x): one element of an arrayed table.
		if (LOOKUP_NAMES.has(canonical) && args.length === 2 && args[0].type === 'subscript') {
			return { ...expr, args: [this.#subscript(args[0], scope), this.rewrite(args[1], scope)] };
		}
		if (LOOKUP_NAMES.has(canonical) && args.length === 2 && args[0].type === 'name') {
			const table = this.vars.get(args[0].canonical);
			// xmutil writes Vensim's VMIN(x[*]) and VMAX(x[*]) as LOOKUP(VMIN, x[*]).
			if (!table && (args[0].canonical === 'vmin' || args[0].canonical === 'vmax')) {
				scope.state.changed = true;
				const name = args[0].canonical === 'vmin' ? 'MIN' : 'MAX';
				return this.#arrayFunction(
					{ ...expr, name, canonical: name.toLowerCase(), args: [args[1]] },
					scope
				);
			}
			if (table && table.dims.length > 0) {
				const element = this.#element(
					table,
					this.#bindWhole(table, scope, args[0], false),
					args[0],
					scope
				);
				return { ...expr, args: [element, this.rewrite(args[1], scope)] };
			}
		}
		if (arrayFunction(canonical)) return this.#arrayFunction(expr, scope);
		if (VECTOR_FUNCTIONS.has(canonical)) {
			scope.state.changed = true;
			return rewriteVectorFunction(expr, scope, {
				arrayOf: (arg) => {
					const name = arg.type === 'subscript' ? arg.target : arg;
					const target = name.type === 'name' ? this.vars.get(name.canonical) : undefined;
					return target?.dims.length
						? { name: target.variable.name, dims: target.dims }
						: undefined;
				},
				rewrite: (e, s) => this.rewrite(e, s),
				expand: (arg, s) => this.#expand(arg, s),
				fail: (message, at) => {
					throw new ArrayError(message, at);
				}
			});
		}
		return this.#args(expr, scope);
	}

	#args(expr: Call, scope: Scope): Call {
		const args = expr.args.map((a) => this.rewrite(a, scope));
		return args.every((a, i) => a === expr.args[i]) ? expr : { ...expr, args };
	}

	#arrayFunction(expr: Call, scope: Scope): Expr {
		scope.state.changed = true;
		// SIZE counts the whole array whatever element is at hand: SIZE(Ward) in an equation
		// arrayed over Ward is the number of wards, not 1 (Stella's and SDEverywhere's reading).
		const argScope = expr.canonical === 'size' ? unbound(scope) : scope;
		const expanded = expr.args.map((arg) => this.#expand(arg, argScope));
		try {
			return arrayFunction(expr.canonical)!(expanded, expr);
		} catch (e) {
			if (e instanceof ArrayFunctionError) throw new ArrayError(e.message, e.span);
			throw e;
		}
	}

	/**
	 * An array function's argument as its element expressions: every dimension it leaves open
	 * (a `*`, a dimension the owner is not arrayed over, a whole array) is run through, the last
	 * varying fastest. Two `*` over the same dimension move together: SUM(a[*] * b[*]) is a dot
	 * product.
	 */
	#expand(arg: Expr, scope: Scope): ExpandedArgument {
		const level: Level = { free: new Map(), probing: [] };
		const inner: Scope = { ...scope, levels: [...scope.levels, level] };
		const first = this.rewrite(arg, inner);
		const open = level.probing!;
		level.probing = undefined;
		if (open.length === 0) return { values: [first], arrayed: false, span: arg };
		const values: Expr[] = [];
		const positions = open.map(() => 0);
		for (;;) {
			level.free = new Map(open.map((d, i) => [d.key, positions[i]]));
			values.push(this.rewrite(arg, inner));
			let k = open.length - 1;
			while (k >= 0 && ++positions[k] === open[k].elements.length) positions[k--] = 0;
			if (k < 0) break;
		}
		return { values, arrayed: true, span: arg };
	}

	// ── subscripts ───────────────────────────────────────────────────────────────────────────

	#subscript(expr: Extract<Expr, { type: 'subscript' }>, scope: Scope): Expr {
		const written = this.#text(expr, scope);
		if (expr.target.type !== 'name')
			throw new ArrayError(
				`only a variable can take a subscript, not "${this.#text(expr.target, scope)}"`,
				expr
			);
		const target = this.vars.get(expr.target.canonical);
		if (!target) {
			const known = [...this.vars.values()].map((v) => v.variable.name);
			const close = closestNames(expr.target.name.replace(/_/g, ' '), known);
			const hint = close.length ? `; did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : '';
			throw new ArrayError(
				`unknown name "${expr.target.name}" in "${written}"${hint}`,
				expr.target
			);
		}
		if (target.dims.length === 0)
			throw new ArrayError(
				`"${target.variable.name}" is not arrayed, so "${written}" cannot take a subscript`,
				expr
			);
		if (expr.indices.length !== target.dims.length) {
			const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
			throw new ArrayError(
				`"${target.variable.name}" is arrayed over ${count(target.dims.length, 'dimension')} (${describeDims(target.dims)}), but "${written}" gives ${count(expr.indices.length, 'subscript')}`,
				expr
			);
		}
		const picks = expr.indices.map((index, j) =>
			this.#index(index, target, j, scope, written, true)
		);
		return this.#pick(target, picks, [], expr, scope);
	}

	/**
	 * The element the subscripts pick. A subscript that changes during the run (`Cohort[TIME]`,
	 * `Beds[Ward_Number]`) becomes a choice made at every step, `IF i = 1 THEN x[1] ELSE IF i = 2
	 * THEN x[2] …`; a value that is not a whole number from 1 to the dimension's size picks
	 * nothing: the run stops with NaN at that time, naming the variable, rather than return a
	 * number the modeller did not ask for.
	 */
	#pick(target: ArrayVar, picks: (number | Expr)[], fixed: number[], at: Span, scope: Scope): Expr {
		const j = fixed.length;
		if (j === picks.length) return this.#element(target, fixed, at, scope);
		const pick = picks[j];
		if (typeof pick === 'number') return this.#pick(target, picks, [...fixed, pick], at, scope);
		const span = { start: at.start, end: at.end };
		let choice: Expr = {
			type: 'binary',
			op: '/',
			left: { type: 'number', value: 0, ...span },
			right: { type: 'number', value: 0, ...span },
			...span
		};
		for (let k = target.dims[j].elements.length - 1; k >= 0; k--) {
			const cond: Expr = {
				type: 'binary',
				op: '=',
				left: pick,
				right: { type: 'number', value: k + 1, ...span },
				...span
			};
			choice = {
				type: 'if',
				cond,
				then: this.#pick(target, picks, [...fixed, k], at, scope),
				else: choice,
				...span
			};
		}
		scope.state.changed = true;
		return choice;
	}

	/**
	 * The position (from 0) that one subscript picks in the target's j-th dimension; with
	 * `atRunTime`, a subscript that is not fixed before the run comes back as its expression.
	 */
	#index(
		index: Expr,
		target: ArrayVar,
		j: number,
		scope: Scope,
		written: string,
		atRunTime: true
	): number | Expr;
	#index(index: Expr, target: ArrayVar, j: number, scope: Scope, written: string): number;
	#index(
		index: Expr,
		target: ArrayVar,
		j: number,
		scope: Scope,
		written: string,
		atRunTime = false
	): number | Expr {
		const dim = target.dims[j];
		const where = `the ${ordinal(j + 1)} dimension of "${target.variable.name}"`;
		if (index.type === 'call' && index.canonical === ':' && index.args.length === 2) {
			const [first, sub] = index.args;
			if (first.type === 'name' && first.name === '*' && sub.type === 'name')
				return this.#wildcardOver(sub, dim, scope, written, where);
			return this.#range(index, dim, scope, written, where);
		}
		if (index.type === 'name') {
			if (index.name === '*') return this.#wildcard(dim, scope, index);
			if (/^@\d+$/.test(index.name))
				return this.#dimensionPosition(index, dim, scope, written, where);
			const named = this.dims.get(index.canonical);
			if (named)
				return this.#mapInto(
					named,
					this.#positionIn(named, scope, index),
					dim,
					index,
					`${where} in "${written}"`
				);
			const position = dim.position.get(index.canonical);
			if (position !== undefined) return position;
			const qualified = this.#qualifiedElement(index);
			if (qualified)
				return this.#mapInto(
					qualified.dim,
					qualified.position,
					dim,
					index,
					`${where} in "${written}"`
				);
			const other =
				this.vars.has(index.canonical) ||
				RUN_CONSTANTS.has(index.canonical) ||
				findBuiltin(index.canonical);
			if (!other) {
				const close = closestNames(index.name.replace(/_/g, ' '), dim.elements);
				const hint = close.length
					? `; did you mean ${close.map((c) => `"${c}"`).join(' or ')}?`
					: `; its elements are ${listElements(dim)}`;
				throw new ArrayError(
					`"${index.name}" in "${written}" is not an element of "${dim.name}", ${where}${hint}`,
					index
				);
			}
		}
		const value = this.rewrite(index, scope);
		if (value.type !== 'number' && atRunTime && scope.levels.length === 0) return value;
		if (value.type !== 'number') {
			throw new ArrayError(
				`the subscript "${this.#text(index, scope)}" in "${written}" is not fixed before the run; inside an array function (${ARRAY_FUNCTION_NAMES}) or a range, a subscript must be an element, a dimension name, or a number (arithmetic on them is fine)`,
				index
			);
		}
		const n = value.value;
		if (!Number.isInteger(n) || n < 1 || n > dim.elements.length) {
			const shown = this.#text(index, scope);
			const gives = shown === String(n) ? '' : ` gives ${n}, which`;
			throw new ArrayError(
				`the subscript "${shown}" in "${written}"${gives} is out of range: "${dim.name}" (${where}) has elements 1 to ${dim.elements.length}`,
				index
			);
		}
		return n - 1;
	}

	/**
	 * `@n` (XMILE's dimension position): the element at hand in the owner's n-th dimension, the
	 * same element in the target's dimension, or the same position where the two differ.
	 */
	#dimensionPosition(index: Name, dim: Dim, scope: Scope, written: string, where: string): number {
		const n = Number(index.name.slice(1));
		const owner = scope.owner;
		const ownDim = owner.dims[n - 1];
		if (!ownDim) {
			const has = owner.dims.length
				? `has ${owner.dims.length} dimension${owner.dims.length === 1 ? '' : 's'}`
				: 'is not arrayed';
			throw new ArrayError(
				`"${index.name}" in "${written}" stands for the ${ordinal(n)} dimension of "${owner.variable.name}", which ${has}`,
				index
			);
		}
		const position = scope.binding.get(ownDim.key)!;
		if (ownDim === dim) return position;
		const byName = dim.position.get(ownDim.elementKeys[position]);
		if (byName !== undefined) return byName;
		if (position < dim.elements.length) return position;
		throw new ArrayError(
			`"${index.name}" in "${written}" is element ${position + 1} of "${ownDim.name}", but "${dim.name}" (${where}) has ${dim.elements.length}`,
			index
		);
	}

	/**
	 * A range `2:4` or `North:South` (XMILE 3.7.1.2): inside an array function, the elements
	 * from one end to the other, as an open dimension of their own.
	 */
	#range(index: Call, dim: Dim, scope: Scope, written: string, where: string): number {
		const level = scope.levels[scope.levels.length - 1];
		if (!level)
			throw new ArrayError(
				`the range "${this.#text(index, scope)}" in "${written}" stands for several elements, which only an array function (${ARRAY_FUNCTION_NAMES}) can take`,
				index
			);
		const [from, to] = index.args.map((end) =>
			this.#index(
				end,
				{ variable: { name: dim.name } as Variable, key: dim.key, dims: [dim] },
				0,
				scope,
				written
			)
		);
		if (from > to)
			throw new ArrayError(
				`the range "${this.#text(index, scope)}" in "${written}" runs backwards: "${dim.elements[from]}" comes after "${dim.elements[to]}" in "${dim.name}" (${where})`,
				index
			);
		const key = `${dim.key}#${from}:${to}`;
		let part = this.#ranges.get(key);
		if (!part) {
			const elements = dim.elements.slice(from, to + 1);
			const elementKeys = dim.elementKeys.slice(from, to + 1);
			part = {
				name: `${dim.name}[${dim.elements[from]}:${dim.elements[to]}]`,
				key,
				elements,
				elementKeys,
				position: new Map(elementKeys.map((k, i) => [k, i]))
			};
			this.#ranges.set(key, part);
		}
		return from + this.#open(level, part);
	}

	readonly #ranges = new Map<string, Dim>();

	/**
	 * `*:SubA` (XMILE 3.7.1.2): every element of the subrange SubA, inside an array function, as
	 * an open dimension of its own; each is found in the target's dimension by name.
	 */
	#wildcardOver(sub: Name, dim: Dim, scope: Scope, written: string, where: string): number {
		const subrange = this.dims.get(sub.canonical);
		if (!subrange)
			throw new ArrayError(
				`"${sub.name}" in "${written}" is not a dimension, so "*:${sub.name}" does not name a part of "${dim.name}" (${where})`,
				sub
			);
		const level = scope.levels[scope.levels.length - 1];
		if (!level)
			throw new ArrayError(
				`"*:${sub.name}" in "${written}" stands for several elements, which only an array function (${ARRAY_FUNCTION_NAMES}) can take`,
				sub
			);
		return this.#mapInto(
			subrange,
			this.#open(level, subrange),
			dim,
			sub,
			`${where} in "${written}"`
		);
	}

	#wildcard(dim: Dim, scope: Scope, at: Span): number {
		const level = scope.levels[scope.levels.length - 1];
		if (!level)
			throw new ArrayError(
				`"*" stands for every element, which only the subscript of an array function (${ARRAY_FUNCTION_NAMES}) can take`,
				at
			);
		return this.#open(level, dim);
	}

	/** The position of the element at hand in an open dimension, registering it while probing. */
	#open(level: Level, dim: Dim): number {
		const position = level.free.get(dim.key);
		if (position !== undefined) return position;
		if (!level.probing)
			throw new ArrayError(
				`cannot tell which elements of "${dim.name}" this array function runs over`
			);
		level.probing.push(dim);
		level.free.set(dim.key, 0);
		return 0;
	}

	/**
	 * Where the element at hand sits in a dimension: the owner's own element if the owner is
	 * arrayed over it (or over a subrange of it), else an array function's open position.
	 */
	#positionIn(dim: Dim, scope: Scope, at: Span, unbound?: () => never): number {
		const own = scope.binding.get(dim.key);
		if (own !== undefined) return own;
		for (let i = scope.levels.length - 1; i >= 0; i--) {
			const open = scope.levels[i].free.get(dim.key);
			if (open !== undefined) return open;
		}
		for (const ownDim of scope.owner.dims) {
			if (ownDim.elements.every((_, k) => dim.position.has(ownDim.elementKeys[k]))) {
				return dim.position.get(ownDim.elementKeys[scope.binding.get(ownDim.key)!])!;
			}
		}
		// A dimension mapped to this one (either way) stands for it element by element, in order.
		for (const ownDim of scope.owner.dims) {
			const position = scope.binding.get(ownDim.key)!;
			if (isMapping(ownDim, dim) && position < dim.elements.length) return position;
		}
		const level = scope.levels[scope.levels.length - 1];
		if (level?.probing) return this.#open(level, dim);
		if (unbound) unbound();
		const owner = scope.owner;
		const over = owner.dims.length
			? `is arrayed over ${describeDims(owner.dims)}, not "${dim.name}"`
			: 'is not arrayed';
		throw new ArrayError(
			`"${this.#text(at, scope)}" stands for an element of "${dim.name}", but "${owner.variable.name}" ${over}`,
			at
		);
	}

	/** A position in one dimension as a position in another: the same element, by name. */
	#mapInto(from: Dim, position: number, to: Dim, at: Span, where: string): number {
		if (from === to) return position;
		let mapped = to.position.get(from.elementKeys[position]);
		if (mapped === undefined && isMapping(from, to) && position < to.elements.length)
			mapped = position;
		if (mapped === undefined) {
			throw new ArrayError(
				`"${from.elements[position]}" of "${from.name}" is not an element of "${to.name}", ${where}`,
				at
			);
		}
		return mapped;
	}

	/**
	 * A whole array named without subscripts: each of its dimensions takes the element at hand
	 * (by dimension name, or through a subrange), or is left open inside an array function.
	 * Transposed (A'), its dimensions are reversed and matched to the owner's in order.
	 */
	#bindWhole(target: ArrayVar, scope: Scope, at: Span, transposed: boolean): number[] {
		const owner = scope.owner;
		const name = target.variable.name;
		if (transposed) {
			const reversed = [...target.dims].reverse();
			if (reversed.length !== owner.dims.length) {
				throw new ArrayError(
					`"${name}'" is arrayed over ${describeDims(reversed)}, which does not match ${owner.dims.length ? describeDims(owner.dims) : 'nothing'}, the dimensions of "${owner.variable.name}"`,
					at
				);
			}
			const positions = reversed.map((dim, j) =>
				this.#mapInto(
					owner.dims[j],
					scope.binding.get(owner.dims[j].key)!,
					dim,
					at,
					`the ${ordinal(j + 1)} dimension of "${name}'"`
				)
			);
			return positions.reverse();
		}
		return target.dims.map((dim) =>
			this.#positionIn(dim, scope, at, () => {
				const hint = `give a subscript, as in ${name}[${target.dims.map((d) => d.elements[0]).join(', ')}], or take the whole array in an array function such as SUM(${name}[${target.dims.map(() => '*').join(', ')}])`;
				const mismatch = owner.dims.length
					? `"${name}" is arrayed over ${describeDims(target.dims)} but "${owner.variable.name}" is arrayed over ${describeDims(owner.dims)}, so it is not clear which element of "${name}" to use: ${hint}`
					: `"${name}" is arrayed over ${describeDims(target.dims)}: ${hint}`;
				throw new ArrayError(mismatch, at);
			})
		);
	}

	#text(at: Span, scope: Scope): string {
		return scope.source.slice(at.start, at.end).trim() || '?';
	}
}

/** Whether one dimension maps to the other (isee:maps_to), either way round. */
function isMapping(a: Dim, b: Dim): boolean {
	const base = (d: Dim) => d.key.replace(/@\d+$/, '');
	return a.mapsTo === base(b) || b.mapsTo === base(a);
}
/** The scope with no element at hand: every dimension the equation names is left open. */
function unbound(scope: Scope): Scope {
	return {
		...scope,
		owner: { ...scope.owner, dims: [] },
		binding: new Map(),
		levels: []
	};
}

function ordinal(n: number): string {
	return ['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? `${n}th`;
}

function listElements(dim: Dim): string {
	const shown = dim.elements.slice(0, 6).map((e) => `"${e}"`);
	return dim.elements.length > 6
		? `${shown.join(', ')} … (${dim.elements.length} in all)`
		: shown.join(', ');
}
