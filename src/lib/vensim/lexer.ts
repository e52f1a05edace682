/**
 * Tokens of a Vensim equation. Vensim names hold spaces ("Heat Loss to Room"), so a name runs on
 * through words until an operator; `:AND:`-style keywords sit between colons; 'text' in single
 * quotes is a string (file names of GET XLS DATA); "text" in double quotes is a name.
 */

export type TokenKind = 'number' | 'name' | 'keyword' | 'string' | 'op' | 'eof';

export interface Token {
	kind: TokenKind;
	/** Names: collapsed spaces, no quotes; keywords: upper case without colons (AND, EXCEPT). */
	text: string;
	start: number;
	end: number;
	quoted?: boolean;
}

export class VensimSyntaxError extends Error {
	constructor(
		message: string,
		readonly start: number,
		readonly end: number = start + 1
	) {
		super(message);
		this.name = 'VensimSyntaxError';
	}
}

// Longest first, so `<->` is not read as `<` and `->`.
const OPERATORS = [
	'<->',
	'->',
	'<=',
	'>=',
	'<>',
	':=',
	'==',
	'+',
	'-',
	'*',
	'/',
	'^',
	'(',
	')',
	'[',
	']',
	',',
	';',
	'=',
	'<',
	'>',
	'!',
	':',
	'&'
];

const NAME_START = /[\p{L}_$]/u;
const NAME_PART = /[\p{L}\p{N}_$ \t'.%]/u;
const NUMBER = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
// A keyword between colons: :AND:, :EXCEPT:, :END OF MACRO:.
const KEYWORD = /^:([A-Za-z][A-Za-z ]*):/;

export function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < source.length) {
		const ch = source[i];
		if (/\s/.test(ch)) {
			i++;
			continue;
		}
		if (ch === '{') {
			// Vensim comments in braces, anywhere in an equation.
			const close = source.indexOf('}', i + 1);
			i = close < 0 ? source.length : close + 1;
			continue;
		}
		if (/[0-9.]/.test(ch)) {
			const m = NUMBER.exec(source.slice(i));
			if (m) {
				tokens.push({ kind: 'number', text: m[0], start: i, end: i + m[0].length });
				i += m[0].length;
				continue;
			}
		}
		if (ch === '"') {
			// The name keeps its escapes as written (\"), as Vensim's output columns do.
			let close = i + 1;
			while (close < source.length && source[close] !== '"')
				close += source[close] === '\\' && source[close + 1] === '"' ? 2 : 1;
			if (close >= source.length)
				throw new VensimSyntaxError('this quoted name is never closed', i);
			tokens.push({
				kind: 'name',
				text: source.slice(i + 1, close),
				start: i,
				end: close + 1,
				quoted: true
			});
			i = close + 1;
			continue;
		}
		if (ch === "'") {
			const close = source.indexOf("'", i + 1);
			if (close < 0) throw new VensimSyntaxError('this quoted text is never closed', i);
			tokens.push({ kind: 'string', text: source.slice(i + 1, close), start: i, end: close + 1 });
			i = close + 1;
			continue;
		}
		if (ch === ':') {
			const m = KEYWORD.exec(source.slice(i));
			if (m) {
				const text = m[1].trim().replace(/\s+/g, ' ').toUpperCase();
				tokens.push({ kind: 'keyword', text, start: i, end: i + m[0].length });
				i += m[0].length;
				continue;
			}
		}
		if (NAME_START.test(ch)) {
			let j = i + 1;
			while (j < source.length && NAME_PART.test(source[j])) j++;
			const raw = source.slice(i, j);
			const text = raw.trim().replace(/\s+/g, ' ');
			tokens.push({ kind: 'name', text, start: i, end: i + raw.trimEnd().length });
			i = j;
			continue;
		}
		const op = OPERATORS.find((o) => source.startsWith(o, i));
		if (op) {
			tokens.push({ kind: 'op', text: op, start: i, end: i + op.length });
			i += op.length;
			continue;
		}
		throw new VensimSyntaxError(`unexpected character "${ch}"`, i);
	}
	tokens.push({ kind: 'eof', text: '', start: source.length, end: source.length });
	return tokens;
}
