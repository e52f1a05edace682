/**
 * Conveyors, queues and leaks read from XMILE and written back (XMILE 1.0 §4.2.1, §4.2.2, §4.3).
 * The run is checked against isee's steady-state formula for a linear leak ("Steady-state
 * initialization of conveyors"): contents = inflow·T − (N − 1)·f·inflow·DT/2.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../engine';
import { readXmile } from './read';
import { writeXmile } from './write';

const FILE = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
<header><options><uses_conveyor/><uses_queue/></options><vendor>isee</vendor></header>
<sim_specs><start>0</start><stop>20</stop><dt>0.5</dt></sim_specs>
<model><variables>
<stock name="waiting"><eqn>0</eqn><inflow>arrivals</inflow><outflow>admitting</outflow><queue/></stock>
<flow name="arrivals"><eqn>arrival_rate</eqn></flow>
<aux name="arrival rate"><eqn>12</eqn></aux>
<stock name="ward"><eqn>40</eqn><inflow>admitting</inflow><outflow>discharging</outflow><outflow>dying</outflow>
<conveyor discrete="false" exponential_leak="false"><len>4</len><capacity>beds</capacity><in_limit>100</in_limit></conveyor></stock>
<flow name="admitting"/>
<flow name="discharging"/>
<flow name="dying" leak_start="0" leak_end="1"><eqn>0.05</eqn><leak/><leak_integers/><non_negative/></flow>
<aux name="beds"><eqn>50</eqn></aux>
</variables></model></xmile>`;

describe('XMILE conveyors and queues', () => {
	it('reads the conveyor, its leak and the queue in front of it', () => {
		const { model, diagnostics } = readXmile(FILE);
		expect(diagnostics).toEqual([]);
		const byName = new Map(model.variables.map((v) => [v.name, v]));
		expect(byName.get('ward')).toMatchObject({
			kind: 'stock',
			conveyor: { transitTime: '4', capacity: 'beds', inflowLimit: '100' }
		});
		expect(byName.get('waiting')).toMatchObject({ kind: 'stock', queue: true });
		expect(byName.get('dying')).toMatchObject({
			kind: 'flow',
			equation: '0.05',
			leak: { start: 0, end: 1, integers: true }
		});
		expect(byName.get('discharging')).toMatchObject({ kind: 'flow', equation: '' });
	});

	it('runs it: the queue empties onto the belt, which settles at isee’s steady state', () => {
		const { model } = readXmile(FILE.replace('<leak_integers/>', ''));
		const compiled = compileModel(model);
		if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
		const run = compiled.simulation.run();
		const ward = compiled.simulation.seriesOf(run, 'ward')!;
		// 12 a day for 4 days, 5% leaking: 12·4 − (8 − 1)·0.6·0.5/2.
		expect(ward.at(-1)).toBeCloseTo(12 * 4 - (7 * 0.6 * 0.5) / 2, 10);
		expect(compiled.simulation.seriesOf(run, 'waiting')!.at(-1)).toBe(0);
	});

	it('keeps back in the queue what the belt has no room for', () => {
		const { model } = readXmile(FILE.replace('<eqn>12</eqn>', '<eqn>20</eqn>'));
		const compiled = compileModel(model);
		if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
		const run = compiled.simulation.run();
		const ward = compiled.simulation.seriesOf(run, 'ward')!;
		for (const x of ward) expect(x).toBeLessThanOrEqual(50 + 1e-9);
		expect(compiled.simulation.seriesOf(run, 'waiting')!.at(-1)).toBeGreaterThan(100);
	});

	it('writes them back, and reads what it wrote unchanged', () => {
		const { model } = readXmile(FILE);
		const text = writeXmile(model);
		expect(text).toContain('<uses_conveyor/>');
		expect(text).toContain('<queue/>');
		expect(text).toContain('<len>4</len>');
		expect(text).toContain('leak_start="0"');
		const again = readXmile(text);
		expect(again.diagnostics).toEqual([]);
		expect(again.model.variables).toEqual(model.variables);
	});

	it('refuses an oven, naming the stock, and a flow without an equation that no belt or queue drives', () => {
		const oven = readXmile(FILE.replace('<queue/>', '<oven/>'));
		expect(oven.diagnostics.map((d) => [d.variable, d.message])).toContainEqual([
			'waiting',
			'"waiting" is an oven: ovens are not supported yet (a conveyor or a queue may do what it does)'
		]);
		const stray = readXmile(
			FILE.replace(
				'<flow name="arrivals"><eqn>arrival_rate</eqn></flow>',
				'<flow name="arrivals"/>'
			)
		);
		expect(stray.diagnostics.map((d) => [d.variable, d.message])).toEqual([
			['arrivals', 'Has no equation']
		]);
	});
});
