/**
 * Which saved times a chart's CSV has a row for: every one, or one per month, quarter or
 * (financial) year. A period's row is the saved time nearest the period's start, and the file says
 * that time, so nothing is interpolated: every number in it is one the model produced.
 */
import { dateAfter, periodStarts, type CalendarPeriod } from '../model/calendar';
import type { SimSpecs } from '../model/types';
import { toCsv, type CsvCell } from '../results/csv';
import { daysIn } from '../model/time-units';

export type CsvRows = 'saved' | CalendarPeriod;

export const CSV_ROW_NAMES: Record<CsvRows, string> = {
	saved: 'Each saved time',
	month: 'Each month',
	quarter: 'Each quarter',
	year: 'Each year'
};

type Specs = Pick<SimSpecs, 'start' | 'stop' | 'timeUnits' | 'startDate'>;

/** The periods a model's time can be cut into: by its calendar, or by the length of its time unit. */
export function csvRowChoices(specs: Specs): CsvRows[] {
	const unit = daysIn(specs.timeUnits);
	if (unit === undefined) return ['saved'];
	const run = (specs.stop - specs.start) * unit;
	const periods: [CalendarPeriod, number][] = [
		['month', 365 / 12],
		['quarter', 365 / 4],
		['year', 365]
	];
	// A period as long as the time unit or longer than the run would give a row per save, or one.
	return [
		'saved',
		...periods.filter(([, days]) => days > unit && days <= run).map(([period]) => period)
	];
}

/** The model times each period starts at, in the run (start and end included). */
function periodTimes(specs: Specs, period: CalendarPeriod): number[] {
	const { start, stop, startDate, timeUnits } = specs;
	const calendar = periodStarts(startDate, timeUnits, 0, stop - start, period);
	if (calendar.length || (startDate && dateAfter(startDate, timeUnits, 0)))
		return [start, ...calendar.map((t) => start + t), stop];
	const step = { month: 365 / 12, quarter: 365 / 4, year: 365 }[period] / daysIn(timeUnits)!;
	const out: number[] = [];
	for (let k = 0; start + k * step <= stop + 1e-9 * step; k++) out.push(start + k * step);
	return [...out, stop];
}

/** Indices of the saved times a CSV keeps, in order, each once. */
export function csvRowIndices(times: ArrayLike<number>, specs: Specs, rows: CsvRows): number[] {
	if (rows === 'saved' || times.length === 0) return Array.from(times, (_, i) => i);
	const kept = new Set<number>();
	let i = 0;
	for (const t of periodTimes(specs, rows)) {
		while (i + 1 < times.length && Math.abs(times[i + 1] - t) <= Math.abs(times[i] - t)) i++;
		kept.add(i);
	}
	return [...kept].sort((a, b) => a - b);
}

/**
 * A chart's data as CSV: time in the model's own units ("time (day)"), a date column (yyyy-mm-dd,
 * which spreadsheets read as a date) when the model has a start date, then one column per line.
 */
export function timedCsv(
	specs: Specs,
	times: ArrayLike<number>,
	series: readonly { label: string; values: ArrayLike<number> }[],
	rows: CsvRows = 'saved'
): string {
	const keep = csvRowIndices(times, specs, rows);
	const dateOf = (t: number) =>
		dateAfter(specs.startDate, specs.timeUnits, t - specs.start)
			?.toISOString()
			.slice(0, 10);
	const dated = keep.length > 0 && keep.every((i) => dateOf(times[i]) !== undefined);
	const header = [
		specs.timeUnits ? `time (${specs.timeUnits})` : 'time',
		...(dated ? ['date'] : []),
		...series.map((s) => s.label)
	];
	return toCsv([
		header,
		...keep.map((i): CsvCell[] => [
			times[i],
			...(dated ? [dateOf(times[i])!] : []),
			...series.map((s) => s.values[i])
		])
	]);
}
