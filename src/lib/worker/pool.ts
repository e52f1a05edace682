/**
 * The typed client the page calls. One worker answers the live run (the current slider
 * positions): a newer request supersedes one still waiting, a reply to an older request is
 * dropped, and cancel() ends a run in flight by replacing the worker. Batches (scenarios, Monte
 * Carlo samples) spread over a pool of workers, one run at a time each, with progress and cancel.
 */
import type { RunOptions } from '../engine/api';
import type { Model } from '../model/types';
import type { BatchItem, BatchReply, CompileSummary, RunReply, SimulationApi } from './protocol';

/** A worker as the pool sees it: its API (a comlink proxy in the browser) and how to end it. */
export interface WorkerHandle {
	api: { [K in keyof SimulationApi]: (...args: Parameters<SimulationApi[K]>) => Promise<ReturnType<SimulationApi[K]>> };
	terminate(): void;
}

interface Slot {
	handle: WorkerHandle;
	/** The model version this worker has compiled. */
	version: number;
}

export interface BatchOptions {
	onProgress?: (done: number, total: number) => void;
	onResult?: (reply: BatchReply) => void;
	signal?: AbortSignal;
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
	#waiting: { id: number; options: RunOptions; resolve: (r: RunReply | undefined) => void } | undefined;

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
	 * Runs the current model on the live worker. Resolves undefined when the reply is stale: a
	 * newer request was made (and will answer) or the run was cancelled.
	 */
	run(options: RunOptions = {}): Promise<RunReply | undefined> {
		const id = ++this.#latest;
		this.#waiting?.resolve(undefined);
		return new Promise((resolve) => {
			this.#waiting = { id, options, resolve };
			if (this.#inFlight === undefined) void this.#next();
		});
	}

	async #next(): Promise<void> {
		const job = this.#waiting;
		if (!job) return;
		this.#waiting = undefined;
		this.#inFlight = job.id;
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
		job.resolve(job.id === this.#latest ? reply : undefined);
		void this.#next();
	}

	/** Ends the live run in flight, if any, and drops its reply. */
	cancel(): void {
		this.#waiting?.resolve(undefined);
		this.#waiting = undefined;
		this.#latest++;
		if (this.#inFlight === undefined) return;
		this.#inFlight = undefined;
		this.#live.handle.terminate();
		this.#live = { handle: this.#spawn(), version: 0 };
	}

	/**
	 * Runs every item on the pool, one run per worker at a time. Resolves with the replies in
	 * the items' order, or undefined when the signal aborts it (replies still in flight are dropped).
	 */
	async runBatch(items: BatchItem[], { onProgress, onResult, signal }: BatchOptions = {}): Promise<BatchReply[] | undefined> {
		while (this.#pool.length < Math.min(this.size, items.length)) this.#pool.push({ handle: this.#spawn(), version: 0 });
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
		await Promise.all(this.#pool.slice(0, Math.max(1, Math.min(this.size, items.length))).map(work));
		return signal?.aborted ? undefined : replies;
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
