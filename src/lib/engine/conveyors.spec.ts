/**
 * Conveyor stocks in whole models, against analytic answers (the belt's own rules are pinned in
 * conveyor-belt.spec.ts): a 5-day belt started at 50 with 10 a day coming on stays at 50 and
 * delivers 10 a day; what came on at t comes off at t + transit time; leaks conserve material;
 * capacity holds material back upstream; arrays run one belt per element.
 */
import { describe, expect, it } from 'vitest';
import type { Conveyor, Dimension, Flow, Stock, Variable } from '../model/types';
import { compileModel } from './index';
import { aux, flow, model, simulate, stock } from './test-models';

function conveyor(
	name: string,
	initial: string,
	settings: Conveyor,
	flows: { inflows?: string[]; outflows?: string[] }
): Stock {
	return { ...stock(name, initial, flows), conveyor: settings };
}

const leak = (name: string, fraction: string, zone: Flow['leak'] = {}): Flow => ({
	...flow(name, fraction),
	leak: zone
});

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

describe('a conveyor stock', () => {
	it('started at 50 over 5 days with 10 a day coming on stays at 50 and delivers 10 a day', () => {
		const { get } = simulate(
			model(
				[
					conveyor(
						'ward',
						'50',
						{ transitTime: '5' },
						{ inflows: ['admit'], outflows: ['discharge'] }
					),
					flow('admit', '10'),
					flow('discharge', '')
				],
				{ stop: 20, dt: 0.25 }
			)
		);
		expect(new Set(get('ward'))).toEqual(new Set([50]));
		expect(new Set(get('discharge'))).toEqual(new Set([10]));
	});

	it('lets material out exactly one transit time after it came on', () => {
		const { get, result } = simulate(
			model(
				[
					conveyor(
						'pipeline',
						'0',
						{ transitTime: 'stay' },
						{ inflows: ['start'], outflows: ['finish'] }
					),
					aux('stay', '3'),
					flow('start', 'PULSE(8, 2)'),
					flow('finish', '')
				],
				{ stop: 10, dt: 0.5 }
			)
		);
		const finish = get('finish');
		const first = finish.findIndex((x) => x > 0);
		const started = get('start').findIndex((x) => x > 0);
		expect(result.times[first] - result.times[started]).toBe(3);
		expect(sum(finish) * 0.5).toBeCloseTo(sum(get('start')) * 0.5, 12);
	});

	it('conserves material with linear and exponential leaks (came on = came off + leaked + on the belt)', () => {
		for (const exponentialLeak of [false, true]) {
			const { get } = simulate(
				model(
					[
						conveyor(
							'training',
							'30',
							{ transitTime: '3', exponentialLeak },
							{ inflows: ['recruits'], outflows: ['qualified', 'drop outs', 'late drop outs'] }
						),
						flow('recruits', '5 + STEP(5, 4)'),
						flow('qualified', ''),
						leak('drop outs', '0.1'),
						leak('late drop outs', '0.05', { start: 0.5, end: 1 })
					],
					{ stop: 12, dt: 0.25 }
				)
			);
			const dt = 0.25;
			const n = get('training').length - 1;
			const flowed = (name: string) => sum(get(name).slice(0, n)) * dt;
			const balance =
				30 +
				flowed('recruits') -
				flowed('qualified') -
				flowed('drop outs') -
				flowed('late drop outs');
			expect(get('training')[n]).toBeCloseTo(balance, 10);
			expect(flowed('drop outs')).toBeGreaterThan(0);
		}
	});

	it('holds back upstream what does not fit its capacity', () => {
		const { get } = simulate(
			model(
				[
					stock('waiting', '100', { outflows: ['admit'] }),
					flow('admit', '20'),
					conveyor(
						'beds',
						'0',
						{ transitTime: '4', capacity: '30' },
						{ inflows: ['admit'], outflows: ['leave'] }
					),
					flow('leave', '')
				],
				{ stop: 12 }
			)
		);
		for (const x of get('beds')) expect(x).toBeLessThanOrEqual(30 + 1e-9);
		// What the belt would not take stayed in the queue: waiting + beds + left = 100.
		const left = get('leave');
		get('waiting').forEach((w, i) => {
			expect(w + get('beds')[i] + sum(left.slice(0, i))).toBeCloseTo(100, 10);
		});
		expect(get('admit')[0]).toBe(20);
		expect(get('admit')[1]).toBe(10);
	});

	it('runs one belt per element of an arrayed conveyor, each with its own transit time', () => {
		const WARD: Dimension = { name: 'Ward', elements: ['short', 'long'] };
		const variables: Variable[] = [
			{
				...conveyor(
					'stay',
					'0',
					{ transitTime: 'los[Ward]' },
					{ inflows: ['admit'], outflows: ['out'] }
				),
				dimensions: ['Ward']
			},
			{
				...aux('los', '0'),
				dimensions: ['Ward'],
				elements: [
					{ subscript: ['short'], equation: '2' },
					{ subscript: ['long'], equation: '5' }
				]
			},
			{ ...flow('admit', 'PULSE(1, 1)'), dimensions: ['Ward'] },
			{ ...flow('out', ''), dimensions: ['Ward'] }
		];
		const compiled = compileModel({ ...model(variables, { stop: 10 }), dimensions: [WARD] });
		if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
		const result = compiled.simulation.run();
		const first = (name: string) =>
			Array.from(compiled.simulation.seriesOf(result, name)!).findIndex((x) => x > 0);
		expect(first('out[short]')).toBe(1 + 2);
		expect(first('out[long]')).toBe(1 + 5);
	});

	it('says which conveyor has two outflows that are not leaks', () => {
		const compiled = compileModel(
			model([
				conveyor('belt', '0', { transitTime: '2' }, { outflows: ['a', 'b'] }),
				flow('a', ''),
				flow('b', '1')
			])
		);
		expect(compiled.ok).toBe(false);
		expect(compiled.diagnostics.find((d) => d.severity === 'error')).toMatchObject({
			variable: 'belt',
			message:
				'the conveyor has 2 outflows that are not leaks ("a", "b"): one comes off the end of the belt, and every other must be a leak'
		});
	});
});

describe('a flow drains one stock', () => {
	it('is reported naming both stocks when listed as the outflow of two (XMILE allows one)', () => {
		const compiled = compileModel(
			model([
				stock('a', '1', { outflows: ['f'] }),
				stock('b', '1', { outflows: ['f'] }),
				flow('f', '1')
			])
		);
		expect(compiled.diagnostics.map((d) => [d.severity, d.message])).toContainEqual([
			'warning',
			'"f" is listed as the outflow of both "a" and "b": XMILE lets a flow drain one stock only, so other tools may refuse this'
		]);
	});
});
