/**
 * The settings of chart, scenario-table and levers cells as form drafts: a draft is made from a
 * cell, the form changes it, and Save turns it back into a cell (leaving out what is at its
 * default, so documents stay tidy). Each kind says what stops its draft being saved.
 */
import { elementSubscripts } from '../model/arrays';
import { canonicalName } from '../model/names';
import { referenceScenario } from '../model/scenarios';
import type { Cell, ChartSeries, FlowbookDocument, TableOutput, ValueFormat } from '../model/types';
import { chartCells } from './beside-charts';
import { seriesRef, subscriptText } from './chart-series';
import { scenarioIds } from './cells';
import { displayTime } from './results';
import { findVariable } from '../model/lookup';

type ChartCell = Extract<Cell, { kind: 'chart' }>;
type TableCell = Extract<Cell, { kind: 'scenario-table' }>;
type LeversCell = Extract<Cell, { kind: 'levers' }>;

/** Which scenarios a cell shows: all (including ones made later), or the ids chosen. */
export interface ScenarioDraft {
	all: boolean;
	chosen: string[];
}

export function scenarioDraft(
	document: FlowbookDocument,
	wanted: readonly string[] | undefined
): ScenarioDraft {
	return wanted
		? { all: false, chosen: scenarioIds(document, wanted) }
		: { all: true, chosen: document.scenarios.map((s) => s.id) };
}

/** Chosen scenarios in the document's order, then any the document no longer has, as written. */
export function chosenInOrder(document: FlowbookDocument, draft: ScenarioDraft): string[] {
	const known = document.scenarios.map((s) => s.id).filter((id) => draft.chosen.includes(id));
	return [...known, ...draft.chosen.filter((id) => !document.scenarios.some((s) => s.id === id))];
}

export const scenarioProblem = (draft: ScenarioDraft) =>
	!draft.all && draft.chosen.length === 0
		? 'tick at least one scenario, or show all of them'
		: undefined;

/** One variable of a chart as its form edits it. */
export interface ChartVariableDraft {
	/** As the cell names it: an id or name, or `Name[Element]` for one element. */
	variable: string;
	/** An arrayed variable's elements in order, each as its subscript ("North"), ticked when drawn. */
	elements?: { subscript: string; shown: boolean }[];
	/** An arrayed variable: one line, the sum of the elements ticked, instead of a line each. */
	sum: boolean;
}

export interface ChartDraft {
	/** Blank: the chart is titled by what it plots. */
	title: string;
	variables: ChartVariableDraft[];
	scenarios: ScenarioDraft;
	mode: 'values' | 'difference';
	/** Scenario id the difference is taken from; blank for the notebook's reference. */
	baseline: string;
	format: ValueFormat;
}

/** A chart entry as a draft: an arrayed variable lists its elements, all ticked unless the entry chose some. */
export function chartVariableDraft(
	document: FlowbookDocument,
	entry: string | ChartSeries
): ChartVariableDraft {
	const variable = seriesRef(entry);
	const found = findVariable(document.model, variable);
	const subscripts = found && elementSubscripts(document.model, found);
	if (!subscripts) return { variable, sum: false };
	const chosen = typeof entry === 'string' ? undefined : entry.elements;
	const elements = subscripts.map(subscriptText).map((subscript) => ({
		subscript,
		shown: !chosen || chosen.some((c) => canonicalName(c) === canonicalName(subscript))
	}));
	return { variable, elements, sum: typeof entry !== 'string' && !!entry.sum };
}

/** A draft back as a chart entry: a plain name unless it chose elements or a sum. */
function chartEntry(draft: ChartVariableDraft): string | ChartSeries {
	const elements = draft.elements;
	const all = !elements || elements.every((e) => e.shown);
	if (all && !draft.sum) return draft.variable;
	return {
		variable: draft.variable,
		...(!all && { elements: elements!.filter((e) => e.shown).map((e) => e.subscript) }),
		...(draft.sum && { sum: true })
	};
}

