import { describe, expect, it } from 'vitest';
import { aux, flow, model, stock } from '../engine/test-models';
import type { FlowbookDocument, Lever, Model } from '../model/types';
import { SampleHost } from '../worker/sample-host';
import { SimulationPool, type WorkerHandle } from '../worker/pool';
import { Runs } from './runs.svelte';

/** A worker in this process that answers on a later tick, counting the runs it makes. */
function fakeWorker(count: { runs: number }): WorkerHandle {
	const host = new SampleHost();
	const later = <T>(f: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(f()), 2));
	return {
		api: {
			compile: (m) => later(() => host.compile(m)),
			run: (o) => later(() => (count.runs++, host.run(o))),
			runBatch: (items) => later(() => ((count.runs += items.length), host.runBatch(items))),
			runSamples: (block) => later(() => host.runSamples(block)),
			percentiles: (request) => later(() => host.percentiles(request)),
			unitWarnings: () => host.unitWarnings(),
			loops: async (r) => host.loops(r),
			check: (m) => later(() => host.check(m))
		},
		terminate: () => {}
	};
}

const drainTime: Lever = {
	variable: 'time to drain',
	label: 'Time to drain',
	min: 2,
	max: 10,
	step: 1
};
const outflow: Lever = { variable: 'outflow share', label: 'Share', min: 0, max: 1, step: 0.5 };

function notebook(): FlowbookDocument {
	return {
		schemaVersion: 1,
		title: 'Drain',
		description: '',
		model: model(
			[
				stock('Tank', '100', { outflows: ['drain'] }),
				flow('drain', 'Tank / time_to_drain * (1 + outflow_share)'),
				aux('time to drain', '5'),
				aux('outflow share', '0'),
				aux('unplotted', 'Tank * 2')
			],
			{ stop: 10 }
		),
		scenarios: [],
		levers: [drainTime, outflow],
		cells: [{ id: 'c', kind: 'chart', variables: ['Tank'] }]
	};
}

const tank = (runs: Runs) => Array.from(runs.live!.series[runs.live!.names.indexOf('Tank')]);

async function ready() {
	const count = { runs: 0 };
	const document = notebook();
	const runs = new Runs(new SimulationPool(() => fakeWorker(count), 2), () => document);
	await runs.setModel(document.model, []);
	await runs.settled();
	return { runs, count, document };
}

describe('Runs: the diagram’s marks come from the worker’s compile', () => {
	it('holds the marks of the compiled model, without compiling on the page', async () => {
		const { runs, document } = await ready();
		const drain = document.model.variables.find((v) => v.name === 'drain')!;
		// No connector brings Tank or time to drain into the drain: the worker's check says so.
		expect(runs.warnings.byVariable.get(drain.id)?.messages).toContain(
			'uses "Tank" but no connector brings it in'
		);
	});

	// The first call loads the units checker (mathjs): seconds on a busy machine.
	it('adds the unit checks once a diagram is shown, and keeps them for the next model', async () => {
		const { runs, document } = await ready();
		// The drain is declared litre, not litre/minute: the units checker says so.
		const litres: Model = {
			...document.model,
			simSpecs: { ...document.model.simSpecs, timeUnits: 'minute' },
			variables: document.model.variables.map((v) =>
				v.name === 'Tank' || v.name === 'drain' ? { ...v, units: 'litre' } : v
			)
		};
		const units = (r: Runs) =>
			[...r.warnings.byVariable.values()]
				.flatMap((w) => w.messages)
				.filter((m) => /^units:/.test(m));
		await runs.setModel(litres, []);
		await runs.settled();
		expect(units(runs)).toEqual([]);
		runs.wantUnitChecks();
		await runs.settled();
		expect(units(runs)).toEqual([
			'units: "drain" flows out of "Tank" (litre), so it should be litre/minute but is declared as litre'
		]);
		await runs.setModel({ ...litres }, []);
		await runs.settled();
		expect(units(runs)).toHaveLength(1);
	}, 30_000);
});

