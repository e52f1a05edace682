/**
 * A sweep's worker thread (built to dist-cli/sweep-worker.js): compiles the model it is sent once,
 * then runs each block of samples it is asked for and sends the rows back, transferred.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileModel } from '../../lib/engine';
import type { Model } from '../../lib/model/types';
import { runSamples, type SampleSpec } from './samples';

export interface SweepWorkerData {
	model: Model;
	spec: SampleSpec;
}

export type SweepBlockReply =
	| { first: number; end: number; table: Float64Array; ms: number }
	| { first: number; end: number; error: string };

if (!parentPort) throw new Error('the sweep worker runs on a worker thread');
const port = parentPort;
const { model, spec } = workerData as SweepWorkerData;
const compiled = compileModel(model);

port.on('message', ({ first, end }: { first: number; end: number }) => {
	if (!compiled.ok) {
		const error = compiled.diagnostics.find((d) => d.severity === 'error')?.message;
		port.postMessage({ first, end, error: error ?? 'the model does not compile' });
		return;
	}
	try {
		const started = performance.now();
		const table = runSamples(compiled.simulation, spec, first, end);
		const ms = performance.now() - started;
		port.postMessage({ first, end, table, ms } satisfies SweepBlockReply, [
			table.buffer as ArrayBuffer
		]);
	} catch (e) {
		port.postMessage({ first, end, error: e instanceof Error ? e.message : String(e) });
	}
});
