/**
 * The units one model speaks, so that one model's `bed = patient` never leaks into another's:
 * - time units (day, week, month, year, hour, minute, second) in any case and in Stella's plural
 *   forms ("Days", "Months"), as mathjs defines them;
 * - the units the model declares (XMILE `<model_units>`): one with an equation that is another
 *   unit is defined as that ("bed" = "patient"), one without is a new base unit;
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
import { Units, type Dimensions } from './units';

/**
 * mathjs, only to say what its own unit names mean. It is never given a unit of ours, so one
 * instance serves every model and never grows.
 */
const math = create({ createUnitDependencies, unitDependencies });

interface MathjsFactor {
	unit: { name: string; value: number; dimensions: number[] };
	prefix: { value: number };
	power: number;
}

/** A name mathjs knows, as dimensions (by mathjs's base dimension) and a size against them. */
function mathjsUnits(name: string): { dimensions: Dimensions; scale: number } {
	const unit: Unit = math.Unit.parse(`1 ${name}`);
	const bases = (math.Unit as unknown as { BASE_DIMENSIONS: string[] }).BASE_DIMENSIONS;
	const dimensions = new Map<string, number>();
	unit.dimensions.forEach((power, i) => {
		if (power !== 0) dimensions.set(bases[i], power);
	});
	// The factor's own scale, not unit.value: that would add a temperature's offset (degF).
	let scale = 1;
	for (const f of unit.units as unknown as MathjsFactor[])
		scale *= (f.unit.value * f.prefix.value) ** f.power;
	return { dimensions, scale };
}

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

/** Systems by the declarations they were made from, so a model checked again reuses its parsed units. */
const recent = new Map<string, UnitSystem>();
const RECENT_LIMIT = 16;
/**
 * A shared system learns every unit text the models it serves use; past this many it is replaced
 * by a fresh one, so checking model after model in one process does not grow memory for ever.
 */
export const SHARED_SYSTEM_LIMIT = 20_000;

export class UnitSystem {
	/** The system for these declarations, shared with earlier calls that declared the same units. */
	static for(declarations: readonly UnitDefinition[] = []): UnitSystem {
		const key = JSON.stringify(declarations.map((d) => [d?.name, d?.equation, d?.aliases]));
		let system = recent.get(key);
		if (system) recent.delete(key);
		if (!system || system.size > SHARED_SYSTEM_LIMIT) system = new UnitSystem(declarations);
		recent.set(key, system);
		if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
		return system;
	}

	readonly #dimensionless = Units.dimensionless();
	readonly #declared = new Map<string, UnitDefinition>();
	readonly #byName = new Map<string, Units>();
	readonly #byDeclaration = new Map<string, Units>();
	readonly #parsed = new Map<string, Units | UnitSyntaxError>();
	readonly #resolving = new Set<string>();

	constructor(declarations: readonly UnitDefinition[] = []) {
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

	/** How many unit texts and names this system has learnt. */
	get size(): number {
		return this.#parsed.size + this.#byName.size;
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
		return Units.product(
			terms.map((term) => ({ units: this.#name(term.name), power: term.power })),
			factor
		);
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
		if (time) return this.#known(time, time, name);
		if (math.Unit.isValuelessUnit(name)) return this.#known(name, key, name);
		return this.#base(key, name);
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
			return time ? this.#known(time, time, name) : this.#base(key, name);
		}
		const definition = this.parse(equation);
		if (!definition.hasNames) return definition;
		const { factor, terms } = parseUnitText(equation);
		const plainAlias = factor === 1 && terms.length === 1 && terms[0].power === 1;
		return definition.as({ key: plainAlias ? this.#cancelKey(terms[0].name) : key, name });
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

	/** A new base unit for a name mathjs does not know: its own dimension, one per key. */
	#base(key: string, name: string): Units {
		return Units.named(new Map([[`unit ${key}`, 1]]), 1, { key, name });
	}

	/** A unit mathjs knows (`mathjsName`), shown as written and cancelling under `key`. */
	#known(mathjsName: string, key: string, name: string): Units {
		const { dimensions, scale } = mathjsUnits(mathjsName);
		return Units.named(dimensions, scale, { key, name });
	}
}
