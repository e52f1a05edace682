/**
 * A counter-based random number generator: Philox4x32-10 (Salmon et al., "Parallel random numbers:
 * as easy as 1, 2, 3", SC 2011). Each block of four 32-bit words is a pure function of a counter
 * and a key, so sample i of a sweep draws from (seed, i) alone: any split of the samples over
 * shards, threads or machines gives every sample the same numbers. Checked against Random123's
 * known-answer vectors (counter-rng.spec.ts).
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** The high 32 bits of a × b (both unsigned 32-bit), exact in doubles: each partial product < 2⁴⁸. */
function mulHi(a: number, b: number): number {
	const high = (a >>> 16) * b;
	const low = (a & 0xffff) * b;
	return (
		(Math.floor(high / 0x10000) + Math.floor(((high % 0x10000) * 0x10000 + low) / 2 ** 32)) >>> 0
	);
}

/** Philox4x32 with `rounds` rounds (10 is the standard) of counter `c` under key `k`. */
export function philox4x32(
	c: readonly [number, number, number, number],
	k: readonly [number, number],
	rounds = 10
): [number, number, number, number] {
	let [c0, c1, c2, c3] = c.map((x) => x >>> 0);
	let [k0, k1] = k.map((x) => x >>> 0);
	for (let r = 0; r < rounds; r++) {
		if (r > 0) {
			k0 = (k0 + W0) >>> 0;
			k1 = (k1 + W1) >>> 0;
		}
		const hi0 = mulHi(M0, c0);
		const lo0 = Math.imul(M0, c0) >>> 0;
		const hi1 = mulHi(M1, c2);
		const lo1 = Math.imul(M1, c2) >>> 0;
		[c0, c1, c2, c3] = [(hi1 ^ c1 ^ k0) >>> 0, lo1, (hi0 ^ c3 ^ k1) >>> 0, lo0];
	}
	return [c0, c1, c2, c3];
}

/**
 * Uniforms in [0, 1) for sample `index` of a sweep with `seed`: the counter is (index as two
 * words, block, 0), the key the seed as two words; each block gives two 53-bit uniforms.
 */
export function sampleStream(seed: number, index: number): () => number {
	const key: [number, number] = [seed >>> 0, Math.floor(seed / 2 ** 32) >>> 0];
	const lo = index >>> 0;
	const hi = Math.floor(index / 2 ** 32) >>> 0;
	let block = 0;
	let words: number[] = [];
	return () => {
		if (words.length === 0) words = philox4x32([lo, hi, block++, 0], key);
		const a = words.shift()! >>> 5; // 27 bits
		const b = words.shift()! >>> 6; // 26 bits
		return (a * 2 ** 26 + b) / 2 ** 53;
	};
}
