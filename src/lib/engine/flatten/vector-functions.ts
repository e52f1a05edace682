/**
 * Vensim's VECTOR functions in an arrayed equation (Vensim reference; checked against
 * SDEverywhere's vector test model in the wide conformance suite). Each becomes a call of a
 * plain builtin (builtins/vectors.ts) over the element references it needs:
 *
 *   VECTOR ELM MAP(d[A2, B1], offset)  → VECTOR_ELM_AT(<position of d[A2,B1]> + offset, d[A1,B1], …)
 *                                        the element `offset` places on, the array read row by row
 *   VECTOR SELECT(sel[*], x[*], missing, action, error)
 *                                      → VECTOR_SELECT_OF(missing, action, error, sel₁, x₁, sel₂, x₂, …)
 *   VECTOR SORT ORDER(h[DimA], direction) → VECTOR_SORT_POSITION(<position in the row>, direction, h row…)
 *                                        sorted along the last dimension
 */
import { elementName } from '../../model/arrays';
import { canonicalName } from '../../model/names';
import type { Expr, Span } from '../parse/ast';
import type { ExpandedArgument } from './array-functions';
import type { Dim } from './dimensions';

type Call = Extract<Expr, { type: 'call' }>;

/** What the rewriter lends these functions. */
export interface VectorHost<Scope> {
	/** The arrayed variable an argument names (`x` or `x[…]`), if it does. */
	arrayOf(arg: Expr): { name: string; dims: readonly Dim[] } | undefined;
	rewrite(expr: Expr, scope: Scope): Expr;
	expand(arg: Expr, scope: Scope): ExpandedArgument;
	fail(message: string, at: Span): never;
}

export const VECTOR_FUNCTIONS = new Set(['vector_elm_map', 'vector_select', 'vector_sort_order']);

export function rewriteVectorFunction<Scope>(
	expr: Call,
	scope: Scope,
	host: VectorHost<Scope>
): Expr {
	const span = { start: expr.start, end: expr.end };
	const call = (name: string, args: Expr[]): Expr => ({
		type: 'call',
		name,
		canonical: name.toLowerCase(),
		nameSpan: expr.nameSpan,
		args,
		...span
	});
	const number = (value: number): Expr => ({ type: 'number', value, ...span });
	const arity = (n: number) => {
		if (expr.args.length !== n)
			host.fail(`${expr.name.toUpperCase()} takes ${n} arguments, not ${expr.args.length}`, expr);
	};
	switch (expr.canonical) {
		case 'vector_elm_map': {
			arity(2);
			const [start, offset] = expr.args;
			const array = arrayed(start, expr, host);
			const names = allElements(array);
			const at = positionOf(host.rewrite(start, scope), names, start, host);
			const index: Expr = {
				type: 'binary',
				op: '+',
				left: number(at),
				right: host.rewrite(offset, scope),
				...span
			};
			return call('VECTOR_ELM_AT', [index, ...names.map((n) => nameExpr(n, span))]);
		}
		case 'vector_select': {
			arity(5);
			const [selection, values, missing, action, error] = expr.args;
			const chosen = host.expand(selection, scope).values;
			const from = host.expand(values, scope).values;
			if (chosen.length !== from.length)
				host.fail(
					`VECTOR SELECT: the selection has ${chosen.length} elements but the values ${from.length}`,
					expr
				);
			return call('VECTOR_SELECT_OF', [
				host.rewrite(missing, scope),
				host.rewrite(action, scope),
				host.rewrite(error, scope),
				...chosen.flatMap((s, i) => [s, from[i]])
			]);
		}
		default: {
			arity(2);
			const [vector, direction] = expr.args;
			const array = arrayed(vector, expr, host);
			const last = array.dims.length - 1;
			// The row the element at hand sits in: its own subscripts, with the last one open.
			const written = vector.type === 'subscript' ? vector.indices : undefined;
			const indices: Expr[] = array.dims.map((d, j) =>
				j === last
					? { type: 'name', name: '*', canonical: '*', ...span }
					: (written?.[j] ?? { type: 'name', name: d.name, canonical: d.key, ...span })
			);
			const target = vector.type === 'subscript' ? vector.target : vector;
			const row = host.expand({ type: 'subscript', target, indices, ...span }, scope).values;
			const names = allElements(array);
			const at = positionOf(host.rewrite(vector, scope), names, vector, host);
			const position = at % array.dims[last].elements.length;
			return call('VECTOR_SORT_POSITION', [
				number(position),
				host.rewrite(direction, scope),
				...row
			]);
		}
	}
}

function arrayed<Scope>(arg: Expr, call: Call, host: VectorHost<Scope>) {
	const array = host.arrayOf(arg);
	if (!array)
		host.fail(`the first argument of ${call.name.toUpperCase()} must be an arrayed variable`, arg);
	return array;
}

/** Every element's name, row by row (the last dimension fastest). */
function allElements(array: { name: string; dims: readonly Dim[] }): string[] {
	let rows: string[][] = [[]];
	for (const dim of array.dims) rows = rows.flatMap((row) => dim.elements.map((e) => [...row, e]));
	return rows.map((row) => elementName(array.name, row));
}

function positionOf<Scope>(
	element: Expr,
	names: string[],
	at: Expr,
	host: VectorHost<Scope>
): number {
	const index =
		element.type === 'name' ? names.findIndex((n) => canonicalName(n) === element.canonical) : -1;
	if (index < 0) host.fail('this must name one element of the array', at);
	return index;
}

function nameExpr(name: string, span: Span): Expr {
	return { type: 'name', name, canonical: canonicalName(name), ...span };
}
