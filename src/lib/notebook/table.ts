/** The board view's numbers: a series' value at chosen times, its cumulative total and its peak. */
import { toCsv, type CsvCell } from '../results/csv';

export interface Summary {
	at: number[];
	cumulative: number;
	peak: number;
}

/**
 * Values at model times `at` (the saved row nearest each), the total over the run (each saved
 * value times the save interval, in display time units: a cost a year over ten years of days
 * totals in pounds, not pounds × days) and the largest value.
 */
export function summarise(
	times: ArrayLike<number>,
	values: ArrayLike<number>,
	at: readonly number[],
	perUnit = 1
): Summary {
	const n = Math.min(times.length, values.length);
	const step = n > 1 ? times[1] - times[0] : 1;
	let cumulative = 0;
	let peak = -Infinity;
	for (let i = 0; i < n; i++) {
		if (i < n - 1) cumulative += (values[i] * step) / perUnit;
		if (values[i] > peak) peak = values[i];
	}
	const nearest = (t: number) => {
		if (n === 0) return NaN;
		const i = Math.round((t - times[0]) / step);
		return i >= 0 && i < n ? values[i] : NaN;
	};
	return { at: at.map(nearest), cumulative, peak: n ? peak : NaN };
}

/** Whether a difference from the baseline is better, worse or neither. */
export function judge(
	difference: number,
	better: 'higher' | 'lower' | undefined
): 'better' | 'worse' | undefined {
	if (!better || !Number.isFinite(difference) || Math.abs(difference) < 1e-12) return undefined;
	return difference > 0 === (better === 'higher') ? 'better' : 'worse';
}

export interface TableRow {
	/** The output's label as the table shows it. */
	label: string;
	/** One per scenario, baseline first; a scenario not run yet has no summary. */
	summaries: { scenario: string; summary: Summary | undefined }[];
}

/** A summary's cells in column order: the values at the chosen times, the total, the peak. */
export function summaryCells(s: Summary): number[] {
	return [...s.at, s.cumulative, s.peak];
}

/**
 * The table as CSV, one line per output and scenario run: its values under `columns`, then each
 * one's difference from the baseline (the first scenario), NaN where there is no baseline run.
 */
export function scenarioTableCsv(columns: readonly string[], rows: readonly TableRow[]): string {
	const lines: CsvCell[][] = [
		['output', 'scenario', ...columns, ...columns.map((c) => `${c} difference`)]
	];
	for (const { label, summaries } of rows) {
		const base = summaries[0]?.summary;
		const baseCells = base && summaryCells(base);
		for (const { scenario, summary } of summaries) {
			if (!summary) continue;
			const values = summaryCells(summary);
			const diffs = values.map((v, i) => (baseCells ? v - baseCells[i] : NaN));
			lines.push([label, scenario, ...values, ...diffs]);
		}
	}
	return toCsv(lines);
}
