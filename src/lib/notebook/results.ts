/** What charts and tables read: display time, the scenarios a cell names, the columns charts plot. */
import { calendarTicks, dateAfter, formatDay, type CalendarTick } from '../model/calendar';
import { findScenario } from '../model/scenarios';
import type { FlowbookDocument, Scenario } from '../model/types';
import { chartColumns } from './chart-series';

/** Model time units in one display unit, and that unit's name. */
export function displayTime(document: FlowbookDocument): { perUnit: number; unit: string } {
	return {
		perUnit: document.display?.modelTimePerUnit ?? 1,
		unit: document.display?.timeUnit ?? document.model.simSpecs.timeUnits ?? 'time'
	};
}

/**
 * A time axis in calendar terms, for a model with a start date: ticks at financial years (or
 * months) in display time, an axis title to match, and a readout naming a display time's day.
 */
export function calendarAxis(
	document: FlowbookDocument
): { ticks: CalendarTick[]; label: string; readout: (time: number) => string } | undefined {
	const { start, stop, startDate, timeUnits } = document.model.simSpecs;
	const { perUnit, unit } = displayTime(document);
	const ticks = calendarTicks(startDate, timeUnits, 0, stop - start);
	if (!ticks.length) return undefined;
	const years = ticks.some((t) => t.label.includes('/'));
	return {
		ticks: ticks.map((t) => ({ at: (start + t.at) / perUnit, label: t.label })),
		label: years ? 'Financial year (April to March)' : 'Month',
		readout: (time) => {
			const date = dateAfter(startDate, timeUnits, time * perUnit - start);
			const own = `${unit === 'time' ? 'time' : unit} ${Number(time.toPrecision(4))}`;
			return date ? `${formatDay(date)} (${own})` : own;
		}
	};
}

export function scenariosNamed(
	document: FlowbookDocument,
	wanted: readonly string[] | undefined
): Scenario[] {
	if (!wanted) return document.scenarios;
	return wanted.map((w) => findScenario(document.scenarios, w)).filter((s) => s !== undefined);
}

export const plural = (unit: string) => (unit.endsWith('s') || unit === 'time' ? unit : `${unit}s`);

/** "Day 30", not "Days 30": a column names one time. */
export const singular = (unit: string) =>
	/[^s]s$/i.test(unit) && unit.length > 3 ? unit.slice(0, -1) : unit;

/**
 * The result columns a notebook's charts plot (the only readers of the live run), so a live run
 * saves just those: a variable's name, or each element an arrayed variable's lines read. Names
 * the model does not have are left out: the chart says so.
 */
export function chartedVariables(document: FlowbookDocument): string[] {
	const names = new Set<string>();
	for (const cell of document.cells)
		if (cell.kind === 'chart')
			for (const name of chartColumns(document.model, cell.variables)) names.add(name);
	return [...names];
}
