import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { aux, flow, model, stock } from '../engine/test-models';
import { SimulationHost } from './host';

const drain = model(
	[
		stock('Tank', '100', { outflows: ['drain'] }),
		flow('drain', 'Tank / time_to_drain'),
		aux('time to drain', '5')
	],
	{ stop: 10 }
);

describe('SimulationHost', () => {
	it('compiles a model and names what it can set and save', () => {
		const summary = new SimulationHost().compile(drain);
		expect(summary.ok).toBe(true);
		expect(summary.constants).toContain('time to drain');
		expect(summary.outputs).toContain('Tank');
	});

	it('runs with overrides, every series a view of one buffer', () => {
		const host = new SimulationHost();
		host.compile(drain);
		const reply = host.run({ overrides: { 'time to drain': 10 } });
		expect(reply.ok).toBe(true);
		if (!reply.ok) return;
		const { result } = reply;
		expect(result.times.length).toBe(11);
		expect(result.series[result.names.indexOf('Tank')][1]).toBeCloseTo(90);
		expect(new Set(result.series.map((s) => s.buffer)).size).toBe(1);
	});

	it('transfers the series buffer through a MessageChannel instead of copying it', async () => {
		const host = new SimulationHost();
		host.compile(drain);
		const { port1, port2 } = new MessageChannel();
		Comlink.expose(host, port1);
		const remote = Comlink.wrap<SimulationHost>(port2);
		const reply = await remote.run({});
		expect(reply.ok).toBe(true);
		if (reply.ok) {
			expect(reply.result.series[0]).toBeInstanceOf(Float64Array);
			expect(new Set(reply.result.series.map((s) => s.buffer)).size).toBe(1);
		}
		port1.close();
		port2.close();
	});

	it('runs a batch, keyed, one reply per item', () => {
		const host = new SimulationHost();
		host.compile(drain);
		const replies = host.runBatch([
			{ key: 'slow', options: { overrides: { 'time to drain': 10 } } },
			{ key: 'fast', options: { overrides: { 'time to drain': 2 } } }
		]);
		expect(replies.map((r) => r.key)).toEqual(['slow', 'fast']);
		expect(replies.every((r) => r.reply.ok)).toBe(true);
	});

	it('keeps only the outputs a batch item asks for, matched by name, in one buffer', () => {
		const host = new SimulationHost();
		host.compile(drain);
		const [{ reply }] = host.runBatch([
			{ key: 'a', options: {}, outputs: ['tank', 'no such thing'] }
		]);
		expect(reply.ok).toBe(true);
		if (!reply.ok) return;
		expect(reply.result.names).toEqual(['Tank']);
		expect(reply.result.series[0][0]).toBe(100);
		expect(reply.result.series[0].buffer.byteLength).toBe(11 * 8);
	});

	it('says what is wrong instead of throwing: a broken model, an unknown constant', () => {
		const host = new SimulationHost();
		const broken = host.compile(model([aux('a', 'b + ')]));
		expect(broken.ok).toBe(false);
		expect(broken.diagnostics[0].variable).toBe('a');
		const noRun = host.run();
		expect(noRun.ok).toBe(false);
		host.compile(drain);
		const bad = host.run({ overrides: { 'time to drian': 3 } });
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.diagnostics[0].message).toMatch(/did you mean "time to drain"/);
	});

	it('reports NaN with the variable and time that produced it', () => {
		const host = new SimulationHost();
		host.compile(
			model([stock('S', '1', { inflows: ['f'] }), flow('f', 'IF TIME > 3 THEN 0/0 ELSE 1')], {
				stop: 10
			})
		);
		const reply = host.run();
		expect(reply.ok).toBe(true);
		if (reply.ok) {
			expect(reply.result.error?.variable).toBe('f');
			expect(reply.result.error?.time).toBeGreaterThan(3);
		}
	});
});
