import { describe, expect, it } from 'vitest';
import {
	blockBands,
	percentileBands,
	percentileOfSorted,
	sliceBlock,
	type RunBlock
} from './percentiles';

const FAN = [5, 25, 50, 75, 95];

/** Percentiles by sorting, the plain way, to check the selection against. */
function sortedBands(runs: number[][], rows: number): number[][] {
	return FAN.map((p) =>
		Array.from({ length: rows }, (_, t) =>
			percentileOfSorted(
				runs
					.map((r) => r[t])
					.filter((v) => v !== undefined && Number.isFinite(v))
					.sort((a, b) => a - b),
				p
			)
		)
	);
}

/** A seeded stream of small integers, so that ties are common. */
function numbers(seed: number): () => number {
	let s = seed;
	return () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % 17);
}

describe('blockBands', () => {
	it('gives the percentiles sorting gives, for any number of runs, ties, NaN and infinities included', () => {
		const next = numbers(3);
		for (let count = 1; count <= 60; count += 7) {
			const rows = 9;
			const runs = Array.from({ length: count }, () =>
				Array.from({ length: rows }, () => {
					const x = next();
					return x === 0 ? NaN : x === 1 ? Infinity : x - 8;
				})
			);
			// Split the runs over blocks of uneven sizes, packed run after run.
			const blocks: RunBlock[] = [];
			for (let i = 0; i < count; i += 1 + (i % 4)) {
				const part = runs.slice(i, i + 1 + (i % 4));
				blocks.push({ values: Float64Array.from(part.flat()), count: part.length, rows });
			}
			const bands = blockBands(blocks, FAN, 0, rows);
			expect(bands.map((b) => [...b])).toEqual(sortedBands(runs, rows));
		}
	});

	it('leaves out blocks whose runs all stopped before a time, and gives NaN where no run has a value', () => {
		const blocks: RunBlock[] = [
			{ values: Float64Array.from([1, 2, 3, 4, 5, 6]), count: 2, rows: 3 },
			{ values: Float64Array.from([10, 20]), count: 2, rows: 1 },
			{ values: Float64Array.from([NaN, NaN, NaN]), count: 1, rows: 3 }
		];
		const [p5, , p50] = blockBands(blocks, FAN, 0, 4);
		expect(p50[0]).toBe(7); // 1, 4, 10, 20
		expect(p50[2]).toBe(4.5); // 3, 6
		expect(Number.isNaN(p5[3])).toBe(true);
	});

	it('fills only the times asked for', () => {
		const block = { values: Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7]), count: 1, rows: 8 };
		const bands = blockBands([block], FAN, 5, 8);
		expect(bands[2]).toEqual(Float64Array.from([5, 6, 7]));
	});
});

describe('percentileBands', () => {
	it('agrees with sorting on ragged runs', () => {
		const next = numbers(11);
		const runs = Array.from({ length: 37 }, (_, r) =>
			Array.from({ length: 5 + (r % 4) }, () => next() - 3)
		);
		expect(percentileBands(runs, 8, FAN).map((b) => [...b])).toEqual(sortedBands(runs, 8));
	});
});

describe('sliceBlock', () => {
	it('copies saved times from..to of each run into a block of its own', () => {
		const block = {
			values: Float64Array.from([0, 1, 2, 3, 4, 10, 11, 12, 13, 14]),
			count: 2,
			rows: 5
		};
		expect(sliceBlock(block, 1, 4)).toEqual({
			values: Float64Array.from([1, 2, 3, 11, 12, 13]),
			count: 2,
			rows: 3
		});
		// Times the runs never reached stay out.
		expect(sliceBlock(block, 3, 9)).toEqual({
			values: Float64Array.from([3, 4, 13, 14]),
			count: 2,
			rows: 2
		});
		expect(sliceBlock(block, 6, 9)).toEqual({ values: new Float64Array(0), count: 2, rows: 0 });
	});
});
