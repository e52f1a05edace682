import { canonicalName } from '../../model/names';
import { ParseError, type BinaryOperator, type Expr } from './ast';
import { tokenize, type Token } from './lexer';

/**
 * Parses one XMILE equation. Precedence, loosest first (XMILE 1.0 §3.3.1):
 *   OR · AND · = <> · < <= > >= · + - · * / MOD · unary + - NOT · ^ (right-associative) · calls, [ ], '
 * IF cond THEN a ELSE b is an expression whose ELSE branch reaches as far as it can.
 * Throws ParseError with the character range of the problem.
 */
export function parseEquation(source: string): Expr {
	const parser = new Parser(source, tokenize(source));
	if (parser.peek().kind === 'eof') throw new ParseError('the equation is empty', 0, source.length);
	const expr = parser.expression();
	const rest = parser.peek();
	if (rest.kind !== 'eof') {
		throw new ParseError(
			`unexpected ${describe(rest)} after a complete expression`,
			rest.start,
			rest.end
		);
	}
	return expr;
}

const KEYWORDS = new Set(['if', 'then', 'else', 'and', 'or', 'not', 'mod']);
const INFIX_WORDS = new Set(['and', 'or', 'mod']);

function describe(token: Token): string {
	if (token.kind === 'eof') return 'end of equation';
	if (token.kind === 'number') return `number ${token.text}`;
	if (token.kind === 'name')
		return isKeyword(token) ? token.text.toUpperCase() : `name "${token.text}"`;
	return `"${token.text}"`;
}

function isKeyword(token: Token, word?: string): boolean {
	if (token.kind !== 'name' || token.quoted) return false;
	const lower = token.text.toLowerCase();
	return word ? lower === word : KEYWORDS.has(lower);
}

/** Deeper nesting than any real equation; beyond it the parser would exhaust the call stack. */
export const MAX_NESTING = 200;

class Parser {
	#pos = 0;
	#depth = 0;
	constructor(
		readonly source: string,
		readonly tokens: Token[]
	) {}

	peek(): Token {
		return this.tokens[this.#pos];
	}

	#next(): Token {
		return this.tokens[this.#pos++];
	}

	#isOp(...ops: string[]): boolean {
		const t = this.peek();
		return t.kind === 'op' && ops.includes(t.text);
	}

