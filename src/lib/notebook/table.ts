/** The board view's numbers: a series' value at chosen times, its total or average over a period, and its peak. */
import { toCsv, type CsvCell } from '../results/csv';
import type { Treatment } from './totals';

export interface Summary {
	at: number[];
	/** The output summed up over the period, as its treatment says. */
	over: number;
	peak: number;
}

/** The period a table sums up, in model time, and how this output is summed up over it. */
export interface Period {
	from: number;
	to: number;
	treatment: Treatment;
	/** For a total: what one model time unit is in the rate's own time (a day is 1/365 of a year). */
	factor?: number;
}

/**
 * Values at model times `at` (the saved row nearest each), the output over the period and its
 * peak. A total adds value × interval over the saved rows from `from` up to `to` (the left sum,
 * which is what Euler integration adds to a stock, so the total of a flow equals the change it
 * makes); an average is that sum over the period's length; an end value is read at `to`.
 */
export function summarise(
	times: ArrayLike<number>,
	values: ArrayLike<number>,
	at: readonly number[],
	period: Period
): Summary {
	const n = Math.min(times.length, values.length);
	const step = n > 1 ? times[1] - times[0] : 1;
	let sum = 0;
	let peak = -Infinity;
	const tolerance = step * 1e-9;
	for (let i = 0; i < n; i++) {
		const t = times[i];
		if (t >= period.from - tolerance && t < period.to - tolerance && i < n - 1)
			sum += values[i] * step;
		if (values[i] > peak) peak = values[i];
	}
	const nearest = (t: number) => {
		if (n === 0) return NaN;
		const i = Math.round((t - times[0]) / step);
		return i >= 0 && i < n ? values[i] : NaN;
	};
	const length = period.to - period.from;
	const over =
		n === 0
			? NaN
			: period.treatment === 'end'
				? nearest(period.to)
				: period.treatment === 'total'
					? sum * (period.factor ?? 1)
					: length > 0
						? sum / length
						: nearest(period.from);
	return { at: at.map(nearest), over, peak: n ? peak : NaN };
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
	/** How the column over the period sums it up: "Total (patient)", "Average", "At the end". */
	over?: string;
	/** One per scenario, baseline first; a scenario not run yet has no summary. */
	summaries: { scenario: string; summary: Summary | undefined }[];
}

/** A summary's cells in column order: the values at the chosen times, the total, the peak. */
export function summaryCells(s: Summary): number[] {
	return [...s.at, s.over, s.peak];
}

/**
 * The table as CSV, one line per output and scenario run: its values under `columns`, then each
 * one's difference from the baseline (the first scenario), NaN where there is no baseline run.
 */
export function scenarioTableCsv(columns: readonly string[], rows: readonly TableRow[]): string {
	const lines: CsvCell[][] = [
		['output', 'scenario', 'over the period', ...columns, ...columns.map((c) => `${c} difference`)]
	];
	for (const { label, over, summaries } of rows) {
		const base = summaries[0]?.summary;
		const baseCells = base && summaryCells(base);
		for (const { scenario, summary } of summaries) {
			if (!summary) continue;
			const values = summaryCells(summary);
			const diffs = values.map((v, i) => (baseCells ? v - baseCells[i] : NaN));
			lines.push([label, scenario, over ?? '', ...values, ...diffs]);
		}
	}
	return toCsv(lines);
}
