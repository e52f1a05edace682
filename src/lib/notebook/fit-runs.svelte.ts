/**
 * A calibration's or optimisation's search as a cell shows it: running (with the runs so far),
 * done with its result, cancelled, or failed with a sentence. The runs go to the worker pool
 * (Runs.runSets), batched so every worker is busy; cancel() stops the search and drops the batch.
 */
import { batched, stopCovering, type RunMany } from '../analysis/runner';
import type { SimSpecs } from '../model/types';
import type { Runs } from './runs.svelte';

export type SearchStatus<R> =
	| { state: 'idle' }
	| { state: 'running'; runs: number; best?: number }
	| { state: 'done'; result: R; ms: number }
	| { state: 'cancelled' }
	| { state: 'error'; message: string };

export class FitRuns<R> {
	status = $state.raw<SearchStatus<R>>({ state: 'idle' });
	#runs: Runs;
	#specs: () => SimSpecs;
	#abort: AbortController | undefined;

	/** `specs`: the model's run settings now, so a search's runs stop as soon as they can. */
	constructor(runs: Runs, specs: () => SimSpecs) {
		this.#runs = runs;
		this.#specs = specs;
	}

	/** The pool as a runner; a run that fails or is cancelled comes back undefined. */
	#runner(signal: AbortSignal): RunMany {
		return batched(async (sets, outputs, options) => {
			const items = sets.map((overrides, i) => ({ key: String(i), overrides: { ...overrides } }));
			const specs = this.#specs();
			const stop = options?.until === undefined ? undefined : stopCovering(specs, options.until);
			const reply = await this.#runs.runSets(items, outputs, signal, stop);
			return sets.map((_, i) => reply?.results.get(String(i)));
		});
	}

	/**
	 * Starts `search` (a newer one cancels an older); it reports progress through the callback
	 * it is given and stops when the signal aborts.
	 */
	async start(
		search: (
			runMany: RunMany,
			signal: AbortSignal,
			progress: (runs: number, best?: number) => void
		) => Promise<R>
	): Promise<void> {
		this.#abort?.abort();
		const abort = (this.#abort = new AbortController());
		const started = performance.now();
		this.status = { state: 'running', runs: 0 };
		try {
			const result = await search(this.#runner(abort.signal), abort.signal, (runs, best) => {
				if (!abort.signal.aborted) this.status = { state: 'running', runs, best };
			});
			if (abort.signal.aborted) return;
			this.status = { state: 'done', result, ms: performance.now() - started };
		} catch (e) {
			if (abort.signal.aborted) return;
			this.status = { state: 'error', message: e instanceof Error ? e.message : String(e) };
		}
	}

	cancel(): void {
		if (this.status.state !== 'running') return;
		this.#abort?.abort();
		this.status = { state: 'cancelled' };
	}

	dispose(): void {
		this.#abort?.abort();
	}
}
