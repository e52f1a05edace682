/**
 * Model time as calendar dates, for a model with a start date (SimSpecs.startDate) and a time
 * unit the calendar knows (days, weeks, months, quarters, years). NHS and council plans count in
 * financial years, 1 April to 31 March, written "2026/27".
 *
 * Dates are calendar days in UTC, so a chart drawn in another time zone shows the same days.
 */

/** A time unit as a calendar step: whole months (month, quarter, year) or days (day, week). */
type CalendarStep = { months: number } | { days: number };

const STEPS: Record<string, CalendarStep> = {
	day: { days: 1 },
	week: { days: 7 },
	month: { months: 1 },
	quarter: { months: 3 },
	year: { months: 12 }
};

/** Other ways the same units are written (Stella writes "Days", Vensim "Year"). */
const SPELLINGS: Record<string, string> = {
	d: 'day',
	da: 'day',
	wk: 'week',
	mo: 'month',
	mon: 'month',
	yr: 'year',
	y: 'year',
	a: 'year',
	annum: 'year'
};

/** The calendar step of a time unit ("Days", "month", "yr"), or undefined when it is not one. */
export function calendarStep(timeUnits: string | undefined): CalendarStep | undefined {
	const word = (timeUnits ?? '').trim().toLowerCase().replace(/s$/, '');
	return STEPS[SPELLINGS[word] ?? word];
}

/** Whether text is a real date written yyyy-mm-dd ("2026-02-30" is not). */
export function isIsoDate(text: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return false;
	const date = utcDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	return date.toISOString().slice(0, 10) === text;
}

/** Why a start date cannot be used, or undefined when it can. */
export function startDateProblem(
	startDate: string | undefined,
	timeUnits: string | undefined
): string | undefined {
	if (startDate === undefined) return undefined;
	if (!isIsoDate(startDate))
		return `the start date must be a date written year-month-day, such as 2026-04-01 (it is "${startDate}")`;
	if (!calendarStep(timeUnits))
		return `a start date needs time units of days, weeks, months, quarters or years (they are ${timeUnits ? `"${timeUnits}"` : 'not set'})`;
	return undefined;
}

function utcDate(year: number, month: number, day: number): Date {
	const date = new Date(Date.UTC(2000, 0, 1));
	date.setUTCFullYear(year, month, day);
	return date;
}

/** `months` months after a day, kept in its month: a month after 31 January is 28 or 29 February. */
function monthsAfter(year: number, month: number, day: number, months: number): Date {
	const first = utcDate(year, month + months, 1);
	const last = utcDate(first.getUTCFullYear(), first.getUTCMonth() + 1, 0).getUTCDate();
	return utcDate(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, last));
}

const DAY_MS = 86_400_000;

/**
 * The date `elapsed` time units after the start date, or undefined when the model has no
 * calendar. Part of a month counts as that share of the month's days.
 */
export function dateAfter(
	startDate: string | undefined,
	timeUnits: string | undefined,
	elapsed: number
): Date | undefined {
	const step = calendarStep(timeUnits);
	if (!startDate || !step || !isIsoDate(startDate) || !Number.isFinite(elapsed)) return undefined;
	const [year, month, day] = startDate.split('-').map(Number);
	const start = utcDate(year, month - 1, day);
	if ('days' in step) return new Date(start.getTime() + Math.round(elapsed * step.days * DAY_MS));
	const months = elapsed * step.months;
	const whole = Math.floor(months + 1e-9);
	const from = monthsAfter(year, month - 1, day, whole);
	const to = monthsAfter(year, month - 1, day, whole + 1);
	const part = Math.max(0, months - whole);
	return new Date(
		from.getTime() + Math.round(((to.getTime() - from.getTime()) * part) / DAY_MS) * DAY_MS
	);
}