describe('Runs: cancelling the live run', () => {
	it('stops a run in flight, says so, and runs the next lever move on a fresh worker', async () => {
		const document = notebook();
		let spawned = 0;
		let ended = 0;
		// The first worker's live runs never finish (a run of millions of steps).
		const pool = new SimulationPool(() => {
			const worker = fakeWorker({ runs: 0 });
			const stuck = spawned++ === 0;
			return {
				api: { ...worker.api, run: (o) => (stuck ? new Promise(() => {}) : worker.api.run(o)) },
				terminate: () => void ended++
			};
		}, 2);
		const runs = new Runs(pool, () => document);
		void runs.setModel(document.model, []);
		await expect.poll(() => runs.status.state).toBe('running');
		await expect.poll(() => pool.running).toBe(true);
		runs.cancelLive();
		expect(runs.status).toEqual({ state: 'cancelled' });
		expect(ended).toBe(1);
		runs.setLever(drainTime, 10);
		await runs.settled();
		expect(runs.status.state).toBe('done');
		expect(tank(runs)[1]).toBeCloseTo(90);
	});
});

describe('Runs: the live run and runs made ahead of a lever', () => {
	it('saves only what the charts plot in the live run', async () => {
		const { runs } = await ready();
		expect(runs.live?.names).toEqual(['Tank']);
	});

	it('shows a swept position at once, with the values a live run gives', async () => {
		const { runs } = await ready();
		runs.prepareLever(drainTime);
		await runs.settled();
		runs.setLever(drainTime, 8);
		// No await: the run made ahead is shown in the same task.
		const swept = tank(runs);
		expect(swept[1]).toBeCloseTo(100 - 100 / 8);
		runs.setLever(drainTime, 8.5); // between positions: a live run answers
		await runs.settled();
		runs.setLever(drainTime, 8);
		await runs.settled();
		expect(tank(runs)).toEqual(swept);
	});

	it('does not run the positions again for the same context, and runs them again when another lever moves', async () => {
		const { runs, count } = await ready();
		runs.prepareLever(drainTime);
		await runs.settled();
		const afterSweep = count.runs;
		runs.prepareLever(drainTime);
		await runs.settled();
		expect(count.runs).toBe(afterSweep);
		runs.setLever(outflow, 0.5);
		await runs.settled();
		runs.setLever(drainTime, 4);
		await runs.settled();
		// The sweep was made with outflow share 0; the live run with 0.5 must be the one shown.
		expect(tank(runs)[1]).toBeCloseTo(100 - (100 / 4) * 1.5);
		runs.prepareLever(drainTime);
		await runs.settled();
		expect(count.runs).toBeGreaterThan(afterSweep + 9);
		runs.setLever(drainTime, 5);
		expect(tank(runs)[1]).toBeCloseTo(100 - (100 / 5) * 1.5);
	});

	it('never lets an older live reply replace a swept run shown after it', async () => {
		const { runs } = await ready();
		runs.prepareLever(drainTime);
		await runs.settled();
		runs.setLever(drainTime, 2.5); // not a position: a live run starts
		runs.setLever(drainTime, 3); // a position: shown at once
		await runs.settled();
		expect(tank(runs)[1]).toBeCloseTo(100 - 100 / 3);
	});

	it('drops the runs made ahead when the model changes', async () => {
		const { runs, document } = await ready();
		runs.prepareLever(drainTime);
		await runs.settled();
		const changed = {
			...document.model,
			variables: document.model.variables.map((v) =>
				v.name === 'Tank' && v.kind === 'stock' ? { ...v, initial: '50' } : v
			)
		};
		await runs.setModel(changed, []);
		await runs.settled();
		runs.setLever(drainTime, 5);
		await runs.settled();
		expect(tank(runs)[0]).toBe(50);
	});
});

/** Two localities' tanks, each draining at its own time; the time to drain is arrayed. */
function arrayedNotebook(levers: Lever[]): FlowbookDocument {
	const m = model(
		[
			{ ...stock('Tank', '100', { outflows: ['drain'] }), dimensions: ['Place'] },
			{ ...flow('drain', 'Tank / time_to_drain'), dimensions: ['Place'] },
			{
				...aux('time to drain', '0'),
				dimensions: ['Place'],
				elements: [
					{ subscript: ['East'], equation: '5' },
					{ subscript: ['West'], equation: '10' }
				]
			},
			aux('East', 'Tank[East]'),
			aux('West', 'Tank[West]')
		],
		{ stop: 10 }
	);
	return {
		schemaVersion: 1,
		title: 'Drains',
		description: '',
		model: { ...m, dimensions: [{ name: 'Place', elements: ['East', 'West'] }] },
		scenarios: [],
		levers,
		cells: [{ id: 'c', kind: 'chart', variables: ['East', 'West'] }]
	};
}

