import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InflatedTooLarge, inflateWithin, SLICE_BYTES } from './inflate';

const MB = 1024 * 1024;

function refusal(compressed: Uint8Array, limit: number): unknown {
	try {
		inflateWithin(compressed, limit);
	} catch (e) {
		return e;
	}
	throw new Error('expected the data to be refused');
}

describe('inflateWithin', () => {
	it('gives back what was deflated, across many slices', () => {
		// Numbers that do not repeat, so that the deflated data spans many slices.
		const text = Array.from({ length: 20_000 }, (_, i) => ((i * 7919) % 10007) * 1.5).join(',');
		const compressed = deflateRawSync(new TextEncoder().encode(text));
		expect(compressed.length).toBeGreaterThan(2 * SLICE_BYTES);
		expect(new TextDecoder().decode(inflateWithin(compressed, 10 * MB))).toBe(text);
	});

	it('inflates an empty input to nothing', () => {
		expect(inflateWithin(deflateRawSync(new Uint8Array(0)), MB)).toEqual(new Uint8Array(0));
	});

	it('stops a bomb as soon as it passes the cap, long before reading all of it', () => {
		// 200 MB of zeros deflate to ~200 KB; a 2 MB cap is passed within the first few KB.
		const bomb = deflateRawSync(new Uint8Array(200 * MB));
		const error = refusal(bomb, 2 * MB);
		expect(error).toBeInstanceOf(InflatedTooLarge);
		expect((error as InflatedTooLarge).read).toBeLessThanOrEqual(2 * SLICE_BYTES);
		expect(bomb.length).toBeGreaterThan(40 * SLICE_BYTES);
	});

	it('keeps exactly the cap', () => {
		const compressed = deflateRawSync(new Uint8Array(MB));
		expect(inflateWithin(compressed, MB).length).toBe(MB);
		expect(refusal(compressed, MB - 1)).toBeInstanceOf(InflatedTooLarge);
	});

	it('throws the inflater’s own error for data that is not deflate or is cut short', () => {
		const notDeflate = refusal(new TextEncoder().encode('not deflated at all'), MB);
		expect(notDeflate).toBeInstanceOf(Error);
		expect(notDeflate).not.toBeInstanceOf(InflatedTooLarge);
		const whole = deflateRawSync(new TextEncoder().encode('x'.repeat(10_000) + Math.random()));
		expect(refusal(whole.subarray(0, whole.length - 4), MB)).not.toBeInstanceOf(InflatedTooLarge);
	});
});
