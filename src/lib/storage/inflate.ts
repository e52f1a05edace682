/**
 * Inflating untrusted deflate data within a cap, counted while it inflates. The platform's
 * DecompressionStream inflates whatever it is handed in one go (given a 1.4 MB link it made over
 * a gigabyte before the first byte could be counted, and under Node it ignores backpressure), so
 * the data goes through fflate's streaming inflater a small slice at a time instead: deflate
 * expands at most ~1,032 times, so at most one slice's worth (~4 MB) is made past the cap.
 *
 *   const json = inflateWithin(bytes, 20 * 1024 * 1024); // or throws InflatedTooLarge, or a FlateError
 */
import { Inflate } from 'fflate';

export const SLICE_BYTES = 4096;

export class InflatedTooLarge extends Error {
	constructor(
		readonly limit: number,
		/** How many compressed bytes had been read when the cap was passed. */
		readonly read: number
	) {
		super(`inflates to more than ${limit} bytes`);
		this.name = 'InflatedTooLarge';
	}
}

export function inflateWithin(
	compressed: Uint8Array,
	limit: number,
	sliceBytes = SLICE_BYTES
): Uint8Array {
	const chunks: Uint8Array[] = [];
	let size = 0;
	const inflater = new Inflate((chunk) => {
		size += chunk.length;
		if (size <= limit) chunks.push(chunk);
	});
	for (let at = 0; at < compressed.length || at === 0; at += sliceBytes) {
		const end = Math.min(at + sliceBytes, compressed.length);
		inflater.push(compressed.subarray(at, end), end === compressed.length);
		if (size > limit) throw new InflatedTooLarge(limit, end);
	}
	const out = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.length;
	}
	return out;
}
