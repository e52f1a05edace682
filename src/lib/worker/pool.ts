/**
 * The typed client the page calls. One worker answers the live run (the current slider
 * positions): a newer request supersedes one still waiting, a reply to an older request is
 * dropped, and cancel() ends a run in flight by replacing the worker. Batches (scenarios) spread
 * over a pool of workers, one run at a time each; Monte Carlo samples go in blocks of many runs.
 * Both report progress and can be cancelled.
 */
import * as Comlink from 'comlink';
import type { RunOptions } from '../engine/api';
import { sliceBlock, type RunBlock } from '../engine/percentiles';
import type { Diagnostic } from '../model/diagnostics';
import type { Model } from '../model/types';
import type {
	BatchItem,
	BatchReply,
	CompileSummary,
	LoopsReply,
	LoopsRequest,
	PoolWorkerApi,
	RunReply,
	SampleBlock,
	SampleBlockReply
} from './protocol';
import type { ModelWarnings } from './warnings';

/** A worker as the pool sees it: its API (a comlink proxy in the browser) and how to end it. */
export interface WorkerHandle {
	api: {
		[K in keyof PoolWorkerApi]: (
			...args: Parameters<PoolWorkerApi[K]>
		) => Promise<Awaited<ReturnType<PoolWorkerApi[K]>>>;
	};
	terminate(): void;
}

interface Slot {
	handle: WorkerHandle;
	/** The model version this worker has compiled. */
	version: number;
}

/**
 * A live run still going this long after a newer one was asked for is ended by replacing its
 * worker: a worker cannot be interrupted mid-run, and a long run (millions of steps) would keep
 * the newer lever position waiting for it.
 */
export const SUPERSEDE_MS = 300;

export interface BatchOptions {
	onProgress?: (done: number, total: number) => void;
	onResult?: (reply: BatchReply) => void;
	signal?: AbortSignal;
}

/**
 * Monte Carlo samples, packed: sample i sets names[j] to values[i × names.length + j] and seeds
 * its own random functions with seeds[i]; only `outputs` come back.
 */
export interface SampleJob {
	names: string[];
	values: Float64Array;
	seeds: Float64Array;
	outputs: string[];
}

export interface SampleOptions {
	/** Each block as it comes back, in whatever order the workers finish; `done` counts samples. */
	onBlock?: (reply: SampleBlockReply, done: number, total: number) => void;
	signal?: AbortSignal;
}

/**
 * A block holds about this much work: long enough that a message's cost is lost in it, short
 * enough that progress moves and a cancelled worker is free again soon.
 */
const BLOCK_MS = 200;
/** Work on the page is cut into slices of about this many milliseconds, so it never stalls. */
const SLICE_MS = 10;
const MAX_BLOCK = 256;

/**
 * How many samples the next block takes. Until a run has been timed, one; then BLOCK_MS of runs,
 * but never more than a share of what is left (guided self-scheduling), so that the last blocks
 * are small and every lane finishes at about the same time.
 */
export function blockSize(remaining: number, lanes: number, msPerRun: number | undefined): number {
	if (msPerRun === undefined) return Math.min(1, remaining);
	const byTime = Math.floor(BLOCK_MS / Math.max(msPerRun, 0.01));
	const share = Math.ceil(remaining / (2 * lanes));
	return Math.max(1, Math.min(byTime, share, MAX_BLOCK, remaining));
}

export class SimulationPool {
	readonly size: number;
	#spawn: () => WorkerHandle;
	#live: Slot;
	#pool: Slot[] = [];
	#model: Model | undefined;
	#version = 0;
	#compiled: Promise<CompileSummary> | undefined;
	#latest = 0;
	#inFlight: number | undefined;
	/** The run in flight's own resolve and when it was sent, so replacing its worker can end it. */
	#flying: { resolve: (r: RunReply | undefined) => void; since: number } | undefined;
	#supersede: ReturnType<typeof setTimeout> | undefined;
	#waiting:
		{ id: number; options: RunOptions; resolve: (r: RunReply | undefined) => void } | undefined;

	constructor(spawn: () => WorkerHandle, size = 2) {
		this.#spawn = spawn;
		this.size = Math.max(1, size);
		this.#live = { handle: spawn(), version: 0 };
	}

	/** Sends a model (plain data: `$state.snapshot` it first) to be compiled; runs after this use it. */
	setModel(model: Model): Promise<CompileSummary> {
		this.#model = model;
		this.#version++;
		const compiled = this.#live.handle.api.compile(model);
		this.#live.version = this.#version;
		this.#compiled = compiled;
		return compiled;
	}

