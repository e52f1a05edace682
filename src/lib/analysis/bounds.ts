/**
 * Bounds by transform: the search moves freely in z, and each parameter is
 * lo + (hi − lo) / (1 + e^(−z)), so every point it tries lies strictly inside [lo, hi] and the
 * simplex never has to be clipped (which would collapse it onto a face).
 */
export interface Bounded {
	min: number;
	max: number;
}

export function fromFree(z: readonly number[], bounds: readonly Bounded[]): number[] {
	return z.map((v, i) => {
		const { min, max } = bounds[i];
		return min + (max - min) / (1 + Math.exp(-v));
	});
}

export function toFree(x: readonly number[], bounds: readonly Bounded[]): number[] {
	return x.map((v, i) => {
		const { min, max } = bounds[i];
		// Kept a hair inside the bounds: the ends themselves are at z = ±∞.
		const p = Math.min(1 - 1e-9, Math.max(1e-9, (v - min) / (max - min)));
		return Math.log(p / (1 - p));
	});
}

/** A small seeded generator (mulberry32), so restarts start from the same points every time. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
