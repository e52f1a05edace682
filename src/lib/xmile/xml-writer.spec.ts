import { describe, expect, it } from 'vitest';
import { element, escapeAttribute, escapeText, formatNumber, printDocument } from './xml-writer';
import { parseXmlTree } from './xml-tree';

describe('xml-writer', () => {
	it('prints elements with attributes, text and children, skipping empty values', () => {
		const doc = element(
			'a',
			{ x: 1, y: undefined, z: 'q' },
			element('b', {}, 'text'),
			undefined,
			false,
			element('c')
		);
		expect(printDocument(doc)).toBe(
			'<?xml version="1.0" encoding="utf-8"?>\n<a x="1" z="q">\n\t<b>text</b>\n\t<c/>\n</a>\n'
		);
	});

	it('escapes markup in text and attributes so that it reads back as written', () => {
		const nasty = `<a href="x">Tom & 'Jerry'</a>]]>\r\n\ttab`;
		expect(escapeText(nasty)).not.toMatch(/[<>]/);
		expect(escapeAttribute(nasty)).not.toMatch(/[<>"'\t\n\r]/);
		const root = parseXmlTree(printDocument(element('e', { v: nasty }, nasty)));
		expect(root.attributes.v).toBe(nasty);
		expect(root.text).toBe(nasty);
	});

	it('formats numbers as the shortest text that reads back exactly, -0 included', () => {
		for (const x of [0, -0, 0.1, 1 / 3, 1e-7, 1e21, -1.5e-300, 5e-324, Number.MAX_VALUE]) {
			expect(Object.is(Number(formatNumber(x)), x)).toBe(true);
		}
		expect(formatNumber(0.1)).toBe('0.1');
		expect(formatNumber(-0)).toBe('-0');
		expect(() => formatNumber(NaN)).toThrow(RangeError);
		expect(() => formatNumber(Infinity)).toThrow(RangeError);
	});
});
