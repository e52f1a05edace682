/**
 * The typed protocol between the page and a simulation worker. Everything here crosses a
 * postMessage boundary, so it is plain data: no Svelte proxies, no functions.
 */
import type { Diagnostic } from '../model/diagnostics';
import type { RunOptions, RunResult } from '../engine/api';
import type { RunBlock } from '../engine/percentiles';
import type { Model } from '../model/types';
import type { ModelWarnings } from './warnings';

/** What compiling a model told us: whether it runs, its problems, and what it can set and save. */
export interface CompileSummary {
	ok: boolean;
	diagnostics: Diagnostic[];
	constants: string[];
	outputs: string[];
	/** What the diagram marks, from this compile's diagnostics (units come later: unitWarnings). */
	warnings: ModelWarnings;
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
export type RunReply =
	{ ok: true; result: RunResult; ms: number } | { ok: false; diagnostics: Diagnostic[] };

export interface BatchReply {
	key: string;
	reply: RunReply;
}

/** The feedback loops that matter in one run (engine/loops), for a loops cell. */
export interface LoopsRequest {
	overrides: Record<string, number>;
	/** Loops kept, the strongest first. */
	maxLoops?: number;
}

/** One loop, as plain data: its relative score over the run is a Float64Array, transferred. */
export interface LoopSummary {
	id: string;
	polarity: 'R' | 'B';
	name: string;
	variables: string[];
	stocks: string[];
	relativeScore: Float64Array;
	polarityChanges: { time: number; polarity: 'R' | 'B' }[];
}

export type LoopsReply =
	| {
			ok: true;
			time: Float64Array;
			loops: LoopSummary[];
			discovery: { method: 'all' | 'strongest-path'; found: number; ms: number };
			ms: number;
	  }
	| { ok: false; diagnostics: Diagnostic[] };

/** The worker's surface, as comlink exposes it. */
export interface SimulationApi {
	compile(model: Model): CompileSummary;
	run(options?: RunOptions): RunReply;
	runBatch(items: BatchItem[]): BatchReply[];
	/**
	 * What compiling `model` would report, without replacing the model this worker runs: the
	 * equation editor's check of a text before it is committed.
	 */
	check(model: Model): Diagnostic[];
	/**
	 * The compiled model's marks with its unit checks added. Asked for after the first run: the
	 * units checker (mathjs) loads on this first call, so it never delays a run.
	 */
	unitWarnings(): Promise<ModelWarnings>;
	/** The loops that matter in a run of the compiled model (engine/loops). */
	loops(request: LoopsRequest): LoopsReply;
}

/**
 * A block of Monte Carlo samples for one worker: many runs per message, so a worker never waits on
 * the page between runs. Plain arrays of numbers, cheap to clone.
 * @example { first: 40, names: ['demand growth'], values: Float64Array [0.01, 0.03], seeds: Float64Array [7, 8], outputs: ['occupancy'] }
 */
export interface SampleBlock {
	/** The index of the block's first sample in the whole analysis, so replies land in place. */
	first: number;
	/** The constants every sample sets, by display name. */
	names: string[];
	/** Sample i sets names[j] to values[i × names.length + j]. */
	values: Float64Array;
	/** Each sample's seed for the model's own random functions. */
	seeds: Float64Array;
	/** The saved variables to send back (display names, matched as equations match names). */
	outputs: string[];
}

/** A sample that stopped early (NaN, Infinity) or could not run at all (a constant the model lacks). */
export interface SampleProblem {
	sample: number;
	diagnostic: Diagnostic;
}

/** What a block of samples gave: only the chosen outputs, packed, with their buffers transferred. */
export interface SampleBlockReply {
	first: number;
	count: number;
	/** The saved times of the block's longest run; `rows` long. */
	times: Float64Array;
	rows: number;
	/**
	 * One array per requested output, in the block's order: sample i's value at saved time t is at
	 * [i × rows + t]. NaN where a run had stopped or could not run.
	 */
	columns: Float64Array[];
	/** Requested outputs the model does not save (their columns are NaN). */
	unknown: string[];
	problems: SampleProblem[];
	/** How many samples ran (to the end or to an early stop), and their summed run time. */
	ran: number;
	ms: number;
}

/**
 * Percentiles at saved times from..to across runs packed in blocks (engine/percentiles.ts): one
 * worker's share of a sensitivity analysis's times.
 */
export interface PercentileRequest {
	blocks: RunBlock[];
	percentiles: number[];
	from: number;
	to: number;
}

/** The pool's workers add sample blocks, and percentiles across them, to the simulation surface. */
export interface PoolWorkerApi extends SimulationApi {
	runSamples(block: SampleBlock): SampleBlockReply;
	/** One array per percentile, to − from long. */
	percentiles(request: PercentileRequest): Float64Array[];
}
