/**
 * The text of a unit as modellers write it in Stella and Vensim: names joined by `*` and `/`,
 * powers with `^`, parentheses, and plain numbers ("1/year", "GBP/(bed*day)", "patient^2").
 * A name may hold spaces ("Degrees Fahrenheit"); anything else that is not an operator is part of
 * a name, so "$" and "%" are names too.
 *
 *   parseUnitText('GBP/bed/day') // { factor: 1, terms: [GBP^1, bed^-1, day^-1] }
 */
export interface UnitTerm {
	/** The name as written, trimmed. */
	name: string;
	power: number;
}

export interface UnitText {
	/** The product of the plain numbers in the text: 1 in "1/year", 1000 in "1000*widget". */
	factor: number;
	terms: UnitTerm[];
}

export class UnitSyntaxError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UnitSyntaxError';
	}
}

const OPERATORS = new Set(['*', '/', '^', '(', ')']);
/** Deeper than any unit anyone writes; beyond it the parser's recursion would exhaust the stack. */
export const MAX_UNIT_NESTING = 100;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

type Token = { kind: 'op'; text: string } | { kind: 'word'; text: string };

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let word = '';
	const endWord = () => {
		const trimmed = word.trim();
		if (trimmed) tokens.push({ kind: 'word', text: trimmed });
		word = '';
	};
	for (const ch of text) {
		if (OPERATORS.has(ch)) {
			endWord();
			tokens.push({ kind: 'op', text: ch });
		} else word += ch;
	}
	endWord();
	return tokens;
}

/** Throws UnitSyntaxError for text that is not a unit expression ("patient//day", "(bed"). */
export function parseUnitText(text: string): UnitText {
	const tokens = tokenize(text);
	let pos = 0;
	const peek = () => tokens[pos];
	const isOp = (op: string) => peek()?.kind === 'op' && peek().text === op;

	let depth = 0;
	// product := power (('*' | '/') power)*
	const product = (): UnitText => {
		// Terms are added in place: copying them at each factor made long products quadratic.
		const result = power();
		while (isOp('*') || isOp('/')) {
			const divide = tokens[pos++].text === '/';
			const next = power();
			result.factor *= divide ? 1 / next.factor : next.factor;
			for (const term of next.terms)
				result.terms.push(divide ? { name: term.name, power: -term.power } : term);
		}
		return result;
	};
	// power := atom ('^' exponent)?
	const power = (): UnitText => {
		const base = atom();
		if (!isOp('^')) return base;
		pos++;
		return raise(base, exponent());
	};
	const exponent = (): number => {
		const parenthesised = isOp('(');
		if (parenthesised) pos++;
		// "^-1" reads as the operator "^" and the word "-1"; "^(-1)" as a parenthesised word.
		const t = tokens[pos++];
		if (t?.kind !== 'word' || !NUMBER.test(t.text))
			throw new UnitSyntaxError(`a power must be a number${t ? `, not "${t.text}"` : ''}`);
		const value = Number(t.text);
		if (parenthesised) {
			if (!isOp(')')) throw new UnitSyntaxError('a "(" is not closed');
			pos++;
		}
		return value;
	};
	const atom = (): UnitText => {
		const t = tokens[pos++];
		if (!t) throw new UnitSyntaxError('it ends where a unit name was expected');
		if (t.kind === 'op') {
			if (t.text !== '(') throw new UnitSyntaxError(`"${t.text}" where a unit name was expected`);
			if (++depth > MAX_UNIT_NESTING)
				throw new UnitSyntaxError(`its parentheses nest more than ${MAX_UNIT_NESTING} deep`);
			const inner = product();
			depth--;
			if (!isOp(')')) throw new UnitSyntaxError('a "(" is not closed');
			pos++;
			return inner;
		}
		if (NUMBER.test(t.text)) return { factor: Number(t.text), terms: [] };
		return { factor: 1, terms: [{ name: t.text, power: 1 }] };
	};

	if (tokens.length === 0) return { factor: 1, terms: [] };
	const result = product();
	if (pos < tokens.length) throw new UnitSyntaxError(`unexpected "${tokens[pos].text}"`);
	return result;
}

function raise(a: UnitText, p: number): UnitText {
	return {
		factor: a.factor ** p,
		terms: a.terms.map((t) => ({ name: t.name, power: t.power * p }))
	};
}
