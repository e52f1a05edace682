/** Suggestions for a name the compiler does not know: the closest known names by edit distance. */
export function closestNames(wanted: string, known: Iterable<string>, limit = 3): string[] {
	// Past this length a typo is not the likely problem, and edit distance gets slow.
	if (wanted.length > 200) return [];
	const target = wanted.toLowerCase();
	const scored: { name: string; distance: number }[] = [];
	for (const name of known) {
		const distance = editDistance(target, name.toLowerCase());
		const tolerance = Math.max(2, Math.floor(target.length / 3));
		if (
			distance <= tolerance ||
			name.toLowerCase().includes(target) ||
			target.includes(name.toLowerCase())
		) {
			scored.push({ name, distance });
		}
	}
	scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
	return [...new Set(scored.map((s) => s.name))].slice(0, limit);
}

export function editDistance(a: string, b: string): number {
	if (Math.abs(a.length - b.length) > 40) return Math.abs(a.length - b.length);
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(
				previous[j] + 1,
				current[j - 1] + 1,
				previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
			);
		}
		previous = current;
	}
	return previous[b.length];
}
