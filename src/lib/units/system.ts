/**
 * The units one model speaks, built on its own mathjs instance so that one model's `bed = patient`
 * never leaks into another's:
 * - time units (day, week, month, year, hour, minute, second) in any case and in Stella's plural
 *   forms ("Days", "Months"), as mathjs defines them;
 * - the units the model declares (XMILE `<model_units>`): one with an equation that is another
 *   unit becomes a mathjs unit defined as that ("bed" = "patient"), one without is a new base unit;
 * - any other name mathjs knows (kg, m, degrees) is mathjs's, and every name it does not know
 *   (patient, FTE, GBP, Widgets) becomes a new base unit the first time it is seen;
 * - "1", "dimensionless", "unitless", "dmnl" and empty text mean no units.
 *
 *   const system = new UnitSystem([{ name: 'bed', equation: 'patient' }]);
 *   system.parse('bed/Days').equals(system.parse('patient/day')) // true
 */
import { create, createUnitDependencies, unitDependencies, type Unit } from 'mathjs';
import type { UnitDefinition } from '../model/types';
import { parseUnitText, UnitSyntaxError } from './syntax';
import { Units, type Scalar } from './units';

const TIME_UNITS: Record<string, string[]> = {
	second: ['s', 'sec', 'secs', 'second', 'seconds'],
	minute: ['min', 'mins', 'minute', 'minutes'],
	hour: ['h', 'hr', 'hrs', 'hour', 'hours'],
	day: ['d', 'day', 'days'],
	week: ['wk', 'wks', 'week', 'weeks'],
	month: ['mo', 'mon', 'month', 'months'],
	year: ['yr', 'yrs', 'year', 'years']
};
const TIME_NAMES = new Map(
	Object.entries(TIME_UNITS).flatMap(([unit, names]) => names.map((n) => [n, unit] as const))
);
const DIMENSIONLESS = new Set(['', '1', 'dimensionless', 'unitless', 'dmnl', 'none']);

/** How names compare: case-insensitive, with spaces and underscores alike. */
export function unitKey(name: string): string {
	return name
		.trim()
		.replace(/[\s_]+/g, ' ')
		.toLowerCase();
}

/** Systems by the declarations they were made from: a mathjs instance takes tens of milliseconds to make. */
const recent = new Map<string, UnitSystem>();
const RECENT_LIMIT = 16;

export class UnitSystem {
	/** The system for these declarations, shared with earlier calls that declared the same units. */
	static for(declarations: readonly UnitDefinition[] = []): UnitSystem {
		const key = JSON.stringify(declarations.map((d) => [d?.name, d?.equation, d?.aliases]));
		let system = recent.get(key);
		if (system) recent.delete(key);
		else system = new UnitSystem(declarations);
		recent.set(key, system);
		if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
		return system;
	}

	readonly #math = create({ createUnitDependencies, unitDependencies });
	readonly #scalar: Scalar;
	readonly #dimensionless: Units;
	readonly #declared = new Map<string, UnitDefinition>();
	readonly #byName = new Map<string, Units>();
	readonly #byDeclaration = new Map<string, Units>();
	readonly #baseIds = new Map<string, string>();
	readonly #parsed = new Map<string, Units | UnitSyntaxError>();
	readonly #resolving = new Set<string>();
	#custom = 0;

