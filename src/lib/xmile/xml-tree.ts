/**
 * The saxes → tree step. XMILE files are small, so a whole tree is simpler to map than SAX
 * events, and every element keeps the line and column of its start tag so that diagnostics can
 * point at the file. No DOMParser: this runs in Node and in a Web Worker alike.
 */
import { SaxesParser } from 'saxes';
import { InputError } from '../model/diagnostics';
import { positionFinder } from '../model/text-position';

export interface XmlElement {
	/** The tag name as written, prefix included ("stock", "isee:prefs"). */
	name: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	/** The element's own text and CDATA, entities decoded, line ends normalised to \n. */
	text: string;
	/** Position of the start tag's "<" (1-based). */
	line: number;
	column: number;
}

/**
 * Parse XML text into a tree. Malformed XML throws an InputError whose one diagnostic carries
 * the parser's line, column and message.
 */
export function parseXmlTree(text: string): XmlElement {
	// Namespace processing stays off: XMILE files often use the isee: prefix without declaring
	// it, which a namespace-aware parser rejects. Both XMILE namespaces then read the same.
	const parser = new SaxesParser({ xmlns: false, position: true });
	// A byte order mark is not part of the document; drop it so line 1 columns stay right.
	const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const locate = positionFinder(source);
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	let start = { line: 1, column: 1 };

	parser.on('opentagstart', () => {
		// saxes reports where it stopped reading, which may be past the name (even on the next
		// line), so find the "<" itself and place it.
		start = locate(source.lastIndexOf('<', parser.position - 1));
	});
	parser.on('opentag', (tag) => {
		const element: XmlElement = {
			name: tag.name,
			attributes: { ...tag.attributes },
			children: [],
			text: '',
			...start
		};
		const parent = stack[stack.length - 1];
		if (parent) parent.children.push(element);
		else root = element;
		stack.push(element);
	});
	parser.on('closetag', () => {
		stack.pop();
	});
	const addText = (t: string) => {
		const current = stack[stack.length - 1];
		if (current) current.text += t;
	};
	parser.on('text', addText);
	parser.on('cdata', addText);
	parser.on('error', (err) => {
		throw xmlError(err.message, parser.line, parser.column);
	});

	try {
		parser.write(source).close();
	} catch (err) {
		// saxes reads a bare "&" as the start of an entity that never ends, and reports the
		// problem at the end of the file; point at the "&" instead when it comes first.
		const ampersand = bareAmpersand(source);
		if (ampersand >= 0 && ampersand < parser.position) {
			const { line, column } = locate(ampersand);
			throw xmlError('a bare "&" (write it as &amp;)', line, column);
		}
		if (err instanceof InputError) throw err;
		throw xmlError(err instanceof Error ? err.message : String(err), parser.line, parser.column);
	}
	if (!root) throw xmlError('the file has no root element', 1, 1);
	return root;
}

/**
 * The index of the first "&" that starts no entity or character reference, outside comments,
 * CDATA sections and processing instructions (where "&" is plain text); -1 if there is none.
 */
function bareAmpersand(source: string): number {
	const pattern =
		/<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|&(?!#\d+;|#x[\da-fA-F]+;|[A-Za-z_:][\w.:-]*;)/g;
	for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
		if (match[0] === '&') return match.index;
	}
	return -1;
}

function xmlError(parserMessage: string, line: number, column: number): InputError {
	// saxes prefixes its messages with "line:column: "; we carry those as fields instead.
	let detail = parserMessage.replace(/^\d+:\d+:\s*/, '').replace(/\.$/, '');
	// Browsers' XML parsers refuse "--" inside a comment too (XML 1.0 §2.5); say what to change.
	if (detail === 'malformed comment')
		detail =
			'a comment (<!-- … -->) contains "--", which XML does not allow; remove or space the dashes';
	const message = `Not well-formed XML: ${detail}`;
	return new InputError(`${message} (line ${line}, column ${column})`, [
		{ severity: 'error', message, line, column: Math.max(1, column) }
	]);
}

/** The first child with this tag name. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
	return element.children.find((c) => c.name === name);
}

/** Every child with this tag name, in document order. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
	return element.children.filter((c) => c.name === name);
}

/** The trimmed text of the first child with this name, or undefined if absent or blank. */
export function childText(element: XmlElement, name: string): string | undefined {
	const text = child(element, name)?.text.trim();
	return text ? text : undefined;
}

/** Vendor extensions (isee:…, simlin:…) carry no meaning for the model and are skipped. */
export function isVendorElement(element: XmlElement): boolean {
	return element.name.includes(':');
}
