/**
 * An equation AST back to text the parser reads as the same tree. The arrays pass rewrites
 * each element's equation as an AST (names of elements, expanded array functions) and hands
 * the compiler text, so the compiler stays as it is.
 *
 * Operations are parenthesised, except that a left-associative chain (a + b + c, a * b / c)
 * is written flat: a sum over 3,000 elements must not nest 3,000 parentheses deep, past what
 * the parser accepts. Names that are not plain identifiers are quoted ("Beds[North]").
 *
 * With a list to fill, it also records where each node went in the text and where it came
 * from (its span), so a compiler message about the text can point at what the user wrote.
 */
import type { Expr, Span } from '../parse/ast';

/** One node: its place in the printed text, and its span in the text it was parsed from. */
export interface PrintedSpan {
	printed: Span;
	original: Span;
}

const KEYWORDS = new Set(['if', 'then', 'else', 'and', 'or', 'not', 'mod']);
const PLAIN_NAME = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;
const OPERATOR_TEXT: Record<string, string> = { mod: 'MOD', and: 'AND', or: 'OR' };
const CHAIN_LEVEL: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

export function printExpr(expr: Expr, spans?: PrintedSpan[]): string {
	const printer = new Printer(spans);
	printer.expr(expr);
	return printer.text;
}

class Printer {
	text = '';
	constructor(readonly spans?: PrintedSpan[]) {}

	expr(expr: Expr): void {
		const from = this.text.length;
		this.#node(expr);
		this.spans?.push({
			printed: { start: from, end: this.text.length },
			original: { start: expr.start, end: expr.end }
		});
	}

	#write(text: string): void {
		this.text += text;
	}

	#node(expr: Expr): void {
		switch (expr.type) {
			case 'number':
				return this.#write(printNumber(expr.value));
			case 'name':
				// *, @1: subscript forms the parser reads back as they are.
				return this.#write(
					expr.name === '*' || /^@\d+$/.test(expr.name) ? expr.name : printName(expr.name)
				);
			case 'unary':
				this.#write(`(${expr.op === 'not' ? 'NOT ' : expr.op}`);
				this.expr(expr.arg);
				return this.#write(')');
			case 'binary': {
				const level = CHAIN_LEVEL[expr.op];
				if (level === undefined) {
					this.#write('(');
					this.expr(expr.left);
					this.#write(` ${OPERATOR_TEXT[expr.op] ?? expr.op} `);
					this.expr(expr.right);
					return this.#write(')');
				}
				// Walk the left spine in a loop: long sums are thousands of levels deep.
				const spine: Extract<Expr, { type: 'binary' }>[] = [];
				let left: Expr = expr;
				while (left.type === 'binary' && CHAIN_LEVEL[left.op] === level) {
					spine.push(left);
					left = left.left;
				}
				this.#write('(');
				this.expr(left);
				for (let i = spine.length - 1; i >= 0; i--) {
					this.#write(` ${spine[i].op} `);
					this.expr(spine[i].right);
				}
				return this.#write(')');
			}
			case 'if':
				this.#write('(IF ');
				this.expr(expr.cond);
				this.#write(' THEN ');
				this.expr(expr.then);
				this.#write(' ELSE ');
				this.expr(expr.else);
				return this.#write(')');
			case 'call':
				if (expr.canonical === ':' && expr.args.length === 2) {
					// A range in a subscript: 2:4.
					this.expr(expr.args[0]);
					this.#write(':');
					return this.expr(expr.args[1]);
				}
				this.#write(`${printName(expr.name)}(`);
				expr.args.forEach((arg, i) => {
					if (i > 0) this.#write(', ');
					this.expr(arg);
				});
				return this.#write(')');
			case 'subscript':
				this.expr(expr.target);
				this.#write('[');
				expr.indices.forEach((index, i) => {
					if (i > 0) this.#write(', ');
					this.expr(index);
				});
				return this.#write(']');
			case 'transpose':
				this.expr(expr.arg);
				return this.#write("'");
		}
	}
}

/** Numbers as the lexer reads them back exactly; a negative number as a negation. */
export function printNumber(value: number): string {
	if (Number.isNaN(value)) return '(0 / 0)';
	if (value === Infinity) return '(1 / 0)';
	if (value === -Infinity) return '(-1 / 0)';
	if (Object.is(value, -0)) return '(-0)';
	return value < 0 ? `(-${String(-value)})` : String(value);
}

/** A name bare when the parser would read it back as one name, otherwise in quotes. */
export function printName(name: string): string {
	if (PLAIN_NAME.test(name) && !KEYWORDS.has(name.toLowerCase())) return name;
	return `"${name.replace(/"/g, '\\"')}"`;
}

/**
 * Where a range of the printed text came from: the original span of the smallest printed node
 * that holds it, or undefined when it holds none.
 */
export function originalSpan(spans: readonly PrintedSpan[], at: Span): Span | undefined {
	let best: PrintedSpan | undefined;
	for (const s of spans) {
		if (s.printed.start <= at.start && at.end <= s.printed.end) {
			if (!best || s.printed.end - s.printed.start < best.printed.end - best.printed.start)
				best = s;
		}
	}
	return best?.original;
}
