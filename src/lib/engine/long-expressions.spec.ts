/**
 * Equations far longer than people write, as generated models and pasted spreadsheets make them:
 * each compiles and gives the value the operators give one at a time, left to right (before,
 * the compiler's recursion overflowed the stack with no variable named).
 */
import { describe, expect, it } from 'vitest';
import type { BinaryOperator } from './parse/ast';
import { applyBinary } from './evaluate';
import { aux, compiled, model } from './test-models';

/**
 * y's value at each time 0..3, with a = TIME, b = 2 − TIME, p = 1 + TIME/10 and q = 2 − TIME/10,
 * so nothing folds to a constant (and p, q are never 0).
 */
function valuesOf(equation: string): number[] {
	const sim = compiled(
		model(
			[
				aux('a', 'TIME'),
				aux('b', '2 - TIME'),
				aux('p', '1 + TIME / 10'),
				aux('q', '2 - TIME / 10'),
				aux('y', equation)
			],
			{ stop: 3 }
		)
	);
	return Array.from(sim.seriesOf(sim.run(), 'y')!);
}

/** The same chain folded one operator at a time, as XMILE reads it. */
function expected(ops: BinaryOperator[], operands: ((t: number) => number)[]): number[] {
	return [0, 1, 2, 3].map((t) =>
		ops.reduce((acc, op, i) => applyBinary(op, acc, operands[i + 1](t)), operands[0](t))
	);
}

const OPERANDS: Record<string, (t: number) => number> = {
	a: (t) => t,
	b: (t) => 2 - t,
	p: (t) => 1 + t / 10,
	q: (t) => 2 - t / 10
};
/** n operands, alternating the two named, joined by ops (cycled). */
function chain(n: number, ops: BinaryOperator[], [x, y]: [string, string] = ['a', 'b']) {
	const names = Array.from({ length: n }, (_, i) => (i % 2 ? y : x));
	const used = Array.from({ length: n - 1 }, (_, i) => ops[i % ops.length]);
	const equation = names.reduce((s, name, i) => (i ? `${s} ${used[i - 1]} ${name}` : name), '');
	return {
		equation,
		want: expected(
			used,
			names.map((name) => OPERANDS[name])
		)
	};
}

describe('long and deep equations', () => {
	it('compiles a sum of 5,000 terms', () => {
		const { equation, want } = chain(5_000, ['+', '-']);
		expect(valuesOf(equation)).toEqual(want);
	});

	it('compiles a product of 20,000 factors', () => {
		const { equation, want } = chain(20_000, ['*', '/'], ['p', 'p']);
		expect(valuesOf(equation)).toEqual(want);
	});

	it('computes long chains inside long chains, each in its own order', () => {
		const inner = chain(1_200, ['*', '/'], ['p', 'q']);
		const outer = chain(1_500, ['+', '-']);
		// The inner product stands for one term in the middle of the outer sum, and at its end.
		const terms = outer.equation.split(' ');
		terms[1_000] = `(${inner.equation})`;
		terms.push('+', `(${inner.equation})`);
		const want = [0, 1, 2, 3].map((t) => {
			const parts = terms.map((x) => (x in OPERANDS ? OPERANDS[x](t) : x));
			parts[1_000] = inner.want[t];
			parts[parts.length - 1] = inner.want[t];
			let value = parts[0] as number;
			for (let i = 1; i < parts.length; i += 2)
				value = applyBinary(parts[i] as BinaryOperator, value, parts[i + 1] as number);
			return value;
		});
		expect(valuesOf(terms.join(' '))).toEqual(want);
	});

	it('compiles a chain of 2,000 ANDs and of 2,000 ORs', () => {
		const and = Array.from({ length: 2_000 }, (_, i) => `a >= ${i % 3 === 0 ? 0 : 1}`).join(
			' AND '
		);
		expect(valuesOf(`IF ${and} THEN 1 ELSE 0`)).toEqual([0, 1, 1, 1]);
		const or = Array.from({ length: 2_000 }, () => 'a > 2').join(' OR ');
		expect(valuesOf(or)).toEqual([0, 0, 0, 1]);
	});

	it('compiles a chain of 2,000 comparisons, each giving 1 or 0 to the next', () => {
		for (const ops of [['<'], ['<=', '>'], ['='], ['=', '<>']] as BinaryOperator[][]) {
			const { equation, want } = chain(2_000, ops);
			expect(valuesOf(equation), ops.join(' ')).toEqual(want);
		}
	});

	it('keeps the meaning of short chains of comparisons and logic', () => {
		expect(valuesOf('3 > 2 > 1')).toEqual([0, 0, 0, 0]);
		expect(valuesOf('a = a = 1')).toEqual([1, 1, 1, 1]);
		expect(valuesOf('a = a = a')).toEqual([0, 1, 0, 0]);
		expect(valuesOf('a < b = 1')).toEqual([1, 0, 0, 0]);
		expect(valuesOf('a > 0 AND b > 0 OR a = 3')).toEqual([0, 1, 0, 1]);
		expect(valuesOf('a OR b AND 0')).toEqual([0, 1, 1, 1]);
	});
});
