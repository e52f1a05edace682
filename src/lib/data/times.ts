/**
 * A data file's time column in model time: a number is model time as it stands; a date (a
 * spreadsheet date, or text written yyyy-mm-dd) is counted from the model's start date in its
 * time units, as model/calendar.ts counts the other way (part of a month is that share of its days).
 */
import { calendarStep, dateAfter, isIsoDate } from '../model/calendar';

const DAY_MS = 86_400_000;

/** The calendar a model keeps: its start date and time units (SimSpecs). */
export interface Calendar {
	startDate?: string;
	timeUnits?: string;
}

/** Model time on a calendar day, or a sentence saying why it cannot be found. */
export function timeOfDate(date: Date, calendar: Calendar): number | string {
	const step = calendarStep(calendar.timeUnits);
	if (!calendar.startDate || !isIsoDate(calendar.startDate) || !step)
		return 'dates need the model to have a start date and time units of days, weeks, months, quarters or years (Run settings)';
	const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
	const [year, month, dayOfMonth] = calendar.startDate.split('-').map(Number);
	const start = Date.UTC(year, month - 1, dayOfMonth);
	if ('days' in step) return (day - start) / DAY_MS / step.days;
	const at = (months: number) => dateAfter(calendar.startDate, 'month', months)!.getTime();
	let months = (date.getUTCFullYear() - year) * 12 + (date.getUTCMonth() - (month - 1));
	while (at(months) > day) months--;
	while (at(months + 1) <= day) months++;
	const part = (day - at(months)) / (at(months + 1) - at(months));
	return (months + part) / step.months;
}

/** A time cell as model time, or a sentence saying what is wrong with it. */
export function timeOfCell(cell: unknown, calendar: Calendar): number | string {
	if (cell instanceof Date) return timeOfDate(cell, calendar);
	if (typeof cell === 'number') return Number.isFinite(cell) ? cell : `${cell} is not a time`;
	const text = String(cell).trim();
	if (isIsoDate(text)) return timeOfDate(new Date(`${text}T00:00:00Z`), calendar);
	const n = Number(text);
	if (text !== '' && Number.isFinite(n)) return n;
	return `"${text}" is not a time: write model time as a number, or a date as yyyy-mm-dd`;
}
