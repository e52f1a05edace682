/**
 * Numbers as XMILE writes them: decimal or exponent notation, with surrounding whitespace
 * ("<start> 0</start>"). Anything else (empty text, "1,5", "NaN", "inf") is not a number.
 */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumber(text: string | undefined): number | undefined {
	const t = text?.trim() ?? '';
	return NUMBER.test(t) ? Number(t) : undefined;
}

/** A list of numbers split on `sep`; undefined at the first item that is not a number. */
export function parseNumberList(text: string, sep = ','): number[] | undefined {
	const items = text.trim().split(sep);
	const values: number[] = [];
	for (const item of items) {
		const value = parseNumber(item);
		if (value === undefined) return undefined;
		values.push(value);
	}
	return values;
}
