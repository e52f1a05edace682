/**
 * The equation AST as parsed, before names are resolved. Every node keeps the character range
 * it came from so that errors can point at what the user wrote.
 */
export interface Span {
	start: number;
	end: number;
}

export type BinaryOperator =
	'+' | '-' | '*' | '/' | '^' | 'mod' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

export type UnaryOperator = '-' | '+' | 'not';

export type Expr =
	| ({ type: 'number'; value: number } & Span)
	| ({ type: 'name'; name: string; canonical: string } & Span)
	| ({ type: 'unary'; op: UnaryOperator; arg: Expr } & Span)
	| ({ type: 'binary'; op: BinaryOperator; left: Expr; right: Expr } & Span)
	| ({ type: 'if'; cond: Expr; then: Expr; else: Expr } & Span)
	| ({ type: 'call'; name: string; canonical: string; nameSpan: Span; args: Expr[] } & Span)
	| ({ type: 'subscript'; target: Expr; indices: Expr[] } & Span)
	/** XMILE's transposition operator, `A'`: the array with its dimensions in reverse order. */
	| ({ type: 'transpose'; arg: Expr } & Span);

export class ParseError extends Error {
	constructor(
		message: string,
		readonly start: number,
		readonly end: number
	) {
		super(message);
		this.name = 'ParseError';
	}
}
