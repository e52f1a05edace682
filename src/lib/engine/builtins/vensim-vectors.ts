/**
 * Vensim's vector functions whose value at one element depends on a whole vector: VECTOR ELM
 * MAP, VECTOR SORT ORDER and INVERT MATRIX. XMILE has none of them. Both readers write one call
 * per element with the element's position and the vector's values spelled out, so each is a
 * plain function of numbers here; vectors.ts registers the first two as VECTOR_ELM_AT and
 * VECTOR_SORT_POSITION.
 */
import type { PureBuiltin } from './types';

/** VECTOR ELM MAP: the value `offset` places after the first one given (Vensim counts from 0). */
export function vectorElmMap(offset: number, ...values: number[]): number {
	const i = Math.round(offset);
	return i >= 0 && i < values.length ? values[i] : NaN;
}

/**
 * VECTOR SORT ORDER: at position p (from 0), the position of the value that comes p-th when the
 * vector is sorted, ascending for a direction above 0 and descending otherwise; equal values keep
 * their order.
 */
export function vectorSortOrder(position: number, direction: number, ...values: number[]): number {
	const order = values
		.map((_, i) => i)
		.sort((a, b) => (direction > 0 ? values[a] - values[b] : values[b] - values[a]) || a - b);
	return order[Math.round(position)] ?? NaN;
}

/** INVERT MATRIX: element (row, column), both from 1, of the inverse of the n × n matrix given row by row. */
export function invertMatrixElement(
	row: number,
	column: number,
	n: number,
	...cells: number[]
): number {
	const a = Array.from({ length: n }, (_, r) => [
		...cells.slice(r * n, r * n + n),
		...Array.from({ length: n }, (_, c) => (c === r ? 1 : 0))
	]);
	// Gauss–Jordan with partial pivoting.
	for (let c = 0; c < n; c++) {
		let pivot = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
		if (a[pivot][c] === 0) return NaN;
		[a[c], a[pivot]] = [a[pivot], a[c]];
		const p = a[c][c];
		for (let k = 0; k < 2 * n; k++) a[c][k] /= p;
		for (let r = 0; r < n; r++) {
			if (r === c) continue;
			const f = a[r][c];
			if (f !== 0) for (let k = 0; k < 2 * n; k++) a[r][k] -= f * a[c][k];
		}
	}
	return a[row - 1]?.[n + column - 1] ?? NaN;
}

const variadic = (
	name: string,
	signature: string,
	minArgs: number,
	evaluate: (...a: number[]) => number
): PureBuiltin => ({ kind: 'pure', name, signature, minArgs, maxArgs: Infinity, evaluate });

export const vensimVectorBuiltins: PureBuiltin[] = [
	variadic(
		'invert_matrix',
		'INVERT_MATRIX(row, column, n, cells…): an element of the inverse of an n × n matrix',
		4,
		invertMatrixElement
	)
];