export function chartDraft(document: FlowbookDocument, cell: ChartCell): ChartDraft {
	return {
		title: cell.title ?? '',
		variables: cell.variables.map((v) => chartVariableDraft(document, v)),
		scenarios: scenarioDraft(document, cell.scenarios),
		mode: cell.mode ?? 'values',
		baseline: cell.baseline ? scenarioIds(document, [cell.baseline])[0] : '',
		format: cell.format ?? 'number'
	};
}

export function chartProblems(draft: ChartDraft, document?: FlowbookDocument): string[] {
	const problems = draft.variables.length ? [] : ['choose at least one variable to plot'];
	for (const v of draft.variables) {
		if (v.elements && !v.elements.some((e) => e.shown))
			problems.push(
				`tick at least one element of ${document ? variableLabel(document, v.variable).name : v.variable}`
			);
	}
	const scenarios = scenarioProblem(draft.scenarios);
	if (scenarios) problems.push(scenarios);
	if (
		draft.mode === 'difference' &&
		draft.baseline &&
		!draft.scenarios.all &&
		!draft.scenarios.chosen.includes(draft.baseline)
	) {
		problems.push(
			'the difference is taken from a scenario the chart does not show: tick it, or choose another'
		);
	}
	return problems;
}

export function chartFromDraft(
	document: FlowbookDocument,
	cell: ChartCell,
	draft: ChartDraft
): ChartCell {
	const title = draft.title.trim();
	return {
		id: cell.id,
		kind: 'chart',
		...(title && { title }),
		variables: draft.variables.map(chartEntry),
		...(!draft.scenarios.all && { scenarios: chosenInOrder(document, draft.scenarios) }),
		...(draft.mode === 'difference' && { mode: 'difference' as const }),
		...(draft.mode === 'difference' && draft.baseline && { baseline: draft.baseline }),
		...(draft.format !== 'number' && { format: draft.format })
	};
}

export interface TableRowDraft {
	variable: string;
	/** Blank: the variable's name. */
	label: string;
	better: '' | 'higher' | 'lower';
	format: ValueFormat;
	/** Blank: by the output's kind. */
	over: '' | 'total' | 'average' | 'end';
}

export interface TableDraft {
	outputs: TableRowDraft[];
	/** Column times as typed, e.g. "1, 3, 5". */
	times: string;
	scenarios: ScenarioDraft;
	/** The scenario every other one is compared with: the table's first, by default the notebook's reference. */
	base: string;
}

export function tableDraft(document: FlowbookDocument, cell: TableCell): TableDraft {
	const scenarios = scenarioDraft(document, cell.scenarios);
	return {
		outputs: cell.outputs.map((o) => {
			const row = typeof o === 'string' ? { variable: o } : o;
			return {
				variable: row.variable,
				label: row.label ?? '',
				better: row.better ?? '',
				format: row.format ?? 'number',
				over: row.over ?? ''
			};
		}),
		times: (cell.times ?? [1, 3, 5]).join(', '),
		scenarios,
		base: tableBase(document, cell, scenarios)
	};
}

/** A table that names its scenarios compares with its first; one that shows them all, with the reference. */
function tableBase(document: FlowbookDocument, cell: TableCell, scenarios: ScenarioDraft): string {
	const reference = referenceScenario(document)?.id;
	if (!cell.scenarios && reference && scenarios.chosen.includes(reference)) return reference;
	return scenarios.chosen[0] ?? '';
}

/** Column times from text like "1, 3, 5" or "1 3 5", or the problem with them. */
export function parseTimes(
	text: string,
	document: FlowbookDocument
): { times: number[] } | { problem: string } {
	const parts = text.split(/[\s,;]+/).filter(Boolean);
	if (parts.length === 0)
		return { problem: 'give at least one time for the columns, e.g. 1, 3, 5' };
	const { perUnit, unit } = displayTime(document);
	const { start, stop } = document.model.simSpecs;
	const [from, to] = [start / perUnit, stop / perUnit];
	const times: number[] = [];
	for (const part of parts) {
		const t = Number(part);
		if (!Number.isFinite(t))
			return {
				problem: `the times must be numbers separated by commas: “${part}” is not a number`
			};
		if (t < from || t > to)
			return {
				problem: `time ${part} is outside the run, which goes from ${from} to ${to} (${unit})`
			};
		if (!times.includes(t)) times.push(t);
	}
	return { times };
}

