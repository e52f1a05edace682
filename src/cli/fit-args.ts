/**
 * The arguments calibrate and optimise share: bounds written `name=lo..hi` (a name may hold `=`,
 * so the last one splits), pairs written `column=variable` and numbers, each refused with a
 * message that quotes what was typed.
 */
import { UsageError } from './command-main';

export { UsageError };

export interface Bound {
	name: string;
	min: number;
	max: number;
}

export function parseBound(text: string, option: string): Bound {
	const eq = text.lastIndexOf('=');
	const name = text.slice(0, eq).trim();
	const match = /^\s*(\S+?)\s*\.\.\s*(\S+)\s*$/.exec(text.slice(eq + 1));
	const min = Number(match?.[1]);
	const max = Number(match?.[2]);
	if (eq < 0 || !name || !match || !Number.isFinite(min) || !Number.isFinite(max))
		throw new UsageError(
			`--${option} needs name=low..high, such as 'growth=0..0.1', not "${text}"`
		);
	if (!(min < max))
		throw new UsageError(
			`--${option} ${name}: the low bound ${min} must be below the high bound ${max}`
		);
	return { name, min, max };
}

export function parsePair(text: string, option: string, shape: string): [string, string] {
	const eq = text.lastIndexOf('=');
	const left = text.slice(0, eq).trim();
	const right = text.slice(eq + 1).trim();
	if (eq < 0 || !left || !right) throw new UsageError(`--${option} needs ${shape}, not "${text}"`);
	return [left, right];
}

export function parseNumber(text: string | undefined, option: string): number | undefined {
	if (text === undefined) return undefined;
	const n = Number(text);
	if (text.trim() === '' || !Number.isFinite(n))
		throw new UsageError(`--${option} needs a number, not "${text}"`);
	return n;
}

/** A number to about 6 significant figures, for tables a person reads. */
export const shortNumber = (x: number) =>
	Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
