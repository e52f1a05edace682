/**
 * An equation AST back to text the parser reads as the same tree. The arrays pass rewrites
 * each element's equation as an AST (names of elements, expanded array functions) and hands
 * the compiler text, so the compiler stays as it is.
 *
 * Operations are parenthesised, except that a left-associative chain (a + b + c, a * b / c)
 * is written flat: a sum over 3,000 elements must not nest 3,000 parentheses deep, past what
 * the parser accepts. Names that are not plain identifiers are quoted ("Beds[North]").
 */
import type { Expr } from '../parse/ast';

const KEYWORDS = new Set(['if', 'then', 'else', 'and', 'or', 'not', 'mod']);
const PLAIN_NAME = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;
const OPERATOR_TEXT: Record<string, string> = { mod: 'MOD', and: 'AND', or: 'OR' };
const CHAIN_LEVEL: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

export function printExpr(expr: Expr): string {
	switch (expr.type) {
		case 'number':
			return printNumber(expr.value);
		case 'name':
			return printName(expr.name);
		case 'unary':
			return `(${expr.op === 'not' ? 'NOT ' : expr.op}${printExpr(expr.arg)})`;
		case 'binary': {
			const level = CHAIN_LEVEL[expr.op];
			if (level === undefined) return `(${printExpr(expr.left)} ${OPERATOR_TEXT[expr.op] ?? expr.op} ${printExpr(expr.right)})`;
			// Walk the left spine in a loop: long sums are thousands of levels deep.
			const rights: string[] = [];
			let left: Expr = expr;
			while (left.type === 'binary' && CHAIN_LEVEL[left.op] === level) {
				rights.push(`${left.op} ${printExpr(left.right)}`);
				left = left.left;
			}
			return `(${[printExpr(left), ...rights.reverse()].join(' ')})`;
		}
		case 'if':
			return `(IF ${printExpr(expr.cond)} THEN ${printExpr(expr.then)} ELSE ${printExpr(expr.else)})`;
		case 'call':
			return `${printName(expr.name)}(${expr.args.map(printExpr).join(', ')})`;
		case 'subscript':
			return `${printExpr(expr.target)}[${expr.indices.map((i) => (i.type === 'name' && i.name === '*' ? '*' : printExpr(i))).join(', ')}]`;
		case 'transpose':
			return `${printExpr(expr.arg)}'`;
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
