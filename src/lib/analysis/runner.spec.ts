import { describe, expect, it } from 'vitest';
import type { RunResult } from '../engine/api';
import { batched, valueAt, type RunMany } from './runner';

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
