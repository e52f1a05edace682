/**
 * Vensim's control variables, INITIAL TIME, FINAL TIME, TIME STEP and SAVEPER, are the run's
 * settings, not variables: they become the sim specs, and equations that read them read
 * STARTTIME, STOPTIME and DT (SAVEPER, which XMILE has no name for, becomes its number).
 */
import { canonicalName } from '../model/names';
import type { SimSpecs } from '../model/types';
import type { VExpr } from './ast';
import type { EquationDefinition } from './definitions';
import { VensimReadError } from './errors';

export const CONTROL_NAMES = new Set(['initial_time', 'final_time', 'time_step', 'saveper']);

export interface Controls {
	simSpecs: SimSpecs;
	/** How equations name each control. */
	names: Map<string, string>;
}

export function readControls(definitions: EquationDefinition[]): Controls {
	const byName = new Map(definitions.map((d) => [canonicalName(d.lhs.name), d]));
	const values = new Map<string, number>();
	const valueOf = (key: string, fallback: number, seen: string[] = []): number => {
		if (values.has(key)) return values.get(key)!;
		const d = byName.get(key);
		if (!d) return fallback;
		if (seen.includes(key))
			throw new VensimReadError(`${d.lhs.name} depends on itself`, d.entry.line, d.lhs.name);
		const value = constantValue(d.rhs, (name) => {
			const k = canonicalName(name);
			if (!CONTROL_NAMES.has(k))
				throw new VensimReadError(
					`${d.lhs.name} must be a number or arithmetic on the other control variables, not use ${name}`,
					d.entry.line,
					d.lhs.name
				);
			return valueOf(k, DEFAULTS[k], [...seen, key]);
		});
		if (value === undefined)
			throw new VensimReadError(
				`${d.lhs.name} must be a number, or arithmetic on the other control variables`,
				d.entry.line,
				d.lhs.name
			);
		values.set(key, value);
		return value;
	};
	const start = valueOf('initial_time', DEFAULTS.initial_time);
	const stop = valueOf('final_time', DEFAULTS.final_time);
	const dt = valueOf('time_step', DEFAULTS.time_step);
	const saveStep = valueOf('saveper', dt);
	const timeUnits = unitsOf(byName.get('time_step') ?? byName.get('final_time'));
	const simSpecs: SimSpecs = { start, stop, dt, method: 'euler' };
	if (saveStep !== dt) simSpecs.saveStep = saveStep;
	if (timeUnits) simSpecs.timeUnits = timeUnits;
	const names = new Map([
		['initial_time', 'STARTTIME'],
		['final_time', 'STOPTIME'],
		['time_step', 'DT'],
		['saveper', String(saveStep)]
	]);
	return { simSpecs, names };
}

const DEFAULTS: Record<string, number> = {
	initial_time: 0,
	final_time: 100,
	time_step: 1,
	saveper: 1
};

function unitsOf(d: EquationDefinition | undefined): string | undefined {
	const units = d?.entry.units.replace(/\[.*$/, '').trim();
	return units || undefined;
}

/** Arithmetic on numbers and names the caller knows; undefined for anything else. */
export function constantValue(
	expr: VExpr,
	lookup: (name: string) => number | undefined
): number | undefined {
	switch (expr.type) {
		case 'number':
			return expr.value;
		case 'name':
			return expr.subscripts.length ? undefined : lookup(expr.name);
		case 'unary': {
			const a = constantValue(expr.arg, lookup);
			if (a === undefined) return undefined;
			return expr.op === '-' ? -a : expr.op === '+' ? a : a === 0 ? 1 : 0;
		}
		case 'binary': {
			const a = constantValue(expr.left, lookup);
			const b = constantValue(expr.right, lookup);
			if (a === undefined || b === undefined) return undefined;
			switch (expr.op) {
				case '+':
					return a + b;
				case '-':
					return a - b;
				case '*':
					return a * b;
				case '/':
					return a / b;
				case '^':
					return a ** b;
				default:
					return undefined;
			}
		}
		default:
			return undefined;
	}
}
