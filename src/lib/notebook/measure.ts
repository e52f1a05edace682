/**
 * One number from a run, for bars, bridges, tornadoes and equal-cost comparisons: an output's
 * value at a time, or its total or average over the period up to then (summed up as a scenario
 * table's column is, by the output's kind; see totals.ts).
 */
import type { RunResult } from '../engine/api';
import type { FlowbookDocument, TableOutput } from '../model/types';
import { lineValues, resolveSeries, type SeriesLine } from './chart-series';
import { displayTime, plural, singular } from './results';
import { summarise } from './table';
import { rowPeriod, type RowPeriod } from './totals';

export interface Measure {
	output: TableOutput;
	/** "Occupancy", or the label the row gives. */
	name: string;
	/** What the number is: "Occupancy at year 5", "Delayed bed-days, total over years 0–3". */
	label: string;
	/** The line read: an arrayed output is summed over its elements. */
	line: SeriesLine;
	/** The time read, in model time. */
	at: number;
	/** Set when the number sums up the period from the start to `at`. */
	period?: RowPeriod;
	found: boolean;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The time a cell reads, in display time: the one it gives (within the run), else the run's end. */
export function readTime(document: FlowbookDocument, at: number | undefined): number {
	const { start, stop } = document.model.simSpecs;
	const { perUnit } = displayTime(document);
	const t = at ?? stop / perUnit;
	return Math.min(Math.max(t, start / perUnit), stop / perUnit);
}

export function measureOf(
	document: FlowbookDocument,
	entry: string | TableOutput,
	at: number | undefined,
	period = false
): Measure {
	const output = typeof entry === 'string' ? { variable: entry } : entry;
	const model = document.model;
	const single = resolveSeries(model, output.variable);
	// An arrayed output gives one number: the sum over its elements.
	const series =
		single.lines.length > 1
			? resolveSeries(model, { variable: output.variable, sum: true })
			: single;
	const line = series.lines[0] ?? { key: output.variable, label: output.variable, columns: [] };
	const name = output.label ?? (single.lines.length > 1 ? `${series.name} (all)` : line.label);
	const time = displayTime(document);
	const shown = readTime(document, at);
	const unit = time.unit === 'time' ? 'time' : singular(time.unit);
	const start = Number((model.simSpecs.start / time.perUnit).toPrecision(6));
	const when = Number(shown.toPrecision(6));
	const over = period ? rowPeriod(model, output) : undefined;
	const label = over
		? `${name}, ${over.label.toLowerCase()} over ${plural(unit)} ${start}–${when}`
		: `${name} at ${unit} ${when}`;
	return {
		output,
		name,
		label: capital(label),
		line,
		at: shown * time.perUnit,
		...(over && { period: over }),
		found: single.found && series.lines.length > 0
	};
}

/** The measure's number in a run; NaN when the run or its column is missing. */
export function measured(run: RunResult | undefined, m: Measure, from: number): number {
	const values = lineValues(run, m.line);
	if (!run || !values) return NaN;
	const summary = summarise(run.times, values, [m.at], {
		from,
		to: m.at,
		treatment: m.period?.treatment ?? 'end',
		factor: m.period?.factor
	});
	return m.period ? summary.over : summary.at[0];
}
