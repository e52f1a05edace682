import { describe, expect, it } from 'vitest';
import { parseShard, shardRange } from './shard';

describe('parseShard', () => {
	it('is the whole sweep when not given', () => {
		expect(parseShard(undefined)).toEqual({ ok: true, shard: { index: 0, count: 1 } });
	});

	it('reads K/N, K counting from 0', () => {
		expect(parseShard('2/5')).toEqual({ ok: true, shard: { index: 2, count: 5 } });
		expect(parseShard('5/5')).toEqual({
			ok: false,
			message: 'shard 5 of 5 does not exist: K counts from 0 to 4'
		});
	});

	it('takes K from JOB_COMPLETION_INDEX, else SLURM_ARRAY_TASK_ID, when only /N is given', () => {
		expect(parseShard('/4', { JOB_COMPLETION_INDEX: '3', SLURM_ARRAY_TASK_ID: '1' })).toEqual({
			ok: true,
			shard: { index: 3, count: 4 }
		});
		expect(parseShard('/4', { SLURM_ARRAY_TASK_ID: '1' })).toEqual({
			ok: true,
			shard: { index: 1, count: 4 }
		});
		const none = parseShard('/4', {});
		expect(none.ok).toBe(false);
		if (!none.ok) expect(none.message).toContain('JOB_COMPLETION_INDEX nor SLURM_ARRAY_TASK_ID');
		const bad = parseShard('/4', { SLURM_ARRAY_TASK_ID: 'x' });
		if (!bad.ok) expect(bad.message).toBe('SLURM_ARRAY_TASK_ID is "x", not a shard number');
	});

	it('refuses what is not K/N', () => {
		for (const text of ['2', '1/0', 'a/b', '-1/3']) expect(parseShard(text).ok).toBe(false);
	});
});

describe('shardRange', () => {
	it('splits the samples into contiguous ranges that cover them once, in order', () => {
		for (const [samples, count] of [
			[1000, 3],
			[10, 10],
			[2, 5],
			[7, 1]
		]) {
			let next = 0;
			for (let index = 0; index < count; index++) {
				const { first, end } = shardRange({ index, count }, samples);
				expect(first).toBe(next);
				expect(end - first).toBeLessThanOrEqual(Math.ceil(samples / count));
				next = end;
			}
			expect(next).toBe(samples);
		}
	});
});
