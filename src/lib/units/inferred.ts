/**
 * What the checker knows about the units of a piece of an equation:
 * - `units`: known units (patient/day, or dimensionless);
 * - `number`: a plain number, dimensionless but free to take the units its context needs, as
 *   XMILE allows (`0` in MAX(0, x), `1` in 1 − fraction); `value` when it is known, for powers;
 * - `unknown`: it depends on a variable with no declared units, so nothing is said about it.
 */
import type { Units } from './units';

export type Inferred =
	{ kind: 'units'; units: Units } | { kind: 'number'; value?: number } | { kind: 'unknown' };

export const UNKNOWN: Inferred = { kind: 'unknown' };

export function number(value?: number): Inferred {
	return { kind: 'number', value };
}

export function known(units: Units): Inferred {
	return { kind: 'units', units };
}

export function unitsOf(a: Inferred): Units | undefined {
	return a.kind === 'units' ? a.units : undefined;
}

/** a × b: a plain number counts as dimensionless. */
export function multiply(a: Inferred, b: Inferred): Inferred {
	if (a.kind === 'unknown' || b.kind === 'unknown') return UNKNOWN;
	if (a.kind === 'number' && b.kind === 'number')
		return number(a.value !== undefined && b.value !== undefined ? a.value * b.value : undefined);
	if (a.kind === 'number') return b;
	if (b.kind === 'number') return a;
	return known(a.units.times(b.units));
}

/** a ÷ b: a plain number counts as dimensionless. */
export function divide(a: Inferred, b: Inferred): Inferred {
	if (a.kind === 'unknown' || b.kind === 'unknown') return UNKNOWN;
	if (a.kind === 'number' && b.kind === 'number')
		return number(a.value !== undefined && b.value !== undefined ? a.value / b.value : undefined);
	if (b.kind === 'number') return a;
	if (a.kind === 'number') return known(b.units.pow(-1));
	return known(a.units.over(b.units));
}

export function power(a: Inferred, p: number): Inferred {
	if (a.kind === 'units') return known(a.units.pow(p));
	if (a.kind === 'number') return number(a.value !== undefined ? a.value ** p : undefined);
	return UNKNOWN;
}
