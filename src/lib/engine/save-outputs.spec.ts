import { describe, expect, it } from 'vitest';
import { aux, compiled, flow, model, stock } from './test-models';

/** A stock with a flow, an auxiliary, a constant and a delay, so every kind of output is saved. */
const sim = () =>
	compiled(
		model(
			[
				stock('Patients', '100', { inflows: ['arrivals'], outflows: ['discharges'] }),
				flow('arrivals', 'referrals * 2'),
				flow('discharges', 'Patients / stay'),
				aux('referrals', '10 + STEP(5, 3)'),
				aux('stay', '4'),
				aux('waiting', 'DELAY3(Patients, 2)')
			],
			{ stop: 12, dt: 0.25, saveStep: 1, method: 'rk4' }
		)
	);

describe('RunOptions.outputs: save only some variables', () => {
	it('gives exactly the values of a full run for the chosen ones, in model order', () => {
		const s = sim();
		const full = s.run();
		const some = s.run({ outputs: ['waiting', 'Patients', 'stay'] });
		expect(some.names).toEqual(['Patients', 'stay', 'waiting']);
		expect(some.times).toEqual(full.times);
		for (const name of some.names) expect(Array.from(s.seriesOf(some, name)!)).toEqual(Array.from(s.seriesOf(full, name)!));
	});

	it('keeps every series in one buffer, so a worker transfers it whole', () => {
		const some = sim().run({ outputs: ['discharges', 'referrals'] });
		expect(new Set(some.series.map((x) => x.buffer)).size).toBe(1);
		expect(some.series[0].buffer.byteLength).toBe(2 * some.times.length * 8);
	});

	it('accepts canonical names and repeats, and saves a constant it is asked for', () => {
		const s = sim();
		const some = s.run({ outputs: ['PATIENTS', 'patients', 'stay'], overrides: { stay: 8 } });
		expect(some.names).toEqual(['Patients', 'stay']);
		expect(Array.from(s.seriesOf(some, 'stay')!)).toEqual(new Array(13).fill(8));
	});

	it('refuses a name the model does not have, suggesting the closest', () => {
		expect(() => sim().run({ outputs: ['Patient'] })).toThrow(/no variable called "Patient".*did you mean "Patients"/);
	});

	it('keeps the rows before a NaN, for the chosen variables only', () => {
		const s = compiled(model([stock('S', '1', { inflows: ['f'] }), flow('f', 'IF TIME >= 3 THEN 0/0 ELSE 1'), aux('other', 'S * 2')], { stop: 10 }));
		const some = s.run({ outputs: ['other'] });
		const full = s.run();
		expect(some.error).toEqual(full.error);
		expect(some.error?.time).toBe(3);
		// The row at the failing time is kept, as in a full run: there "f" shows the NaN.
		expect(Array.from(s.seriesOf(some, 'other')!)).toEqual([2, 4, 6, 8]);
		expect(Array.from(s.seriesOf(full, 'other')!)).toEqual([2, 4, 6, 8]);
	});
});
