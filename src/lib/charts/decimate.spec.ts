import { describe, expect, it } from 'vitest';
import { decimate } from './decimate';

describe('decimate', () => {
	it('keeps the first, lowest, highest and last point of each pixel column', () => {
		const times = [0, 1, 2, 3, 4, 5, 6, 7];
		const values = [5, 9, 1, 4, 2, 2, 8, 3];
		// Columns of four times each: 0–3 and 4–7.
		expect(decimate(times, values, (t) => t / 4)).toEqual([0, 1, 2, 3, 4, 6, 7]);
	});

	it('keeps every point when each has a column of its own, and every gap', () => {
		expect(decimate([0, 1, 2], [1, 2, 3], (t) => t * 10)).toEqual([0, 1, 2]);
		expect(decimate([0, 1, 2, 3], [1, NaN, 3, 2], () => 0)).toEqual([0, 1, 2, 3]);
	});

	it('draws 3,651 days on 700 columns with at most four points each', () => {
		const times = Array.from({ length: 3651 }, (_, i) => i);
		const values = times.map((t) => Math.sin(t / 50));
		const kept = decimate(times, values, (t) => (t / 3650) * 700);
		expect(kept.length).toBeLessThanOrEqual(701 * 4);
		expect(kept.length).toBeLessThan(3651);
		expect(kept[0]).toBe(0);
		expect(kept.at(-1)).toBe(3650);
		expect(Math.max(...kept.map((i) => values[i]))).toBe(Math.max(...values));
	});
});
