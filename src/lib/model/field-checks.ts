/**
 * The checks every field of a notebook file gets: where it is (its path, for the line, and how a
 * message names it: `model.variables[3] ("Heat Loss").equation`) and whether it has the right
 * shape, each failure a diagnostic on the field's line. document-checks.ts uses them field by field.
 */
import type { Diagnostic } from './diagnostics';

export type Json = Record<string, unknown>;
export type Path = Array<string | number>;
/** A field: its path in the JSON (for the line) and how a message names it. */
export interface Place {
	path: Path;
	label: string;
}

export const ROOT: Place = { path: [], label: '' };
export const isObject = (x: unknown): x is Json =>
	typeof x === 'object' && x !== null && !Array.isArray(x);
export const isFiniteNumber = (x: unknown): x is number =>
	typeof x === 'number' && Number.isFinite(x);

/** `model.variables[3] ("Heat Loss")`: the place of a child, with a name for the reader when it has one. */
export function at(place: Place, key: string | number, name?: unknown): Place {
	let label =
		typeof key === 'number'
			? `${place.label}[${key}]`
			: place.label
				? `${place.label}.${key}`
				: key;
	if (typeof name === 'string' && name.trim()) label += ` (${JSON.stringify(name)})`;
	return { path: [...place.path, key], label };
}

/** A value as a message quotes it: short, and never the whole of a large object. */
export function shown(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

export const quoteList = (items: readonly string[]) =>
	items.length === 1
		? `"${items[0]}"`
		: `${items
				.slice(0, -1)
				.map((i) => `"${i}"`)
				.join(', ')} or "${items[items.length - 1]}"`;

export class Checks {
	readonly diagnostics: Diagnostic[] = [];

	constructor(private readonly lineOf: (path: Path) => number | undefined = () => undefined) {}

	error(place: Place, message: string): void {
		this.add('error', place, message);
	}

	warning(place: Place, message: string): void {
		this.add('warning', place, message);
	}

	private add(severity: Diagnostic['severity'], place: Place, message: string): void {
		const d: Diagnostic = { severity, message };
		const line = this.lineOf(place.path);
		if (line !== undefined) d.line = line;
		this.diagnostics.push(d);
	}

	/** `label must be text`, saying what it is instead when it is there. */
	private wrong(place: Place, value: unknown, what: string): undefined {
		this.error(
			place,
			`${place.label} must be ${what}${value === undefined ? '' : ` (it is ${shown(value)})`}`
		);
		return undefined;
	}

	object(value: unknown, place: Place): Json | undefined {
		return isObject(value) ? value : this.wrong(place, value, 'an object');
	}

	list(value: unknown, place: Place, optional = false): unknown[] | undefined {
		if (value === undefined && optional) return undefined;
		return Array.isArray(value) ? value : this.wrong(place, value, 'a list');
	}

	text(
		owner: Json,
		key: string,
		place: Place,
		options: { optional?: boolean; nonEmpty?: boolean } = {}
	): string | undefined {
		const value = owner[key];
		const here = at(place, key);
		if (value === undefined && options.optional) return undefined;
		if (typeof value !== 'string') return this.wrong(here, value, 'text');
		if (options.nonEmpty && !value.trim())
			return this.wrong(here, undefined, 'text that is not blank');
		return value;
	}

	number(owner: Json, key: string, place: Place, optional = false): number | undefined {
		const value = owner[key];
		if (value === undefined && optional) return undefined;
		return isFiniteNumber(value) ? value : this.wrong(at(place, key), value, 'a number');
	}

	boolean(owner: Json, key: string, place: Place): void {
		if (owner[key] !== undefined && typeof owner[key] !== 'boolean')
			this.wrong(at(place, key), owner[key], 'true or false');
	}

	oneOf(owner: Json, key: string, place: Place, values: readonly string[], optional = false): void {
		const value = owner[key];
		if (value === undefined && optional) return;
		if (!values.includes(value as string)) this.wrong(at(place, key), value, quoteList(values));
	}

	textList(owner: Json, key: string, place: Place, optional = false): string[] {
		const items = this.list(owner[key], at(place, key), optional) ?? [];
		items.forEach((item, i) => {
			if (typeof item !== 'string') this.wrong(at(at(place, key), i), item, 'text');
		});
		return items.filter((i): i is string => typeof i === 'string');
	}

	numberList(owner: Json, key: string, place: Place, optional = false): number[] {
		const items = this.list(owner[key], at(place, key), optional) ?? [];
		items.forEach((item, i) => {
			if (!isFiniteNumber(item)) this.wrong(at(at(place, key), i), item, 'a number');
		});
		return items.filter(isFiniteNumber);
	}

	point(value: unknown, place: Place, optional = false): void {
		if (value === undefined && optional) return;
		const point = this.object(value, place);
		if (point) {
			this.number(point, 'x', place);
			this.number(point, 'y', place);
		}
	}
}
