/**
 * Calibration: the values of a model's uncertain constants, within their bounds, that make its
 * runs fit observed data best, with how well they fit and how sure the fit is.
 *
 *   const fit = await calibrate({ parameters: [{ name: 'growth', min: 0, max: 0.1 }],
 *     targets: [{ name: 'attendances', variable: 'attendances', times, values }] }, localRunner(sim));
 *
 * The search is Nelder–Mead from several starts (the model's own value or the middle of the
 * bounds, then seeded random points), all running side by side, then once more from the best
 * point (a restart at the optimum escapes a simplex that collapsed early). Approximate 95%
 * intervals come from the curvature of the payoff at the optimum: for a likelihood the
 * covariance is the inverse Hessian of the negative log-likelihood; for least squares it is
 * 2 s² H⁻¹ with s² = payoff / (points − parameters), the Gauss–Newton estimate (Seber and
 * Wild 1989, §2.1). They assume the model is right and the errors independent: a guide, not a
 * guarantee.
 */
import { fromFree, seededRandom, toFree, type Bounded } from './bounds';
import { hessian, invert } from './hessian';
import { nelderMead, type BatchFunction } from './nelder-mead';
import { seriesPayoff, type PayoffKind } from './payoff';
import { outputOf, valueAt, type RunMany } from './runner';
import { fitStatistics, type FitStatistics } from './statistics';

export interface FitParameter extends Bounded {
	/** The constant, by name. */
	name: string;
	/** Where the first start begins; the middle of the bounds when absent. */
	start?: number;
}

export interface FitTarget {
	/** The data series' name, for the report. */
	name: string;
	/** The model variable the series measures. */
	variable: string;
	times: readonly number[];
	values: readonly number[];
	/** Default 1. */
	weight?: number;
}

export interface CalibrationSpec {
	parameters: readonly FitParameter[];
	targets: readonly FitTarget[];
	payoff?: PayoffKind;
	/** Starts besides the first; default 3. */
	restarts?: number;
	seed?: number;
	/** Evaluations each start may take; default 150 × (parameters + 1). */
	maxEvaluations?: number;
	signal?: AbortSignal;
	/** Runs made so far and the best payoff yet. */
	onProgress?: (runs: number, best: number) => void;
}

export interface Interval {
	low: number;
	high: number;
	/** The standard error. */
	se: number;
}

export interface CalibrationResult {
	values: Record<string, number>;
	payoff: number;
	payoffKind: PayoffKind;
	/** Approximate 95% intervals by parameter; absent where the curvature says nothing (flat or saddle). */
	intervals: Record<string, Interval | undefined>;
	/** Fit statistics by data series name. */
	statistics: Record<string, FitStatistics>;
	/** The fitted run at each series' times, by series name. */
	fitted: Record<string, number[]>;
	/** Where each start began and the payoff it reached. */
	starts: { from: Record<string, number>; payoff: number }[];
	runs: number;
}

/** A sentence naming what is wrong with a calibration's set-up, or undefined. */
export function calibrationProblem(spec: CalibrationSpec): string | undefined {
	if (spec.parameters.length === 0) return 'choose at least one constant to fit';
	for (const p of spec.parameters)
		if (!(Number.isFinite(p.min) && Number.isFinite(p.max) && p.min < p.max))
			return `the bounds of "${p.name}" must be two numbers, the lower first (they are ${p.min}..${p.max})`;
	if (spec.targets.length === 0) return 'link at least one data series to a model variable';
	const points = spec.targets.reduce((s, t) => s + t.times.length, 0);
	if (points <= spec.parameters.length)
		return `${points} data points cannot fit ${spec.parameters.length} constants: there must be more points than constants`;
	for (const t of spec.targets)
		if (t.weight !== undefined && !(t.weight >= 0))
			return `the weight of "${t.name}" must be 0 or more (it is ${t.weight})`;
	return undefined;
}