	constructor(declarations: readonly UnitDefinition[] = []) {
		const UnitClass = this.#math.Unit as unknown as new (value: number) => Unit;
		this.#scalar = (value) => new UnitClass(value);
		this.#dimensionless = Units.dimensionless(this.#scalar);
		for (const d of declarations) {
			if (typeof d?.name !== 'string' || !d.name.trim()) continue;
			const aliases = Array.isArray(d.aliases)
				? d.aliases.filter((a) => typeof a === 'string')
				: [];
			for (const name of [d.name, ...aliases]) {
				const key = unitKey(name);
				if (key && !this.#declared.has(key)) this.#declared.set(key, d);
			}
		}
	}

	get dimensionless(): Units {
		return this.#dimensionless;
	}

	/** The units a text names; throws UnitSyntaxError when the text is not a unit expression. Cached. */
	parse(text: string): Units {
		let found = this.#parsed.get(text);
		if (!found) {
			try {
				found = this.#evaluate(text);
			} catch (e) {
				if (!(e instanceof UnitSyntaxError)) throw e;
				found = e;
			}
			this.#parsed.set(text, found);
		}
		if (found instanceof UnitSyntaxError) throw found;
		return found;
	}

	#evaluate(text: string): Units {
		if (DIMENSIONLESS.has(unitKey(text))) return this.dimensionless;
		const { factor, terms } = parseUnitText(text);
		let units = Units.dimensionless(this.#scalar, factor);
		for (const term of terms) units = units.times(this.#name(term.name).pow(term.power));
		return units;
	}

	/** One name, shown as written; names that differ only in case or plural share one mathjs unit. */
	#name(written: string): Units {
		const name = written.trim();
		let units = this.#byName.get(name);
		if (!units) {
			units = this.#resolve(name);
			this.#byName.set(name, units);
		}
		return units;
	}

	#resolve(name: string): Units {
		const key = unitKey(name);
		if (DIMENSIONLESS.has(key)) return this.dimensionless;
		const declared = this.#declared.get(key);
		if (declared) return this.#declaredUnit(declared).renamed(name);
		const time = TIME_NAMES.get(key);
		if (time) return this.#named(this.#unit(time), time, name);
		if (this.#math.Unit.isValuelessUnit(name)) return this.#named(this.#unit(name), key, name);
		return this.#named(this.#baseUnit(key), key, name);
	}

	/**
	 * A unit the model declares, shown by its declared name. Without an equation it is a base
	 * unit (or a time unit: Stella lists "Months" among its units); bed = patient makes a mathjs
	 * unit defined as patient, which cancels with patient in messages too.
	 */
	#declaredUnit(declared: UnitDefinition): Units {
		const name = declared.name.trim();
		const key = unitKey(name);
		const known = this.#byDeclaration.get(key);
		if (known) return known;
		if (this.#resolving.has(key))
			throw new UnitSyntaxError(`the unit "${name}" is defined in terms of itself`);
		this.#resolving.add(key);
		try {
			const units = this.#defineDeclared(declared, name, key);
			this.#byDeclaration.set(key, units);
			return units;
		} finally {
			this.#resolving.delete(key);
		}
	}

	#defineDeclared(declared: UnitDefinition, name: string, key: string): Units {
		const equation = typeof declared.equation === 'string' ? declared.equation.trim() : '';
		if (DIMENSIONLESS.has(unitKey(equation))) {
			if (equation) return this.dimensionless;
			const time = TIME_NAMES.get(key);
			return time
				? this.#named(this.#unit(time), time, name)
				: this.#named(this.#baseUnit(key), key, name);
		}
		const definition = this.parse(equation);
		if (definition.unit.units.length === 0) return definition;
		const id = this.#newId();
		this.#math.createUnit(id, { definition: definition.unit } as never);
		const { factor, terms } = parseUnitText(equation);
		const plainAlias = factor === 1 && terms.length === 1 && terms[0].power === 1;
		return this.#named(this.#unit(id), plainAlias ? this.#cancelKey(terms[0].name) : key, name);
	}

	/** The key an alias cancels under in messages: that of the unit at the end of its alias chain. */
	#cancelKey(name: string): string {
		let key = unitKey(name);
		const seen = new Set<string>();
		for (
			let declared = this.#declared.get(key);
			declared && !seen.has(key);
			declared = this.#declared.get(key)
		) {
			seen.add(key);
			key = unitKey(declared.name);
			const equation = typeof declared.equation === 'string' ? declared.equation.trim() : '';
			if (!equation) break;
			try {
				const { factor, terms } = parseUnitText(equation);
				if (factor !== 1 || terms.length !== 1 || terms[0].power !== 1) break;
				key = unitKey(terms[0].name);
			} catch {
				break;
			}
		}
		return TIME_NAMES.get(key) ?? key;
	}

	/** A new mathjs base unit for a name mathjs does not know, one per key. */
	#baseUnit(key: string): Unit {
		let id = this.#baseIds.get(key);
		if (!id) {
			id = this.#newId();
			this.#math.createUnit(id);
			this.#baseIds.set(key, id);
		}
		return this.#unit(id);
	}

	#named(unit: Unit, key: string, name: string): Units {
		return Units.named(unit, { key, name }, this.#scalar);
	}

	#unit(name: string): Unit {
		return this.#math.Unit.parse(`1 ${name}`);
	}

	/** mathjs unit names must be alphanumeric; model unit names are not ("Degrees Fahrenheit", "$"). */
	#newId(): string {
		return `flowbookUnit${this.#custom++}`;
	}
}
