import { describe, expect, it } from 'vitest';
import { philox4x32, sampleStream } from './counter-rng';

describe('Philox4x32-10', () => {
	// Random123's known-answer vectors (kat_vectors, "philox4x32 10": counter, key, expected).
	it.each([
		[
			[0, 0, 0, 0],
			[0, 0],
			[0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]
		],
		[
			[0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff],
			[0xffffffff, 0xffffffff],
			[0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd]
		],
		[
			[0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344],
			[0xa4093822, 0x299f31d0],
			[0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1]
		]
	] as const)('matches Random123 for counter %j, key %j', (counter, key, expected) => {
		expect(philox4x32(counter, key)).toEqual(expected);
	});
});

describe('sampleStream', () => {
	it('gives sample i the same numbers whatever was drawn before or elsewhere', () => {
		const first = Array.from({ length: 5 }, sampleStream(7, 123));
		sampleStream(7, 122)();
		const again = Array.from({ length: 5 }, sampleStream(7, 123));
		expect(again).toEqual(first);
		expect(Array.from({ length: 5 }, sampleStream(8, 123))).not.toEqual(first);
		expect(Array.from({ length: 5 }, sampleStream(7, 124))).not.toEqual(first);
	});

	it('is uniform on [0, 1): mean 1/2, variance 1/12 and even deciles over 100,000 draws', () => {
		const n = 100_000;
		const counts = new Array(10).fill(0);
		let sum = 0;
		let squares = 0;
		let low = 1;
		let high = 0;
		for (let i = 0; i < n; i++) {
			const u = sampleStream(1, i)();
			low = Math.min(low, u);
			high = Math.max(high, u);
			sum += u;
			squares += u * u;
			counts[Math.floor(u * 10)]++;
		}
		expect(low).toBeGreaterThanOrEqual(0);
		expect(high).toBeLessThan(1);
		const mean = sum / n;
		expect(mean).toBeCloseTo(0.5, 2);
		expect(squares / n - mean * mean).toBeCloseTo(1 / 12, 3);
		// χ² over 10 deciles, 9 degrees of freedom: 27.9 is its 0.1% critical value.
		const chi2 = counts.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
		expect(chi2).toBeLessThan(27.9);
	});
});
