import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { aux, flow, model, stock } from '../engine/test-models';
import type { SampleBlock } from './protocol';
import { SampleHost } from './sample-host';

// A tank drained at a rate with noise in it, so each sample's seed shows in its run.
const noisy = model(
	[
		stock('Tank', '100', { outflows: ['drain'] }),
		flow('drain', 'Tank / time_to_drain * (1 + noise)'),
		aux('time to drain', '5'),
		aux('noise', 'RANDOM(-0.1, 0.1)')
	],
	{ stop: 10 }
);

const block = (over: Partial<SampleBlock> = {}): SampleBlock => ({
	first: 10,
	names: ['time to drain'],
	values: Float64Array.from([2, 5, 8]),
	seeds: Float64Array.from([1, 2, 3]),
	outputs: ['tank', 'drain'],
	...over
});

describe('SampleHost.runSamples', () => {
	it('runs each sample with its values and seed, and packs only the outputs asked for', () => {
		const host = new SampleHost();
		host.compile(noisy);
		const reply = host.runSamples(block());
		expect(reply).toMatchObject({
			first: 10,
			count: 3,
			rows: 11,
			ran: 3,
			unknown: [],
			problems: []
		});
		expect(reply.columns).toHaveLength(2);
		expect(reply.columns[0].length).toBe(3 * 11);
		[2, 5, 8].forEach((t, i) => {
			const one = host.run({ overrides: { 'time to drain': t }, seed: i + 1 });
			if (!one.ok) throw new Error('the single run failed');
			const tank = one.result.series[one.result.names.indexOf('Tank')];
			const drain = one.result.series[one.result.names.indexOf('drain')];
			expect(reply.columns[0].subarray(i * 11, (i + 1) * 11)).toEqual(tank);
			expect(reply.columns[1].subarray(i * 11, (i + 1) * 11)).toEqual(drain);
		});
	});

	it('names the samples that could not run or stopped early, with NaN where they have no value', () => {
		const host = new SampleHost();
		host.compile(noisy);
		// time to drain 0 divides by zero from the start; a constant the model lacks cannot be set.
		const reply = host.runSamples(block({ values: Float64Array.from([0, 5, 8]) }));
		expect(reply.problems.map((p) => p.sample)).toEqual([10]);
		expect(reply.problems[0].diagnostic.message).toMatch(/Infinity|NaN/);
		expect(Number.isNaN(reply.columns[1][0])).toBe(true);
		const missing = host.runSamples(block({ names: ['time to drian'] }));
		expect(missing.problems).toHaveLength(3);
		expect(missing.problems[0].diagnostic.message).toMatch(
			/no constant called "time to drian"; did you mean "time to drain"/
		);
		expect(missing.ran).toBe(0);
	});

	it('lists outputs the model does not save and leaves their columns NaN', () => {
		const host = new SampleHost();
		host.compile(noisy);
		const reply = host.runSamples(block({ outputs: ['Tank', 'Bucket'] }));
		expect(reply.unknown).toEqual(['Bucket']);
		expect(reply.columns[1].every(Number.isNaN)).toBe(true);
		expect(reply.columns[0].some(Number.isNaN)).toBe(false);
	});

	it('says why every sample failed when the model did not compile', () => {
		const host = new SampleHost();
		host.compile(model([aux('x', 'nope')]));
		const reply = host.runSamples(block());
		expect(reply.problems).toHaveLength(3);
		expect(reply.problems[0].diagnostic.message).toMatch(/nope/);
	});

	it('transfers the packed columns through a MessageChannel', async () => {
		const host = new SampleHost();
		host.compile(noisy);
		const { port1, port2 } = new MessageChannel();
		Comlink.expose(host, port1);
		const remote = Comlink.wrap<SampleHost>(port2);
		const reply = await remote.runSamples(block());
		expect(reply.columns[0]).toBeInstanceOf(Float64Array);
		expect(reply.columns[0].length).toBe(33);
		port1.close();
		port2.close();
	});
});
