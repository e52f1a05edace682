/**
 * The curvature of a function at a point, by central finite differences, and what calibration
 * takes from it: the covariance of the estimates is about the inverse of the Hessian of the
 * negative log-likelihood (the observed information; Pawitan, In All Likelihood, 2001, §2.5).
 * Every point is asked for in one batch, so the pool runs them side by side.
 */
import type { BatchFunction } from './nelder-mead';

/** The Hessian at x with steps h (one per coordinate): 1 + 2n + 2n(n − 1) evaluations. */
export async function hessian(
	f: BatchFunction,
	x: readonly number[],
	h: readonly number[]
): Promise<number[][]> {
	const n = x.length;
	const shifted = (moves: [number, number][]) => {
		const p = [...x];
		for (const [i, by] of moves) p[i] += by * h[i];
		return p;
	};
	const points: number[][] = [[...x]];
	for (let i = 0; i < n; i++) points.push(shifted([[i, 1]]), shifted([[i, -1]]));
	for (let i = 0; i < n; i++)
		for (let j = i + 1; j < n; j++)
			points.push(
				shifted([
					[i, 1],
					[j, 1]
				]),
				shifted([
					[i, 1],
					[j, -1]
				]),
				shifted([
					[i, -1],
					[j, 1]
				]),
				shifted([
					[i, -1],
					[j, -1]
				])
			);
	const v = await f(points);
	const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (let i = 0; i < n; i++) H[i][i] = (v[1 + 2 * i] - 2 * v[0] + v[2 + 2 * i]) / (h[i] * h[i]);
	let k = 1 + 2 * n;
	for (let i = 0; i < n; i++)
		for (let j = i + 1; j < n; j++) {
			H[i][j] = H[j][i] = (v[k] - v[k + 1] - v[k + 2] + v[k + 3]) / (4 * h[i] * h[j]);
			k += 4;
		}
	return H;
}

/** The inverse of a square matrix by Gauss–Jordan elimination with partial pivoting; undefined when singular. */
export function invert(matrix: readonly (readonly number[])[]): number[][] | undefined {
	const n = matrix.length;
	const a = matrix.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
	const scale = Math.max(...matrix.flat().map(Math.abs), 0);
	for (let c = 0; c < n; c++) {
		let pivot = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
		if (!(Math.abs(a[pivot][c]) > 1e-12 * scale)) return undefined;
		[a[c], a[pivot]] = [a[pivot], a[c]];
		const p = a[c][c];
		for (let j = 0; j < 2 * n; j++) a[c][j] /= p;
		for (let r = 0; r < n; r++) {
			if (r === c) continue;
			const factor = a[r][c];
			if (factor !== 0) for (let j = 0; j < 2 * n; j++) a[r][j] -= factor * a[c][j];
		}
	}
	return a.map((row) => row.slice(n));
}
