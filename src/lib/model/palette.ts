/**
 * The colours charts draw lines in: Paul Tol's "muted" qualitative scheme (SRON/EPS/TN/09-002),
 * chosen because its nine colours stay distinct under the common colour blindnesses
 * (deuteranopia, protanopia, tritanopia) and print well, with a mid grey as the tenth. The light
 * ones (teal, cyan, olive, sand) are darkened until each has the 3:1 contrast on white that
 * WCAG 2.2 (1.4.11, non-text contrast) asks of a chart's lines.
 */
export const PALETTE = [
	'#332288', // indigo
	'#117733', // green
	'#cc6677', // rose
	'#2f9584', // teal, darkened
	'#882255', // wine
	'#3d8fc8', // cyan, darkened
	'#868628', // olive, darkened
	'#aa4499', // purple
	'#a0782c', // sand, darkened
	'#6e6e6e' // grey
] as const;

/** The k-th colour of the palette, cycling after ten. */
export const paletteColour = (k: number) =>
	PALETTE[((k % PALETTE.length) + PALETTE.length) % PALETTE.length];

/**
 * Colours for a chart's lines that never repeat until every palette colour is used: each line
 * keeps the colour it asks for (a scenario's own) when it is the first to ask for it; a repeat
 * takes the first palette colour that no line keeps. Case is ignored: "#CC6677" repeats "#cc6677".
 */
export function distinctColours(wanted: readonly string[]): string[] {
	const asked = wanted.map((c) => c.toLowerCase());
	const kept = asked.map((c, i) => asked.indexOf(c) === i);
	const used = new Set(asked);
	return asked.map((colour, i) => {
		if (kept[i]) return colour;
		const free = PALETTE.find((c) => !used.has(c));
		// Past ten lines every colour may be taken: a repeat is allowed, and dashes tell them apart.
		if (!free) return colour;
		used.add(free);
		return free;
	});
}

/** A new scenario's colour: the first palette colour no scenario has yet, cycling past ten. */
export function firstFreeColour(taken: readonly string[]): string {
	const used = new Set(taken.map((c) => c.toLowerCase()));
	return PALETTE.find((c) => !used.has(c)) ?? paletteColour(taken.length);
}
