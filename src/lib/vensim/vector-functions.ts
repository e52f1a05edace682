/**
 * Vensim functions whose value at one element reads a whole vector: VECTOR ELM MAP, VECTOR SORT
 * ORDER, INVERT MATRIX and ALLOCATE AVAILABLE. Each is written per element (variables.ts writes
 * equations that use them element by element) as a call with the element's position and every
 * value of the vector spelled out; engine/builtins/vensim-vectors.ts and allocation.ts compute it.
 */
import { canonicalName } from '../model/names';
import type { SubscriptRef, VExpr } from './ast';
import { elementAtHand, emit, fail, type EmitContext } from './xmile-text';

type Ref = Extract<VExpr, { type: 'name' }>;
type Translate = (args: VExpr[], ctx: EmitContext) => string;

/** Functions that need the element being defined, so their equations are written per element. */
export const PER_ELEMENT_FUNCTIONS = new Set([
	'vector_elm_map',
	'vector_sort_order',
	'invert_matrix',
	'allocate_available',
	'allocate_by_priority'
]);

function reference(arg: VExpr, what: string, ctx: EmitContext, least = 1): Ref {
	if (arg.type !== 'name' || arg.subscripts.length < least)
		fail(ctx, `${what} must be a subscripted variable`);
	return arg;
}

/** The reference with some of its subscripts replaced by elements. */
function at(ref: Ref, replace: Map<number, string>): Ref {
	return {
		...ref,
		subscripts: ref.subscripts.map((s, i): SubscriptRef =>
			replace.has(i) ? { name: replace.get(i)!, bang: false } : s
		)
	};
}

/** The range a subscript runs over: itself, or for an element the owner's range holding it, else its family. */
function rangeOf(sub: string, ctx: EmitContext): { elements: string[]; start: number } {
	const { subscripts } = ctx;
	if (subscripts.isRange(sub)) {
		const elements = subscripts.elementsOf(sub);
		const current = elementAtHand(sub, ctx);
		return { elements, start: current ? indexIn(elements, current) : 0 };
	}
	const key = canonicalName(sub);
	const owner = [...ctx.binding.keys()].find((r) => subscripts.contains(r, sub));
	let elements = owner ? subscripts.elementsOf(owner) : undefined;
	if (!elements)
		for (const r of subscripts.ranges.values())
			if (
				r.elements.some((e) => canonicalName(e) === key) &&
				r.elements.length > (elements?.length ?? 0)
			)
				elements = r.elements;
	if (!elements) fail(ctx, `${sub} is neither a subscript range nor an element of one`);
	return { elements, start: indexIn(elements, sub) };
}

function indexIn(elements: string[], element: string): number {
	return elements.findIndex((e) => canonicalName(e) === canonicalName(element));
}

/** The position (from 0) of the element being defined in a range. */
function positionIn(range: string, ctx: EmitContext, what: string): number {
	const element = ctx.subscripts.isRange(range) ? elementAtHand(range, ctx) : range;
	if (element === undefined) fail(ctx, `${what}: the equation must be defined over ${range}`);
	return indexIn(ctx.subscripts.elementsOf(range), element);
}

const elmMap: Translate = (args, ctx) => {
	if (args.length !== 2) fail(ctx, `VECTOR ELM MAP takes 2 arguments, not ${args.length}`);
	const vector = reference(args[0], 'the vector of VECTOR ELM MAP', ctx);
	const last = vector.subscripts.length - 1;
	const { elements, start } = rangeOf(vector.subscripts[last].name, ctx);
	const values = elements.slice(start).map((e) => emit(at(vector, new Map([[last, e]])), ctx));
	return `VECTOR_ELM_AT(${[emit(args[1], ctx), ...values].join(', ')})`;
};

const sortOrder: Translate = (args, ctx) => {
	if (args.length !== 2) fail(ctx, `VECTOR SORT ORDER takes 2 arguments, not ${args.length}`);
	const vector = reference(args[0], 'the vector of VECTOR SORT ORDER', ctx);
	const last = vector.subscripts.length - 1;
	const range = vector.subscripts[last].name;
	const direction = args[1];
	const named = direction.type === 'name' ? canonicalName(direction.name) : '';
	const directionText =
		named === 'ascending' ? '1' : named === 'descending' ? '-1' : emit(direction, ctx);
	const values = ctx.subscripts
		.elementsOf(range)
		.map((e) => emit(at(vector, new Map([[last, e]])), ctx));
	const position = positionIn(range, ctx, 'VECTOR SORT ORDER');
	return `VECTOR_SORT_POSITION(${[String(position), directionText, ...values].join(', ')})`;
};

