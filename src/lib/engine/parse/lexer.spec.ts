import { describe, expect, it } from 'vitest';
import { ParseError } from './ast';
import { tokenize } from './lexer';

/** Kinds and texts, without positions. */
const kinds = (source: string) => tokenize(source).map((t) => `${t.kind}:${t.text}`);

/** The ParseError a source raises, as [message, start, end]. */
function lexError(source: string): { message: string; start: number; end: number } {
	try {
		tokenize(source);
	} catch (e) {
		if (e instanceof ParseError) return { message: e.message, start: e.start, end: e.end };
		throw e;
	}
	throw new Error(`expected ${JSON.stringify(source)} not to tokenize`);
}

describe('tokenize: numbers', () => {
	// XMILE 1.0 expressions: numbers in floating-point notation, with optional exponent.
	it.each([
		['1e-3', '1e-3'],
		['.5', '.5'],
		['3.', '3.'],
		['2E+2', '2E+2'],
		['1.25e3', '1.25e3'],
		['007', '007']
	])('reads %s as one number', (source, text) => {
		const tokens = tokenize(source);
		expect(tokens).toHaveLength(2);
		expect(tokens[0]).toMatchObject({ kind: 'number', text, start: 0, end: source.length });
		expect(Number(tokens[0].text)).toBe(Number(source));
	});

	it('refuses a number running into a name, pointing at both', () => {
		expect(lexError('3x')).toMatchObject({ start: 0, end: 2 });
	});
});

describe('tokenize: names', () => {
	it('reads a quoted name without its quotes, marks it quoted and spans the quotes', () => {
		const [t] = tokenize('"Teacup Temperature"');
		expect(t).toMatchObject({
			kind: 'name',
			text: 'Teacup Temperature',
			quoted: true,
			start: 0,
			end: 20
		});
	});

	it('reads \\" inside a quoted name as a quote character', () => {
		expect(tokenize('"say \\"hi\\""')[0].text).toBe('say "hi"');
	});

	it('reads underscores, digits and letters of any script in names', () => {
		expect(kinds('room_temperature_2 + Größe')).toEqual([
			'name:room_temperature_2',
			'op:+',
			'name:Größe',
			'eof:'
		]);
	});

	it('keeps a quoted keyword as a name', () => {
		expect(tokenize('"if"')[0]).toMatchObject({ kind: 'name', text: 'if', quoted: true });
	});
});

describe('tokenize: operators and comments', () => {
	it('reads two-character operators as one token', () => {
		expect(kinds('a<>b<=c>=d')).toEqual([
			'name:a',
			'op:<>',
			'name:b',
			'op:<=',
			'name:c',
			'op:>=',
			'name:d',
			'eof:'
		]);
	});

	// Stella: text in braces is a comment.
	it('skips {comments} anywhere in the equation', () => {
		expect(kinds('{start} a {middle} + 1 {end}')).toEqual(['name:a', 'op:+', 'number:1', 'eof:']);
	});

	it('keeps positions in the original text after a comment', () => {
		const tokens = tokenize('{note} x');
		expect(tokens[0]).toMatchObject({ text: 'x', start: 7, end: 8 });
	});

	it('reports an unclosed comment from its brace to the end', () => {
		expect(lexError('1 + {oops')).toMatchObject({ start: 4, end: 9 });
	});

	it('reports an unexpected character at its position', () => {
		expect(lexError('1 + 2 # 3')).toMatchObject({ start: 6, end: 7 });
		expect(lexError('a % b').message).toContain('%');
	});

	it('reports an unclosed quote from the quote to the end', () => {
		expect(lexError('1 + "Teacup')).toMatchObject({ start: 4, end: 11 });
	});

	it('ends every token list with eof at the source length', () => {
		expect(tokenize('  a  ').at(-1)).toMatchObject({ kind: 'eof', start: 5, end: 5 });
	});
});
