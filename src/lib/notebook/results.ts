/** Reading runs for charts and tables: a variable's series, time in display units. */
import type { RunResult } from '../engine/api';
import { findScenario } from '../model/scenarios';
import type { FlowbookDocument, Scenario } from '../model/types';
import { chartColumns } from './chart-series';
import { findVariable } from './runs.svelte';

const key = (name: string) => name.toLowerCase().replace(/[\s_]+/g, ' ').trim();

/** The series of a variable (by id or name) in a run, if it saved one. */
export function seriesOf(document: FlowbookDocument, result: RunResult | undefined, idOrName: string): Float64Array | undefined {
	if (!result) return undefined;
	const name = findVariable(document.model, idOrName)?.name ?? idOrName;
	const i = result.names.findIndex((n) => key(n) === key(name));
	return i < 0 ? undefined : result.series[i];
}

/** Model time units in one display unit, and that unit's name. */
export function displayTime(document: FlowbookDocument): { perUnit: number; unit: string } {
	return {
		perUnit: document.display?.modelTimePerUnit ?? 1,
		unit: document.display?.timeUnit ?? document.model.simSpecs.timeUnits ?? 'time'
	};
}

export function scenariosNamed(document: FlowbookDocument, wanted: readonly string[] | undefined): Scenario[] {
	if (!wanted) return document.scenarios;
	return wanted.map((w) => findScenario(document.scenarios, w)).filter((s) => s !== undefined);
}

export const plural = (unit: string) => (unit.endsWith('s') || unit === 'time' ? unit : `${unit}s`);

/**
 * The result columns a notebook's charts plot (the only readers of the live run), so a live run
 * saves just those: a variable's name, or each element an arrayed variable's lines read. Names
 * the model does not have are left out: the chart says so.
 */
export function chartedVariables(document: FlowbookDocument): string[] {
	const names = new Set<string>();
	for (const cell of document.cells) if (cell.kind === 'chart') for (const name of chartColumns(document.model, cell.variables)) names.add(name);
	return [...names];
}
