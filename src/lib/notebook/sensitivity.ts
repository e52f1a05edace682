/**
 * Sensitivity analysis, the pure part: parameter samples drawn on the page from one seeded stream
 * (so a result never depends on which worker ran which sample), its settings, and its CSV. The
 * percentiles across runs are engine/percentiles.ts's, taken in the workers.
 */
import { chartCsv } from '../charts/export';
import { randomStream } from '../engine/runtime';
import { MAX_SENSITIVITY_RUNS, type Distribution } from '../model/types';

export { percentileBands, percentileOfSorted } from '../engine/percentiles';
export type { Distribution } from '../model/types';

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
			return u < cut
				? min + Math.sqrt(u * (max - min) * (mode - min))
				: max - Math.sqrt((1 - u) * (max - min) * (max - mode));
		}
	}
}

/** `runs` samples from one stream: run by run, parameter by parameter, then the run's own seed. */
export function drawSamples(
	parameters: readonly Parameter[],
	runs: number,
	seed: number
): Sample[] {
	const next = randomStream(seed);
	const samples: Sample[] = [];
	for (let r = 0; r < runs; r++) {
		const overrides: Record<string, number> = {};
		for (const p of parameters) overrides[p.name] = draw(p.distribution, next);
		samples.push({ overrides, seed: Math.floor(next() * 2 ** 31) });
	}
	return samples;
}

/** What a sensitivity cell does until it is told otherwise. */
export const DEFAULT_RUNS = 200;
export const DEFAULT_SEED = 1;
/** The seed is taken as 32 bits, so larger ones would repeat smaller ones. */
export const MAX_SEED = 2 ** 32 - 1;
/** Each run's series of each output stays on the page until the percentiles are taken. */
export const MEMORY_BUDGET_BYTES = 512 * 1024 * 1024;

/** A constant's spread until the user sets one: its lever's range, else ±20% of its value. */
export function defaultDistribution(
	value: number,
	lever?: { min: number; max: number }
): Distribution {
	const [min, max] = lever
		? [lever.min, lever.max]
		: [value * 0.8, value * 1.2].sort((a, b) => a - b);
	return { kind: 'uniform', min, max };
}

/** The same spread as another kind: a normal's mean ± 2 sd stands for a range, and the reverse. */
export function reshape(d: Distribution, kind: Distribution['kind']): Distribution {
	const [lo, hi] = d.kind === 'normal' ? [d.mean - 2 * d.sd, d.mean + 2 * d.sd] : [d.min, d.max];
	if (kind === 'uniform') return { kind, min: lo, max: hi };
	if (kind === 'normal') return { kind, mean: (lo + hi) / 2, sd: (hi - lo) / 4 };
	return { kind, min: lo, mode: (lo + hi) / 2, max: hi };
}

/** The numbers each kind of distribution is given by, in the order a form shows them. */
export const DISTRIBUTION_FIELDS: Record<Distribution['kind'], string[]> = {
	uniform: ['min', 'max'],
	normal: ['mean', 'sd'],
	triangular: ['min', 'mode', 'max']
};

export function runsProblem(runs: number): string | undefined {
	return Number.isInteger(runs) && runs >= 1 && runs <= MAX_SENSITIVITY_RUNS
		? undefined
		: `runs must be a whole number from 1 to ${MAX_SENSITIVITY_RUNS.toLocaleString('en-GB')}`;
}

export function seedProblem(seed: number): string | undefined {
	return Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED
		? undefined
		: `the seed must be a whole number from 0 to ${MAX_SEED.toLocaleString('en-GB')}`;
}

/** Why the page could not hold every run's series, or undefined when it can. */
export function memoryProblem(runs: number, outputs: number, rows: number): string | undefined {
	const bytes = runs * outputs * rows * 8;
	if (bytes <= MEMORY_BUDGET_BYTES) return undefined;
	const mb = (b: number) => `${Math.round(b / 1024 / 1024).toLocaleString('en-GB')} MB`;
	return `${runs.toLocaleString('en-GB')} runs of ${outputs} output${outputs === 1 ? '' : 's'} over ${rows.toLocaleString('en-GB')} saved times would hold ${mb(bytes)}, more than the ${mb(MEMORY_BUDGET_BYTES)} this page allows: use fewer runs or outputs`;
}

/**
 * The fans as CSV: a time column in display units, then each output's five percentiles,
 * headed "occupancy p5" and so on.
 */
export function fanCsv(
	fans: readonly {
		output: string;
		times: ArrayLike<number>;
		bands: readonly ArrayLike<number>[];
	}[],
	timeLabel: string,
	perUnit = 1
): string {
	const times = Array.from(fans[0]?.times ?? [], (t) => t / perUnit);
	return chartCsv(
		timeLabel,
		times,
		fans.flatMap((fan) =>
			fan.bands.map((values, i) => ({ label: `${fan.output} p${FAN[i]}`, values }))
		)
	);
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
