/**
 * A run that saves only some outputs (RunOptions.outputs), as Monte Carlo runs do: the same values
 * as a full run, in the order asked, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../model/diagnostics';
import { aux, compiled, flow, model, stock } from './test-models';

const tank = model(
	[
		stock('Tank', '100', { inflows: ['fill'], outflows: ['drain'] }),
		flow('fill', 'Inflow_Rate * (1 + 0.1 * SIN(TIME))'),
		flow('drain', 'Tank / Time_to_Drain'),
		aux('Inflow Rate', '5'),
		aux('Time to Drain', '4'),
		aux('Half Tank', 'Tank / 2'),
		aux('Late Drain', 'DELAY1(drain, 3)'),
		stock('Spilled', '0', { inflows: ['spill'] }),
		flow('spill', 'Half_Tank / 10')
	],
	{ stop: 20, dt: 0.25, saveStep: 1 }
);

describe('a run that keeps only some outputs', () => {
	it.each(['euler', 'rk4'] as const)(
		'gives the full run’s values for stocks, flows, auxiliaries and constants (%s)',
		(method) => {
			const sim = compiled({ ...tank, simSpecs: { ...tank.simSpecs, method } });
			const options = { overrides: { 'Time to Drain': 3 } };
			const full = sim.run(options);
			const asked = ['late drain', 'Spilled', 'Inflow_Rate', 'drain', 'TANK'];
			const some = sim.run({ ...options, outputs: asked });
			expect(some.names).toEqual(['Late Drain', 'Spilled', 'Inflow Rate', 'drain', 'Tank']);
			expect(some.times).toEqual(full.times);
			some.names.forEach((name, k) => expect(some.series[k]).toEqual(sim.seriesOf(full, name)));
			// One buffer for them all, so a worker transfers it whole, and no larger than they need.
			expect(new Set(some.series.map((s) => s.buffer)).size).toBe(1);
			expect(some.series[0].buffer.byteLength).toBe(8 * asked.length * full.times.length);
		}
	);

	it('keeps the rows before a run stopped early', () => {
		const sim = compiled(
			model([stock('S', '1', { inflows: ['grow'] }), flow('grow', 'S / (5 - TIME)')], { stop: 10 })
		);
		const full = sim.run();
		const some = sim.run({ outputs: ['grow'] });
		expect(full.error).toBeDefined();
		expect(some.error).toEqual(full.error);
		expect(some.series[0]).toEqual(sim.seriesOf(full, 'grow'));
	});

	it('keeps nothing when asked for nothing', () => {
		const result = compiled(tank).run({ outputs: [] });
		expect(result.names).toEqual([]);
		expect(result.times.length).toBe(21);
	});

	it('names an output the model does not save, with the closest names', () => {
		const run = () => compiled(tank).run({ outputs: ['Tank', 'Spiled'] });
		expect(run).toThrow(InputError);
		expect(run).toThrow(/there is no saved variable called "Spiled"; did you mean "Spilled"/);
	});
});
