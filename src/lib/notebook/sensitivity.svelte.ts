/**
 * A sensitivity analysis as the page runs it: samples drawn here from the seed, the runs spread over
 * the worker pool with progress and cancel, and the percentile bands of each chosen output.
 */
import { describe, type Runs } from './runs.svelte';
import type { SampleJob } from '../worker/pool';
import { FAN, drawSamples, percentileBands, type Parameter, type Sample } from './sensitivity';

export type SensitivityStatus =
	| { state: 'idle' }
	| { state: 'running'; done: number; total: number }
	| {
			state: 'done';
			runs: number;
			failed: number;
			/** Wall time from the click to the fans; of it, the time spent on percentiles after the last run. */
			ms: number;
			bandsMs: number;
			/** The mean time of one run inside its worker. */
			runMs: number;
			firstProblem?: string;
	  }
	| { state: 'cancelled'; done: number; total: number }
	| { state: 'error'; message: string };

/** One output's fan: the percentile bands (5, 25, 50, 75, 95) at each saved time. */
export interface Fan {
	output: string;
	times: Float64Array;
	bands: Float64Array[];
}

/** Percentiles are taken in slices of about this many milliseconds, yielding between, so the page never stalls. */
const SLICE_MS = 10;

export class Sensitivity {
	status = $state.raw<SensitivityStatus>({ state: 'idle' });
	fans = $state.raw<Fan[]>([]);
	#runs: Runs;
	#abort: AbortController | undefined;

	constructor(runs: Runs) {
		this.#runs = runs;
	}

	get running(): boolean {
		return this.status.state === 'running';
	}

	/** Runs `count` samples of `parameters` from `seed` and bands each output (display names). */
	async run(parameters: Parameter[], outputs: string[], count: number, seed: number): Promise<void> {
		this.#abort?.abort();
		if (this.#runs.compileError) {
			this.status = { state: 'error', message: this.#runs.compileError };
			return;
		}
		const abort = (this.#abort = new AbortController());
		const started = performance.now();
		const job = packSamples(drawSamples(parameters, count, seed), parameters, outputs);
		// Each run's series by output, in sample order whichever worker ran it: views into the blocks.
		const series = outputs.map(() => new Array<Float64Array | undefined>(count));
		let times: Float64Array = new Float64Array(0);
		let failed = 0;
		let firstProblem: string | undefined;
		const unknown = new Set<string>();
		let runMs = 0;
		let ran = 0;
		this.status = { state: 'running', done: 0, total: count };
		const finished = await this.#runs.samples(job, {
			signal: abort.signal,
			onBlock: (reply, done, total) => {
				failed += reply.problems.length;
				if (reply.problems.length) firstProblem ??= describe(reply.problems[0].diagnostic);
				reply.unknown.forEach((name) => unknown.add(name));
				runMs += reply.ms;
				ran += reply.ran;
				if (reply.rows > times.length) times = reply.times;
				const rows = reply.rows;
				reply.columns.forEach((column, k) => {
					for (let i = 0; i < reply.count; i++) series[k][reply.first + i] = column.subarray(i * rows, (i + 1) * rows);
				});
				this.status = { state: 'running', done, total };
			}
		});
		if (!finished) {
			if (this.#abort === abort) this.status = { state: 'cancelled', done: (this.status as { done?: number }).done ?? 0, total: count };
			return;
		}
		if (!times.length) {
			this.status = { state: 'error', message: firstProblem ?? 'no run finished' };
			return;
		}
		const banding = performance.now();
		const fans: Fan[] = [];
		for (let k = 0; k < outputs.length; k++) {
			if (unknown.has(outputs[k])) continue;
			const runs = series[k].filter((s) => s !== undefined);
			const bands = FAN.map(() => new Float64Array(times.length).fill(NaN));
			// A time's percentiles cost about a sort of every run's value: take as many times as fit a slice.
			let step = 16;
			for (let from = 0, to = 0; from < times.length; from = to) {
				const sliced = performance.now();
				to = Math.min(times.length, from + step);
				percentileBands(runs, times.length, FAN, from, to, bands);
				const took = performance.now() - sliced;
				step = Math.max(1, Math.min(4 * step, Math.round((step * SLICE_MS) / Math.max(took, 0.1))));
				await new Promise((resolve) => setTimeout(resolve, 0));
				if (abort.signal.aborted) return;
			}
			fans.push({ output: outputs[k], times, bands });
		}
		if (unknown.size) firstProblem ??= `the model does not save ${[...unknown].join(', ')}`;
		this.fans = fans;
		const now = performance.now();
		this.status = { state: 'done', runs: count, failed, ms: now - started, bandsMs: now - banding, runMs: runMs / Math.max(1, ran), firstProblem };
	}

	cancel(): void {
		if (!this.#abort || this.#abort.signal.aborted) return;
		const status = this.status;
		this.#abort.abort();
		this.status = { state: 'cancelled', done: status.state === 'running' ? status.done : 0, total: status.state === 'running' ? status.total : 0 };
	}

	dispose(): void {
		this.#abort?.abort();
	}
}

/** Samples as the pool takes them: one array of values, one of seeds. */
export function packSamples(samples: readonly Sample[], parameters: readonly Parameter[], outputs: string[]): SampleJob {
	const names = parameters.map((p) => p.name);
	const values = new Float64Array(samples.length * names.length);
	const seeds = new Float64Array(samples.length);
	samples.forEach((sample, i) => {
		names.forEach((name, j) => (values[i * names.length + j] = sample.overrides[name]));
		seeds[i] = sample.seed;
	});
	return { names, values, seeds, outputs };
}
