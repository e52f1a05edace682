/**
 * The settings of the comparison cells (bars, bridge, tornado, equal cost) as one form draft: a
 * draft from a cell, the form changes it, Save turns it back into a cell with what is at its
 * default left out, and each kind says what stops its draft being saved.
 */
import type { Cell, FlowbookDocument, TableOutput } from '../model/types';
import {
	chosenInOrder,
	parseTimes,
	scenarioDraft,
	scenarioProblem,
	type ScenarioDraft
} from './cell-settings';
import { scenarioIds } from './cells';

export type ComparisonCell = Extract<Cell, { kind: 'bars' | 'bridge' | 'tornado' | 'equal-cost' }>;

export interface ComparisonDraft {
	title: string;
	/** Output variables: one for a bridge or a tornado. */
	outputs: string[];
	/** A bars cell's times as typed ("1, 5"); blank: the end of the run. */
	times: string;
	/** The time read, as typed; blank: the end of the run. */
	at: string;
	period: boolean;
	mode: 'values' | 'difference';
	scenarios: ScenarioDraft;
	/** A bridge's ends; blank `from`: the notebook's reference. */
	from: string;
	to: string;
	shapley: boolean;
	/** A tornado's sensitivity cell id; blank: the notebook's first. */
	sensitivity: string;
	/** An equal-cost cell's options (scenario ids) and its budget a year as typed (blank: the first option's cost). */
	options: string[];
	budget: string;
}

const variableOf = (o: string | TableOutput) => (typeof o === 'string' ? o : o.variable);

export function comparisonDraft(document: FlowbookDocument, cell: ComparisonCell): ComparisonDraft {
	const outputs =
		cell.kind === 'bars' || cell.kind === 'equal-cost'
			? cell.outputs.map(variableOf)
			: [variableOf(cell.output)];
	return {
		title: cell.title ?? '',
		outputs,
		times: cell.kind === 'bars' ? (cell.times ?? []).join(', ') : '',
		at: cell.kind !== 'bars' && cell.at !== undefined ? String(cell.at) : '',
		period: (cell.kind === 'bars' || cell.kind === 'bridge') && !!cell.period,
		mode: cell.kind === 'bars' ? (cell.mode ?? 'values') : 'values',
		scenarios: scenarioDraft(document, cell.kind === 'bars' ? cell.scenarios : undefined),
		from: cell.kind === 'bridge' && cell.from ? scenarioIds(document, [cell.from])[0] : '',
		to: cell.kind === 'bridge' ? scenarioIds(document, [cell.to])[0] : '',
		shapley: cell.kind === 'bridge' && !!cell.shapley,
		sensitivity: cell.kind === 'tornado' ? (cell.sensitivity ?? '') : '',
		options: cell.kind === 'equal-cost' ? scenarioIds(document, cell.options) : [],
		budget: cell.kind === 'equal-cost' && cell.budget !== undefined ? String(cell.budget) : ''
	};
}

/** A time typed for `at`, or the problem with it; blank is the end of the run. */
function parseAt(text: string, document: FlowbookDocument): { at?: number } | { problem: string } {
	if (!text.trim()) return {};
	const parsed = parseTimes(text, document);
	if ('problem' in parsed) return parsed;
	if (parsed.times.length > 1) return { problem: 'give one time to read, e.g. 3' };
	return { at: parsed.times[0] };
}

export function comparisonProblems(
	document: FlowbookDocument,
	kind: ComparisonCell['kind'],
	draft: ComparisonDraft
): string[] {
	const problems: string[] = [];
	if (draft.outputs.length === 0) problems.push('choose an output');
	if (kind === 'bars') {
		if (draft.times.trim()) {
			const times = parseTimes(draft.times, document);
			if ('problem' in times) problems.push(times.problem);
		}
		const scenarios = scenarioProblem(draft.scenarios);
		if (scenarios) problems.push(scenarios);
	} else {
		const at = parseAt(draft.at, document);
		if ('problem' in at) problems.push(at.problem);
	}
	if (kind === 'bridge') {
		if (!draft.to) problems.push('choose the scenario the bridge goes to');
		else if (draft.to === (draft.from || undefined))
			problems.push('a bridge goes from one scenario to another: choose two');
	}
	if (kind === 'equal-cost') {
		if (draft.options.length === 0) problems.push('tick at least one option');
		if (draft.budget.trim() && !(Number(draft.budget) > 0))
			problems.push(`the budget must be an amount above 0 a year (it is “${draft.budget.trim()}”)`);
	}
	return problems;
}

export function comparisonFromDraft(
	document: FlowbookDocument,
	cell: ComparisonCell,
	draft: ComparisonDraft
): ComparisonCell {
	// A row that carried a label, direction or format keeps it while its variable stays.
	const own = new Map(
		(cell.kind === 'bars' || cell.kind === 'equal-cost' ? cell.outputs : [cell.output]).map((o) => [
			variableOf(o),
			o
		])
	);
	const outputs = draft.outputs.map((v) => own.get(v) ?? v);
	const title = draft.title.trim();
	const base = { id: cell.id, ...(title && { title }) };
	const at = parseAt(draft.at, document);
	const atField = 'at' in at && at.at !== undefined ? { at: at.at } : {};
	switch (cell.kind) {
		case 'bars': {
			const times = draft.times.trim() ? parseTimes(draft.times, document) : undefined;
			return {
				...base,
				kind: 'bars',
				outputs,
				...(times && 'times' in times && { times: times.times }),
				...(draft.period && { period: true }),
				...(!draft.scenarios.all && { scenarios: chosenInOrder(document, draft.scenarios) }),
				...(draft.mode === 'difference' && { mode: 'difference' as const })
			};
		}
		case 'bridge':
			return {
				...base,
				kind: 'bridge',
				output: outputs[0],
				...(draft.from && { from: draft.from }),
				to: draft.to,
				...atField,
				...(draft.period && { period: true }),
				...(draft.shapley && { shapley: true })
			};
		case 'tornado':
			return {
				...base,
				kind: 'tornado',
				output: outputs[0],
				...atField,
				...(draft.sensitivity && { sensitivity: draft.sensitivity })
			};
		case 'equal-cost':
			return {
				...base,
				kind: 'equal-cost',
				options: draft.options,
				...(draft.budget.trim() && { budget: Number(draft.budget) }),
				outputs,
				...atField
			};
	}
}
