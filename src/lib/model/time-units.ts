/** How long the usual time units are, in days, for totals over a period and exports by period. */

/** Days in each time unit, as the calendar counts them (a year of 365 days, a month of a twelfth). */
const DAYS: Record<string, number> = {
	second: 1 / 86400,
	minute: 1 / 1440,
	hour: 1 / 24,
	day: 1,
	week: 7,
	month: 365 / 12,
	quarter: 365 / 4,
	year: 365
};
const SHORT: Record<string, string> = {
	sec: 'second',
	min: 'minute',
	hr: 'hour',
	wk: 'week',
	mo: 'month',
	yr: 'year',
	qtr: 'quarter'
};

/** "days" → 365/365 … the days in a time unit named any usual way; undefined for other units. */
export function daysIn(unit: string | undefined): number | undefined {
	if (!unit) return undefined;
	const word = unit.trim().toLowerCase().replace(/s$/, '');
	return DAYS[SHORT[word] ?? word];
}
