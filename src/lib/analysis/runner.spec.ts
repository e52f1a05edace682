import { describe, expect, it } from 'vitest';
import type { RunResult } from '../engine/api';
import { batched, stopCovering, valueAt, type RunMany } from './runner';

describe('valueAt', () => {
	it('reads saved values, straight-line between them, NaN outside', () => {
		const times = [0, 1, 2];
		const values = [10, 20, 40];
		expect(valueAt(times, values, 1)).toBe(20);
		expect(valueAt(times, values, 1.5)).toBe(30);
		expect(valueAt(times, values, 3)).toBeNaN();
	});
});

describe('batched', () => {
	it('sends the requests of one turn as one batch and hands each its own results', async () => {
		const calls: number[] = [];
		const inner: RunMany = async (sets) => {
			calls.push(sets.length);
			return sets.map((s) => ({ times: new Float64Array([s.x]) }) as unknown as RunResult);
		};
		const run = batched(inner);
		const [a, b] = await Promise.all([run([{ x: 1 }, { x: 2 }], ['y']), run([{ x: 3 }], ['y'])]);
		expect(calls).toEqual([3]);
		expect(a.map((r) => r!.times[0])).toEqual([1, 2]);
		expect(b.map((r) => r!.times[0])).toEqual([3]);
	});
});

describe('stopCovering', () => {
	it('stops at the first saved time at or after the one needed, never past the model’s stop', () => {
		const specs = { start: 0, stop: 3650, dt: 0.25, saveStep: 1 };
		expect(stopCovering(specs, 182)).toBe(182);
		expect(stopCovering(specs, 181.5)).toBe(182);
		expect(stopCovering(specs, 5000)).toBe(3650);
		expect(stopCovering(specs, undefined)).toBe(3650);
		expect(stopCovering({ start: 1, stop: 10, dt: 0.5 }, 2.2)).toBe(2.5);
	});

	it('batched runs go as far as the furthest request', async () => {
		const untils: (number | undefined)[] = [];
		const run = batched(async (sets, _outputs, options) => {
			untils.push(options?.until);
			return sets.map(() => undefined);
		});
		await Promise.all([run([{}], [], { until: 5 }), run([{}], [], { until: 9 })]);
		await Promise.all([run([{}], [], { until: 5 }), run([{}], [])]);
		expect(untils).toEqual([9, undefined]);
	});
});
