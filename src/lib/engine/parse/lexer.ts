import { ParseError } from './ast';

export type TokenKind = 'number' | 'name' | 'op' | 'eof';

export interface Token {
	kind: TokenKind;
	/** For names: the name without quotes; for ops: the operator; for numbers: the literal. */
	text: string;
	start: number;
	end: number;
	/** A quoted name is never a keyword: "if" in quotes is a variable called if. */
	quoted?: boolean;
}

const OPERATORS = [
	'<>',
	'<=',
	'>=',
	'==',
	'!=',
	'&&',
	'||',
	'+',
	'-',
	'*',
	'/',
	'^',
	'(',
	')',
	',',
	'=',
	'<',
	'>',
	'[',
	']',
	'!',
	':',
	"'",
	'@'
];

// Letters of any script, digits, underscores, $ and dots (module paths such as hares.area).
const NAME_START = /[\p{L}_$]/u;
const NAME_PART = /[\p{L}\p{N}_$.]/u;

/** Splits an equation into tokens. Braces hold comments, as in Stella: `{ a note } x * 2`. */
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
			const close = source.indexOf('}', i + 1);
			if (close < 0)
				throw new ParseError('this comment is never closed: add "}"', i, source.length);
			i = close + 1;
			continue;
		}
		if (/[0-9.]/.test(ch) && /^(\d|\.\d)/.test(source.slice(i, i + 2))) {
			const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(source.slice(i))!;
			const end = i + m[0].length;
			if (end < source.length && NAME_START.test(source[end]) && !/[eE]/.test(source[end])) {
				throw new ParseError(
					`a number cannot run into a name: "${source.slice(i, end + 1)}"`,
					i,
					end + 1
				);
			}
			tokens.push({ kind: 'number', text: m[0], start: i, end });
			i = end;
			continue;
		}
		if (ch === '"') {
			let j = i + 1;
			let text = '';
			while (j < source.length && source[j] !== '"') {
				if (source[j] === '\\' && j + 1 < source.length && source[j + 1] === '"') {
					text += '"';
					j += 2;
				} else text += source[j++];
			}
			if (j >= source.length)
				throw new ParseError('this quoted name is never closed: add a closing "', i, source.length);
			if (!text.trim()) throw new ParseError('a quoted name cannot be empty', i, j + 1);
			tokens.push({ kind: 'name', text, start: i, end: j + 1, quoted: true });
			i = j + 1;
			continue;
		}
		if (NAME_START.test(ch)) {
			let j = i + 1;
			while (j < source.length && NAME_PART.test(source[j])) j++;
			// A trailing dot belongs to no name ("x." is a typo, reported by the parser).
			while (source[j - 1] === '.') j--;
			tokens.push({ kind: 'name', text: source.slice(i, j), start: i, end: j });
			i = j;
			continue;
		}
		const op = OPERATORS.find((o) => source.startsWith(o, i));
		if (op) {
			tokens.push({ kind: 'op', text: op, start: i, end: i + op.length });
			i += op.length;
			continue;
		}
		throw new ParseError(`unexpected character "${ch}"`, i, i + 1);
	}
	tokens.push({ kind: 'eof', text: '', start: source.length, end: source.length });
	return tokens;
}