	#expectOp(op: string, context: string): Token {
		const t = this.peek();
		if (t.kind === 'op' && t.text === op) return this.#next();
		throw new ParseError(`expected "${op}" ${context} but found ${describe(t)}`, t.start, t.end);
	}

	#expectKeyword(word: string, context: string): void {
		const t = this.peek();
		if (isKeyword(t, word)) {
			this.#next();
			return;
		}
		throw new ParseError(
			`expected ${word.toUpperCase()} ${context} but found ${describe(t)}`,
			t.start,
			t.end
		);
	}

	expression(): Expr {
		if (++this.#depth > MAX_NESTING) {
			const t = this.peek();
			throw new ParseError(
				`the equation nests more than ${MAX_NESTING} levels deep (parentheses, IFs or calls)`,
				t.start,
				t.end
			);
		}
		try {
			return this.#or();
		} finally {
			this.#depth--;
		}
	}

	#binary(left: Expr, op: BinaryOperator, right: Expr): Expr {
		return { type: 'binary', op, left, right, start: left.start, end: right.end };
	}

	#or(): Expr {
		let left = this.#and();
		while (isKeyword(this.peek(), 'or') || this.#isOp('||')) {
			this.#next();
			left = this.#binary(left, 'or', this.#and());
		}
		return left;
	}

	#and(): Expr {
		let left = this.#equality();
		while (isKeyword(this.peek(), 'and') || this.#isOp('&&')) {
			this.#next();
			left = this.#binary(left, 'and', this.#equality());
		}
		return left;
	}

	#equality(): Expr {
		let left = this.#relational();
		while (this.#isOp('=', '==', '<>', '!=')) {
			const op = this.#next().text;
			left = this.#binary(left, op === '=' || op === '==' ? '=' : '<>', this.#relational());
		}
		return left;
	}

	#relational(): Expr {
		let left = this.#additive();
		while (this.#isOp('<', '<=', '>', '>=')) {
			const op = this.#next().text as BinaryOperator;
			left = this.#binary(left, op, this.#additive());
		}
		return left;
	}

	#additive(): Expr {
		let left = this.#multiplicative();
		while (this.#isOp('+', '-')) {
			const op = this.#next().text as BinaryOperator;
			left = this.#binary(left, op, this.#multiplicative());
		}
		return left;
	}

	#multiplicative(): Expr {
		let left = this.#unary();
		while (this.#isOp('*', '/') || isKeyword(this.peek(), 'mod')) {
			const t = this.#next();
			const op: BinaryOperator = t.kind === 'op' ? (t.text as BinaryOperator) : 'mod';
			left = this.#binary(left, op, this.#unary());
		}
		return left;
	}

	#unary(): Expr {
		const t = this.peek();
		if (this.#isOp('-', '+', '!') || isKeyword(t, 'not')) {
			this.#next();
			if (++this.#depth > MAX_NESTING)
				throw new ParseError(`too many signs in a row`, t.start, t.end);
			const arg = this.#unary();
			this.#depth--;
			const op = t.text === '-' ? '-' : t.text === '+' ? '+' : 'not';
			return { type: 'unary', op, arg, start: t.start, end: arg.end };
		}
		return this.#power();
	}

	#power(): Expr {
		const base = this.#postfix();
		if (this.#isOp('^')) {
			this.#next();
			// Right-associative, and the exponent may carry its own sign: 2^-1, 2^3^2 = 2^9.
			return this.#binary(base, '^', this.#unary());
		}
		return base;
	}

	#postfix(): Expr {
		let expr = this.#primary();
		if (this.#isOp('[')) {
			this.#next();
			const indices: Expr[] = [];
			do indices.push(this.#subscriptIndex());
			while (this.#isOp(',') && this.#next());
			const close = this.#expectOp(']', 'to close the subscript');
			expr = { type: 'subscript', target: expr, indices, start: expr.start, end: close.end };
		}
		// Transposition binds tightest of all (XMILE 3.7.1.1): A'^2 is (A')^2.
		while (this.#isOp("'")) {
			const mark = this.#next();
			expr = { type: 'transpose', arg: expr, start: expr.start, end: mark.end };
		}
		return expr;
	}

	/**
	 * One subscript: an expression, `*` (every element), `@2` (the element of the owner's second
	 * dimension, XMILE's dimension position) or a range `2:4`. The last three only make sense in
	 * a subscript, so they are names and a call no variable or function can have.
	 */
	#subscriptIndex(): Expr {
		if (this.#isOp('*')) {
			const t = this.#next();
			const star: Expr = { type: 'name', name: '*', canonical: '*', start: t.start, end: t.end };
			// `*:SubA`: every element of the subrange SubA (XMILE 3.7.1.2).
			if (!this.#isOp(':')) return star;
			const colon = this.#next();
			const sub = this.expression();
			return {
				type: 'call',
				name: ':',
				canonical: ':',
				nameSpan: { start: colon.start, end: colon.end },
				args: [star, sub],
				start: t.start,
				end: sub.end
			};
		}
		if (this.#isOp('@')) {
			const at = this.#next();
			const n = this.peek();
			if (n.kind !== 'number' || !/^\d+$/.test(n.text))
				throw new ParseError(
					`expected a dimension number after "@", as in @1, but found ${describe(n)}`,
					n.start,
					n.end
				);
			this.#next();
			return {
				type: 'name',
				name: `@${n.text}`,
				canonical: `@${n.text}`,
				start: at.start,
				end: n.end
			};
		}
		const from = this.expression();
		if (!this.#isOp(':')) return from;
		const colon = this.#next();
		const to = this.expression();
		return {
			type: 'call',
			name: ':',
			canonical: ':',
			nameSpan: { start: colon.start, end: colon.end },
			args: [from, to],
			start: from.start,
			end: to.end
		};
	}

	#primary(): Expr {
		const t = this.peek();
		if (t.kind === 'number') {
			this.#next();
			return { type: 'number', value: Number(t.text), start: t.start, end: t.end };
		}
		if (t.kind === 'op' && t.text === '(') {
			this.#next();
			const inner = this.expression();
			const close = this.#expectOp(')', 'to close the parenthesis');
			return { ...inner, start: t.start, end: close.end };
		}
		if (isKeyword(t, 'if')) return this.#ifThenElse();
		// AND, OR and MOD are operators only between operands; in a value's place they are names
		// (Vensim models have variables called "mod").
		if (t.kind === 'name' && (!isKeyword(t) || INFIX_WORDS.has(t.text.toLowerCase()))) {
			const words = this.#wordsBeforeCall();
			if (words) return this.#call(words);
			this.#next();
			if (this.#isOp('(')) return this.#call(t);
			return {
				type: 'name',
				name: t.text,
				canonical: canonicalName(t.text),
				start: t.start,
				end: t.end
			};
		}
		if (t.kind === 'eof')
			throw new ParseError('the equation ends too soon: a value is missing', t.start, t.end);
		throw new ParseError(
			`expected a number, a name or "(" but found ${describe(t)}`,
			t.start,
			t.end
		);
	}

	#ifThenElse(): Expr {
		const start = this.#next().start;
		const cond = this.expression();
		this.#expectKeyword('then', 'after the IF condition');
		const then = this.expression();
		this.#expectKeyword('else', 'after the THEN branch (IF needs an ELSE)');
		const otherwise = this.expression();
		return { type: 'if', cond, then, else: otherwise, start, end: otherwise.end };
	}

	/**
	 * A function written in several words, as Vensim names them (`VECTOR SELECT(…)`, `ALLOCATE
	 * AVAILABLE(…)`): bare names, none a keyword, then "(". Taken as one name, so an unknown one
	 * is reported as an unknown function rather than a syntax error.
	 */
	#wordsBeforeCall(): Token | undefined {
		let k = this.#pos;
		while (this.tokens[k].kind === 'name' && !this.tokens[k].quoted && !isKeyword(this.tokens[k]))
			k++;
		const after = this.tokens[k];
		if (k - this.#pos < 2 || after.kind !== 'op' || after.text !== '(') return undefined;
		const words = this.tokens.slice(this.#pos, k);
		this.#pos = k;
		return {
			kind: 'name',
			text: words.map((w) => w.text).join(' '),
			start: words[0].start,
			end: words[words.length - 1].end
		};
	}

	#call(nameToken: Token): Expr {
		this.#next(); // (
		const args: Expr[] = [];
		if (!this.#isOp(')')) {
			do args.push(this.expression());
			while (this.#isOp(',') && this.#next());
		}
		const close = this.#expectOp(')', `to close the call to ${nameToken.text}`);
		return {
			type: 'call',
			name: nameToken.text,
			canonical: canonicalName(nameToken.text),
			nameSpan: { start: nameToken.start, end: nameToken.end },
			args,
			start: nameToken.start,
			end: close.end
		};
	}
}
