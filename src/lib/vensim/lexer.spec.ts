import { describe, expect, it } from 'vitest';
import { tokenize, VensimSyntaxError } from './lexer';

const kinds = (source: string) => tokenize(source).map((t) => `${t.kind}:${t.text}`);

describe('Vensim tokens', () => {
	it('reads a name through its spaces, collapsing them', () => {
		expect(kinds('Heat Loss  to Room / Characteristic Time')).toEqual([
			'name:Heat Loss to Room',
			'op:/',
			'name:Characteristic Time',
			'eof:'
		]);
	});

	it('reads keywords between colons, and tells :NA: from a colon', () => {
		expect(kinds('a :AND: :NOT: b :OR: :NA:')).toEqual([
			'name:a',
			'keyword:AND',
			'keyword:NOT',
			'name:b',
			'keyword:OR',
			'keyword:NA',
			'eof:'
		]);
		expect(kinds('Region: North')).toEqual(['name:Region', 'op::', 'name:North', 'eof:']);
	});

	it('keeps the escapes of a quoted name as written, as Vensim names its output columns', () => {
		const [t] = tokenize('"with \\"Quotes\\" and \\ slash" + 1');
		expect(t).toMatchObject({ kind: 'name', quoted: true, text: 'with \\"Quotes\\" and \\ slash' });
	});

	it('reads numbers with exponents, strings in single quotes, and arrows', () => {
		expect(kinds("1e+06 .5 'file.xlsx' -> <->")).toEqual([
			'number:1e+06',
			'number:.5',
			'string:file.xlsx',
			'op:->',
			'op:<->',
			'eof:'
		]);
	});

	it('skips comments in braces', () => {
		expect(kinds('a {a note} + b')).toEqual(['name:a', 'op:+', 'name:b', 'eof:']);
	});

	it('names the position of a character it cannot read', () => {
		expect(() => tokenize('a # b')).toThrow(VensimSyntaxError);
		try {
			tokenize('a # b');
		} catch (e) {
			expect((e as VensimSyntaxError).start).toBe(2);
		}
	});
});
