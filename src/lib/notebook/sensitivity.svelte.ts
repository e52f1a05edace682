/**
 * A sensitivity analysis as the page runs it: samples drawn here from the seed, the runs spread over
 * the worker pool with progress and cancel, and the percentile bands of each chosen output.
 */
import { describe, type Runs } from './runs.svelte';
import { FAN, drawSamples, percentileBands, type Parameter } from './sensitivity';

export type SensitivityStatus =
	| { state: 'idle' }
	| { state: 'running'; done: number; total: number }
	| { state: 'done'; runs: number; failed: number; ms: number; runMs: number; firstProblem?: string }
	| { state: 'cancelled'; done: number; total: number }
	| { state: 'error'; message: string };

/** One output's fan: the percentile bands (5, 25, 50, 75, 95) at each saved time. */
export interface Fan {
	output: string;
	times: Float64Array;
	bands: Float64Array[];
}

/** Percentiles are computed this many saved times at a go, yielding between, so the page never stalls. */
const CHUNK = 400;

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
		const samples = drawSamples(parameters, count, seed);
		const items = samples.map((s, i) => ({ key: String(i), options: { overrides: s.overrides, seed: s.seed }, outputs }));
		// Each run's series by output, in sample order whichever worker ran it.
		const series = outputs.map(() => new Array<Float64Array>(count));
		let times: Float64Array | undefined;
		let failed = 0;
		let firstProblem: string | undefined;
		let runMs = 0;
		let ran = 0;
		this.status = { state: 'running', done: 0, total: count };
		const replies = await this.#runs.batch(items, {
			signal: abort.signal,
			onProgress: (done, total) => {
				if (!abort.signal.aborted) this.status = { state: 'running', done, total };
			},
			onResult: ({ key, reply }) => {
				const problem = reply.ok ? reply.result.error : reply.diagnostics[0];
				if (problem) {
					failed++;
					firstProblem ??= describe(problem);
				}
				if (!reply.ok) return;
				runMs += reply.ms;
				ran++;
				const { result } = reply;
				times ??= result.times;
				const r = Number(key);
				outputs.forEach((name, k) => {
					const i = result.names.findIndex((n) => sameName(n, name));
					if (i >= 0) series[k][r] = result.series[i];
				});
			}
		});
		if (!replies) {
			if (this.#abort === abort) this.status = { state: 'cancelled', done: (this.status as { done?: number }).done ?? 0, total: count };
			return;
		}
		if (!times) {
			this.status = { state: 'error', message: firstProblem ?? 'no run finished' };
			return;
		}
		const fans: Fan[] = [];
		for (let k = 0; k < outputs.length; k++) {
			const runs = series[k].filter((s) => s !== undefined);
			const bands = FAN.map(() => new Float64Array(times!.length).fill(NaN));
			for (let from = 0; from < times.length; from += CHUNK) {
				percentileBands(runs, times.length, FAN, from, Math.min(times.length, from + CHUNK), bands);
				await new Promise((resolve) => setTimeout(resolve, 0));
				if (abort.signal.aborted) return;
			}
			fans.push({ output: outputs[k], times, bands });
		}
		this.fans = fans;
		this.status = { state: 'done', runs: count, failed, ms: performance.now() - started, runMs: runMs / Math.max(1, ran), firstProblem };
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

const key = (name: string) => name.toLowerCase().replace(/[\s_]+/g, ' ').trim();
const sameName = (a: string, b: string) => key(a) === key(b);
