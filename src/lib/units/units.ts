/**
 * The units of a quantity: its dimensions (a power of each base unit) and its size against them
 * (so that "hour/week" keeps its 1/168), for the algebra and for comparison, beside the names as
 * the modeller wrote them, for messages.
 *
 *   patient.over(day).toString() // "patient/day"
 *   bed.equals(patient)          // true where the model declares bed = patient
 *
 * The dimensions are a sparse map, not a mathjs Unit: mathjs gives every new base unit a place in
 * every unit's dimension list and every product a longer list of factors, so 9,000 unit names took
 * minutes and gigabytes, and a 20,000-term product a minute. mathjs still says what its own names
 * mean (see system.ts).
 */

/** A named unit as it appears in messages; `key` groups names that cancel (bed and patient). */
export interface UnitName {
	key: string;
	name: string;
}

interface Term {
	name: string;
	power: number;
}

/** Base dimension → power; a dimension at power 0 is absent. */
export type Dimensions = ReadonlyMap<string, number>;

const TOLERANCE = 1e-9;
const NONE: Dimensions = new Map();

export class Units {
	private constructor(
		readonly dimensions: Dimensions,
		/** The size in the base units: 86,400 for a day against seconds. */
		readonly scale: number,
		private readonly terms: ReadonlyMap<string, Term>
	) {}

	static named(dimensions: Dimensions, scale: number, name: UnitName): Units {
		return new Units(dimensions, scale, new Map([[name.key, { name: name.name, power: 1 }]]));
	}

	static dimensionless(factor = 1): Units {
		return new Units(NONE, factor, new Map());
	}

	/**
	 * The product of units raised to powers, built in one pass: `times` copies its maps, which
	 * made a unit text of 20,000 names quadratic.
	 */
	static product(factors: readonly { units: Units; power: number }[], factor = 1): Units {
		const dimensions = new Map<string, number>();
		const terms = new Map<string, Term>();
		let scale = factor;
		for (const { units, power } of factors) {
			scale *= units.scale ** power;
			for (const [d, p] of units.dimensions)
				dimensions.set(d, (dimensions.get(d) ?? 0) + p * power);
			for (const [key, t] of units.terms) {
				const existing = terms.get(key);
				terms.set(key, {
					name: existing?.name ?? t.name,
					power: (existing?.power ?? 0) + t.power * power
				});
			}
		}
		for (const [d, p] of dimensions) if (Math.abs(p) < TOLERANCE) dimensions.delete(d);
		for (const [key, t] of terms) if (Math.abs(t.power) < TOLERANCE) terms.delete(key);
		return new Units(dimensions, scale, terms);
	}

	/** The same units under another name, for an alias as written ("beds" for "bed"). */
	renamed(name: string): Units {
		if (this.terms.size !== 1) return this;
		const [[key, term]] = this.terms;
		return new Units(this.dimensions, this.scale, new Map([[key, { name, power: term.power }]]));
	}

	/** The same dimensions and size under one name of its own, for a declared unit (bed = patient). */
	as(name: UnitName): Units {
		return Units.named(this.dimensions, this.scale, name);
	}

	/** Whether these units have a name of their own, rather than being a bare number. */
	get hasNames(): boolean {
		return this.terms.size > 0 || this.dimensions.size > 0;
	}

	times(other: Units): Units {
		return new Units(
			merge(this.dimensions, other.dimensions, 1),
			this.scale * other.scale,
			mergeTerms(this.terms, other.terms, 1)
		);
	}

	over(other: Units): Units {
		return new Units(
			merge(this.dimensions, other.dimensions, -1),
			this.scale / other.scale,
			mergeTerms(this.terms, other.terms, -1)
		);
	}

	pow(power: number): Units {
		const dimensions = new Map<string, number>();
		const terms = new Map<string, Term>();
		if (power !== 0) {
			for (const [d, p] of this.dimensions) dimensions.set(d, p * power);
			for (const [key, t] of this.terms) terms.set(key, { name: t.name, power: t.power * power });
		}
		return new Units(dimensions, this.scale ** power, terms);
	}

	/** Same dimensions and the same size: patient/day equals bed/day, but not patient/year. */
	equals(other: Units): boolean {
		const ratio = this.over(other);
		return ratio.dimensions.size === 0 && Math.abs(ratio.scale - 1) <= TOLERANCE;
	}

	/** No dimensions and no scale: hour/week has no dimensions but is 1/168, so it is not dimensionless. */
	get isDimensionless(): boolean {
		return this.dimensions.size === 0 && Math.abs(this.scale - 1) <= TOLERANCE;
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
}

function merge(a: Dimensions, b: Dimensions, sign: 1 | -1): Dimensions {
	if (b.size === 0) return a;
	const out = new Map(a);
	for (const [d, p] of b) {
		const power = (out.get(d) ?? 0) + sign * p;
		if (Math.abs(power) < TOLERANCE) out.delete(d);
		else out.set(d, power);
	}
	return out;
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
