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

export type BinaryExpr = Extract<Expr, { type: 'binary' }>;

/**
 * A binary expression's left spine: `a + b - c` is `a`, then `+ b`, then `- c`. A long sum or chain
 * of ANDs nests thousands deep on its left, so walkers follow the spine in a loop and recurse only
 * into the right operands, which are shallow; recursion down the left would overflow the stack.
 * `chain` is innermost first (evaluation order); `within` stops the spine at another operator.
 */
export function leftSpine(
	expr: BinaryExpr,
	within: (op: BinaryOperator) => boolean = () => true
): { leftmost: Expr; chain: BinaryExpr[] } {
	const chain: BinaryExpr[] = [];
	let left: Expr = expr;
	for (; left.type === 'binary' && within(left.op); left = left.left) chain.push(left);
	return { leftmost: left, chain: chain.reverse() };
}
