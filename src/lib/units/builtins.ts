/**
 * The units of each builtin's result, and the units its arguments must have, as Stella and
 * Vensim check them. Keyed by the engine's canonical builtin name (aliases such as SMOOTH for
 * SMTH1 are found through the engine's findBuiltin). A builtin with no rule here gives unknown
 * units, so it is never a false alarm; builtins.spec.ts lists the engine's builtins that lack one.
 */
import { VENSIM_DISTRIBUTIONS, VENSIM_PARAMETERS } from '../engine/random-variates';
import { divide, known, multiply, number, UNKNOWN, type Inferred } from './inferred';
import type { Units } from './units';

/** One call being checked: its arguments' units and ways to warn about them. */
export interface CallUnits {
	/** The function's name as written, upper case, for messages. */
	readonly name: string;
	readonly args: readonly Inferred[];
	/** The model's time unit, when the sim specs give one. */
	readonly time: Units | undefined;
	readonly dimensionless: Units;
	/** Warns if argument i has units other than `expected` (plain numbers and unknowns pass). */
	expect(i: number, expected: Inferred | Units | undefined, role: string): void;
	/** Warns if argument i is not in the model's time unit. */
	expectTime(i: number, role: string): void;
	/** Warns if argument i has units. */
	expectDimensionless(i: number): void;
	/** The units the arguments share, warning at the first that differs. */
	same(indexes: readonly number[]): Inferred;
}

export type UnitRule = (call: CallUnits) => Inferred;

const keep: UnitRule = (c) => c.args[0];

/** Functions of a pure number (EXP, LN, SIN…): the result is dimensionless whatever comes in. */
const ofNumber: UnitRule = (c) => {
	for (let i = 0; i < c.args.length; i++) c.expectDimensionless(i);
	return c.args.every((a) => a.kind === 'number') ? number() : known(c.dimensionless);
};

const perTime = (c: CallUnits): Inferred =>
	c.time ? known(c.dimensionless.over(c.time)) : UNKNOWN;
const time = (c: CallUnits): Inferred => (c.time ? known(c.time) : UNKNOWN);

/** DELAY1(input, delay time [, initial]) and the smooths: the input's units, delayed. */
const delayed =
	(timeRole: string, order?: number): UnitRule =>
	(c) => {
		c.expectTime(1, timeRole);
		let initial = 2;
		if (order !== undefined) {
			c.expectDimensionless(order);
			initial = order + 1;
		}
		c.expect(initial, c.args[0], 'initial value');
		return c.args[0];
	};

const sameAll: UnitRule = (c) => c.same(c.args.map((_, i) => i));

/** a ÷ b, or `x` when b is 0: x must be in a ÷ b's units. */
const safeDivide: UnitRule = (c) => {
	const quotient = divide(c.args[0], c.args[1]);
	c.expect(2, quotient, 'value when dividing by zero');
	return quotient;
};

const dimensionlessFunctions = [
	'exp',
	'ln',
	'log10',
	'log',
	'sin',
	'cos',
	'tan',
	'arcsin',
	'arccos',
	'arctan',
	'sinh',
	'cosh',
	'tanh'
];

export const UNIT_RULES: Readonly<Record<string, UnitRule>> = {
	...Object.fromEntries(dimensionlessFunctions.map((n) => [n, ofNumber])),
	abs: keep,
	int: keep,
	round: keep,
	sqrt: (c) => {
		const x = c.args[0];
		return x.kind === 'units'
			? known(x.units.pow(0.5))
			: x.kind === 'number'
				? number(x.value !== undefined ? Math.sqrt(x.value) : undefined)
				: UNKNOWN;
	},
	pi: () => number(Math.PI),
	min: sameAll,
	max: sameAll,
	// Array functions get the elements as arguments: they share the array's units.
	sum: sameAll,
	mean: sameAll,
	stddev: sameAll,
	prod: (c) => c.args.reduce((a, b) => multiply(a, b)),
	rank: (c) => {
		c.same(c.args.slice(0, -1).map((_, i) => i));
		c.expectDimensionless(c.args.length - 1);
		return known(c.dimensionless);
	},
	mod: (c) => {
		c.same([0, 1]);
		return c.args[0];
	},
	safediv: safeDivide,
	xidz: safeDivide,

	step: (c) => {
		c.expectTime(1, 'time');
		return c.args[0];
	},
	ramp: (c) => {
		c.expectTime(1, 'start time');
		c.expectTime(2, 'end time');
		return c.args[0].kind === 'number' ? c.args[0] : multiply(c.args[0], time(c));
	},
	pulse: (c) => {
		c.expectTime(1, 'first time');
		c.expectTime(2, 'interval');
		return c.args[0].kind === 'number' ? c.args[0] : divide(c.args[0], time(c));
	},

	delay1: delayed('delay time'),
	delay3: delayed('delay time'),
	delayn: delayed('delay time', 2),
	delay: delayed('delay time'),
	smth1: delayed('averaging time'),
	smth3: delayed('averaging time'),
	smthn: delayed('averaging time', 2),
	trend: (c) => {
		c.expectTime(1, 'averaging time');
		c.expect(2, perTime(c), 'initial trend');
		return perTime(c);
	},
	forcst: (c) => {
		c.expectTime(1, 'averaging time');
		c.expectTime(2, 'horizon');
		c.expect(3, perTime(c), 'initial trend');
		return c.args[0];
	},

	init: keep,
	active_initial: (c) => {
		c.expect(1, c.args[0], 'initial value');
		return c.args[0];
	},
	// A sum of the stream's values, discounted and scaled: its units depend on the factor.
	npv: () => UNKNOWN,
	vector_elm_at: (c) => c.args[1] ?? UNKNOWN,
	vector_select_of: () => UNKNOWN,
	vector_sort_position: (c) => known(c.dimensionless),
	previous: (c) => {
		c.expect(1, c.args[0], 'initial value');
		return c.args[0];
	},

	random: (c) => c.same([0, 1]),
	normal: (c) => c.same([0, 1]),
	lognormal: (c) => c.same([0, 1]),
	exprnd: keep,
	poisson: keep,
	triangular: (c) => c.same([0, 1, 2]),
	// The draw is in the units of its bounds, shift and stretch; the distribution's own
	// parameters (order, probability, count, shape) are numbers.
	...Object.fromEntries(
		VENSIM_DISTRIBUTIONS.map((d) => {
			const { parameters, shifted } = VENSIM_PARAMETERS[d];
			const at = 2 + parameters.length;
			const name = `vensim_random_${d.replace(/ /g, '_')}`;
			const rule: UnitRule = shifted
				? (c) => c.same([0, 1, at, at + 1])
				: (c) => c.same([0, 1, 2, 3, 4]);
			return [name, rule];
		})
	),

	// Vensim's variants (engine/builtins/vensim.ts and neighbours).
	vensim_integer: keep,
	vensim_modulo: (c) => {
		c.same([0, 1]);
		return c.args[0];
	},
	quantum: (c) => c.same([0, 1]),
	vensim_pulse: (c) => {
		c.expectTime(0, 'start time');
		c.expectTime(1, 'width');
		return number();
	},
	pulse_train: (c) => {
		for (const [i, role] of ['start time', 'width', 'interval', 'end time'].entries())
			c.expectTime(i, role);
		return number();
	},
	delay_fixed: delayed('delay time'),
	sample_if_true: (c) => c.same([1, 2]),
	// An inverse's units are the reciprocal of its matrix's, per element; an allocation's the requests'.
	invert_matrix: () => UNKNOWN,
	allocate_available_of: (c) => c.args[3] ?? UNKNOWN
};
