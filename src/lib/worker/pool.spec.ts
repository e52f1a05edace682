import { describe, expect, it } from 'vitest';
import { aux, flow, model, stock } from '../engine/test-models';
import { SampleHost } from './sample-host';
import { SimulationPool, blockSize, type SampleJob, type WorkerHandle } from './pool';
import type { SampleBlockReply } from './protocol';
import { blockBands, type RunBlock } from '../engine/percentiles';

const drain = model(
	[
		stock('Tank', '100', { outflows: ['drain'] }),
		flow('drain', 'Tank / time_to_drain'),
		aux('time to drain', '5')
	],
	{ stop: 10 }
);

/** A worker in this process: each call answers on a later tick, as a real one would. */
function fakeWorker(log: string[] = []): WorkerHandle {
	const host = new SampleHost();
	let alive = true;
	const later = <T>(f: () => T) =>
		new Promise<T>((resolve, reject) =>
			setTimeout(() => (alive ? resolve(f()) : reject(new Error('terminated'))), 5)
		);
	return {
		api: {
			compile: (m) => later(() => host.compile(m)),
			run: (o) => later(() => (log.push(`run ${JSON.stringify(o?.overrides ?? {})}`), host.run(o))),
			runBatch: (items) => later(() => host.runBatch(items)),
			runSamples: (block) => later(() => host.runSamples(block)),
			percentiles: (request) => later(() => host.percentiles(request)),
			unitWarnings: () => host.unitWarnings(),
			loops: async (r) => host.loops(r),
			check: (m) => later(() => host.check(m))
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

	it('ends a long run in flight when a newer one is asked for, on a fresh worker', async () => {
		const workers: { ended: boolean }[] = [];
		// The first worker's runs never finish (a run of millions of steps); later ones answer.
		const spawn = (): WorkerHandle => {
			const state = { ended: false };
			const handle = fakeWorker();
			const slow = workers.length === 0;
			workers.push(state);
			return {
				api: {
					...handle.api,
					run: (o) => (slow ? new Promise(() => {}) : handle.api.run(o))
				},
				terminate: () => ((state.ended = true), handle.terminate())
			};
		};
		const pool = new SimulationPool(spawn);
		pool.setModel(drain);
		const older = pool.run({ overrides: { 'time to drain': 10 } });
		await new Promise((r) => setTimeout(r, 20));
		expect(pool.running).toBe(true);
		const newer = pool.run({ overrides: { 'time to drain': 2 } });
		expect(await older).toBeUndefined();
		expect(tankAt(await newer, 1)).toBeCloseTo(50);
		expect(workers[0].ended).toBe(true);
		expect(pool.running).toBe(false);
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
		const items = [1, 2, 4, 5, 10].map((t) => ({
			key: `t${t}`,
			options: { overrides: { 'time to drain': t } }
		}));
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
		const batch = pool.runBatch(items, {
			signal: controller.signal,
			onProgress: (d) => (done = d) >= 4 && controller.abort()
		});
		expect(await batch).toBeUndefined();
		expect(done).toBeLessThan(20);
	});

	/** 40 samples of the drain time and the seed, charting the tank. */
	const job = (): SampleJob => ({
		names: ['time to drain'],
		values: Float64Array.from({ length: 40 }, (_, i) => 1 + (i % 9)),
		seeds: Float64Array.from({ length: 40 }, (_, i) => i),
		outputs: ['Tank']
	});

	/** The tank's series of every sample, placed by sample index, and the blocks they came in. */
	async function samplesOn(
		size: number
	): Promise<{ tank: number[][]; blocks: SampleBlockReply[]; progress: number[] }> {
		const pool = new SimulationPool(() => fakeWorker(), size);
		pool.setModel(drain);
		const tank: number[][] = [];
		const blocks: SampleBlockReply[] = [];
		const progress: number[] = [];
		const finished = await pool.runSamples(job(), {
			onBlock: (reply, done) => {
				blocks.push(reply);
				progress.push(done);
				for (let i = 0; i < reply.count; i++)
					tank[reply.first + i] = [
						...reply.columns[0].subarray(i * reply.rows, (i + 1) * reply.rows)
					];
			}
		});
		expect(finished).toBe(true);
		pool.dispose();
		return { tank, blocks, progress };
	}

	it('runs samples in blocks over the pool, each sample once, placed by its index', async () => {
		const { tank, blocks, progress } = await samplesOn(2);
		expect(blocks.reduce((n, b) => n + b.count, 0)).toBe(40);
		expect(new Set(blocks.map((b) => b.first)).size).toBe(blocks.length);
		expect(blocks.length).toBeLessThan(40); // many samples to a message once a run is timed
		expect(progress.at(-1)).toBe(40);
		// Sample 3 drains over 4 time units: 100 × (1 − 1/4) after one step.
		expect(tank[3][1]).toBeCloseTo(75);
		expect(tank.every((series) => series.length === 11)).toBe(true);
	});

	it('gives the same values whatever the pool size', async () => {
		const one = await samplesOn(1);
		expect((await samplesOn(2)).tank).toEqual(one.tank);
		expect((await samplesOn(3)).tank).toEqual(one.tank);
	});

	it('stops sending blocks when the signal aborts', async () => {
		const pool = new SimulationPool(() => fakeWorker(), 2);
		pool.setModel(drain);
		const controller = new AbortController();
		let done = 0;
		const finished = await pool.runSamples(job(), {
			signal: controller.signal,
			onBlock: (_, d) => ((done = d), controller.abort())
		});
		expect(finished).toBe(false);
		expect(done).toBeLessThan(40);
	});
});

describe('SimulationPool.percentiles', () => {
	// 23 runs of 50 saved times in blocks of 5, 5, 5, 8; the last block's runs stopped at time 31.
	const blocks = (): RunBlock[] =>
		[5, 5, 5, 8].map((count, b) => {
			const rows = b === 3 ? 31 : 50;
			return {
				values: Float64Array.from(
					{ length: count * rows },
					(_, i) => Math.sin(i * 0.37 + b) * 10 + (i % rows)
				),
				count,
				rows
			};
		});
	const FAN = [5, 25, 50, 75, 95];

	it('shares the times out between the workers and gives what one thread gives', async () => {
		const expected = blockBands(blocks(), FAN, 0, 50);
		for (const size of [1, 2, 3]) {
			const pool = new SimulationPool(() => fakeWorker(), size);
			expect(await pool.percentiles(blocks(), 50, FAN)).toEqual(expected);
			pool.dispose();
		}
	});
});

describe('blockSize', () => {
	it('is one until a run has been timed, then about 200 ms of runs', () => {
		expect(blockSize(1000, 4, undefined)).toBe(1);
		expect(blockSize(1000, 4, 20)).toBe(10);
		expect(blockSize(1000, 4, 0.001)).toBe(125); // a share of what is left: 1000 ÷ (2 × 4)
	});

	it('shrinks near the end so that the lanes finish together, and never passes what is left', () => {
		expect(blockSize(16, 4, 1)).toBe(2);
		expect(blockSize(3, 4, 1)).toBe(1);
		expect(blockSize(1, 4, 1)).toBe(1);
		expect(blockSize(0, 4, undefined)).toBe(0);
	});
});
