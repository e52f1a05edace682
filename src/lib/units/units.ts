/**
 * The units of a quantity: a mathjs Unit of value 1 (so that "hour/week" keeps its 1/168) for the
 * algebra and for comparison, beside the names as the modeller wrote them, for messages.
 *
 *   patient.over(day).toString() // "patient/day"
 *   bed.equals(patient)          // true where the model declares bed = patient
 */
import type { Unit } from 'mathjs';

/** A named unit as it appears in messages; `key` groups names that cancel (bed and patient). */
export interface UnitName {
	key: string;
	name: string;
}

interface Term {
	name: string;
	power: number;
}

/** Makes a unitless mathjs Unit holding a number, for the dimensionless results mathjs returns as plain numbers. */
export type Scalar = (value: number) => Unit;

const TOLERANCE = 1e-9;

export class Units {
	private constructor(
		readonly unit: Unit,
		private readonly terms: ReadonlyMap<string, Term>,
		private readonly scalar: Scalar
	) {}

	static named(unit: Unit, name: UnitName, scalar: Scalar): Units {
		return new Units(unit, new Map([[name.key, { name: name.name, power: 1 }]]), scalar);
	}

	static dimensionless(scalar: Scalar, factor = 1): Units {
		return new Units(scalar(factor), new Map(), scalar);
	}

	/** The same units under another name, for an alias as written ("beds" for "bed"). */
	renamed(name: string): Units {
		if (this.terms.size !== 1) return this;
		const [[key, term]] = this.terms;
		return new Units(this.unit, new Map([[key, { name, power: term.power }]]), this.scalar);
	}

	times(other: Units): Units {
		return new Units(
			this.#wrap(this.unit.multiply(other.unit)),
			mergeTerms(this.terms, other.terms, 1),
			this.scalar
		);
	}

	over(other: Units): Units {
		return new Units(
			this.#wrap(this.unit.divide(other.unit)),
			mergeTerms(this.terms, other.terms, -1),
			this.scalar
		);
	}

	pow(power: number): Units {
		// mathjs's Unit.pow takes a number at run time; its type declaration says Unit.
		const unit = (this.unit.pow as unknown as (p: number) => Unit | number).call(this.unit, power);
		const terms = new Map<string, Term>();
		if (power !== 0)
			for (const [key, t] of this.terms) terms.set(key, { name: t.name, power: t.power * power });
		return new Units(this.#wrap(unit), terms, this.scalar);
	}

	/** Same dimensions and the same size: patient/day equals bed/day, but not patient/year. */
	equals(other: Units): boolean {
		const ratio = this.unit.divide(other.unit);
		if (typeof ratio === 'number') return Math.abs(ratio - 1) <= TOLERANCE;
		if (ratio.dimensions.some((d) => Math.abs(d) > TOLERANCE)) return false;
		return Math.abs(ratio.value - 1) <= TOLERANCE;
	}

	/** No dimensions and no scale: hour/week has no dimensions but is 1/168, so it is not dimensionless. */
	get isDimensionless(): boolean {
		return (
			this.unit.dimensions.every((d) => Math.abs(d) <= TOLERANCE) &&
			Math.abs(this.unit.value - 1) <= TOLERANCE
		);
	}

	/** "patient/day", "GBP/bed/day", "1/year", "patient*day", "dimensionless". */
	toString(): string {
		const up: string[] = [];
		const down: string[] = [];
		for (const { name, power } of this.terms.values()) {
			const shown = /[\s*/^()]/.test(name) && this.terms.size > 1 ? `(${name})` : name;
			const p = Math.abs(power);
			(power > 0 ? up : down).push(p === 1 ? shown : `${shown}^${round(p)}`);
		}
		if (!up.length && !down.length) return 'dimensionless';
		return (up.length ? up.join('*') : '1') + down.map((d) => `/${d}`).join('');
	}

	#wrap(result: Unit | number): Unit {
		return typeof result === 'number' ? this.scalar(result) : result;
	}
}

function mergeTerms(
	a: ReadonlyMap<string, Term>,
	b: ReadonlyMap<string, Term>,
	sign: 1 | -1
): Map<string, Term> {
	const terms = new Map(a);
	for (const [key, t] of b) {
		const existing = terms.get(key);
		const power = (existing?.power ?? 0) + sign * t.power;
		if (Math.abs(power) < TOLERANCE) terms.delete(key);
		else terms.set(key, { name: existing?.name ?? t.name, power });
	}
	return terms;
}

function round(n: number): string {
	return String(Math.round(n * 1e6) / 1e6);
}
