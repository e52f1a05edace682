/**
 * Infers the units of one parsed equation from the declared units of the names it uses, and
 * finds the places inside it where units disagree (adding patient to bed/day, EXP of a quantity).
 *
 *   const { result, warnings } = inferUnits(parseEquation('Patients / Stay'), 'Patients / Stay', scope);
 *   // result: patient/day; warnings: []
 */
import { findBuiltin, LOOKUP_NAMES, RUN_CONSTANTS } from '../engine/builtins';
import type { Expr, Span } from '../engine/parse/ast';
import { UNIT_RULES, type CallUnits } from './builtins';
import { divide, known, multiply, number, power, UNKNOWN, type Inferred } from './inferred';
import type { Units } from './units';

export interface UnitWarning {
	/** Where in the equation: start and end offsets, shown to the modeller 1-based. */
	message: string;
	start: number;
	end: number;
}

/** What the equation can see: the model's time unit and the declared units of its variables. */
export interface UnitScope {
	readonly time: Units | undefined;
	readonly dimensionless: Units;
	/** By canonical name; `units` is undefined when the variable declares none (or none readable). */
	variable(
		canonical: string
	): { units: Units | undefined; graphical: boolean; onlyGraphical: boolean } | undefined;
}

export function inferUnits(
	expr: Expr,
	source: string,
	scope: UnitScope
): { result: Inferred; warnings: UnitWarning[] } {
	const inference = new Inference(source, scope);
	const result = inference.infer(expr);
	return { result, warnings: inference.warnings };
}

interface Operand {
	value: Inferred;
	/** Where a mismatch with this operand is reported: the operator before it, or the argument. */
	at: Span;
}

const COMPARISONS = new Set(['=', '<>', '<', '<=', '>', '>=']);

type Binary = Extract<Expr, { type: 'binary' }>;

class Inference {
	readonly warnings: UnitWarning[] = [];

	constructor(
		readonly source: string,
		readonly scope: UnitScope
	) {}

	infer(expr: Expr): Inferred {
		switch (expr.type) {
			case 'number':
				return number(expr.value);
			case 'name':
				return this.#name(expr.canonical);
			case 'unary': {
				const arg = this.infer(expr.arg);
				if (expr.op === 'not') return known(this.scope.dimensionless);
				if (expr.op === '-' && arg.kind === 'number')
					return number(arg.value !== undefined ? -arg.value : undefined);
				return arg;
			}
			case 'binary':
				return this.#binaryChain(expr);
			case 'if':
				this.infer(expr.cond);
				return this.#branches(expr.then, expr.else);
			case 'call':
				return this.#call(expr);
			// An element, or a transposed array, has the array's declared units.
			case 'subscript':
				return expr.target.type === 'name' ? this.#name(expr.target.canonical) : UNKNOWN;
			case 'transpose':
				return this.infer(expr.arg);
		}
	}

