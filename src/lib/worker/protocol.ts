/**
 * The typed protocol between the page and a simulation worker. Everything here crosses a
 * postMessage boundary, so it is plain data: no Svelte proxies, no functions.
 */
import type { Diagnostic } from '../model/diagnostics';
import type { RunOptions, RunResult } from '../engine/api';
import type { Model } from '../model/types';

/** What compiling a model told us: whether it runs, its problems, and what it can set and save. */
export interface CompileSummary {
	ok: boolean;
	diagnostics: Diagnostic[];
	constants: string[];
	outputs: string[];
}

/** One run of a batch: a key the caller chooses (a scenario id, a sample index) and its options. */
export interface BatchItem {
	key: string;
	options: RunOptions;
	/**
	 * Only these saved variables (display names, matched as the equation language matches names)
	 * come back; all when absent. A Monte Carlo run keeps what it charts, not the whole model.
	 */
	outputs?: string[];
}

/** A run's result, or why it could not run at all (a bad override, an impossible DT). */
export type RunReply = { ok: true; result: RunResult; ms: number } | { ok: false; diagnostics: Diagnostic[] };

export interface BatchReply {
	key: string;
	reply: RunReply;
}

/** The worker's surface, as comlink exposes it. */
export interface SimulationApi {
	compile(model: Model): CompileSummary;
	run(options?: RunOptions): RunReply;
	runBatch(items: BatchItem[]): BatchReply[];
}
