/**
 * The array functions of XMILE 3.7.1.3 as plain functions of their values. The arrays pass
 * (flatten/array-functions.ts) expands an array argument into its elements, so that
 * `SUM(Beds[*])` reaches the compiler as `SUM("Beds[North]", "Beds[South]")`; written with
 * numbers, `SUM(1, 2, 3)` means the same. SIZE is settled by that pass (it is a number), and
 * MIN and MAX are the math builtins, which take any number of arguments.
 */
import type { PureBuiltin } from './types';

const variadic = (
	name: string,
	signature: string,
	evaluate: (...a: number[]) => number,
	emit?: (a: string[]) => string,
	aliases?: string[]
): PureBuiltin => ({
	kind: 'pure',
	name,
	signature,
	minArgs: 1,
	maxArgs: Infinity,
	evaluate,
	emit,
	aliases
});

// Left to right from the first value, exactly as the inlined chain computes it (0 + -0 is 0).
function sum(...xs: number[]): number {
	let total = xs[0];
	for (let i = 1; i < xs.length; i++) total += xs[i];
	return total;
}

function product(...xs: number[]): number {
	let total = xs[0];
	for (let i = 1; i < xs.length; i++) total *= xs[i];
	return total;
}

/**
 * Population standard deviation (divide by n), as Simlin computes STDDEV; XMILE does not say
 * which. Two passes, so a large common offset does not swamp the spread.
 */
function stddev(...xs: number[]): number {
	const mean = sum(...xs) / xs.length;
	let squares = 0;
	for (const x of xs) squares += (x - mean) * (x - mean);
	return Math.sqrt(squares / xs.length);
}

/**
 * RANK(values…, r): the 1-based position of the r-th smallest value (XMILE: "index of element
 * of given rank … sorted in ascending order"); equal values keep their order. A rank outside
 * 1 … count, or not a whole number, gives NaN, which stops the run with a message.
 */
function rank(...args: number[]): number {
	const r = args[args.length - 1];
	const values = args.slice(0, -1);
	if (!Number.isInteger(r) || r < 1 || r > values.length) return NaN;
	const order = values.map((v, i) => i).sort((a, b) => values[a] - values[b] || a - b);
	return order[r - 1] + 1;
}

export const arrayBuiltins: PureBuiltin[] = [
	// Inline as a chain, so a sum of array elements runs as fast as the same sum written out.
	variadic(
		'sum',
		'SUM(array): the sum of the elements (or of the arguments)',
		sum,
		(a) => `(${a.join(' + ')})`,
		['vsum']
	),
	variadic(
		'mean',
		'MEAN(array): the average of the elements (or of the arguments)',
		(...xs) => sum(...xs) / xs.length,
		(a) => `((${a.join(' + ')}) / ${a.length})`
	),
	variadic(
		'prod',
		'PROD(array): the product of the elements (or of the arguments)',
		product,
		(a) => `(${a.join(' * ')})`,
		['product', 'vprod']
	),
	variadic(
		'stddev',
		'STDDEV(array): the standard deviation of the elements (population, dividing by their number)',
		stddev
	),
	{
		...variadic(
			'rank',
			'RANK(array, r): the position of the r-th smallest element (1 is the smallest)',
			rank
		),
		minArgs: 2
	}
];
