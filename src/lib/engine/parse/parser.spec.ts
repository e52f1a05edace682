/**
 * The equation parser. Expected precedence and associativity come from XMILE 1.0 §3.3.1
 * (operator precedence table: ^ above unary + − NOT, above * / MOD, above + −, above
 * comparisons, above AND, above OR; ^ is right-associative, the others left-associative).
 */
import { describe, expect, it } from 'vitest';
import { aux, compileErrors, model, simulate, valueOf } from '../test-models';
import { ParseError, type Expr } from './ast';
import { parseEquation } from './parser';

/** The AST as a fully parenthesised string, so structure can be compared at a glance. */
function show(e: Expr): string {
	switch (e.type) {
		case 'number':
			return String(e.value);
		case 'name':
			return e.canonical;
		case 'unary':
			return `(${e.op} ${show(e.arg)})`;
		case 'binary':
			return `(${show(e.left)} ${e.op} ${show(e.right)})`;
		case 'if':
			return `(if ${show(e.cond)} then ${show(e.then)} else ${show(e.else)})`;
		case 'call':
			return `${e.canonical}(${e.args.map(show).join(', ')})`;
		case 'subscript':
			return `${show(e.target)}[${e.indices.map(show).join(', ')}]`;
		case 'transpose':
			return `${show(e.arg)}'`;
	}
}

const parsed = (source: string) => show(parseEquation(source));

function parseError(source: string): ParseError {
	try {
		parseEquation(source);
	} catch (e) {
		if (e instanceof ParseError) return e;
		throw e;
	}
	throw new Error(`expected ${JSON.stringify(source)} not to parse`);
}

describe('precedence and associativity (XMILE 1.0 §3.3.1)', () => {
	it.each([
		['2+3*4', '(2 + (3 * 4))', 14],
		['(2+3)*4', '((2 + 3) * 4)', 20],
		['4-5+6', '((4 - 5) + 6)', 5],
		['8/4/2', '((8 / 4) / 2)', 1],
		['-2^2', '(- (2 ^ 2))', -4],
		['2^3^2', '(2 ^ (3 ^ 2))', 512],
		['2^-1', '(2 ^ (- 1))', 0.5],
		['2*3^2', '(2 * (3 ^ 2))', 18],
		['- -3', '(- (- 3))', 3],
		['+4', '(+ 4)', 4],
		['7 MOD 3 + 1', '((7 mod 3) + 1)', 2],
		['2 * 7 mod 4', '((2 * 7) mod 4)', 2],
		['1 + 2 < 4', '((1 + 2) < 4)', 1],
		['1 < 2 = 1', '((1 < 2) = 1)', 1]
	])('%s parses as %s and evaluates to %d', (source, structure, value) => {
		expect(parsed(source)).toBe(structure);
		expect(valueOf(source)).toBe(value);
	});
});

describe('IF THEN ELSE', () => {
	it('picks THEN when the condition is non-zero and ELSE when it is zero', () => {
		expect(valueOf('IF 1 THEN 10 ELSE 20')).toBe(10);
		expect(valueOf('IF 0 THEN 10 ELSE 20')).toBe(20);
		expect(valueOf('IF -0.5 THEN 10 ELSE 20')).toBe(10);
	});

	it('nests in THEN and in ELSE', () => {
		expect(parsed('IF a THEN IF b THEN 1 ELSE 2 ELSE 3')).toBe(
			'(if a then (if b then 1 else 2) else 3)'
		);
		expect(valueOf('IF 1 THEN IF 0 THEN 1 ELSE 2 ELSE 3')).toBe(2);
		expect(valueOf('IF 0 THEN 1 ELSE IF 0 THEN 2 ELSE 3')).toBe(3);
		expect(valueOf('IF 0 THEN 1 ELSE IF 1 THEN 2 ELSE 3')).toBe(2);
	});

	it('lets the ELSE branch reach as far as it can', () => {
		expect(parsed('IF c THEN 1 ELSE 2 + 10')).toBe('(if c then 1 else (2 + 10))');
		expect(valueOf('IF 0 THEN 1 ELSE 2 + 10')).toBe(12);
		expect(valueOf('IF 1 THEN 1 ELSE 2 + 10')).toBe(1);
	});

	it('is an expression usable inside arithmetic', () => {
		expect(valueOf('2 * (IF 1 THEN 3 ELSE 4) + 1')).toBe(7);
		expect(valueOf('2 * IF 0 THEN 3 ELSE 4')).toBe(8);
	});

	it('reads its keywords case-insensitively', () => {
		expect(valueOf('if 0 then 1 else 2')).toBe(2);
		expect(valueOf('If 1 Then 1 Else 2')).toBe(1);
	});

	it('accepts the function form IF_THEN_ELSE(c, a, b)', () => {
		expect(valueOf('IF_THEN_ELSE(0, 1, 2)')).toBe(2);
	});
});

