/**
 * A small XML writer: build a tree of elements, then print it with one element per line.
 * Everything the model gives (names, equations, units, documentation) passes through the
 * escapes here, so a name like `Cost <£ & "fees">` cannot break the file or add markup.
 *
 *   print(element('stock', { name: 'Beds', x: 10 }, element('eqn', {}, '230')))
 */

export interface XmlNode {
	name: string;
	/** In the order written; undefined values are left out. */
	attributes: Array<[string, string | number | undefined]>;
	children: XmlNode[];
	/** Text content; an element has text or children, not both. */
	text?: string;
}

type Child = XmlNode | undefined | false | null;

/** An element with attributes and either text or child elements (falsy children are skipped). */
export function element(
	name: string,
	attributes: Record<string, string | number | undefined> = {},
	...content: Array<Child | Child[] | string>
): XmlNode {
	const node: XmlNode = { name, attributes: Object.entries(attributes), children: [] };
	for (const item of content.flat()) {
		if (typeof item === 'string') node.text = (node.text ?? '') + item;
		else if (item) node.children.push(item);
	}
	return node;
}

/**
 * A number as XMILE reads it back: String(x) gives the shortest text that parses to the same
 * double ("0.1", "1e-7", "1e+21"), so a round trip is exact. Never toFixed, which rounds.
 */
export function formatNumber(x: number): string {
	if (!Number.isFinite(x)) throw new RangeError(`${x} cannot be written to an XMILE file`);
	// String(-0) is "0"; the sign can matter (1/x), and "-0" reads back as -0.
	return Object.is(x, -0) ? '-0' : String(x);
}

/**
 * Characters XML 1.0 cannot hold at all, even as references: C0 controls other than tab, LF
 * and CR, U+FFFE/U+FFFF and unpaired surrogates. They become U+FFFD so the file still parses.
 */
const NOT_XML =
	// eslint-disable-next-line no-control-regex -- XML 1.0 forbids exactly these control characters
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeText(text: string): string {
	return (
		text
			.replace(NOT_XML, '\uFFFD')
			.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
			// A parser turns a raw CR (or CRLF) into LF; a reference survives.
			.replace(/\r/g, '&#13;')
	);
}

export function escapeAttribute(text: string): string {
	// Attribute values are normalised on reading: raw tabs and line breaks become spaces.
	return escapeText(text)
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;')
		.replace(/\t/g, '&#9;')
		.replace(/\n/g, '&#10;');
}

/** The whole document: declaration, then the tree indented with tabs. */
export function printDocument(root: XmlNode): string {
	return `<?xml version="1.0" encoding="utf-8"?>\n${printNode(root, '')}\n`;
}

export function printNode(node: XmlNode, indent: string): string {
	const attributes = node.attributes
		.filter((a): a is [string, string | number] => a[1] !== undefined)
		.map(
			([key, value]) =>
				` ${key}="${escapeAttribute(typeof value === 'number' ? formatNumber(value) : value)}"`
		)
		.join('');
	const open = `${indent}<${node.name}${attributes}`;
	if (node.children.length > 0) {
		const inner = node.children.map((c) => printNode(c, indent + '\t')).join('\n');
		return `${open}>\n${inner}\n${indent}</${node.name}>`;
	}
	// Text is written as is, with no added whitespace, so it reads back unchanged.
	if (node.text !== undefined && node.text !== '')
		return `${open}>${escapeText(node.text)}</${node.name}>`;
	return `${open}/>`;
}
