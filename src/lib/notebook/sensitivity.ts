/**
 * Sensitivity analysis, the pure part: parameter samples drawn on the page from one seeded stream
 * (so a result never depends on which worker ran which sample), and percentiles across runs.
 */
import { randomStream } from '../engine/runtime';

/**
 * How one constant varies across runs.
 * @example { kind: 'triangular', min: 0, mode: 0.1, max: 0.3 }
 */
export type Distribution =
	| { kind: 'uniform'; min: number; max: number }
	| { kind: 'normal'; mean: number; sd: number }
	| { kind: 'triangular'; min: number; mode: number; max: number };

/** A constant (by display name) and its distribution. */
export interface Parameter {
	name: string;
	distribution: Distribution;
}

export interface Sample {
	/** Overrides by constant name. */
	overrides: Record<string, number>;
	/** Seed for the model's own random functions in this run. */
	seed: number;
}

/** The percentiles a fan chart draws: the median, and the 50% and 90% bands around it. */
export const FAN = [5, 25, 50, 75, 95] as const;

/** One value from `d`, given uniforms from `next`. Normal uses Box–Muller, triangular the inverse CDF. */
export function draw(d: Distribution, next: () => number): number {
	switch (d.kind) {
		case 'uniform':
			return d.min + (d.max - d.min) * next();
		case 'normal': {
			const u = 1 - next(); // in (0, 1], so the log is finite
			const v = next();
			return d.mean + d.sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
		}
		case 'triangular': {
			const { min, mode, max } = d;
			const u = next();
			if (max === min) return min;
			const cut = (mode - min) / (max - min);
			return u < cut ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
		}
	}
}

/** `runs` samples from one stream: run by run, parameter by parameter, then the run's own seed. */
export function drawSamples(parameters: readonly Parameter[], runs: number, seed: number): Sample[] {
	const next = randomStream(seed);
	const samples: Sample[] = [];
	for (let r = 0; r < runs; r++) {
		const overrides: Record<string, number> = {};
		for (const p of parameters) overrides[p.name] = draw(p.distribution, next);
		samples.push({ overrides, seed: Math.floor(next() * 2 ** 31) });
	}
	return samples;
}

/** Why a distribution cannot be sampled, in words, or undefined when it can. */
export function distributionProblem(d: Distribution): string | undefined {
	const values = Object.values(d).filter((v) => typeof v === 'number');
	if (!values.every(Number.isFinite)) return 'every value must be a number';
	if (d.kind === 'uniform' && d.min > d.max) return 'min must not be above max';
	if (d.kind === 'normal' && d.sd < 0) return 'the standard deviation must not be negative';
	if (d.kind === 'triangular' && !(d.min <= d.mode && d.mode <= d.max)) return 'min ≤ mode ≤ max';
	return undefined;
}

/**
 * The p-th percentile (0–100) of values sorted ascending, interpolating linearly between
 * neighbours (the R-7 / Excel PERCENTILE.INC / numpy default definition). NaN when empty.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const h = ((n - 1) * p) / 100;
	const lo = Math.floor(h);
	const hi = Math.min(n - 1, lo + 1);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Percentiles over runs at each saved time. `runs[r]` is run r's series; runs that stopped early
 * (shorter) or hold NaN at a time are left out at that time. Returns one series per percentile.
 */
export function percentileBands(runs: readonly ArrayLike<number>[], times: number, percentiles: readonly number[] = FAN, from = 0, to = times, into?: Float64Array[]): Float64Array[] {
	const bands = into ?? percentiles.map(() => new Float64Array(times).fill(NaN));
	const column = new Float64Array(runs.length);
	for (let t = from; t < to; t++) {
		let n = 0;
		for (const run of runs) {
			const v = t < run.length ? run[t] : NaN;
			if (Number.isFinite(v)) column[n++] = v;
		}
		const sorted = column.subarray(0, n).sort();
		for (let k = 0; k < percentiles.length; k++) bands[k][t] = percentileOfSorted(sorted, percentiles[k]);
	}
	return bands;
}
