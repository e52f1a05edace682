/**
 * A sensitivity analysis as the page runs it: samples drawn here from the seed, the runs spread over
 * the worker pool with progress and cancel, and the percentile bands of each chosen output.
 */
import { describe, type Runs } from './runs.svelte';
import type { SampleJob } from '../worker/pool';
import type { RunBlock } from '../engine/percentiles';
import { FAN, drawSamples, type Parameter, type Sample } from './sensitivity';

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

/** The status line's words, one line of text whatever the state. */
export function describeStatus(status: SensitivityStatus): string {
	switch (status.state) {
		case 'running':
			return `Running ${status.done} of ${status.total}…`;
		case 'done': {
			const problems = status.failed
				? `; ${status.failed} stopped early (${status.firstProblem})`
				: status.firstProblem
					? `; ${status.firstProblem}`
					: '';
			return `${status.runs} runs in ${(status.ms / 1000).toFixed(1)} s${problems}.`;
		}
		case 'cancelled':
			return `Cancelled after ${status.done} of ${status.total} runs.`;
		case 'error':
			return status.message;
		default:
			return 'Not run yet.';
	}
}

/** One output's fan: the percentile bands (5, 25, 50, 75, 95) at each saved time. */
export interface Fan {
	output: string;
	times: Float64Array;
	bands: Float64Array[];
	/** How many runs the bands are taken across. */
	runs: number;
}

/**
 * The bar moves at most every PROGRESS_MS and the words change at most every STATUS_MS. New words
 * repaint the page, which on a large notebook takes the main thread tens of milliseconds, and on a
 * two-core machine that is time taken from the workers; the bar only moves a layer.
 */
const PROGRESS_MS = 200;
const STATUS_MS = 1000;

export class Sensitivity {
	status = $state.raw<SensitivityStatus>({ state: 'idle' });
	fans = $state.raw<Fan[]>([]);
	/** Samples back so far, for the progress bar. */
	progress = $state.raw(0);
	#runs: Runs;
	#abort: AbortController | undefined;
	/** Samples back so far, which the status shows only now and then. */
	#done = 0;

	constructor(runs: Runs) {
		this.#runs = runs;
	}

	get running(): boolean {
		return this.status.state === 'running';
	}

	/** Runs `count` samples of `parameters` from `seed` and bands each output (display names). */
	async run(
		parameters: Parameter[],
		outputs: string[],
		count: number,
		seed: number
	): Promise<void> {
		this.#abort?.abort();
		if (this.#runs.compileError) {
			this.status = { state: 'error', message: this.#runs.compileError };
			return;
		}
		const abort = (this.#abort = new AbortController());
		const started = performance.now();
		const job = packSamples(drawSamples(parameters, count, seed), parameters, outputs);
		// Each output's runs, in the blocks they came in; percentiles do not care which run is which.
		const blocks = outputs.map((): RunBlock[] => []);
		let times: Float64Array = new Float64Array(0);
		let failed = 0;
		let firstProblem: string | undefined;
		const unknown = new Set<string>();
		let runMs = 0;
		let ran = 0;
		this.status = { state: 'running', done: 0, total: count };
		let moved = performance.now();
		let said = moved;
		this.#done = 0;
		this.progress = 0;
		const finished = await this.#runs.samples(job, {
			signal: abort.signal,
			onBlock: (reply, done, total) => {
				failed += reply.problems.length;
				if (reply.problems.length) firstProblem ??= describe(reply.problems[0].diagnostic);
				reply.unknown.forEach((name) => unknown.add(name));
				runMs += reply.ms;
				ran += reply.ran;
				if (reply.rows > times.length) times = reply.times;
				reply.columns.forEach((values, k) =>
					blocks[k].push({ values, count: reply.count, rows: reply.rows })
				);
				this.#done = done;
				const now = performance.now();
				if (now - moved >= PROGRESS_MS || done === total) {
					moved = now;
					this.progress = done;
				}
				if (now - said >= STATUS_MS || done === total) {
					said = now;
					this.status = { state: 'running', done, total };
				}
			}
		});
		if (!finished) {
			if (this.#abort === abort)
				this.status = { state: 'cancelled', done: this.#done, total: count };
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
			const bands = await this.#runs.percentiles(blocks[k], times.length, FAN);
			if (abort.signal.aborted) return;
			fans.push({ output: outputs[k], times, bands, runs: count });
		}
		if (unknown.size) firstProblem ??= `the model does not save ${[...unknown].join(', ')}`;
		this.fans = fans;
		const now = performance.now();
		this.status = {
			state: 'done',
			runs: count,
			failed,
			ms: now - started,
			bandsMs: now - banding,
			runMs: runMs / Math.max(1, ran),
			firstProblem
		};
	}

	cancel(): void {
		if (!this.#abort || this.#abort.signal.aborted) return;
		const status = this.status;
		this.#abort.abort();
		this.status = {
			state: 'cancelled',
			done: this.#done,
			total: status.state === 'running' ? status.total : 0
		};
	}

	dispose(): void {
		this.#abort?.abort();
	}
}

/** Samples as the pool takes them: one array of values, one of seeds. */
export function packSamples(
	samples: readonly Sample[],
	parameters: readonly Parameter[],
	outputs: string[]
): SampleJob {
	const names = parameters.map((p) => p.name);
	const values = new Float64Array(samples.length * names.length);
	const seeds = new Float64Array(samples.length);
	samples.forEach((sample, i) => {
		names.forEach((name, j) => (values[i * names.length + j] = sample.overrides[name]));
		seeds[i] = sample.seed;
	});
	return { names, values, seeds, outputs };
}
