/**
 * Running a sweep's samples: sample i's inputs are drawn from (seed, i) alone (counter-rng.ts),
 * then the model runs with them over the scenario's overrides, and each saved time asked for
 * becomes one row: sample, time, each varied input, each output. Pure, so a worker thread, the
 * main thread and the tests run samples the same way.
 */
import type { Simulation } from '../../lib/engine/api';
import { InputError } from '../../lib/model/diagnostics';
import { canonicalName } from '../../lib/model/names';
import { draw } from '../../lib/notebook/sensitivity';
import { sampleStream } from './counter-rng';
import type { Vary } from './vary';

/** What every sample of a sweep shares. Plain data, so it can be posted to a worker thread. */
export interface SampleSpec {
	varies: Vary[];
	seed: number;
	/** The outputs asked for, as the engine names them (display or canonical). */
	outputs: string[];
	/** The scenario's overrides, under the varied inputs. */
	base: Record<string, number>;
	/** Indices of the saved times that become rows (see timeRows). */
	rows: number[];
}

/** Sample `index`'s varied inputs, in the order of `varies`, and the seed of its run. */
export function drawInputs(
	varies: readonly Vary[],
	seed: number,
	index: number
): { values: number[]; runSeed: number } {
	const next = sampleStream(seed, index);
	const values = varies.map((v) => draw(v.distribution, next));
	return { values, runSeed: Math.floor(next() * 2 ** 31) };
}

/** Columns of a sweep's table: sample, time, each varied input, then each output series. */
export function sweepColumns(varies: readonly Vary[], outputColumns: readonly string[]): string[] {
	return ['sample', 'time', ...varies.map((v) => v.name), ...outputColumns];
}

/** One run of sample `index`; throws the engine's InputError for an unknown name. */
export function runSample(simulation: Simulation, spec: SampleSpec, index: number) {
	const { values, runSeed } = drawInputs(spec.varies, spec.seed, index);
	const overrides = new Map(Object.entries(spec.base));
	spec.varies.forEach((v, k) => overrides.set(v.name, values[k]));
	const result = simulation.run({ overrides, seed: runSeed, outputs: spec.outputs });
	if (result.error)
		throw new InputError(
			`sample ${index} (${spec.varies.map((v, k) => `${v.name} = ${values[k]}`).join(', ')}): ${result.error.message}`
		);
	return { values, result };
}

/**
 * Samples [first, end) run one after another, as rows in one Float64Array: for each sample, for
 * each row of `spec.rows`, the columns of sweepColumns.
 */
export function runSamples(
	simulation: Simulation,
	spec: SampleSpec,
	first: number,
	end: number
): Float64Array {
	let table = new Float64Array(0);
	let at = 0;
	for (let i = first; i < end; i++) {
		const { values, result } = runSample(simulation, spec, i);
		// An arrayed output is one series per element, so the width is known after a run.
		if (i === first)
			table = new Float64Array(
				(end - first) * spec.rows.length * (2 + values.length + result.series.length)
			);
		for (const row of spec.rows) {
			table[at++] = i;
			table[at++] = result.times[row];
			for (const v of values) table[at++] = v;
			for (const series of result.series) table[at++] = series[row];
		}
	}
	return table;
}

/**
 * Which saved times become rows: each of `wanted` found among `times` (to a part in 10⁹), or
 * every saved time when none are asked for. An unsaved time is an error naming it.
 */
export function timeRows(times: Float64Array, wanted: readonly number[] | undefined): number[] {
	if (!wanted) return Array.from(times, (_, i) => i);
	return wanted.map((t) => {
		const tolerance = 1e-9 * Math.max(1, Math.abs(t));
		const row = times.findIndex((s) => Math.abs(s - t) <= tolerance);
		if (row < 0) {
			const step = times.length > 1 ? times[1] - times[0] : 0;
			throw new InputError(
				`--times ${t}: the run saves no such time (it saves ${times[0]} to ${times.at(-1)}${step ? ` every ${step}` : ''})`
			);
		}
		return row;
	});
}

/**
 * The outputs asked for, an arrayed variable named by its own name becoming its elements
 * (`Occupancy` → `Occupancy[North]`, `Occupancy[Central]`, …), as the saved variables name them.
 * A name neither saved nor arrayed is kept, for the engine to refuse with its suggestions.
 */
export function expandOutputs(saved: readonly string[], wanted: readonly string[]): string[] {
	const savedKeys = new Set(saved.map(canonicalName));
	return wanted.flatMap((name) => {
		const key = canonicalName(name);
		if (savedKeys.has(key)) return [name];
		const elements = saved.filter((s) => {
			const bracket = s.indexOf('[');
			return bracket > 0 && canonicalName(s.slice(0, bracket)) === key;
		});
		return elements.length ? elements : [name];
	});
}
