import type { PureBuiltin } from './types';

function pure(
	name: string,
	signature: string,
	args: [number, number],
	evaluate: (...a: number[]) => number,
	emit?: (a: string[]) => string,
	aliases?: string[]
): PureBuiltin {
	return {
		kind: 'pure',
		name,
		signature,
		minArgs: args[0],
		maxArgs: args[1],
		evaluate,
		emit,
		aliases
	};
}

const unaryMath = (
	name: string,
	signature: string,
	f: (x: number) => number,
	js: string,
	aliases?: string[]
) => pure(name, signature, [1, 1], f, (a) => `${js}(${a[0]})`, aliases);

/** Floor modulo: the result takes the divisor's sign (Stella MOD, Vensim MODULO, Python %). */
export function floorMod(a: number, b: number): number {
	return a - b * Math.floor(a / b);
}

export const mathBuiltins: PureBuiltin[] = [
	unaryMath('abs', 'ABS(x): absolute value', Math.abs, 'Math.abs'),
	unaryMath('sqrt', 'SQRT(x): square root', Math.sqrt, 'Math.sqrt'),
	unaryMath('exp', 'EXP(x): e to the power x', Math.exp, 'Math.exp'),
	unaryMath('ln', 'LN(x): natural logarithm', Math.log, 'Math.log'),
	unaryMath('log10', 'LOG10(x): base-10 logarithm', Math.log10, 'Math.log10'),
	unaryMath('sin', 'SIN(x): sine of x radians', Math.sin, 'Math.sin'),
	unaryMath('cos', 'COS(x): cosine of x radians', Math.cos, 'Math.cos'),
	unaryMath('tan', 'TAN(x): tangent of x radians', Math.tan, 'Math.tan'),
	unaryMath('arcsin', 'ARCSIN(x): inverse sine, in radians', Math.asin, 'Math.asin'),
	unaryMath('arccos', 'ARCCOS(x): inverse cosine, in radians', Math.acos, 'Math.acos'),
	unaryMath('arctan', 'ARCTAN(x): inverse tangent, in radians', Math.atan, 'Math.atan'),
	unaryMath('sinh', 'SINH(x): hyperbolic sine', Math.sinh, 'Math.sinh'),
	unaryMath('cosh', 'COSH(x): hyperbolic cosine', Math.cosh, 'Math.cosh'),
	unaryMath('tanh', 'TANH(x): hyperbolic tangent', Math.tanh, 'Math.tanh'),
	// XMILE INT is the floor (INT(-2.5) = -3), not truncation.
	unaryMath('int', 'INT(x): the largest whole number not above x', Math.floor, 'Math.floor', [
		'integer'
	]),
	pure(
		'round',
		'ROUND(x): the nearest whole number (halves away from zero)',
		[1, 1],
		(x) => Math.sign(x) * Math.round(Math.abs(x))
	),
	pure(
		'log',
		'LOG(x, base): logarithm of x to the given base',
		[2, 2],
		(x, b) => Math.log(x) / Math.log(b)
	),
	pure(
		'pi',
		'PI(): 3.14159…',
		[0, 0],
		() => Math.PI,
		() => 'Math.PI'
	),
	// Any number of arguments: an array argument arrives as its elements (XMILE 3.7.1.3).
	pure(
		'min',
		'MIN(a, b, …) or MIN(array): the smallest argument or element',
		[1, Infinity],
		Math.min,
		(a) => `Math.min(${a.join(', ')})`,
		['vmin']
	),
	pure(
		'max',
		'MAX(a, b, …) or MAX(array): the largest argument or element',
		[1, Infinity],
		Math.max,
		(a) => `Math.max(${a.join(', ')})`,
		['vmax']
	),
	pure('mod', 'MOD(a, b): remainder of a ÷ b, with the sign of b', [2, 2], floorMod, undefined, [
		'modulo'
	]),
	pure(
		'safediv',
		'SAFEDIV(a, b [, x]): a ÷ b, or x (default 0) when b is 0',
		[2, 3],
		(a, b, x = 0) => (b === 0 ? x : a / b),
		undefined,
		['zidz']
	),
	pure('xidz', 'XIDZ(a, b, x): a ÷ b, or x when b is 0', [3, 3], (a, b, x) => (b === 0 ? x : a / b))
];

/** A math builtin by its canonical name, for builtins built from others (TREND uses SAFEDIV). */
export function mathBuiltin(name: string): PureBuiltin {
	const found = mathBuiltins.find((b) => b.name === name);
	if (!found) throw new Error(`no math builtin ${name}`);
	return found;
}