const invertMatrix: Translate = (args, ctx) => {
	if (args.length !== 2) fail(ctx, `INVERT MATRIX takes 2 arguments, not ${args.length}`);
	const matrix = reference(args[0], 'the matrix of INVERT MATRIX', ctx, 2);
	const [r, c] = [matrix.subscripts.length - 2, matrix.subscripts.length - 1];
	const rows = ctx.subscripts.elementsOf(matrix.subscripts[r].name);
	const columns = ctx.subscripts.elementsOf(matrix.subscripts[c].name);
	if (rows.length !== columns.length) fail(ctx, 'INVERT MATRIX needs a square matrix');
	const cells = rows.flatMap((row) =>
		columns.map((column) =>
			emit(
				at(
					matrix,
					new Map([
						[r, row],
						[c, column]
					])
				),
				ctx
			)
		)
	);
	const row = positionIn(matrix.subscripts[r].name, ctx, 'INVERT MATRIX') + 1;
	const column = positionIn(matrix.subscripts[c].name, ctx, 'INVERT MATRIX') + 1;
	return `INVERT_MATRIX(${[row, column, rows.length, ...cells].join(', ')})`;
};

/** The positions of `range` in a reference's subscripts, each set to the requester `e`. */
function requesterIn(ref: Ref, range: string, e: string): Map<number, string> {
	return new Map(
		ref.subscripts
			.map((s, i): [number, string] => [i, s.name])
			.filter(([, s]) => canonicalName(s) === canonicalName(range))
			.map(([i]) => [i, e])
	);
}

/**
 * ALLOCATE AVAILABLE(request[…, R], profile[…, R, first], available): shared out over R, the last
 * subscript of the request; each requester's profile is four values from `first` on (ptype,
 * ppriority, pwidth, pextra), and R in the profile's subscripts is the requester.
 */
const allocate: Translate = (args, ctx) => {
	if (args.length !== 3) fail(ctx, `ALLOCATE AVAILABLE takes 3 arguments, not ${args.length}`);
	const profile = reference(args[1], 'the priority profile of ALLOCATE AVAILABLE', ctx);
	const p = profile.subscripts.length - 1;
	const { elements, start } = rangeOf(profile.subscripts[p].name, ctx);
	const fields = elements.slice(start, start + 4);
	if (fields.length !== 4)
		fail(ctx, 'a priority profile has four values: ptype, ppriority, pwidth, pextra');
	return allocationOf('ALLOCATE AVAILABLE', args[0], args[2], ctx, (requesterAt, e) =>
		fields.map((f) => emit(at(profile, requesterAt(profile, e).set(p, f)), ctx))
	);
};

/**
 * ALLOCATE BY PRIORITY(request[…, R], priority[…, R], size, width, supply): Vensim's older
 * allocation, in which a requester is served linearly as the "price" falls from its priority to
 * its priority − width (PySD's allocate_by_priority, step 2). That is ALLOCATE AVAILABLE with
 * rectangular profiles (ptype 1) of that width: centring them on the priority instead shifts every
 * requester alike, which changes no share.
 */
const allocateByPriority: Translate = (args, ctx) => {
	if (args.length !== 5)
		fail(
			ctx,
			`ALLOCATE BY PRIORITY takes 5 arguments (request, priority, size, width, supply), not ${args.length}`
		);
	const priority = reference(args[1], 'the priority of ALLOCATE BY PRIORITY', ctx);
	const width = emit(args[3], ctx);
	return allocationOf('ALLOCATE BY PRIORITY', args[0], args[4], ctx, (requesterAt, e) => [
		'1',
		emit(at(priority, requesterAt(priority, e)), ctx),
		width,
		'0'
	]);
};

/**
 * The engine's ALLOCATE_AVAILABLE_OF for one element: the requests over R (the request's last
 * subscript), the supply, and each requester's four profile values from `profileOf`.
 */
function allocationOf(
	name: string,
	requestArg: VExpr,
	supply: VExpr,
	ctx: EmitContext,
	profileOf: (requesterAt: (ref: Ref, e: string) => Map<number, string>, e: string) => string[]
): string {
	const request = reference(requestArg, `the request of ${name}`, ctx);
	const range = request.subscripts[request.subscripts.length - 1].name;
	if (!ctx.subscripts.isRange(range))
		fail(ctx, 'the request must be over a subscript range, as its last subscript');
	const requesters = ctx.subscripts.elementsOf(range);
	const requesterAt = (ref: Ref, e: string) => requesterIn(ref, range, e);
	const requests = requesters.map((e) => emit(at(request, requesterAt(request, e)), ctx));
	const profiles = requesters.flatMap((e) => profileOf(requesterAt, e));
	const i = positionIn(range, ctx, name) + 1;
	return `ALLOCATE_AVAILABLE_OF(${[i, emit(supply, ctx), requesters.length, ...requests, ...profiles].join(', ')})`;
}

export const VECTOR_FUNCTIONS: Record<string, Translate> = {
	allocate_by_priority: allocateByPriority,
	vector_elm_map: elmMap,
	vector_sort_order: sortOrder,
	invert_matrix: invertMatrix,
	allocate_available: allocate
};