export async function calibrate(
	spec: CalibrationSpec,
	runMany: RunMany
): Promise<CalibrationResult> {
	const problem = calibrationProblem(spec);
	if (problem) throw new Error(problem);
	const kind = spec.payoff ?? 'least-squares';
	const { parameters, targets } = spec;
	const names = parameters.map((p) => p.name);
	const outputs = [...new Set(targets.map((t) => t.variable))];
	const until = Math.max(...targets.map((t) => t.times[t.times.length - 1]));
	let runs = 0;
	let best = Infinity;

	const simulate = async (points: number[][]) => {
		const results = await runMany(
			points.map((x) => Object.fromEntries(names.map((n, i) => [n, x[i]]))),
			outputs,
			{ until }
		);
		runs += points.length;
		return results.map((result) =>
			targets.map((t) => {
				const series = result && outputOf(result, t.variable);
				return series && result
					? t.times.map((time) => valueAt(result.times, series, time))
					: t.times.map(() => NaN);
			})
		);
	};
	const score = (fitted: number[][]) =>
		targets.reduce((s, t, k) => s + (t.weight ?? 1) * seriesPayoff(kind, t.values, fitted[k]), 0);
	/** The payoff at points in the model's own units. */
	const payoffAt: BatchFunction = async (points) => {
		const values = (await simulate(points)).map(score);
		for (const v of values) if (v < best) best = v;
		spec.onProgress?.(runs, best);
		return values;
	};
	const freePayoff: BatchFunction = (zs) => payoffAt(zs.map((z) => fromFree(z, parameters)));

	const random = seededRandom(spec.seed ?? 1);
	const firsts = [
		parameters.map((p) => p.start ?? (p.min + p.max) / 2),
		...Array.from({ length: spec.restarts ?? 3 }, () =>
			parameters.map((p) => p.min + (p.max - p.min) * (0.05 + 0.9 * random()))
		)
	];
	const maxEvaluations = spec.maxEvaluations ?? 150 * (parameters.length + 1);
	const options = { maxEvaluations, step: 1, tolerance: 1e-9, signal: spec.signal };
	const ends = await Promise.all(
		firsts.map((x) => nelderMead(freePayoff, toFree(x, parameters), options))
	);
	const winner = ends.reduce((a, b) => (b.value < a.value ? b : a));
	const polished = await nelderMead(freePayoff, winner.x, { ...options, step: 0.1 });
	const z = polished.value <= winner.value ? polished.x : winner.x;
	const x = fromFree(z, parameters);
	if (spec.signal?.aborted) throw new DOMException('calibration cancelled', 'AbortError');

	const [fittedRun] = await simulate([x]);
	const payoff = score(fittedRun);
	const intervals = await curvatureIntervals(spec, kind, x, payoff, payoffAt);
	return {
		values: Object.fromEntries(names.map((n, i) => [n, x[i]])),
		payoff,
		payoffKind: kind,
		intervals,
		statistics: Object.fromEntries(
			targets.map((t, k) => [t.name, fitStatistics(t.values, fittedRun[k])])
		),
		fitted: Object.fromEntries(targets.map((t, k) => [t.name, fittedRun[k]])),
		starts: firsts.map((from, i) => ({
			from: Object.fromEntries(names.map((n, j) => [n, from[j]])),
			payoff: ends[i].value
		})),
		runs
	};
}

async function curvatureIntervals(
	spec: CalibrationSpec,
	kind: PayoffKind,
	x: number[],
	payoff: number,
	payoffAt: BatchFunction
): Promise<Record<string, Interval | undefined>> {
	const { parameters } = spec;
	const h = parameters.map((p, i) => 1e-4 * Math.max(Math.abs(x[i]), (p.max - p.min) * 0.01));
	const H = await hessian(payoffAt, x, h);
	const inverse = invert(H);
	const points = spec.targets.reduce((s, t) => s + t.times.length, 0);
	const factor =
		kind === 'least-squares' ? (2 * payoff) / Math.max(1, points - parameters.length) : 1;
	return Object.fromEntries(
		parameters.map((p, i) => {
			const variance = inverse ? factor * inverse[i][i] : NaN;
			if (!(variance > 0) || !Number.isFinite(variance)) return [p.name, undefined];
			const se = Math.sqrt(variance);
			return [p.name, { low: x[i] - 1.96 * se, high: x[i] + 1.96 * se, se }];
		})
	);
}
