/**
 * How each array function reads once its arguments are lists of element expressions
 * (XMILE 3.7.1.3). `SUM(Beds[*])` over North and South becomes `SUM("Beds[North]",
 * "Beds[South]")`; the builtins (builtins/arrays.ts, MIN and MAX in builtins/math.ts) take any
 * number of values. SIZE is a number by then, so it becomes one.
 */
import { findBuiltin } from '../builtins';
import type { Expr, Span } from '../parse/ast';

/** One argument, expanded: its element expressions, and whether it was an array at all. */
export interface ExpandedArgument {
	values: Expr[];
	arrayed: boolean;
	span: Span;
}

export class ArrayFunctionError extends Error {
	constructor(
		message: string,
		readonly span: Span
	) {
		super(message);
	}
}

type Reduce = (args: ExpandedArgument[], call: Extract<Expr, { type: 'call' }>) => Expr;

const call = (name: string, args: Expr[], at: Span & { nameSpan: Span }): Expr => ({
	type: 'call',
	name,
	canonical: name.toLowerCase(),
	nameSpan: at.nameSpan,
	args,
	start: at.start,
	end: at.end
});

/** Every value of every argument, in order: MIN(A, 0) is the smallest of A's elements and 0. */
const allValues =
	(name: string): Reduce =>
	(args, at) =>
		call(
			name,
			args.flatMap((a) => a.values),
			at
		);

const REDUCERS: Record<string, Reduce> = {
	sum: allValues('SUM'),
	mean: allValues('MEAN'),
	prod: allValues('PROD'),
	stddev: allValues('STDDEV'),
	min: allValues('MIN'),
	max: allValues('MAX'),
	size: (args, at) => {
		if (args.length !== 1)
			throw new ArrayFunctionError(`SIZE takes 1 argument (an array), not ${args.length}`, at);
		return { type: 'number', value: args[0].values.length, start: at.start, end: at.end };
	},
	rank: (args, at) => {
		if (args.length === 3)
			throw new ArrayFunctionError(
				'RANK with a third argument (an array to break ties) is not supported yet',
				args[2].span
			);
		if (args.length !== 2)
			throw new ArrayFunctionError(
				`RANK takes 2 arguments (an array and a rank), not ${args.length}`,
				at
			);
		if (args[1].arrayed)
			throw new ArrayFunctionError(
				'the rank (second argument of RANK) must be one number, not an array',
				args[1].span
			);
		return call('RANK', [...args[0].values, args[1].values[0]], at);
	}
};

/** The reducer for a call's name (aliases such as VMIN included), or undefined if it is no array function. */
export function arrayFunction(canonical: string): Reduce | undefined {
	if (canonical === 'size') return REDUCERS.size;
	const builtin = findBuiltin(canonical);
	return builtin && Object.hasOwn(REDUCERS, builtin.name) ? REDUCERS[builtin.name] : undefined;
}

export const ARRAY_FUNCTION_NAMES = 'SUM, MEAN, MIN, MAX, STDDEV, PROD, SIZE or RANK';
