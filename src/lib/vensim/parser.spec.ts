/**
 * Precedence as Vensim evaluates it, checked against Vensim's reference output for
 * sdxorg/tests/arithmetics_exp (output.tab, Time 1.1, cons 1.2) and sdxorg/tests/logicals.
 */
import { describe, expect, it } from 'vitest';
import type { VExpr } from './ast';
import { parseExpression } from './parser';

/** Evaluates a parsed expression with the given names, to compare with Vensim's numbers. */
function value(source: string, names: Record<string, number> = {}): number {
	const v = (e: VExpr): number => {
		switch (e.type) {
			case 'number':
				return e.value;
			case 'name':
				return names[e.name.toLowerCase()];
			case 'unary':
				return e.op === '-' ? -v(e.arg) : e.op === '+' ? v(e.arg) : v(e.arg) === 0 ? 1 : 0;
			case 'binary': {
				const [a, b] = [v(e.left), v(e.right)];
				const ops: Record<string, number> = {
					'+': a + b,
					'-': a - b,
					'*': a * b,
					'/': a / b,
					'^': a ** b,
					'=': +(a === b),
					'<>': +(a !== b),
					'<': +(a < b),
					'>': +(a > b),
					and: +(a !== 0 && b !== 0),
					or: +(a !== 0 || b !== 0)
				};
				return ops[e.op];
			}
			default:
				throw new Error(e.type);
		}
	};
	return v(parseExpression(source));
}

describe('Vensim precedence (reference: sdxorg/tests/arithmetics_exp)', () => {
	const names = { cons: 1.2, time: 1.1 };

	it('groups ^ to the right: expo[sub2] = 30^ cons ^ cons = 68.9244', () => {
		expect(value('30^ cons ^ cons', names)).toBeCloseTo(68.9244, 4);
	});

	it('binds ^ tighter than unary minus: expo[sub5] = - Time ^ 30 = -17.4494', () => {
		expect(value('- Time ^ 30', names)).toBeCloseTo(-17.4494, 4);
	});

	it('lets an exponent carry its sign: expo[sub6] = 30^ - 30^-cons = 0.944195', () => {
		expect(value('30^ - 30^-cons', names)).toBeCloseTo(0.944195, 6);
	});

	it('reads combined[sub3] = -cons/(time2^(2+cons)-time3/cons) = -0.123498', () => {
		expect(
			value('-cons/(time2^(2+cons)-time3/cons)', { cons: 1.2, time2: 2.2, time3: 3.3 })
		).toBeCloseTo(-0.123498, 6);
	});
});

describe('logical operators (reference: sdxorg/tests/logicals)', () => {
	it(':AND: :OR: :NOT: with :NOT: looser than comparisons', () => {
		expect(value('true input :AND: false input', { 'true input': 1, 'false input': 0 })).toBe(0);
		expect(value('true input :OR: false input', { 'true input': 1, 'false input': 0 })).toBe(1);
		expect(value(':NOT: false input', { 'false input': 0 })).toBe(1);
		expect(value(':NOT: 1 = 2')).toBe(1);
		expect(value('1 = 1 :AND: 2 > 3 :OR: 1')).toBe(1);
	});
});

describe('calls, subscripts and tables', () => {
	it('reads a function whose name has spaces, with subscripts marked !', () => {
		expect(parseExpression('SUM(x[Region!, Age])')).toEqual({
			type: 'call',
			name: 'SUM',
			subscripts: [],
			start: 0,
			args: [
				{
					type: 'name',
					name: 'x',
					start: 4,
					subscripts: [
						{ name: 'Region', bang: true },
						{ name: 'Age', bang: false }
					]
				}
			]
		});
		expect(parseExpression('IF THEN ELSE(a, b, c)')).toMatchObject({ name: 'IF THEN ELSE' });
	});

	it('reads a table given inline, with its range', () => {
		expect(parseExpression('WITH LOOKUP(Time, ([(0,0)-(2,5)], (0,1), (2,-5)))')).toMatchObject({
			args: [
				{ type: 'name', name: 'Time' },
				{
					type: 'table',
					table: { xs: [0, 2], ys: [1, -5], range: { xMin: 0, yMin: 0, xMax: 2, yMax: 5 } }
				}
			]
		});
	});

	it('says what it expected where it stopped', () => {
		expect(() => parseExpression('a + * b')).toThrow(
			/expected a number, a name or "\(", found "\*"/
		);
		expect(() => parseExpression('MAX(a, b')).toThrow(/to close the arguments of MAX/);
	});
});