describe('logical operators (XMILE 1.0 §3.3.1: true is non-zero, results are 1 or 0)', () => {
	it.each([
		['1 AND 0', 0],
		['2 AND 3', 1],
		['0 OR 0', 0],
		['0 OR 5', 1],
		['NOT 0', 1],
		['NOT 3', 0],
		['not not 7', 1],
		// AND binds tighter than OR.
		['1 OR 0 AND 0', 1],
		['0 AND 0 OR 1', 1],
		// Comparisons bind tighter than AND.
		['1 = 1 AND 2 <> 3', 1],
		['1 = 2 OR 2 <> 2', 0]
	])('%s = %d', (source, value) => {
		expect(valueOf(source)).toBe(value);
	});

	it('groups AND above OR in the tree', () => {
		expect(parsed('a OR b AND c')).toBe('(a or (b and c))');
	});
});

describe('comparisons', () => {
	it.each([
		['3 = 3', 1],
		['3 = 4', 0],
		['3 <> 4', 1],
		['3 <> 3', 0],
		['2 < 3', 1],
		['3 <= 3', 1],
		['3 > 3', 0],
		['3 >= 3', 1]
	])('%s = %d', (source, value) => {
		expect(valueOf(source)).toBe(value);
	});

	it('reads = as a comparison, not an assignment', () => {
		expect(parsed('a = b')).toBe('(a = b)');
	});
});

describe('MOD', () => {
	it('is an operator between operands', () => {
		expect(parsed('a MOD b')).toBe('(a mod b)');
		expect(valueOf('7 MOD 3')).toBe(1);
	});

	it('is a name in a value position, so a variable may be called mod', () => {
		expect(parsed('mod + 1')).toBe('(mod + 1)');
		expect(parsed('mod mod 3')).toBe('(mod mod 3)');
		const { get } = simulate(model([aux('mod', '10'), aux('y', 'mod mod 4 + mod')], { stop: 0 }));
		expect(get('y')[0]).toBe(12);
	});

	it('is a function when called', () => {
		expect(parsed('MOD(7, 3)')).toBe('mod(7, 3)');
		expect(valueOf('MOD(7, 3)')).toBe(1);
	});
});

describe('names', () => {
	it('reads a quoted name with spaces as one name', () => {
		expect(parsed('"Teacup Temperature" - 1')).toBe('(teacup_temperature - 1)');
	});

	it('resolves spaces, underscores and case alike (XMILE 1.0 identifiers; DESIGN.md)', () => {
		const { get } = simulate(
			model(
				[
					aux('Teacup Temperature', '70'),
					aux('a', 'Teacup_Temperature'),
					aux('b', '"teacup temperature"'),
					aux('c', 'TEACUP_TEMPERATURE'),
					aux('d', '"Teacup_Temperature" + teacup_temperature')
				],
				{ stop: 0 }
			)
		);
		expect([get('a')[0], get('b')[0], get('c')[0], get('d')[0]]).toEqual([70, 70, 70, 140]);
	});

	it('lets a quoted name be a keyword', () => {
		const { get } = simulate(model([aux('if', '3'), aux('y', '"if" * 2')], { stop: 0 }));
		expect(get('y')[0]).toBe(6);
	});

	it('parses calls with no, one and many arguments', () => {
		expect(parsed('PI()')).toBe('pi()');
		expect(parsed('MAX(1, a, 2 + 3)')).toBe('max(1, a, (2 + 3))');
	});
});