	/**
	 * What compiling `model` would report (plain data: snapshot it first), from the live worker,
	 * which keeps running the model it has. Nothing when the worker was replaced meanwhile.
	 */
	async check(model: Model): Promise<Diagnostic[]> {
		try {
			return await this.#live.handle.api.check(model);
		} catch {
			return []; // the worker was terminated by cancel()
		}
	}

	/**
	 * The current model's marks with its unit checks, from the live worker (queued behind any run
	 * already sent to it). Undefined when the model changed meanwhile or the worker was replaced.
	 */
	async unitWarnings(): Promise<ModelWarnings | undefined> {
		const slot = this.#live;
		const version = this.#version;
		try {
			await this.#ensure(slot);
			const warnings = await slot.handle.api.unitWarnings();
			return version === this.#version && slot === this.#live ? warnings : undefined;
		} catch {
			return undefined; // the worker was terminated by cancel()
		}
	}

	/**
	 * Runs the current model on the live worker. Resolves undefined when the reply is stale: a
	 * newer request was made (and will answer) or the run was cancelled.
	 */
	run(options: RunOptions = {}): Promise<RunReply | undefined> {
		const id = ++this.#latest;
		this.#waiting?.resolve(undefined);
		return new Promise((resolve) => {
			this.#waiting = { id, options, resolve };
			if (this.#inFlight === undefined) void this.#next();
			else this.#supersedeSoon();
		});
	}

	/** Ends the run in flight if it is still going SUPERSEDE_MS after it was sent, then runs the newest. */
	#supersedeSoon(): void {
		if (this.#supersede !== undefined || !this.#flying) return;
		const wait = Math.max(0, this.#flying.since + SUPERSEDE_MS - performance.now());
		this.#supersede = setTimeout(() => {
			this.#supersede = undefined;
			if (this.#inFlight === undefined || !this.#waiting) return;
			this.#replaceLive();
			void this.#next();
		}, wait);
	}

	/** Whether a live run is in flight (sent to the worker, not yet answered). */
	get running(): boolean {
		return this.#inFlight !== undefined;
	}

	async #next(): Promise<void> {
		const job = this.#waiting;
		if (!job) return;
		this.#waiting = undefined;
		this.#inFlight = job.id;
		this.#flying = { resolve: job.resolve, since: performance.now() };
		const slot = this.#live;
		let reply: RunReply | undefined;
		try {
			await this.#ensure(slot);
			reply = await slot.handle.api.run(job.options);
		} catch {
			reply = undefined; // the worker was terminated by cancel()
		}
		if (slot !== this.#live) return job.resolve(undefined); // cancelled: a new worker carries on
		this.#inFlight = undefined;
		this.#flying = undefined;
		job.resolve(job.id === this.#latest ? reply : undefined);
		void this.#next();
	}

	/** Ends the live run in flight, if any, and drops its reply. */
	cancel(): void {
		this.#waiting?.resolve(undefined);
		this.#waiting = undefined;
		this.#latest++;
		if (this.#inFlight === undefined) return;
		this.#replaceLive();
	}

	/**
	 * Ends the live worker and its run in flight (whose caller hears undefined: a terminated
	 * worker never answers), and starts a fresh one, which compiles the model on its first run.
	 */
	#replaceLive(): void {
		clearTimeout(this.#supersede);
		this.#supersede = undefined;
		this.#flying?.resolve(undefined);
		this.#flying = undefined;
		this.#inFlight = undefined;
		this.#live.handle.terminate();
		this.#live = { handle: this.#spawn(), version: 0 };
	}

	/**
	 * Runs every item on the pool, one run per worker at a time. Resolves with the replies in
	 * the items' order, or undefined when the signal aborts it (replies still in flight are dropped).
	 */
	async runBatch(
		items: BatchItem[],
		{ onProgress, onResult, signal }: BatchOptions = {}
	): Promise<BatchReply[] | undefined> {
		while (this.#pool.length < Math.min(this.size, items.length))
			this.#pool.push({ handle: this.#spawn(), version: 0 });
		const replies: BatchReply[] = new Array(items.length);
		let nextIndex = 0;
		let done = 0;
		const work = async (slot: Slot) => {
			await this.#ensure(slot);
			while (nextIndex < items.length && !signal?.aborted) {
				const index = nextIndex++;
				const [reply] = await slot.handle.api.runBatch([items[index]]);
				if (signal?.aborted) return;
				replies[index] = reply;
				done++;
				onResult?.(reply);
				onProgress?.(done, items.length);
			}
		};
		await Promise.all(
			this.#pool.slice(0, Math.max(1, Math.min(this.size, items.length))).map(work)
		);
		return signal?.aborted ? undefined : replies;
	}

	/**
	 * Runs every sample of `job` on the pool in blocks. Each worker has two blocks in hand, so it
	 * starts the next while the page takes the last. Resolves true when every block came back,
	 * false when the signal aborted (blocks still in flight are dropped).
	 */
	async runSamples(job: SampleJob, { onBlock, signal }: SampleOptions = {}): Promise<boolean> {
		const total = job.seeds.length;
		const workers = Math.max(1, Math.min(this.size, total));
		while (this.#pool.length < workers) this.#pool.push({ handle: this.#spawn(), version: 0 });
		const width = job.names.length;
		const lanes = 2 * workers;
		let next = 0;
		let done = 0;
		let replies = 0;
		let ran = 0;
		let ms = 0;
		const lane = async (slot: Slot) => {
			await this.#ensure(slot);
			while (next < total && !signal?.aborted) {
				const first = next;
				const count = blockSize(total - first, lanes, replies ? ms / Math.max(1, ran) : undefined);
				next += count;
				const block: SampleBlock = {
					first,
					names: job.names,
					values: job.values.slice(first * width, (first + count) * width),
					seeds: job.seeds.slice(first, first + count),
					outputs: job.outputs
				};
				const reply = await slot.handle.api.runSamples(block);
				if (signal?.aborted) return;
				done += reply.count;
				replies++;
				ran += reply.ran;
				ms += reply.ms;
				onBlock?.(reply, done, total);
			}
		};
		const slots = this.#pool.slice(0, workers);
		await Promise.all([...slots, ...slots].map(lane));
		return !signal?.aborted;
	}

	/**
	 * Percentiles at every saved time (`rows` of them) across the runs in `blocks`, the times shared
	 * out between the pool's workers. Each worker gets its times of every run, copied out here in
	 * slices (the page stays responsive) and transferred; with one worker the blocks themselves go.
	 */
	async percentiles(
		blocks: readonly RunBlock[],
		rows: number,
		percentiles: readonly number[]
	): Promise<Float64Array[]> {
		const workers = Math.max(1, Math.min(this.size, rows));
		while (this.#pool.length < workers) this.#pool.push({ handle: this.#spawn(), version: 0 });
		const shares: Promise<Float64Array[]>[] = [];
		for (let j = 0; j < workers; j++) {
			const from = Math.round((rows * j) / workers);
			const to = Math.round((rows * (j + 1)) / workers);
			let share: RunBlock[] = [...blocks];
			if (workers > 1) {
				share = [];
				let sliced = performance.now();
				for (const block of blocks) {
					share.push(sliceBlock(block, from, to));
					if (performance.now() - sliced > SLICE_MS) {
						await new Promise((resolve) => setTimeout(resolve, 0));
						sliced = performance.now();
					}
				}
			}
			const request = {
				blocks: share,
				percentiles: [...percentiles],
				from: workers > 1 ? 0 : from,
				to: workers > 1 ? to - from : to
			};
			shares.push(
				this.#pool[j].handle.api.percentiles(
					Comlink.transfer(
						request,
						share.map((b) => b.values.buffer as ArrayBuffer)
					)
				)
			);
		}
		const parts = await Promise.all(shares);
		return percentiles.map((_, k) => {
			const band = new Float64Array(rows);
			parts.forEach((part, j) => band.set(part[k], Math.round((rows * j) / workers)));
			return band;
		});
	}

	/**
	 * The loops that matter in a run of the current model, on a pool worker (so the live run is
	 * never kept waiting). Undefined when the model changed before the answer came.
	 */
	async loops(request: LoopsRequest): Promise<LoopsReply | undefined> {
		if (!this.#pool.length) this.#pool.push({ handle: this.#spawn(), version: 0 });
		const slot = this.#pool[0];
		const version = this.#version;
		await this.#ensure(slot);
		const reply = await slot.handle.api.loops(request);
		return version === this.#version ? reply : undefined;
	}

	/** Compiles the current model on a worker that has an older one. */
	#ensure(slot: Slot): Promise<CompileSummary> | undefined {
		if (!this.#model) return undefined;
		if (slot.version === this.#version) return slot === this.#live ? this.#compiled : undefined;
		slot.version = this.#version;
		return slot.handle.api.compile(this.#model);
	}

	dispose(): void {
		this.#live.handle.terminate();
		for (const slot of this.#pool) slot.handle.terminate();
		this.#pool = [];
	}
}
