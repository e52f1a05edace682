/**
 * Comparing a model's run with a reference output, the way the conformance README says:
 * columns by name (columns.ts), rows by time within a small tolerance, and each value with
 * PySD's rule |expected − actual| ≤ 1e-5 + 1e-5·|expected|.
 */
import { planColumns } from './columns';
import type { ExpectedOutput } from './expected-output';

export const ABSOLUTE_TOLERANCE = 1e-5;
export const RELATIVE_TOLERANCE = 1e-5;

/** The error a value may have: 1e-5 + 1e-5·|expected|. */
export function allowedError(expected: number): number {
	return ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(expected);
}

/**
 * How far a value is off, as a multiple of its allowed error: ≤ 1 passes. NaN expected matches
 * only NaN; an infinity only the same infinity; a NaN where a number is expected (or the other
 * way round) is infinitely wrong.
 */
export function errorRatio(expected: number, actual: number): number {
	if (Number.isNaN(expected) || Number.isNaN(actual))
		return Number.isNaN(expected) && Number.isNaN(actual) ? 0 : Infinity;
	if (expected === actual) return 0;
	if (!Number.isFinite(expected) || !Number.isFinite(actual)) return Infinity;
	return Math.abs(expected - actual) / allowedError(expected);
}

export function valuesMatch(expected: number, actual: number): boolean {
	return errorRatio(expected, actual) <= 1;
}

/**
 * How far apart a reference time and a model time may be and still be one row. Vensim rounds
 * its time column to 6 significant digits (an error up to 5e-6·|t|); this allows twice that,
 * and never less than 1e-5, which is far below any save step.
 */
export function timeTolerance(t: number): number {
	return 1e-5 * Math.max(1, Math.abs(t));
}

/** Index of the model time nearest `t` within timeTolerance(t), or -1. `times` ascending. */
export function findTimeIndex(times: ArrayLike<number>, t: number): number {
	let lo = 0;
	let hi = times.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (times[mid] < t) lo = mid + 1;
		else hi = mid;
	}
	let best = -1;
	let bestDistance = Infinity;
	for (const i of [lo - 1, lo]) {
		if (i < 0 || i >= times.length) continue;
		const d = Math.abs(times[i] - t);
		if (d < bestDistance) {
			best = i;
			bestDistance = d;
		}
	}
	return best >= 0 && bestDistance <= timeTolerance(t) ? best : -1;
}

/** What the runner needs from a run: RunResult has this shape. */
export interface ModelOutput {
	times: ArrayLike<number>;
	names: readonly string[];
	series: readonly ArrayLike<number>[];
}

export interface WorstValue {
	/** Reference column name as written. */
	column: string;
	time: number;
	expected: number;
	actual: number;
	/** |expected − actual| (Infinity for a NaN on one side only). */
	error: number;
	/** The error allowed at that value: 1e-5 + 1e-5·|expected|. */
	allowed: number;
}

export type FailureKind = 'missing-columns' | 'missing-times' | 'values' | 'nothing-compared';

export interface Comparison {
	ok: boolean;
	/** Why it failed, in a sentence (absent when ok). */
	reason?: string;
	kind?: FailureKind;
	/** The value furthest outside (or, when ok, nearest to) its tolerance. */
	worst?: WorstValue;
	/** The earliest value out of tolerance (first column at that time), where the trouble starts. */
	first?: WorstValue;
	/** Values compared, and how many of them were out of tolerance. */
	compared: number;
	failed: number;
	/** Reference columns compared, and those skipped (control columns the model lacks, ignore_columns). */
	columns: string[];
	skipped: string[];
}

export function formatNumber(x: number): string {
	if (Number.isNaN(x)) return 'NaN';
	if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
	return String(Number(x.toPrecision(10)));
}

function listNames(names: readonly string[], max = 5): string {
	const shown = names.slice(0, max).map((n) => `"${n}"`);
	return names.length > max
		? `${shown.join(', ')} and ${names.length - max} more`
		: shown.join(', ');
}

function describeTimes(times: ArrayLike<number>): string {
	if (times.length === 0) return 'the model saved no rows';
	const first = formatNumber(times[0]);
	const last = formatNumber(times[times.length - 1]);
	const step = times.length > 1 ? `, every ${formatNumber(times[1] - times[0])}` : '';
	return `the model saved ${times.length} row${times.length === 1 ? '' : 's'} from ${first} to ${last}${step}`;
}

