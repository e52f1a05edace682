import { describe, expect, it } from 'vitest';
import { aux, flow, model, stock } from '../engine/test-models';
import { SimulationHost } from './host';
import { SimulationPool, type WorkerHandle } from './pool';

const drain = model([stock('Tank', '100', { outflows: ['drain'] }), flow('drain', 'Tank / time_to_drain'), aux('time to drain', '5')], { stop: 10 });

/** A worker in this process: each call answers on a later tick, as a real one would. */
function fakeWorker(log: string[] = []): WorkerHandle {
	const host = new SimulationHost();
	let alive = true;
	const later = <T>(f: () => T) =>
		new Promise<T>((resolve, reject) => setTimeout(() => (alive ? resolve(f()) : reject(new Error('terminated'))), 5));
	return {
		api: {
			compile: (m) => later(() => host.compile(m)),
			run: (o) => later(() => (log.push(`run ${JSON.stringify(o?.overrides ?? {})}`), host.run(o))),
			runBatch: (items) => later(() => host.runBatch(items))
		},
		terminate: () => (alive = false)
	};
}

const tankAt = (reply: Awaited<ReturnType<SimulationPool['run']>>, row: number) =>
	reply?.ok ? reply.result.series[reply.result.names.indexOf('Tank')][row] : undefined;

describe('SimulationPool', () => {
	it('compiles and runs the live model', async () => {
		const pool = new SimulationPool(() => fakeWorker());
		expect((await pool.setModel(drain)).ok).toBe(true);
		expect(tankAt(await pool.run({ overrides: { 'time to drain': 10 } }), 1)).toBeCloseTo(90);
	});

	it('drops a reply for an older request: the newest slider position wins', async () => {
		const log: string[] = [];
		const pool = new SimulationPool(() => fakeWorker(log));
		pool.setModel(drain);
		const first = pool.run({ overrides: { 'time to drain': 10 } });
		const second = pool.run({ overrides: { 'time to drain': 4 } });
		const third = pool.run({ overrides: { 'time to drain': 2 } });
		expect(await first).toBeUndefined();
		expect(await second).toBeUndefined();
		expect(tankAt(await third, 1)).toBeCloseTo(50);
		// The second was superseded while it waited, so it never ran.
		expect(log).not.toContain('run {"time to drain":4}');
	});

	it('cancels a run in flight, and the next run works on a fresh worker', async () => {
		let spawned = 0;
		const pool = new SimulationPool(() => (spawned++, fakeWorker()));
		pool.setModel(drain);
		const running = pool.run({});
		pool.cancel();
		expect(await running).toBeUndefined();
		expect(spawned).toBe(2);
		expect(tankAt(await pool.run({}), 1)).toBeCloseTo(80);
	});

	it('spreads a batch over the pool, in order, with progress', async () => {
		let spawned = 0;
		const pool = new SimulationPool(() => (spawned++, fakeWorker()), 3);
		pool.setModel(drain);
		const progress: number[] = [];
		const items = [1, 2, 4, 5, 10].map((t) => ({ key: `t${t}`, options: { overrides: { 'time to drain': t } } }));
		const replies = await pool.runBatch(items, { onProgress: (done) => progress.push(done) });
		expect(spawned).toBe(4); // the live worker and three in the pool
		expect(replies?.map((r) => r.key)).toEqual(['t1', 't2', 't4', 't5', 't10']);
		expect(progress).toEqual([1, 2, 3, 4, 5]);
	});

	it('stops a batch when its signal aborts', async () => {
		const pool = new SimulationPool(() => fakeWorker(), 2);
		pool.setModel(drain);
		const controller = new AbortController();
		let done = 0;
		const items = Array.from({ length: 20 }, (_, i) => ({ key: String(i), options: {} }));
		const batch = pool.runBatch(items, { signal: controller.signal, onProgress: (d) => (done = d) >= 4 && controller.abort() });
		expect(await batch).toBeUndefined();
		expect(done).toBeLessThan(20);
	});
});
