import { describe, expect, it } from 'vitest';
import { aux, flow, model, stock } from '../engine/test-models';
import { SimulationPool, type WorkerHandle } from '../worker/pool';
import { SampleHost } from '../worker/sample-host';
import type { Runs } from './runs.svelte';
import { Sensitivity } from './sensitivity.svelte';
import type { Parameter } from './sensitivity';

// Noise in the drain, so the runs' own seeds matter as well as the sampled constants.
const noisy = model(
	[
		stock('Tank', '100', { outflows: ['drain'] }),
		flow('drain', 'Tank / time_to_drain * (1 + noise)'),
		aux('time to drain', '5'),
		aux('noise', 'RANDOM(-0.2, 0.2)')
	],
	{ stop: 20 }
);
const parameters: Parameter[] = [
	{ name: 'time to drain', distribution: { kind: 'triangular', min: 2, mode: 4, max: 9 } }
];

/** A worker in this process that answers on a later tick, as a real one would. */
function fakeWorker(): WorkerHandle {
	const host = new SampleHost();
	const later = <T>(f: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(f()), 1));
	return {
		api: {
			compile: (m) => later(() => host.compile(m)),
			run: (o) => later(() => host.run(o)),
			runBatch: (items) => later(() => host.runBatch(items)),
			runSamples: (block) => later(() => host.runSamples(block)),
			percentiles: (request) => later(() => host.percentiles(request)),
			unitWarnings: () => host.unitWarnings(),
			loops: async (r) => host.loops(r),
			check: (m) => later(() => host.check(m))
		},
		terminate: () => {}
	};
}

/** The runs a Sensitivity needs: a compiled model and a pool of `size` workers. */
async function runsOn(
	size: number,
	onBlock: () => void = () => {}
): Promise<{ runs: Runs; pool: SimulationPool }> {
	const pool = new SimulationPool(fakeWorker, size);
	await pool.setModel(noisy);
	const runs = {
		compileError: undefined,
		samples: (job, options) =>
			pool.runSamples(job, {
				...options,
				onBlock: (...block) => {
					options.onBlock?.(...block);
					onBlock();
				}
			}),
		percentiles: (blocks, rows, percentiles) => pool.percentiles(blocks, rows, percentiles)
	} as Pick<Runs, 'compileError' | 'samples' | 'percentiles'>;
	return { runs: runs as Runs, pool };
}

async function fansOf(size: number, seed: number) {
	const { runs, pool } = await runsOn(size);
	const sensitivity = new Sensitivity(runs);
	await sensitivity.run(parameters, ['Tank', 'drain'], 60, seed);
	pool.dispose();
	expect(sensitivity.status).toMatchObject({ state: 'done', runs: 60, failed: 0 });
	return sensitivity.fans;
}

describe('Sensitivity', () => {
	it('gives the same fans for the same seed whatever the pool size, and others for another seed', async () => {
		const one = await fansOf(1, 42);
		expect(one.map((f) => f.output)).toEqual(['Tank', 'drain']);
		expect(one[0].bands).toHaveLength(5);
		expect(one[0].times.length).toBe(21);
		expect(await fansOf(2, 42)).toEqual(one);
		expect(await fansOf(3, 42)).toEqual(one);
		expect(await fansOf(2, 43)).not.toEqual(one);
	});

	it('bands spread at each time: the 5th percentile below the median below the 95th', async () => {
		const [tank] = await fansOf(2, 7);
		const [p5, p25, p50, p75, p95] = tank.bands;
		expect(p5[0]).toBe(100); // every run starts full
		for (const t of [5, 10, 20]) {
			expect(p5[t]).toBeLessThan(p25[t]);
			expect(p25[t]).toBeLessThan(p50[t]);
			expect(p50[t]).toBeLessThan(p75[t]);
			expect(p75[t]).toBeLessThan(p95[t]);
		}
	});

	it('says cancelled, with how far it got, when cancelled half way', async () => {
		let firstBlock!: () => void;
		const blockBack = new Promise<void>((resolve) => (firstBlock = resolve));
		const { runs, pool } = await runsOn(2, () => firstBlock());
		const sensitivity = new Sensitivity(runs);
		const running = sensitivity.run(parameters, ['Tank'], 2000, 1);
		await blockBack; // some samples are back, many more to come
		expect(sensitivity.status.state).toBe('running');
		sensitivity.cancel();
		await running;
		pool.dispose();
		expect(sensitivity.status).toMatchObject({ state: 'cancelled', total: 2000 });
		expect(sensitivity.status.state === 'cancelled' && sensitivity.status.done).toBeLessThan(2000);
		expect(sensitivity.fans).toEqual([]);
	});

	it('says which outputs the model does not save', async () => {
		const { runs, pool } = await runsOn(1);
		const sensitivity = new Sensitivity(runs);
		await sensitivity.run(parameters, ['Tank', 'Bucket'], 5, 1);
		pool.dispose();
		expect(sensitivity.fans.map((f) => f.output)).toEqual(['Tank']);
		expect(sensitivity.status).toMatchObject({
			state: 'done',
			firstProblem: 'the model does not save Bucket'
		});
	});
});
