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
 *   ALLOCATE AVAILABLE(request[R], profile[R, first], available)
 *                                      → ALLOCATE_AVAILABLE_OF(<position in R>, available, n, request row…,
 *                                        four profile values from `first` on per requester…)
 *                                        shared out over R, the request's last dimension; the
 *                                        profile's last two dimensions are the requester and its
 *                                        fields (ptype, ppriority, pwidth, pextra), as in Vensim
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

export const VECTOR_FUNCTIONS = new Set([
	'vector_elm_map',
	'vector_select',
	'vector_sort_order',
	'allocate_available'
]);

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
		case 'allocate_available': {
			arity(3);
			const [request, profile, available] = expr.args;
			const requests = arrayed(request, expr, host);
			const profiles = arrayed(profile, expr, host);
			const n = requests.dims[requests.dims.length - 1].elements.length;
			const requestRow = host.expand(openLast(request, requests.dims, 1, span), scope).values;
			const at = positionOf(host.rewrite(request, scope), allElements(requests), request, host) % n;
			if (profiles.dims.length < 2)
				host.fail(
					'the priority profile of ALLOCATE AVAILABLE needs a requester and a field dimension',
					profile
				);
			const fields = profiles.dims[profiles.dims.length - 1].elements;
			const requesterDim = profiles.dims[profiles.dims.length - 2];
			if (requesterDim.elements.length !== n)
				host.fail(
					`the priority profile has ${requesterDim.elements.length} requesters but the request ${n}`,
					profile
				);
			const first = fieldStart(profile, profiles.dims, host);
			if (first + 4 > fields.length)
				host.fail(
					'a priority profile has four values from its first field on: ptype, ppriority, pwidth, pextra',
					profile
				);
			const table = host.expand(openLast(profile, profiles.dims, 2, span), scope).values;
			const chosen = Array.from({ length: n }, (_, j) =>
				table.slice(j * fields.length + first, j * fields.length + first + 4)
			).flat();
			return call('ALLOCATE_AVAILABLE_OF', [
				number(at + 1),
				host.rewrite(available, scope),
				number(n),
				...requestRow,
				...chosen
			]);
		}
		default: {
			arity(2);
			const [vector, direction] = expr.args;
			const array = arrayed(vector, expr, host);
			const last = array.dims.length - 1;
			// The row the element at hand sits in: its own subscripts, with the last one open.
			const row = host.expand(openLast(vector, array.dims, 1, span), scope).values;
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

/** The reference with its last `open` subscripts made `*` (the rest as written, or the element at hand). */
function openLast(arg: Expr, dims: readonly Dim[], open: number, span: Span): Expr {
	const written = arg.type === 'subscript' ? arg.indices : undefined;
	const indices: Expr[] = dims.map((d, j) =>
		j >= dims.length - open
			? { type: 'name', name: '*', canonical: '*', ...span }
			: (written?.[j] ?? { type: 'name', name: d.name, canonical: d.key, ...span })
	);
	const target = arg.type === 'subscript' ? arg.target : arg;
	return { type: 'subscript', target, indices, ...span };
}

/** Where a profile's fields start: the element its last subscript names, or the first. */
function fieldStart<Scope>(profile: Expr, dims: readonly Dim[], host: VectorHost<Scope>): number {
	const last = dims[dims.length - 1];
	const written = profile.type === 'subscript' ? profile.indices[dims.length - 1] : undefined;
	if (
		!written ||
		(written.type === 'name' && (written.canonical === last.key || written.canonical === '*'))
	)
		return 0;
	const index =
		written.type === 'name'
			? last.elements.findIndex((e) => canonicalName(e) === written.canonical)
			: written.type === 'number'
				? written.value - 1
				: -1;
	if (index < 0 || index >= last.elements.length)
		host.fail(`the priority profile's last subscript must be an element of ${last.name}`, written);
	return index;
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