async function arrayedReady(lever: Lever) {
	const count = { runs: 0 };
	const document = arrayedNotebook([lever]);
	const runs = new Runs(new SimulationPool(() => fakeWorker(count), 2), () => document);
	await runs.setModel(document.model, []);
	await runs.settled();
	return { runs, count, document };
}
const tankAt = (runs: Runs, place: string) =>
	Array.from(runs.live!.series[runs.live!.names.indexOf(place)]);

describe('Runs: levers on an arrayed constant', () => {
	const perElement: Lever = {
		variable: 'time to drain',
		label: 'Time to drain',
		min: 2,
		max: 20,
		step: 1,
		perElement: true
	};
	const oneForAll: Lever = { ...perElement, perElement: undefined };

	it('a slider per element moves only its element, by the name Name[Element]', async () => {
		const { runs, document } = await arrayedReady(perElement);
		runs.setLever(perElement, 4, ['West']);
		await runs.settled();
		expect(runs.overrides(document)).toEqual({ 'time to drain[West]': 4 });
		expect(tankAt(runs, 'East')[1]).toBeCloseTo(100 - 100 / 5);
		expect(tankAt(runs, 'West')[1]).toBeCloseTo(100 - 100 / 4);
		expect(runs.levers).toEqual({ 'time to drain[West]': 4 });
	});

	it('one slider sets every element, even to the first element’s own value', async () => {
		const { runs, document } = await arrayedReady(oneForAll);
		runs.setLever(oneForAll, 5);
		await runs.settled();
		expect(runs.overrides(document)).toEqual({ 'time to drain': 5 });
		expect(tankAt(runs, 'West')[1]).toBeCloseTo(100 - 100 / 5);
		// A subscript names no slider of a lever with one slider: nothing moves.
		runs.setLever(oneForAll, 8, ['East']);
		expect(runs.levers).toEqual({ 'time to drain': 5 });
	});

	it('runs one element’s positions ahead, each with the other elements where they are', async () => {
		const { runs, count } = await arrayedReady(perElement);
		runs.setLever(perElement, 8, ['West']);
		await runs.settled();
		runs.prepareLever(perElement, ['East']);
		await runs.settled();
		const afterSweep = count.runs;
		runs.setLever(perElement, 3, ['East']);
		// No await: the run made ahead is shown in the same task, with West still at 8.
		expect(tankAt(runs, 'East')[1]).toBeCloseTo(100 - 100 / 3);
		expect(tankAt(runs, 'West')[1]).toBeCloseTo(100 - 100 / 8);
		expect(runs.status.state).toBe('done');
		runs.prepareLever(perElement, ['East']);
		await runs.settled();
		expect(count.runs).toBe(afterSweep);
		// The other element's slider is another sweep: moving it is a live run until it is run ahead.
		runs.setLever(perElement, 3, ['West']);
		expect(runs.status.state).toBe('running');
		await runs.settled();
		expect(tankAt(runs, 'West')[1]).toBeCloseTo(100 - 100 / 3);
		// East's runs were made with West at 8: they are not shown now West is at 3.
		runs.setLever(perElement, 4, ['East']);
		expect(runs.status.state).toBe('running');
		await runs.settled();
		expect(tankAt(runs, 'East')[1]).toBeCloseTo(100 - 100 / 4);
	});

	it('puts a lever’s sliders back when its mode changes, and takes positions from a scenario', async () => {
		const { runs, document } = await arrayedReady(perElement);
		runs.setLever(perElement, 4, ['West']);
		runs.resetLever(perElement);
		await runs.settled();
		expect(runs.levers).toEqual({});
		expect(runs.overrides(document)).toEqual({});
		runs.setPositions({ 'time to drain[East]': 2 });
		await runs.settled();
		expect(tankAt(runs, 'East')[1]).toBeCloseTo(50);
	});
});

describe('Runs: a model the worker cannot take', () => {
	it('shows an error, not "Running…" for ever, when the model cannot be sent to the worker', async () => {
		const count = { runs: 0 };
		const document = notebook();
		const refusing = (): WorkerHandle => {
			const worker = fakeWorker(count);
			const error = new DOMException('#<Object> could not be cloned.', 'DataCloneError');
			return { ...worker, api: { ...worker.api, compile: () => Promise.reject(error) } };
		};
		const runs = new Runs(new SimulationPool(refusing, 2), () => document);
		await runs.setModel(document.model, []);
		await runs.settled();
		expect(runs.status).toEqual({
			state: 'error',
			message:
				'Error: the model could not be sent to the simulation worker (#<Object> could not be cloned.)'
		});
		expect(runs.compileError).toMatch(/could not be sent/);
		expect(count.runs).toBe(0);
	});
});
