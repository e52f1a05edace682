import { describe, expect, it } from 'vitest';
import { InputError } from '../model/diagnostics';
import { child, childText, parseXmlTree } from './xml-tree';

function parseError(text: string): InputError {
	try {
		parseXmlTree(text);
	} catch (err) {
		if (err instanceof InputError) return err;
		throw err;
	}
	throw new Error('expected an InputError');
}

describe('parseXmlTree', () => {
	it('records the line and column of each start tag', () => {
		const root = parseXmlTree('<a>\n  <b x="1"/>\n\t<c>hi</c>\n</a>');
		expect(root).toMatchObject({ name: 'a', line: 1, column: 1 });
		expect(child(root, 'b')).toMatchObject({ line: 2, column: 3, attributes: { x: '1' } });
		expect(child(root, 'c')).toMatchObject({ line: 3, column: 2, text: 'hi' });
	});

	it('places a start tag whose attributes begin on the next line at its "<"', () => {
		const root = parseXmlTree('<a>\n  <b\n    x="1"/></a>');
		expect(child(root, 'b')).toMatchObject({ line: 2, column: 3 });
	});

	it('counts lines the same for LF, CRLF and CR line endings', () => {
		for (const eol of ['\n', '\r\n', '\r']) {
			const root = parseXmlTree(['<a>', '<b>1', '2</b>', '<c/>', '</a>'].join(eol));
			expect(child(root, 'c')?.line).toBe(4);
			// XML normalises line ends inside text to \n.
			expect(child(root, 'b')?.text).toBe('1\n2');
		}
	});

	it('accepts a byte order mark and an XML declaration', () => {
		const root = parseXmlTree('\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<xmile/>');
		expect(root).toMatchObject({ name: 'xmile', line: 2, column: 1 });
	});

	it('accepts a prefix that no xmlns declares (isee: in xmutil files)', () => {
		const root = parseXmlTree('<a xmlns="urn:x"><isee:prefs isee:b="1"/></a>');
		expect(child(root, 'isee:prefs')?.attributes).toEqual({ 'isee:b': '1' });
	});

	it('decodes entities and keeps CDATA text', () => {
		const root = parseXmlTree('<a><e>x &lt; 5 &amp;&amp; y &gt; 2</e><f><![CDATA[1 < 2]]></f></a>');
		expect(childText(root, 'e')).toBe('x < 5 && y > 2');
		expect(childText(root, 'f')).toBe('1 < 2');
	});

	it('reports malformed XML as an InputError with the line and column', () => {
		const err = parseError('<xmile>\n  <model>\n  </modl>\n</xmile>');
		expect(err.diagnostics).toHaveLength(1);
		expect(err.diagnostics[0]).toMatchObject({ severity: 'error', line: 3 });
		expect(err.diagnostics[0].column).toBeGreaterThan(0);
		expect(err.diagnostics[0].message).toMatch(/Not well-formed XML: .*close tag/);
	});

	it('refuses "--" inside a comment, as browsers do, naming the line and what to change', () => {
		const err = parseError('<xmile>\n  <!-- beds -- North -->\n</xmile>');
		expect(err.diagnostics[0]).toMatchObject({ severity: 'error', line: 2 });
		expect(err.diagnostics[0].message).toMatch(/comment .* contains "--"/);
		// Dashes that do not touch are plain text.
		expect(() => parseXmlTree('<xmile><!-- beds - North --></xmile>')).not.toThrow();
	});

	it('reports an empty file and trailing text', () => {
		expect(parseError('').diagnostics[0].message).toMatch(/root element/);
		expect(parseError('<a/>\njunk').diagnostics[0]).toMatchObject({ line: 2 });
	});
});
