/**
 * Edits of a notebook's cells, title and description as pure functions from one document to the
 * next, so the notebook can keep the old one as an undo step. An edit that changes nothing returns
 * the same document, so it makes no undo step and no save.
 */
import { withoutChart } from './beside-charts';
import { seriesRef } from './chart-series';
import { findScenario } from '../model/scenarios';
import type { Cell, FlowbookDocument } from '../model/types';
import { findVariable } from '../model/lookup';

/** An id no cell of the document uses: `base`, else `base-2`, `base-3`… */
export function uniqueCellId(document: FlowbookDocument, base: string): string {
	const taken = new Set(document.cells.map((c) => c.id));
	const stem = base.trim() || 'cell';
	if (!taken.has(stem)) return stem;
	for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** Puts `cell` at `index` (clamped to the notebook), with a fresh id if its own is taken. */
export function insertCell(
	document: FlowbookDocument,
	cell: Cell,
	index = document.cells.length
): FlowbookDocument {
	const at = Math.max(0, Math.min(document.cells.length, Math.round(index)));
	const placed = document.cells.some((c) => c.id === cell.id)
		? { ...cell, id: uniqueCellId(document, cell.id) }
		: cell;
	return {
		...document,
		cells: [...document.cells.slice(0, at), placed, ...document.cells.slice(at)]
	};
}

/** Moves a cell `by` places (−1 is up), or returns the document when it cannot go further. */
export function moveCell(document: FlowbookDocument, id: string, by: number): FlowbookDocument {
	const from = document.cells.findIndex((c) => c.id === id);
	const to = from + by;
	if (from < 0 || by === 0 || to < 0 || to >= document.cells.length) return document;
	const cells = document.cells.filter((c) => c.id !== id);
	cells.splice(to, 0, document.cells[from]);
	return { ...document, cells };
}

/** Why a cell cannot be copied, or undefined when it can: the model has one diagram. */
export function duplicateProblem(cell: Cell): string | undefined {
	return cell.kind === 'diagram' ? 'a notebook shows its model in one diagram' : undefined;
}

/** A copy of a cell, with an id of its own, just below it. */
export function duplicateCell(
	document: FlowbookDocument,
	id: string
): { document: FlowbookDocument; id?: string } {
	const index = document.cells.findIndex((c) => c.id === id);
	if (index < 0 || duplicateProblem(document.cells[index])) return { document };
	const copy = {
		...structuredClone(document.cells[index]),
		id: uniqueCellId(document, `${id.replace(/-copy(-\d+)?$/, '')}-copy`)
	};
	return { document: insertCell(document, copy, index + 1), id: copy.id };
}

/** Takes a cell out; a deleted chart leaves the levers cells that showed it beside their sliders. */
export function deleteCell(document: FlowbookDocument, id: string): FlowbookDocument {
	const cell = document.cells.find((c) => c.id === id);
	if (!cell) return document;
	const rest = { ...document, cells: document.cells.filter((c) => c.id !== id) };
	return cell.kind === 'chart' ? withoutChart(rest, id) : rest;
}

/** Puts `cell` in place of the cell with its id; the same document when nothing differs. */
export function replaceCell(document: FlowbookDocument, cell: Cell): FlowbookDocument {
	const index = document.cells.findIndex((c) => c.id === cell.id);
	if (index < 0 || JSON.stringify(document.cells[index]) === JSON.stringify(cell)) return document;
	return { ...document, cells: document.cells.map((c, i) => (i === index ? cell : c)) };
}

/** Why a title cannot be kept, or undefined when it can. */
export function titleProblem(title: string): string | undefined {
	return title.trim() ? undefined : 'the title cannot be blank: type a title for the notebook';
}

/** A new title and description, trimmed; the same document when the title is blank or nothing changed. */
export function retitle(
	document: FlowbookDocument,
	title: string,
	description: string
): FlowbookDocument {
	const next = { title: title.trim(), description: description.trim() };
	if (
		titleProblem(next.title) ||
		(next.title === document.title && next.description === document.description)
	)
		return document;
	return { ...document, ...next };
}

export const CELL_KINDS: Record<Cell['kind'], string> = {
	text: 'Text',
	diagram: 'Diagram',
	levers: 'Levers',
	chart: 'Chart',
	'scenario-table': 'Scenario table',
	sensitivity: 'Sensitivity analysis',
	bars: 'Bars',
	bridge: 'Bridge',
	tornado: 'Tornado',
	'equal-cost': 'Equal cost',
	data: 'Data',
	calibration: 'Calibration',
	optimisation: 'Optimisation',
	loops: 'Loops that matter'
};

/** A text's first line as plain words: "## How many beds?" gives "How many beds?". */
function firstLine(markdown: string): string {
	const line = markdown.split('\n').find((l) => l.trim()) ?? '';
	return line
		.replace(/^\s*(#{1,6}\s+|[-*+>]\s+|\d+[.)]\s+)/, '')
		.replace(/[*_`~]+/g, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]*>/g, '')
		.trim();
}

const short = (text: string, length = 48) =>
	text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;

/** What a cell is, in a few words, for its toolbar and notices: `chart “Vacancies (FTE)”`. */
export function describeCell(document: FlowbookDocument, cell: Cell): string {
	const kind = CELL_KINDS[cell.kind].toLowerCase();
	const names = (ids: readonly string[]) =>
		ids.map((v) => findVariable(document.model, v)?.name ?? v).join(', ');
	let name = '';
	switch (cell.kind) {
		case 'text':
			name = firstLine(cell.markdown);
			return name ? `text “${short(name)}”` : 'empty text';
		case 'diagram':
			return kind;
		case 'levers':
			name = cell.title ?? '';
			break;
		case 'chart':
			name = cell.title ?? names(cell.variables.map(seriesRef));
			break;
		case 'scenario-table':
			name = names(cell.outputs.map((o) => (typeof o === 'string' ? o : o.variable)));
			break;
		case 'sensitivity':
			name = names(cell.outputs);
			break;
		case 'bars':
		case 'equal-cost':
			name = cell.title ?? names(cell.outputs.map((o) => (typeof o === 'string' ? o : o.variable)));
			break;
		case 'data':
			return kind;
		case 'calibration':
			name = cell.title ?? names(cell.parameters.map((p) => p.variable));
			break;
		case 'optimisation':
			name = cell.title ?? cell.objective;
			break;
		case 'loops':
			name = cell.title ?? names([cell.output]);
			break;
		case 'bridge':
		case 'tornado':
			name =
				cell.title ?? names([typeof cell.output === 'string' ? cell.output : cell.output.variable]);
			break;
	}
	return name ? `${kind} “${short(name)}”` : kind;
}

/** Scenario entries of a cell as scenario ids, keeping any the document does not have as written. */
export function scenarioIds(document: FlowbookDocument, wanted: readonly string[]): string[] {
	return wanted.map((w) => findScenario(document.scenarios, w)?.id ?? w);
}
