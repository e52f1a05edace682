/**
 * How calibration and optimisation run the model: many override sets at once, each answered with
 * the chosen outputs (or undefined when it could not run). The CLI and the tests run them in
 * place (localRunner); the page sends them to the worker pool, which spreads them over its
 * workers, so the search itself holds no simulation logic and runs the same everywhere.
 */
import type { RunResult, Simulation } from '../engine/api';
import { canonicalName } from '../model/names';

export type RunMany = (
	overrides: readonly Record<string, number>[],
	outputs: readonly string[],
	/** Runs need go no further than `until` (model time): a fit to last winter need not run ten years. */
	options?: { until?: number }
) => Promise<(RunResult | undefined)[]>;

/**
 * Where to stop a run that must reach `until`: the first saved time at or after it (so it is a
 * saved row), never past the model's own stop. The model's stop when `until` is absent.
 */
export function stopCovering(
	specs: { start: number; stop: number; dt: number; saveStep?: number },
	until: number | undefined
): number {
	if (until === undefined || !Number.isFinite(until)) return specs.stop;
	const step = specs.saveStep ?? specs.dt;
	const rows = Math.ceil((until - specs.start) / step - 1e-9);
	return Math.min(specs.stop, specs.start + Math.max(0, rows) * step);
}

/** Runs one after another on a compiled simulation, in this thread; `specs` lets runs stop early. */
export function localRunner(
	simulation: Simulation,
	specs?: { start: number; stop: number; dt: number; saveStep?: number }
): RunMany {
	return async (sets, outputs, options) =>
		sets.map((overrides) => {
			try {
				const stop =
					specs && options?.until !== undefined ? stopCovering(specs, options.until) : undefined;
				const result = simulation.run({ overrides, outputs, ...(stop !== undefined && { stop }) });
				return result.error ? undefined : result;
			} catch {
				return undefined;
			}
		});
}

/** A saved series' value at time `t`, straight-line between saved times; NaN outside them. */
export function valueAt(times: ArrayLike<number>, values: ArrayLike<number>, t: number): number {
	const n = times.length;
	if (n === 0 || t < times[0] - 1e-9 || t > times[n - 1] + 1e-9) return NaN;
	let lo = 0;
	let hi = n - 1;
	while (hi - lo > 1) {
		const mid = (lo + hi) >> 1;
		if (times[mid] <= t) lo = mid;
		else hi = mid;
	}
	if (Math.abs(times[lo] - t) < 1e-9 || hi === lo) return values[lo];
	if (Math.abs(times[hi] - t) < 1e-9) return values[hi];
	const f = (t - times[lo]) / (times[hi] - times[lo]);
	return values[lo] + f * (values[hi] - values[lo]);
}

/** The output named `name` (as equations match names) of a run, or undefined. */
export function outputOf(result: RunResult, name: string): Float64Array | undefined {
	const key = canonicalName(name);
	const index = result.names.findIndex((n) => canonicalName(n) === key);
	return index < 0 ? undefined : result.series[index];
}

/**
 * The same runner, with the requests made in one turn of the event loop sent as one batch: the
 * starts of a search each ask for one run at a time, and together they keep every worker of
 * the pool busy rather than queueing on the first.
 */
export function batched(runMany: RunMany): RunMany {
	let queue: {
		sets: readonly Record<string, number>[];
		outputs: readonly string[];
		until?: number;
		resolve: (results: (RunResult | undefined)[]) => void;
		reject: (e: unknown) => void;
	}[] = [];
	const flush = async () => {
		const jobs = queue;
		queue = [];
		const outputs = [...new Set(jobs.flatMap((j) => j.outputs))];
		// The batch runs as far as its furthest request needs; to the end when one needs that.
		const until = jobs.some((j) => j.until === undefined)
			? undefined
			: Math.max(...jobs.map((j) => j.until!));
		try {
			const results = await runMany(
				jobs.flatMap((j) => j.sets),
				outputs,
				{ until }
			);
			let at = 0;
			for (const job of jobs) {
				job.resolve(results.slice(at, at + job.sets.length));
				at += job.sets.length;
			}
		} catch (e) {
			for (const job of jobs) job.reject(e);
		}
	};
	return (sets, outputs, options) =>
		new Promise((resolve, reject) => {
			if (queue.length === 0) setTimeout(flush, 0);
			queue.push({ sets, outputs, until: options?.until, resolve, reject });
		});
}