/** Compare a run with the reference. Pure: no I/O, no exceptions for bad data. */
export function compareOutput(
	expected: ExpectedOutput,
	output: ModelOutput,
	options: { ignoreColumns?: readonly string[] } = {}
): Comparison {
	const plan = planColumns(expected.columns, output.names, options.ignoreColumns);
	const base = {
		compared: 0,
		failed: 0,
		columns: plan.compared.map((p) => p.column),
		skipped: plan.skipped
	};
	if (plan.missing.length > 0) {
		const s = plan.missing.length === 1 ? '' : 's';
		return {
			...base,
			ok: false,
			kind: 'missing-columns',
			reason: `the model has no output for reference column${s} ${listNames(plan.missing)}`
		};
	}
	if (plan.compared.length === 0) {
		return {
			...base,
			ok: false,
			kind: 'nothing-compared',
			reason: 'no reference column to compare'
		};
	}

	const rows: number[] = [];
	const missingTimes: number[] = [];
	for (const t of expected.times) {
		const i = findTimeIndex(output.times, t);
		if (i < 0) missingTimes.push(t);
		rows.push(i);
	}
	if (missingTimes.length > 0) {
		const shown = missingTimes.slice(0, 3).map(formatNumber).join(', ');
		const more = missingTimes.length > 3 ? ` and ${missingTimes.length - 3} more` : '';
		const s = missingTimes.length === 1 ? '' : 's';
		return {
			...base,
			ok: false,
			kind: 'missing-times',
			reason: `the model did not save reference time${s} ${shown}${more} (${describeTimes(output.times)})`
		};
	}

	let worst: WorstValue | undefined;
	let worstRatio = -1;
	let first: WorstValue | undefined;
	const valueAt = (column: string, r: number, e: number, a: number): WorstValue => ({
		column,
		time: expected.times[r],
		expected: e,
		actual: a,
		error: Number.isNaN(e) !== Number.isNaN(a) ? Infinity : e === a ? 0 : Math.abs(e - a),
		allowed: allowedError(e)
	});
	let compared = 0;
	let failed = 0;
	for (const pair of plan.compared) {
		const ref = expected.values[pair.refIndex];
		const series: ArrayLike<number> = output.series[pair.modelIndex] ?? [];
		for (let r = 0; r < expected.times.length; r++) {
			const e = ref[r];
			if (e === null) continue;
			const a = series[rows[r]] ?? NaN;
			const ratio = errorRatio(e, a);
			compared++;
			if (ratio > 1) {
				failed++;
				if (!first || expected.times[r] < first.time) first = valueAt(pair.column, r, e, a);
			}
			if (ratio > worstRatio) {
				worstRatio = ratio;
				worst = valueAt(pair.column, r, e, a);
			}
		}
	}
	if (compared === 0) {
		return {
			...base,
			ok: false,
			kind: 'nothing-compared',
			reason: 'the reference has no values to compare'
		};
	}
	if (failed > 0 && worst && first) {
		const sameAsWorst = first.column === worst.column && first.time === worst.time;
		const start = sameAsWorst
			? ''
			: `, the first at time ${formatNumber(first.time)} in "${first.column}"`;
		return {
			...base,
			compared,
			failed,
			worst,
			first,
			ok: false,
			kind: 'values',
			reason: `${describeWorst(worst)} (${failed} of ${compared} values out of tolerance${start})`
		};
	}
	return { ...base, compared, failed, worst, ok: true };
}

/** `worst column "X" at time T expected E got A (error 1.2e-3, allowed 1.1e-5)` */
export function describeWorst(w: WorstValue): string {
	return (
		`worst column "${w.column}" at time ${formatNumber(w.time)} expected ${formatNumber(w.expected)} ` +
		`got ${formatNumber(w.actual)} (error ${formatError(w.error)}, allowed ${formatError(w.allowed)})`
	);
}

/** Three significant digits; exponent form when very small or large. */
export function formatError(x: number): string {
	if (!Number.isFinite(x)) return formatNumber(x);
	const a = Math.abs(x);
	return a !== 0 && (a < 1e-3 || a >= 1e6) ? x.toExponential(2) : x.toPrecision(3);
}