	#name(canonical: string): Inferred {
		// A model variable wins over a run constant of the same name, as in the compiler.
		const variable = this.scope.variable(canonical);
		if (variable)
			return variable.units && !variable.onlyGraphical ? known(variable.units) : UNKNOWN;
		if (RUN_CONSTANTS.has(canonical)) return this.scope.time ? known(this.scope.time) : UNKNOWN;
		const builtin = findBuiltin(canonical);
		if (builtin && builtin.minArgs === 0)
			return this.#builtin(builtin.name, canonical.toUpperCase(), [], { start: 0, end: 0 });
		return UNKNOWN;
	}

	/** A long sum is a left-leaning tree thousands of levels deep: walk its spine in a loop, not by recursion. */
	#binaryChain(expr: Binary): Inferred {
		const spine: Binary[] = [];
		let node: Expr = expr;
		for (; node.type === 'binary'; node = node.left) spine.push(node);
		let left = this.infer(node);
		for (let i = spine.length - 1; i >= 0; i--)
			left = this.#binary(spine[i], left, this.infer(spine[i].right));
		return left;
	}

	#binary(expr: Binary, left: Inferred, right: Inferred): Inferred {
		if (left.kind === 'number' && right.kind === 'number' && (expr.op === '+' || expr.op === '-')) {
			const sign = expr.op === '+' ? 1 : -1;
			return number(
				left.value !== undefined && right.value !== undefined
					? left.value + sign * right.value
					: undefined
			);
		}
		const at = this.#operatorAt(expr);
		const describe = (a: Units, b: Units) => {
			switch (expr.op) {
				case '+':
					return `cannot add ${a} and ${b}`;
				case '-':
					return `cannot subtract ${b} from ${a}`;
				case 'mod':
					return `cannot take ${a} MOD ${b}`;
				default:
					return `cannot compare ${a} with ${b}`;
			}
		};
		switch (expr.op) {
			case '+':
			case '-':
				return this.#unify(
					[
						{ value: left, at: expr.left },
						{ value: right, at }
					],
					describe
				);
			case 'mod':
				this.#unify(
					[
						{ value: left, at: expr.left },
						{ value: right, at }
					],
					describe
				);
				return left;
			case '*':
				return multiply(left, right);
			case '/':
				return divide(left, right);
			case '^':
				return this.#power(left, right, at);
			case 'and':
			case 'or':
				return known(this.scope.dimensionless);
		}
		if (COMPARISONS.has(expr.op))
			this.#unify(
				[
					{ value: left, at: expr.left },
					{ value: right, at }
				],
				describe
			);
		return known(this.scope.dimensionless);
	}

	#power(base: Inferred, exponent: Inferred, at: Span): Inferred {
		if (exponent.kind === 'units' && !exponent.units.isDimensionless) {
			this.#warn(`the power after ^ must be dimensionless, not ${exponent.units}`, at);
			return UNKNOWN;
		}
		if (base.kind === 'number' || (base.kind === 'units' && base.units.isDimensionless))
			return base;
		if (base.kind === 'unknown') return UNKNOWN;
		if (exponent.kind === 'number' && exponent.value !== undefined)
			return power(base, exponent.value);
		if (exponent.kind === 'unknown') return UNKNOWN;
		this.#warn(`${base.units} can only be raised to a number written in the equation`, at);
		return UNKNOWN;
	}

	#branches(then: Expr, otherwise: Expr): Inferred {
		const a = this.infer(then);
		const b = this.infer(otherwise);
		return this.#unify(
			[
				{ value: a, at: then },
				{ value: b, at: otherwise }
			],
			(x, y) => `the THEN branch gives ${x} but the ELSE branch gives ${y}`
		);
	}

	#call(expr: Extract<Expr, { type: 'call' }>): Inferred {
		const { canonical, args } = expr;
		if (canonical === 'if_then_else' && args.length === 3) {
			this.infer(args[0]);
			return this.#branches(args[1], args[2]);
		}
		// LOOKUP(table, x) and table(x): the table's declared units; its input is not checked.
		const tableName =
			LOOKUP_NAMES.has(canonical) && args[0]?.type === 'name' ? args[0].canonical : canonical;
		const table = this.scope.variable(tableName);
		if (table?.graphical) {
			const inputs = tableName === canonical ? args : args.slice(1);
			for (const a of inputs) this.infer(a);
			return table.units ? known(table.units) : UNKNOWN;
		}
		const inferred = args.map((a) => this.infer(a));
		const builtin = findBuiltin(canonical);
		if (!builtin || args.length < builtin.minArgs || args.length > builtin.maxArgs) return UNKNOWN;
		return this.#builtin(builtin.name, expr.name.toUpperCase(), inferred, expr, args);
	}

	#builtin(
		name: string,
		written: string,
		args: Inferred[],
		call: Span,
		argExprs: readonly Expr[] = []
	): Inferred {
		const rule = UNIT_RULES[name];
		if (!rule) return UNKNOWN;
		const { scope } = this;
		const where = (i: number): Span => argExprs[i] ?? call;
		const context: CallUnits = {
			name: written,
			args,
			time: scope.time,
			dimensionless: scope.dimensionless,
			expect: (i, expected, role) => {
				const found = args[i];
				const want =
					expected === undefined || 'kind' in expected
						? expected?.kind === 'units'
							? expected.units
							: undefined
						: expected;
				if (!want || found?.kind !== 'units' || found.units.equals(want)) return;
				this.#warn(`the ${role} of ${written} should be ${want} but is ${found.units}`, where(i));
			},
			expectTime: (i, role) => context.expect(i, scope.time, role),
			expectDimensionless: (i) => {
				const found = args[i];
				if (found?.kind === 'units' && !found.units.isDimensionless)
					this.#warn(`${written} needs a dimensionless argument, not ${found.units}`, where(i));
			},
			same: (indexes) =>
				this.#unify(
					indexes.filter((i) => i < args.length).map((i) => ({ value: args[i], at: where(i) })),
					(a, b) => `${written} needs arguments in the same units, not ${a} and ${b}`
				)
		};
		return rule(context);
	}

	/**
	 * The units operands share. A plain number takes the others' units; an unknown makes the
	 * result unknown, but the known operands are still compared. Warns once, at the first misfit.
	 */
	#unify(operands: Operand[], describe: (first: Units, other: Units) => string): Inferred {
		let common: Units | undefined;
		let unknown = false;
		for (const { value, at } of operands) {
			if (value.kind === 'unknown') unknown = true;
			if (value.kind !== 'units') continue;
			if (!common) common = value.units;
			else if (!value.units.equals(common)) {
				this.#warn(describe(common, value.units), at);
				return UNKNOWN;
			}
		}
		if (unknown) return UNKNOWN;
		return common ? known(common) : number();
	}

	/** The operator between a binary's operands: the first character that is not a space or a parenthesis. */
	#operatorAt(expr: Binary): Span {
		const between = this.source.slice(expr.left.end, expr.right.start);
		const offset = between.search(/[^\s()]/);
		if (offset < 0) return expr;
		const start = expr.left.end + offset;
		const word = /^[a-z]+/i.exec(between.slice(offset));
		const symbol = /^[<>=]+/.exec(between.slice(offset));
		return { start, end: start + (word ?? symbol ?? [' '])[0].length };
	}

	#warn(message: string, at: Span): void {
		// The position travels as start/end: the CLI prints it as "(character N)", the editor underlines it.
		this.warnings.push({ message, start: at.start, end: at.end });
	}
}
