/**
 * Vensim expressions. Precedence, loosest first, as Vensim evaluates (checked against the
 * reference output of sdxorg/tests/arithmetics_exp, e.g. 30^1.2^1.2 = 68.9244, so ^ groups to the
 * right, and -Time^30 = -(Time^30)):
 *   :OR: · :AND: · :NOT: · = <> · < <= > >= · + - · * / · unary - + · ^ · calls, names, ( )
 */
import type { BinaryOp, LookupTable, SubscriptRef, VExpr } from './ast';
import { tokenize, VensimSyntaxError, type Token } from './lexer';

export class TokenStream {
	#pos = 0;
	constructor(
		readonly tokens: Token[],
		readonly source: string
	) {}

	static of(source: string): TokenStream {
		return new TokenStream(tokenize(source), source);
	}

	peek(ahead = 0): Token {
		return this.tokens[Math.min(this.#pos + ahead, this.tokens.length - 1)];
	}
	next(): Token {
		const t = this.tokens[this.#pos];
		if (this.#pos < this.tokens.length - 1) this.#pos++;
		return t;
	}
	isOp(...ops: string[]): boolean {
		const t = this.peek();
		return t.kind === 'op' && ops.includes(t.text);
	}
	isKeyword(word: string): boolean {
		const t = this.peek();
		return t.kind === 'keyword' && t.text === word;
	}
	atEnd(): boolean {
		return this.peek().kind === 'eof';
	}
	expectOp(op: string, why: string): Token {
		if (!this.isOp(op)) throw this.error(`expected "${op}" ${why}, found ${describe(this.peek())}`);
		return this.next();
	}
	error(message: string, at: Token = this.peek()): VensimSyntaxError {
		return new VensimSyntaxError(message, at.start, Math.max(at.end, at.start + 1));
	}
}

export function describe(t: Token): string {
	if (t.kind === 'eof') return 'the end of the equation';
	if (t.kind === 'keyword') return `:${t.text}:`;
	if (t.kind === 'name') return `"${t.text}"`;
	return `"${t.text}"`;
}

/** Parses a whole expression; anything left over is an error. */
export function parseExpression(source: string): VExpr {
	const s = TokenStream.of(source);
	const expr = expression(s);
	if (!s.atEnd()) throw s.error(`unexpected ${describe(s.peek())} after a complete expression`);
	return expr;
}

export function expression(s: TokenStream): VExpr {
	return orExpr(s);
}

function orExpr(s: TokenStream): VExpr {
	let left = andExpr(s);
	while (s.isKeyword('OR')) {
		s.next();
		left = { type: 'binary', op: 'or', left, right: andExpr(s) };
	}
	return left;
}

function andExpr(s: TokenStream): VExpr {
	let left = notExpr(s);
	while (s.isKeyword('AND')) {
		s.next();
		left = { type: 'binary', op: 'and', left, right: notExpr(s) };
	}
	return left;
}

function notExpr(s: TokenStream): VExpr {
	if (s.isKeyword('NOT')) {
		s.next();
		return { type: 'unary', op: 'not', arg: notExpr(s) };
	}
	return equality(s);
}

function equality(s: TokenStream): VExpr {
	let left = relational(s);
	while (s.isOp('=', '<>')) {
		const op = s.next().text as BinaryOp;
		left = { type: 'binary', op, left, right: relational(s) };
	}
	return left;
}

function relational(s: TokenStream): VExpr {
	let left = additive(s);
	while (s.isOp('<', '<=', '>', '>=')) {
		const op = s.next().text as BinaryOp;
		left = { type: 'binary', op, left, right: additive(s) };
	}
	return left;
}

function additive(s: TokenStream): VExpr {
	let left = multiplicative(s);
	while (s.isOp('+', '-')) {
		const op = s.next().text as BinaryOp;
		left = { type: 'binary', op, left, right: multiplicative(s) };
	}
	return left;
}

function multiplicative(s: TokenStream): VExpr {
	let left = unary(s);
	while (s.isOp('*', '/')) {
		const op = s.next().text as BinaryOp;
		left = { type: 'binary', op, left, right: unary(s) };
	}
	return left;
}

function unary(s: TokenStream): VExpr {
	if (s.isOp('-', '+')) {
		const op = s.next().text as '-' | '+';
		return { type: 'unary', op, arg: unary(s) };
	}
	if (s.isKeyword('NOT')) {
		s.next();
		return { type: 'unary', op: 'not', arg: unary(s) };
	}
	return power(s);
}

function power(s: TokenStream): VExpr {
	const base = primary(s);
	if (!s.isOp('^')) return base;
	s.next();
	// Right-associative, and the exponent may carry its own sign: 30^-30^-1.2.
	return { type: 'binary', op: '^', left: base, right: unary(s) };
}

function primary(s: TokenStream): VExpr {
	const t = s.peek();
	if (t.kind === 'number') {
		s.next();
		return { type: 'number', value: Number(t.text) };
	}
	if (t.kind === 'string') {
		s.next();
		return { type: 'string', value: t.text };
	}
	if (t.kind === 'keyword' && t.text === 'NA') {
		s.next();
		return { type: 'na' };
	}
	if (t.kind === 'op' && t.text === '(') {
		s.next();
		// A lookup table given inline, as LOOKUP's or WITH LOOKUP's argument: ((0,0),(1,2)).
		if (s.isOp('[') || (s.isOp('(') && looksLikePoint(s, 0))) {
			const table = tableBody(s);
			return { type: 'table', table };
		}
		const inner = expression(s);
		s.expectOp(')', 'to close the parenthesis');
		return inner;
	}
	if (t.kind === 'name') {
		s.next();
		const subscripts = s.isOp('[') ? subscriptList(s) : [];
		if (s.isOp('(')) {
			s.next();
			const args: VExpr[] = [];
			if (!s.isOp(')')) {
				do args.push(expression(s));
				while (s.isOp(',') && s.next());
			}
			s.expectOp(')', `to close the arguments of ${t.text}`);
			return { type: 'call', name: t.text, subscripts, args, start: t.start };
		}
		return { type: 'name', name: t.text, subscripts, start: t.start };
	}
	throw s.error(`expected a number, a name or "(", found ${describe(t)}`);
}

/** `(number, number)` ahead, from offset `at` (which sits on the opening parenthesis). */
function looksLikePoint(s: TokenStream, at: number): boolean {
	let i = at + 1;
	if (s.peek(i).kind === 'op' && s.peek(i).text === '-') i++;
	if (s.peek(i).kind !== 'number') return false;
	return s.peek(i + 1).kind === 'op' && s.peek(i + 1).text === ',';
}

export function subscriptList(s: TokenStream): SubscriptRef[] {
	s.expectOp('[', 'to open the subscripts');
	const list: SubscriptRef[] = [];
	do {
		const t = s.next();
		if (t.kind !== 'name' && t.kind !== 'number')
			throw s.error(`expected a subscript name, found ${describe(t)}`, t);
		const bang = s.isOp('!');
		if (bang) s.next();
		list.push({ name: t.text, bang });
	} while (s.isOp(',') && s.next());
	s.expectOp(']', 'to close the subscripts');
	return list;
}

/**
 * The points of a lookup, after its opening parenthesis and up to and including the closing
 * one: `[(0,0)-(10,1)], (0,0), (5,0.5), (10,1))`; the range may list reference points after
 * it, `[(0,0)-(10,1),(2,3)]`, which Vensim only draws.
 */
export function tableBody(s: TokenStream): LookupTable {
	const table: LookupTable = { xs: [], ys: [] };
	if (s.isOp('[')) {
		s.next();
		const [xMin, yMin] = point(s);
		s.expectOp('-', 'between the corners of the lookup range');
		const [xMax, yMax] = point(s);
		table.range = { xMin, yMin, xMax, yMax };
		while (s.isOp(',')) {
			s.next();
			point(s);
		}
		s.expectOp(']', 'to close the lookup range');
		if (s.isOp(',')) s.next();
	}
	while (s.isOp('(')) {
		const [x, y] = point(s);
		table.xs.push(x);
		table.ys.push(y);
		if (s.isOp(',')) s.next();
	}
	s.expectOp(')', 'to close the lookup');
	return table;
}

function point(s: TokenStream): [number, number] {
	s.expectOp('(', 'to open a point');
	const x = signedNumber(s);
	s.expectOp(',', 'between x and y');
	const y = signedNumber(s);
	s.expectOp(')', 'to close a point');
	return [x, y];
}

export function signedNumber(s: TokenStream): number {
	let sign = 1;
	while (s.isOp('-', '+')) if (s.next().text === '-') sign = -sign;
	const t = s.next();
	if (t.kind !== 'number') throw s.error(`expected a number, found ${describe(t)}`, t);
	return sign * Number(t.text);
}
