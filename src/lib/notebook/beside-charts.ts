/**
 * Charts beside a levers cell's sliders: the cell names chart cells of the same notebook by id, so
 * a chart is defined once and drawn both where it stands and beside the levers that move it.
 */
import type { Cell, FlowbookDocument } from '../model/types';

type LeversCell = Extract<Cell, { kind: 'levers' }>;
export type ChartCell = Extract<Cell, { kind: 'chart' }>;

/** The chart cells a levers cell shows, in its order and each once, and the ids it names that are no chart. */
export function chartsBeside(
	document: FlowbookDocument,
	cell: LeversCell
): { charts: ChartCell[]; missing: string[] } {
	const charts: ChartCell[] = [];
	const missing: string[] = [];
	for (const id of new Set(cell.charts ?? [])) {
		const chart = document.cells.find((c): c is ChartCell => c.id === id && c.kind === 'chart');
		if (chart) charts.push(chart);
		else missing.push(id);
	}
	return { charts, missing };
}

/** The notebook's chart cells, for a levers cell's settings to choose from. */
export function chartCells(document: FlowbookDocument): ChartCell[] {
	return document.cells.filter((c): c is ChartCell => c.kind === 'chart');
}

/**
 * The document with no levers cell showing the chart `id` (a cell that shows none keeps no
 * `charts`); the same document when none did.
 */
export function withoutChart(document: FlowbookDocument, id: string): FlowbookDocument {
	if (!document.cells.some((c) => c.kind === 'levers' && c.charts?.includes(id))) return document;
	return {
		...document,
		cells: document.cells.map((c) => {
			if (c.kind !== 'levers' || !c.charts?.includes(id)) return c;
			const { charts, ...rest } = c;
			const kept = charts.filter((chart) => chart !== id);
			return kept.length ? { ...rest, charts: kept } : rest;
		})
	};
}
