import { line } from 'd3-shape';
import { describe, expect, it } from 'vitest';
import { columnsOf, linePath } from './line-path';

/** The plain statement of the rule: per column, the first, lowest, highest and last index, in order. */
function naiveDecimate(columns: ArrayLike<number>, values: ArrayLike<number>): number[] {
	const groups = new Map<number, number[]>();
	for (let i = 0; i < values.length; i++)
		groups.set(columns[i], [...(groups.get(columns[i]) ?? []), i]);
	return [...groups.values()].flatMap((g) => {
		const byValue = [...g].sort((a, b) => values[a] - values[b] || a - b);
		const highest = g.filter((i) => values[i] === values[byValue.at(-1)!])[0];
		return [...new Set([g[0], byValue[0], highest, g.at(-1)!])].sort((a, b) => a - b);
	});
}

const y = (v: number) => 100 - v;

describe('linePath', () => {
	it('draws the points the rule keeps, as line would', () => {
		const times = Array.from({ length: 3651 }, (_, i) => i);
		const values = times.map((t) => 50 + 40 * Math.sin(t / 30) + (t % 7));
		const x = (t: number) => 72 + (t / 3650) * 668;
		const xs = Float64Array.from(times, x);
		const kept = naiveDecimate(columnsOf(xs), values);
		const expected = line<number>()
			.x((i) => Math.round(x(times[i]) * 10) / 10)
			.y((i) => Math.round(y(values[i]) * 10) / 10)(kept);
		expect(linePath(xs, columnsOf(xs), values, y)).toBe(expected);
	});

	it('keeps each column to at most four points, so 3,651 days on 668 pixels stay small', () => {
		const xs = Float64Array.from({ length: 3651 }, (_, i) => 72 + (i / 3650) * 668);
		const values = Array.from({ length: 3651 }, (_, i) => Math.sin(i));
		const d = linePath(xs, columnsOf(xs), values, y)!;
		expect(d.match(/[ML]/g)!.length).toBeLessThanOrEqual(669 * 4);
	});

	it('breaks the line at NaN and Infinity and starts again after', () => {
		const xs = Float64Array.from([0, 10, 20, 30, 40]);
		expect(linePath(xs, columnsOf(xs), [1, NaN, 3, Infinity, 5], y)).toBe('M0,99M20,97M40,95');
		expect(linePath(xs, columnsOf(xs), [1, 2, NaN, 4, 5], y)).toBe('M0,99L10,98M30,96L40,95');
	});

	it('gives null when nothing can be drawn', () => {
		const xs = Float64Array.from([0, 1]);
		expect(linePath(xs, columnsOf(xs), [NaN, NaN], y)).toBeNull();
		expect(linePath(new Float64Array(), new Int32Array(), [], y)).toBeNull();
	});

	it('keeps the first, lowest, highest and last point of each column', () => {
		const xs = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7], (t) => t / 4);
		// Columns of four points: 0–3 keep all four; 4–7 keep 4, 6 (highest) and 7.
		expect(linePath(xs, columnsOf(xs), [5, 9, 1, 4, 2, 2, 8, 3], (v) => v)).toBe(
			'M0,5L0.3,9L0.5,1L0.8,4L1,2L1.5,8L1.8,3'
		);
	});

	it('keeps a one-step spike inside a column', () => {
		const xs = Float64Array.from([0, 0.2, 0.4, 0.6, 0.8]);
		expect(linePath(xs, columnsOf(xs), [1, 1, 50, 1, 1], y)).toBe('M0,99L0.4,50L0.8,99');
	});
});
