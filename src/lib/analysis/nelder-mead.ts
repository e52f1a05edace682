/**
 * Nelder–Mead simplex minimisation (Nelder and Mead, Computer Journal 7, 1965), with the
 * standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½) and the order rules
 * of Lagarias et al. (SIAM J. Optim. 9, 1998). Derivative-free, so it copes with the kinks that
 * MIN, MAX and IF give a model's payoff. The function takes a batch of points and answers them
 * together, so the first simplex and a shrink go to the worker pool at once.
 *
 * No npm package fits: fmin (the one well-known JS Nelder–Mead) is unmaintained since 2016 and
 * evaluates one point at a time synchronously, where ours must await a worker.
 */

export type BatchFunction = (points: number[][]) => Promise<number[]>;

export interface SimplexOptions {
	/** The first simplex's step in each coordinate; default 1. */
	step?: number | number[];
	/** Stop after this many evaluations; default 200 × (dimensions + 1). */
	maxEvaluations?: number;
	/** Stop when the simplex's values and points differ by less than this; default 1e-8. */
	tolerance?: number;
	signal?: AbortSignal;
	/** After each iteration: the evaluations so far and the best value. */
	onIteration?: (evaluations: number, best: number) => void;
}

export interface Minimum {
	x: number[];
	value: number;
	evaluations: number;
	/** Whether the simplex shrank to the tolerance (rather than running out of evaluations). */
	converged: boolean;
}

const finite = (v: number) => (Number.isFinite(v) ? v : Infinity);

export async function nelderMead(
	f: BatchFunction,
	start: readonly number[],
	options: SimplexOptions = {}
): Promise<Minimum> {
	const n = start.length;
	const maxEvaluations = options.maxEvaluations ?? 200 * (n + 1);
	const tolerance = options.tolerance ?? 1e-8;
	const steps = Array.isArray(options.step)
		? options.step
		: Array.from({ length: n }, () => (options.step as number | undefined) ?? 1);
	let evaluations = 0;
	const evaluate = async (points: number[][]) => {
		evaluations += points.length;
		return (await f(points)).map(finite);
	};
	const points: number[][] = [
		[...start],
		...steps.map((s, i) => start.map((x, j) => (i === j ? x + s : x)))
	];
	let values = await evaluate(points);
	let simplex = points.map((x, i) => ({ x, value: values[i] }));
	const along = (from: number[], to: number[], t: number) =>
		from.map((v, i) => v + t * (to[i] - v));
	let converged = false;
	while (evaluations < maxEvaluations && !options.signal?.aborted) {
		simplex.sort((a, b) => a.value - b.value);
		const best = simplex[0];
		const worst = simplex[n];
		const spread = Math.max(...simplex.map((p) => Math.abs(p.value - best.value)));
		const size = Math.max(
			...simplex.slice(1).map((p) => Math.max(...p.x.map((v, i) => Math.abs(v - best.x[i]))))
		);
		if (
			spread <= tolerance * (1 + Math.abs(best.value)) &&
			size <= tolerance * (1 + Math.max(...best.x.map(Math.abs)))
		) {
			converged = true;
			break;
		}
		options.onIteration?.(evaluations, best.value);
		const centroid = Array.from(
			{ length: n },
			(_, i) => simplex.slice(0, n).reduce((s, p) => s + p.x[i], 0) / n
		);
		const reflected = along(centroid, worst.x, -1);
		const [fr] = await evaluate([reflected]);
		if (fr < best.value) {
			const expanded = along(centroid, worst.x, -2);
			const [fe] = await evaluate([expanded]);
			simplex[n] = fe < fr ? { x: expanded, value: fe } : { x: reflected, value: fr };
			continue;
		}
		if (fr < simplex[n - 1].value) {
			simplex[n] = { x: reflected, value: fr };
			continue;
		}
		const outside = fr < worst.value;
		const contracted = along(centroid, worst.x, outside ? -0.5 : 0.5);
		const [fc] = await evaluate([contracted]);
		if (fc < (outside ? fr : worst.value)) {
			simplex[n] = { x: contracted, value: fc };
			continue;
		}
		const shrunk = simplex.slice(1).map((p) => along(best.x, p.x, 0.5));
		values = await evaluate(shrunk);
		simplex = [best, ...shrunk.map((x, i) => ({ x, value: values[i] }))];
	}
	simplex.sort((a, b) => a.value - b.value);
	return { x: simplex[0].x, value: simplex[0].value, evaluations, converged };
}