export function tableProblems(document: FlowbookDocument, draft: TableDraft): string[] {
	const problems = draft.outputs.length ? [] : ['choose at least one output'];
	const times = parseTimes(draft.times, document);
	if ('problem' in times) problems.push(times.problem);
	const scenarios = scenarioProblem(draft.scenarios);
	if (scenarios) problems.push(scenarios);
	return problems;
}

export function tableFromDraft(
	document: FlowbookDocument,
	cell: TableCell,
	draft: TableDraft
): TableCell {
	const parsed = parseTimes(draft.times, document);
	const outputs = draft.outputs.map((row): string | TableOutput => {
		const label = row.label.trim();
		if (!label && !row.better && row.format === 'number' && !row.over) return row.variable;
		return {
			variable: row.variable,
			...(label && { label }),
			...(row.better && { better: row.better }),
			...(row.format !== 'number' && { format: row.format }),
			...(row.over && { over: row.over })
		};
	});
	// The first scenario is the one compared with: "all" with the reference first keeps the list open.
	const chosen = draft.scenarios.all
		? document.scenarios.map((s) => s.id)
		: chosenInOrder(document, draft.scenarios);
	const base = chosen.includes(draft.base) ? draft.base : chosen[0];
	const ordered = base ? [base, ...chosen.filter((id) => id !== base)] : chosen;
	const open = draft.scenarios.all && ordered[0] === referenceScenario(document)?.id;
	return {
		id: cell.id,
		kind: 'scenario-table',
		outputs,
		...('times' in parsed ? { times: parsed.times } : cell.times && { times: cell.times }),
		...(!open && { scenarios: ordered })
	};
}

export interface LeversDraft {
	title: string;
	/** Every lever, including ones added later, or only those chosen. */
	all: boolean;
	levers: string[];
	/** Ids of the chart cells drawn beside the sliders. */
	charts: string[];
}

export function leversDraft(document: FlowbookDocument, cell: LeversCell): LeversDraft {
	return {
		title: cell.title ?? '',
		all: !cell.levers,
		levers: cell.levers ? [...cell.levers] : document.levers.map((l) => l.variable),
		charts: [...new Set(cell.charts ?? [])]
	};
}

export function leversProblems(draft: LeversDraft): string[] {
	return draft.all || draft.levers.length ? [] : ['tick at least one lever, or show all of them'];
}

export function leversFromDraft(
	document: FlowbookDocument,
	cell: LeversCell,
	draft: LeversDraft
): LeversCell {
	const title = draft.title.trim();
	const levers = tickedInOrder(
		cell.levers ?? [],
		document.levers.map((l) => l.variable),
		draft.levers
	);
	const charts = tickedInOrder(
		cell.charts ?? [],
		chartCells(document).map((c) => c.id),
		draft.charts
	);
	return {
		id: cell.id,
		kind: 'levers',
		...(title && { title }),
		...(!draft.all && { levers }),
		...(charts.length && { charts })
	};
}

/** What is ticked, in the cell's own order, with newly ticked ones after it in the document's order. */
function tickedInOrder(own: readonly string[], all: readonly string[], ticked: readonly string[]) {
	const kept = [...new Set(own)].filter((id) => ticked.includes(id));
	return [...kept, ...all.filter((id) => ticked.includes(id) && !kept.includes(id))];
}

/** A variable as a settings list shows it: its name, or the id marked as missing from the model. */
export function variableLabel(
	document: FlowbookDocument,
	idOrName: string
): { name: string; missing: boolean } {
	const variable = findVariable(document.model, idOrName);
	return variable ? { name: variable.name, missing: false } : { name: idOrName, missing: true };
}
