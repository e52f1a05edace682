/**
 * Operator semantics shared by the compile-time evaluator and (as JavaScript text) the code
 * generator: booleans are 1 and 0, any non-zero number is true.
 */
import { floorMod } from './builtins/math';
import type { BinaryOperator, UnaryOperator } from './parse/ast';

export function applyUnary(op: UnaryOperator, a: number): number {
	if (op === '-') return -a;
	if (op === '+') return a;
	return a === 0 ? 1 : 0;
}

export function applyBinary(op: BinaryOperator, a: number, b: number): number {
	switch (op) {
		case '+':
			return a + b;
		case '-':
			return a - b;
		case '*':
			return a * b;
		case '/':
			return a / b;
		case '^':
			return Math.pow(a, b);
		case 'mod':
			return floorMod(a, b);
		case '=':
			return a === b ? 1 : 0;
		case '<>':
			return a !== b ? 1 : 0;
		case '<':
			return a < b ? 1 : 0;
		case '<=':
			return a <= b ? 1 : 0;
		case '>':
			return a > b ? 1 : 0;
		case '>=':
			return a >= b ? 1 : 0;
		case 'and':
			return a !== 0 && b !== 0 ? 1 : 0;
		case 'or':
			return a !== 0 || b !== 0 ? 1 : 0;
	}
}
