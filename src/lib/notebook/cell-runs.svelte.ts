/**
 * The runs a cell needs besides the scenarios (a bridge's subsets of levers, a tornado's extremes,
 * options at a budget): asked for again whenever the model or the scenarios have run again (a new
 * `runs.scenarios`) or what the cell asks for changes, and never twice for the same question. A
 * newer question cancels an older one still on the pool.
 */
import type { RunResult } from '../engine/api';
import type { Runs } from './runs.svelte';

export type CellRunStatus =
	| { state: 'idle' }
	| { state: 'running'; runs: number }
	| { state: 'done' }
	| { state: 'error'; message: string };

export interface RunSet {
	key: string;
	overrides: Record<string, number>;
}

export class CellRuns {
	results = $state.raw<Map<string, RunResult>>(new Map());
	status = $state.raw<CellRunStatus>({ state: 'idle' });
	#runs: Runs;
	#asked = '';
	#version: unknown;
	#abort: AbortController | undefined;

	constructor(runs: Runs) {
		this.#runs = runs;
	}

	/** Runs `sets` (saving `outputs`) for the model version that gave `version` (runs.scenarios). */
	request(sets: readonly RunSet[], outputs: readonly string[], version: unknown): void {
		const asked = JSON.stringify([sets, outputs]);
		if (asked === this.#asked && version === this.#version) return;
		this.#asked = asked;
		this.#version = version;
		this.#abort?.abort();
		if (sets.length === 0) {
			this.results = new Map();
			this.status = { state: 'idle' };
			return;
		}
		const abort = (this.#abort = new AbortController());
		this.status = { state: 'running', runs: sets.length };
		void this.#runs.runSets(sets, outputs, abort.signal).then((reply) => {
			if (abort.signal.aborted || abort !== this.#abort) return;
			if (!reply) {
				this.status = { state: 'error', message: 'the model has not compiled, so nothing ran' };
				return;
			}
			this.results = reply.results;
			this.status = reply.problems.length
				? { state: 'error', message: reply.problems.join('; ') }
				: { state: 'done' };
		});
	}

	dispose(): void {
		this.#abort?.abort();
	}
}

/** The status in words for a cell's status line. */
export function describeCellRuns(status: CellRunStatus): string {
	if (status.state === 'running')
		return `Running ${status.runs} run${status.runs === 1 ? '' : 's'}…`;
	return status.state === 'error' ? status.message : '';
}