/** The financial year (April to March) a date falls in: "2026/27". */
export function financialYear(date: Date): string {
	const first = date.getUTCMonth() >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
	return `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	timeZone: 'UTC'
});
const MONTH_FORMAT = new Intl.DateTimeFormat('en-GB', {
	month: 'short',
	year: 'numeric',
	timeZone: 'UTC'
});

/** "1 Apr 2027". */
export const formatDay = (date: Date) => DAY_FORMAT.format(date);
/** "Apr 2027". */
export const formatMonth = (date: Date) => MONTH_FORMAT.format(date);

/**
 * How a table names an instant: the end of a financial year when it falls on 1 April at
 * midnight ("end of 2026/27"), otherwise its day ("15 May 2026").
 */
export function instantLabel(date: Date): string {
	if (date.getUTCMonth() === 3 && date.getUTCDate() === 1)
		return `end of ${financialYear(new Date(date.getTime() - DAY_MS))}`;
	return formatDay(date);
}

export interface CalendarTick {
	/** Elapsed time units since the start date. */
	at: number;
	label: string;
}

/**
 * Ticks for a time axis from `from` to `to` elapsed units: each financial year's start labelled
 * with its year ("2026/27") for runs of two years or more, else the start of each month (or of
 * every few months) labelled "Apr 2026". At most `most` ticks.
 */
export function calendarTicks(
	startDate: string | undefined,
	timeUnits: string | undefined,
	from: number,
	to: number,
	most = 8
): CalendarTick[] {
	const first = dateAfter(startDate, timeUnits, from);
	const last = dateAfter(startDate, timeUnits, to);
	const step = calendarStep(timeUnits);
	if (!first || !last || !step || !(to > from)) return [];
	const elapsedAt = (date: Date) => elapsedTo(startDate!, step, date);
	const years = (last.getTime() - first.getTime()) / (365.25 * DAY_MS);
	const ticks: CalendarTick[] = [];
	if (years >= 2) {
		const firstYear =
			first.getUTCMonth() >= 3 ? first.getUTCFullYear() : first.getUTCFullYear() - 1;
		const count = Math.floor(years) + 2;
		const every = Math.max(1, Math.ceil(count / most));
		for (let y = firstYear; y <= last.getUTCFullYear(); y += every) {
			const start = utcDate(y, 3, 1);
			if (start < first || start > last) continue;
			ticks.push({ at: elapsedAt(start), label: financialYear(start) });
		}
		return ticks;
	}
	const months = years * 12;
	const every = [1, 2, 3, 6, 12].find((m) => months / m <= most) ?? 12;
	const cursor = utcDate(first.getUTCFullYear(), first.getUTCMonth(), 1);
	if (cursor < first) cursor.setUTCMonth(cursor.getUTCMonth() + 1);
	while (cursor.getUTCMonth() % every !== 3 % every) cursor.setUTCMonth(cursor.getUTCMonth() + 1);
	for (; cursor <= last; cursor.setUTCMonth(cursor.getUTCMonth() + every))
		ticks.push({ at: elapsedAt(cursor), label: formatMonth(cursor) });
	return ticks;
}

/** Elapsed time units from the start date to a date: the inverse of dateAfter. */
function elapsedTo(startDate: string, step: CalendarStep, date: Date): number {
	const [year, month, day] = startDate.split('-').map(Number);
	const start = utcDate(year, month - 1, day);
	if ('days' in step) return (date.getTime() - start.getTime()) / (step.days * DAY_MS);
	// Whole months first, then the share of the month that is left.
	let whole = (date.getUTCFullYear() - year) * 12 + date.getUTCMonth() - (month - 1);
	if (monthsAfter(year, month - 1, day, whole) > date) whole--;
	const from = monthsAfter(year, month - 1, day, whole);
	const to = monthsAfter(year, month - 1, day, whole + 1);
	const part = (date.getTime() - from.getTime()) / (to.getTime() - from.getTime());
	return (whole + part) / step.months;
}

/** Calendar periods an export can have one row per. */
export type CalendarPeriod = 'month' | 'quarter' | 'year';

/**
 * The elapsed times (in the model's units, from the start date) at which each month, quarter or
 * financial year begins, from `from` to `to` elapsed: the 1st of each month; 1 January, April,
 * July and October; 1 April. Empty when the model has no calendar.
 */
export function periodStarts(
	startDate: string | undefined,
	timeUnits: string | undefined,
	from: number,
	to: number,
	period: CalendarPeriod
): number[] {
	const first = dateAfter(startDate, timeUnits, from);
	const last = dateAfter(startDate, timeUnits, to);
	const step = calendarStep(timeUnits);
	if (!first || !last || !step) return [];
	const months = { month: 1, quarter: 3, year: 12 }[period];
	// Quarters and years are counted from April, so both line up with the financial year.
	const cursor = utcDate(first.getUTCFullYear(), first.getUTCMonth(), 1);
	if (cursor < first) cursor.setUTCMonth(cursor.getUTCMonth() + 1);
	while ((cursor.getUTCMonth() - 3 + 12) % months !== 0)
		cursor.setUTCMonth(cursor.getUTCMonth() + 1);
	const out: number[] = [];
	for (; cursor <= last; cursor.setUTCMonth(cursor.getUTCMonth() + months))
		out.push(elapsedTo(startDate!, step, cursor));
	return out;
}
