/** The pool as the page makes it: module workers behind comlink, one per core. */
import * as Comlink from 'comlink';
import { SimulationPool, type WorkerHandle } from './pool';
import type { PoolWorkerApi } from './protocol';

function spawnWorker(): WorkerHandle {
	const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
	const api = Comlink.wrap<PoolWorkerApi>(worker);
	return { api: api as unknown as WorkerHandle['api'], terminate: () => worker.terminate() };
}

export function createSimulationPool(): SimulationPool {
	return new SimulationPool(spawnWorker, Math.min(8, navigator.hardwareConcurrency || 2));
}
