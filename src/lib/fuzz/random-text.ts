/**
 * Seeded random text for the fuzz tests: the same seed gives the same inputs on every run, so a
 * failure found once is found again. Tests only.
 */

/** mulberry32: small, fast and good enough to spread inputs. */
export function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
	};
}

/** A string of up to `max` pieces, each drawn from `pieces`, sometimes a random character. */
export function randomText(random: () => number, pieces: readonly string[], max: number): string {
	const n = Math.floor(random() * max);
	let text = '';
	for (let i = 0; i < n; i++)
		text +=
			random() < 0.1
				? String.fromCharCode(Math.floor(random() * 0x3000))
				: pieces[Math.floor(random() * pieces.length)];
	return text;
}

/** A valid text with a few of its characters replaced, cut or repeated. */
export function mutated(random: () => number, text: string, edits = 3): string {
	let out = text;
	for (let i = 0; i < edits; i++) {
		const at = Math.floor(random() * (out.length + 1));
		const kind = random();
		if (kind < 0.3) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 8));
		else if (kind < 0.6)
			out = out.slice(0, at) + String.fromCharCode(32 + Math.floor(random() * 95)) + out.slice(at);
		else if (kind < 0.8) out = out.slice(0, at);
		else
			out =
				out.slice(0, at) +
				out.slice(at, at + 20).repeat(1 + Math.floor(random() * 50)) +
				out.slice(at);
	}
	return out;
}
