/**
 * How deeply a JSON text nests its lists and objects, found by one pass over the characters before
 * anything parses it. JSON.parse copes with deep text, but the checks, the structured clone to the
 * worker and every recursive walk after it do not: a 535-character share link of nested lists
 * froze the page. No Flowbook document nests deeper than about ten, so the cap is generous.
 */

/** Far deeper than any document (its deepest fields sit about ten levels down). */
export const MAX_JSON_DEPTH = 64;

/** The offset of the first `[` or `{` that opens a level past `max`, or undefined if none does. */
export function tooDeepAt(text: string, max = MAX_JSON_DEPTH): number | undefined {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c)
				i++; // a backslash escapes the next character, a quote included
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x5b || c === 0x7b) {
			if (++depth > max) return i;
		} else if (c === 0x5d || c === 0x7d) depth--;
	}
	return undefined;
}
