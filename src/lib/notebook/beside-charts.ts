/**
 * Charts beside a levers cell's sliders: the cell names chart cells of the same notebook by id, so
 * a chart is defined once and drawn both where it stands and beside the levers that move it.
 */
import { findVariable } from '../model/lookup';
import type { Cell, FlowbookDocument } from '../model/types';
import { seriesRef } from './chart-series';

export type ChartCell = Extract<Cell, { kind: 'chart' }>;

/** The chart cells a levers cell shows (its `charts`), in order and each once, and the ids that are no chart. */
export function chartsBeside(
	document: FlowbookDocument,
	ids: readonly string[] = []
): { charts: ChartCell[]; missing: string[] } {
	const charts: ChartCell[] = [];
	const missing: string[] = [];
	for (const id of new Set(ids)) {
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

/** A chart as a list of charts names it: its title, else the names of what it plots. */
export function chartTitle(document: FlowbookDocument, chart: ChartCell): string {
	if (chart.title?.trim()) return chart.title;
	const names = chart.variables
		.map(seriesRef)
		.map((v) => findVariable(document.model, v)?.name ?? v);
	return names.join(', ') || `Chart ${chart.id}`;
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