describe('comments and numbers', () => {
	it('ignores {comments}', () => {
		expect(valueOf('{the base} 2 {times} * 3 {done}')).toBe(6);
	});

	it.each([
		['1e-3', 0.001],
		['.5', 0.5],
		['3.', 3],
		['2.5E2', 250],
		['1e+2', 100]
	])('reads %s as %d', (source, value) => {
		expect(valueOf(source)).toBe(value);
	});
});

describe('subscripts', () => {
	it.each([
		['x[1, *]', 'x[1, *]'],
		['x[@2, @1]', 'x[@2, @1]'],
		['x[2:n - 1]', 'x[:(2, (n - 1))]'],
		["a'", "a'"],
		["x[Region]'^2", "(x[region]' ^ 2)"]
	])('%s parses as %s', (source, shape) => {
		expect(parsed(source)).toBe(shape);
	});

	it('refuses @ outside a subscript, and @ without a number', () => {
		expect(parseError('a @ b').message).toContain('"@"');
		expect(parseError('x[@b]').message).toBe(
			'expected a dimension number after "@", as in @1, but found name "b"'
		);
	});
});

describe('errors carry the position of the problem', () => {
	it('unclosed parenthesis: at the end of the equation', () => {
		const e = parseError('(1 + 2');
		expect([e.start, e.end]).toEqual([6, 6]);
		expect(e.message).toContain(')');
	});

	it('unclosed call: at the end of the equation', () => {
		const e = parseError('MAX(1, 2');
		expect([e.start, e.end]).toEqual([8, 8]);
	});

	it('missing ELSE: where ELSE should be', () => {
		const e = parseError('IF a THEN 2');
		expect([e.start, e.end]).toEqual([11, 11]);
		expect(e.message).toMatch(/ELSE/);
		const f = parseError('IF a THEN 2 + 3 4');
		expect([f.start, f.end]).toEqual([16, 17]);
	});

	it('missing THEN: at the token found instead', () => {
		const e = parseError('IF a ELSE 2');
		expect([e.start, e.end]).toEqual([5, 9]);
		expect(e.message).toMatch(/THEN/);
	});

	it('unexpected character: at that character', () => {
		const e = parseError('a + b ? 2');
		expect([e.start, e.end]).toEqual([6, 7]);
		expect(e.message).toContain('?');
	});

	it('empty equation, or only a comment', () => {
		expect(parseError('').message).toMatch(/empty/);
		expect(parseError('   ').message).toMatch(/empty/);
		expect(parseError('{just a note}').message).toMatch(/empty/);
	});

	it('unclosed quote: from the opening quote to the end', () => {
		const e = parseError('2 * "Room Temp');
		expect([e.start, e.end]).toEqual([4, 14]);
		expect(e.message).toMatch(/quote|"/);
	});

	it('dangling operator: at the end', () => {
		const e = parseError('a * ');
		expect([e.start, e.end]).toEqual([4, 4]);
	});

	it('two values in a row: at the second', () => {
		const e = parseError('a b');
		expect([e.start, e.end]).toEqual([2, 3]);
	});

	it('stray closing parenthesis: at it', () => {
		const e = parseError('(a))');
		expect([e.start, e.end]).toEqual([3, 4]);
	});

	it('passes the position through compileModel as the diagnostic range', () => {
		const [d] = compileErrors(model([aux('x', '1 + (2 * 3')]));
		expect(d).toMatchObject({ severity: 'error', variable: 'x', start: 10, end: 10 });
	});
});
