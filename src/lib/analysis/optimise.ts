/**
 * Policy optimisation: the mix of levers, each within its bounds, that does best on an objective
 * (objective.ts) for at most a budget, and the frontier: the best objective at each budget.
 *
 * Spend is linear: Σ cost × (value − base) over the levers, base being the model's own value.
 * A mix over budget is pulled back along the line to the cheapest mix in the bounds until it
 * spends the budget exactly (the search space is a box, so the point stays in it), and is charged
 * a small penalty for the excess so the simplex does not wander far outside. The search is
 * Nelder–Mead from several starts, as calibration's (calibrate.ts).
 */
import { fromFree, seededRandom, toFree, type Bounded } from './bounds';
import { nelderMead, type BatchFunction } from './nelder-mead';
import { OBJECTIVE_NAME, type Objective } from './objective';
import { outputOf, valueAt, type RunMany } from './runner';

export interface OptimiseLever extends Bounded {
	name: string;
	/** What one unit of it costs; 0 when absent. */
	cost?: number;
	/** The value spend is counted from (the model's own); 0 when absent. */
	base?: number;
}

export interface OptimiseSpec {
	levers: readonly OptimiseLever[];
	objective: Objective;
	/** The saved variable that holds the objective's value; OBJECTIVE_NAME (withObjective's) when absent. */
	output?: string;
	budget?: number;
	/** Budgets to find the best at, for the frontier; none when absent. */
	frontier?: readonly number[];
	restarts?: number;
	seed?: number;
	maxEvaluations?: number;
	signal?: AbortSignal;
	onProgress?: (runs: number) => void;
	/**
	 * Runs per point averaged for a robust optimum: each point is run once with each of these
	 * override sets beneath the levers' values (a sensitivity analysis's samples, or one
	 * scenario's overrides to start from); once as it is when absent.
	 */
	samples?: readonly Record<string, number>[];
}

export interface Optimum {
	values: Record<string, number>;
	/** The objective's value there (the average over the samples when robust). */
	objective: number;
	spend: number;
}

export interface OptimiseResult extends Optimum {
	frontier: ({ budget: number } & Optimum)[];
	runs: number;
}

const spendOf = (levers: readonly OptimiseLever[], x: readonly number[]) =>
	levers.reduce((s, l, i) => s + (l.cost ?? 0) * (x[i] - (l.base ?? 0)), 0);

/** The cheapest mix in the bounds: each lever at the end that costs least. */
const cheapest = (levers: readonly OptimiseLever[]) =>
	levers.map((l) => ((l.cost ?? 0) >= 0 ? l.min : l.max));

/** A sentence naming what is wrong, or undefined. */
export function optimiseProblem(spec: OptimiseSpec): string | undefined {
	if (spec.levers.length === 0) return 'choose at least one lever';
	for (const l of spec.levers)
		if (!(Number.isFinite(l.min) && Number.isFinite(l.max) && l.min < l.max))
			return `the bounds of "${l.name}" must be two numbers, the lower first (they are ${l.min}..${l.max})`;
	const least = spendOf(spec.levers, cheapest(spec.levers));
	for (const budget of [spec.budget, ...(spec.frontier ?? [])])
		if (budget !== undefined && budget < least - 1e-9 * Math.abs(least))
			return `a budget of ${budget} is below the cheapest mix the bounds allow (${least})`;
	return undefined;
}

/** The mix pulled back to spend `budget` when it spends more; the same mix otherwise. */
function withinBudget(
	levers: readonly OptimiseLever[],
	x: number[],
	budget: number | undefined
): number[] {
	if (budget === undefined) return x;
	const spend = spendOf(levers, x);
	if (spend <= budget) return x;
	const c = cheapest(levers);
	const low = spendOf(levers, c);
	const t = Math.max(0, Math.min(1, (budget - low) / (spend - low)));
	return x.map((v, i) => c[i] + t * (v - c[i]));
}

export async function optimise(spec: OptimiseSpec, runMany: RunMany): Promise<OptimiseResult> {
	const problem = optimiseProblem(spec);
	if (problem) throw new Error(problem);
	const { levers, objective } = spec;
	const names = levers.map((l) => l.name);
	const samples = spec.samples?.length ? spec.samples : [{}];
	const sign = objective.sense === 'max' ? -1 : 1;
	let runs = 0;

	/** The objective (averaged over the samples) at mixes in the model's units. */
	const objectiveAt = async (points: number[][]) => {
		const sets = points.flatMap((x) =>
			samples.map((sample) => ({
				...sample,
				...Object.fromEntries(names.map((n, i) => [n, x[i]]))
			}))
		);
		const output = spec.output ?? OBJECTIVE_NAME;
		const results = await runMany(sets, [output], { until: objective.at });
		runs += sets.length;
		spec.onProgress?.(runs);
		return points.map((_, p) => {
			let total = 0;
			for (let s = 0; s < samples.length; s++) {
				const result = results[p * samples.length + s];
				const series = result && outputOf(result, output);
				if (!result || !series) return NaN;
				total += valueAt(
					result.times,
					series,
					objective.at ?? result.times[result.times.length - 1]
				);
			}
			return total / samples.length;
		});
	};

	const solve = async (budget: number | undefined, extraStarts: number[][]): Promise<Optimum> => {
		const payoff: BatchFunction = async (zs) => {
			const raw = zs.map((z) => fromFree(z, levers));
			const kept = raw.map((x) => withinBudget(levers, x, budget));
			const values = await objectiveAt(kept);
			return values.map((v, i) => {
				const excess = budget === undefined ? 0 : Math.max(0, spendOf(levers, raw[i]) - budget);
				const scale = Math.max(1, Math.abs(budget ?? 0));
				return sign * v + 1e-3 * (1 + Math.abs(v)) * (excess / scale);
			});
		};
		const random = seededRandom(spec.seed ?? 1);
		const starts = [
			levers.map((l) => (l.min + l.max) / 2),
			...extraStarts,
			...Array.from({ length: spec.restarts ?? 3 }, () =>
				levers.map((l) => l.min + (l.max - l.min) * (0.05 + 0.9 * random()))
			)
		].map((x) => withinBudget(levers, x, budget));
		const options = {
			maxEvaluations: spec.maxEvaluations ?? 150 * (levers.length + 1),
			tolerance: 1e-9,
			signal: spec.signal
		};
		const ends = await Promise.all(
			starts.map((x) => nelderMead(payoff, toFree(x, levers), options))
		);
		const winner = ends.reduce((a, b) => (b.value < a.value ? b : a));
		const polished = await nelderMead(payoff, winner.x, { ...options, step: 0.1 });
		const z = polished.value <= winner.value ? polished.x : winner.x;
		const x = withinBudget(levers, fromFree(z, levers), budget);
		if (spec.signal?.aborted) throw new DOMException('optimisation cancelled', 'AbortError');
		const [value] = await objectiveAt([x]);
		return {
			values: Object.fromEntries(names.map((n, i) => [n, x[i]])),
			objective: value,
			spend: spendOf(levers, x)
		};
	};

	const best = await solve(spec.budget, []);
	const frontier: OptimiseResult['frontier'] = [];
	let previous = [names.map((n) => best.values[n])];
	for (const budget of [...(spec.frontier ?? [])].sort((a, b) => a - b)) {
		const point = await solve(budget, previous);
		frontier.push({ budget, ...point });
		previous = [names.map((n) => point.values[n])];
	}
	return { ...best, frontier, runs };
}
