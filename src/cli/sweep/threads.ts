/**
 * Spreads a range of samples over worker threads (one per core by default): blocks of samples
 * are handed out as threads finish their last, so a slow thread holds up no one. The tables come
 * back in whatever order threads finish and are put in sample order here.
 */
import { Worker } from 'node:worker_threads';
import type { Model } from '../../lib/model/types';
import { builtWorkerPath } from '../worker-path';
import type { SampleSpec } from './samples';
import type { SweepBlockReply, SweepWorkerData } from './worker';

export interface ThreadOptions {
	threads: number;
	/** Called after each block with the samples done so far and the threads' milliseconds running them. */
	onProgress?: (done: number, ms: number) => void;
}

/** Each thread's young generation, in MB (see runOnThreads). */
const YOUNG_GENERATION_MB = 192;

/** Samples per message: enough to make messages cheap, few enough to balance the threads. */
export function blockSize(samples: number, threads: number): number {
	return Math.max(1, Math.min(50, Math.ceil(samples / (threads * 8))));
}

/** Blocks' rows end to end. */
export function concat(parts: readonly Float64Array[]): Float64Array {
	const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		all.set(p, at);
		at += p.length;
	}
	return all;
}

/** The rows of samples [first, end) (see runSamples), run on `threads` worker threads. */
export function runOnThreads(
	model: Model,
	spec: SampleSpec,
	first: number,
	end: number,
	{ threads, onProgress }: ThreadOptions
): Promise<Float64Array> {
	const size = blockSize(end - first, threads);
	const blocks: { first: number; end: number }[] = [];
	for (let i = first; i < end; i += size) blocks.push({ first: i, end: Math.min(end, i + size) });
	const tables = new Map<number, Float64Array>();
	const path = builtWorkerPath('sweep-worker');
	const workers: Worker[] = [];
	return new Promise<Float64Array>((resolve, reject) => {
		let next = 0;
		let done = 0;
		let busy = 0;
		let failed = false;
		const stop = () => workers.forEach((w) => void w.terminate());
		const give = (worker: Worker) => {
			if (next < blocks.length) worker.postMessage(blocks[next++]);
		};
		const finish = () => {
			stop();
			resolve(concat(blocks.map((b) => tables.get(b.first)!)));
		};
		if (blocks.length === 0) return resolve(new Float64Array(0));
		const data: SweepWorkerData = { model, spec };
		for (let t = 0; t < Math.min(threads, blocks.length); t++) {
			// A young generation larger than V8's default: each run's results are short-lived, and
			// the scavenges of two threads at once slowed every run (npm run bench:cli, model A on
			// 2 threads: 1.51–1.58 × the ideal with the default, 1.43–1.46 × with 192 MB).
			const worker = new Worker(path, {
				workerData: data,
				resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }
			});
			workers.push(worker);
			worker.on('message', (reply: SweepBlockReply) => {
				if (failed) return;
				if ('error' in reply) {
					failed = true;
					stop();
					return reject(new Error(reply.error));
				}
				tables.set(reply.first, reply.table);
				done += reply.end - reply.first;
				busy += reply.ms;
				onProgress?.(done, busy);
				if (tables.size === blocks.length) finish();
				else give(worker);
			});
			worker.on('error', (e) => {
				if (failed) return;
				failed = true;
				stop();
				reject(e);
			});
			give(worker);
		}
	});
}
