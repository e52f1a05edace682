import { describe, expect, it } from 'vitest';
import type { Expr } from '../parse/ast';
import { parseEquation } from '../parse/parser';
import { originalSpan, printExpr, printNumber, type PrintedSpan } from './print';

/** The tree without positions, to compare a parse of the printed text with the original. */
function shape(e: Expr): unknown {
	switch (e.type) {
		case 'number':
			return e.value;
		case 'name':
			return e.canonical;
		case 'unary':
			return [e.op, shape(e.arg)];
		case 'binary':
			return [shape(e.left), e.op, shape(e.right)];
		case 'if':
			return ['if', shape(e.cond), shape(e.then), shape(e.else)];
		case 'call':
			return [e.canonical, ...e.args.map(shape)];
		case 'subscript':
			return [shape(e.target), '[]', ...e.indices.map(shape)];
		case 'transpose':
			return [shape(e.arg), "'"];
	}
}

describe('printing an equation back to text', () => {
	it.each([
		'a - (b - c) * 2 / d ^ 2 ^ 3',
		'-x ^ 2 + NOT y AND z OR w MOD 3 <> 1',
		'IF a >= b THEN SMTH1(x, 3) ELSE "if"',
		'"Beds[North,Old]" * 2 + "say \\"hi\\""',
		"x[1, *] + y[Region]' - 3e-7",
		'SUM(x[2:Stage - 1, @1]) + x[North:South]',
		'1 - 2 - 3 + 4 * 5 / 6 / 7'
	])('%s reads back as the same tree', (source) => {
		const ast = parseEquation(source);
		expect(shape(parseEquation(printExpr(ast)))).toEqual(shape(ast));
	});

	it('writes a sum of thousands of terms flat, so the parser takes it', () => {
		const source = Array.from({ length: 3000 }, (_, i) => `x${i}`).join(' + ');
		const printed = printExpr(parseEquation(source));
		expect(printed.startsWith('(x0 + x1 + ')).toBe(true);
		expect(parseEquation(printed).type).toBe('binary');
	});

	it('writes numbers the lexer reads back exactly, signs and all', () => {
		for (const v of [0.1, 1e21, 1e-7, 123456789.123, -2.5, -0, Infinity, -Infinity]) {
			const back = parseEquation(printNumber(v));
			const value =
				back.type === 'number'
					? back.value
					: back.type === 'unary' && back.arg.type === 'number'
						? -back.arg.value
						: NaN;
			if (Number.isFinite(v)) expect(Object.is(value, v), String(v)).toBe(true);
		}
		expect(printNumber(NaN)).toBe('(0 / 0)');
	});

	it('records where each part came from, so a position in the text maps back', () => {
		const source = 'rate * (Beds + 1)';
		const ast = parseEquation(source);
		const spans: PrintedSpan[] = [];
		const printed = printExpr(ast, spans);
		const at = printed.indexOf('Beds');
		const original = originalSpan(spans, { start: at, end: at + 4 })!;
		expect(source.slice(original.start, original.end)).toBe('Beds');
	});
});
