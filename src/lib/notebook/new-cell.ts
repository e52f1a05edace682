/**
 * New cells, with defaults taken from the model so each shows something at once: a chart of the
 * first stock, a table of the first stock or two at three points of the run, a sensitivity
 * analysis of what the first chart plots, levers showing every lever.
 */
import { seriesRef } from './chart-series';
import type { Cell, FlowbookDocument, Model } from '../model/types';
import { uniqueCellId } from './cells';
import { displayTime } from './results';

export type CellKind = Cell['kind'];

/** The first `count` stocks' ids, or other variables' when the model has too few stocks. */
export function firstOutputs(model: Model, count: number): string[] {
	const stocks = model.variables.filter((v) => v.kind === 'stock');
	const others = model.variables.filter((v) => v.kind === 'flow' || v.kind === 'aux');
	return [...stocks, ...(stocks.length ? [] : others)].slice(0, count).map((v) => v.id);
}

/**
 * Three columns for a table: a third of the way, two thirds, and the end of the run, in display
 * time, rounded to a tenth of the run's order of size (365 days gives 120, 240 and 365).
 */
export function tableTimes(document: FlowbookDocument): number[] {
	const { start, stop } = document.model.simSpecs;
	const { perUnit } = displayTime(document);
	const [from, to] = [start / perUnit, stop / perUnit];
	const span = to - from;
	if (!(span > 0) || !Number.isFinite(span)) return [to];
	const step = 10 ** Math.floor(Math.log10(span / 10));
	const round = (t: number) => Number((Math.round(t / step) * step).toPrecision(12));
	const times = [round(from + span / 3), round(from + (2 * span) / 3), Number(to.toPrecision(12))];
	return [...new Set(times.filter((t) => t > from && t <= to))];
}

/** A cell of `kind` for `document`, with an id no other cell has. */
export function newCell(document: FlowbookDocument, kind: CellKind): Cell {
	const id = uniqueCellId(document, kind);
	const model = document.model;
	switch (kind) {
		case 'text':
			return { id, kind, markdown: '' };
		case 'diagram':
			return { id, kind };
		case 'levers':
			// No list: the cell shows every lever, including ones added later.
			return { id, kind };
		case 'chart':
			return { id, kind, variables: firstOutputs(model, 1) };
		case 'scenario-table':
			return { id, kind, outputs: firstOutputs(model, 2), times: tableTimes(document) };
		case 'sensitivity': {
			const chart = document.cells.find((c) => c.kind === 'chart');
			const output =
				chart?.kind === 'chart' && chart.variables.length
					? chart.variables.slice(0, 1).map(seriesRef)
					: firstOutputs(model, 1);
			return { id, kind, outputs: output };
		}
		case 'bars':
			return { id, kind, outputs: firstOutputs(model, 1), times: tableTimes(document) };
		case 'bridge': {
			// From the reference to the last scenario: usually the fullest package.
			const to = document.scenarios.at(-1)?.id ?? '';
			return { id, kind, output: firstOutputs(model, 1)[0] ?? '', to };
		}
		case 'tornado':
			return { id, kind, output: firstOutputs(model, 1)[0] ?? '' };
		case 'loops':
			return { id, kind, output: firstOutputs(model, 1)[0] ?? '' };
		case 'equal-cost': {
			// The options are the scenarios that move a lever with a cost.
			const costed = new Set(document.levers.filter((l) => l.cost).map((l) => l.variable));
			const options = document.scenarios
				.filter((s) => Object.keys(s.overrides).some((k) => costed.has(k)))
				.map((s) => s.id);
			return { id, kind, options, outputs: firstOutputs(model, 1) };
		}
		case 'data':
			return { id, kind };
		case 'calibration': {
			// The levers without a cost are the uncertain constants a fit is for; up to three of them.
			const uncertain = document.levers.filter((l) => !l.cost).slice(0, 3);
			return {
				id,
				kind,
				parameters: uncertain.map(({ variable, min, max }) => ({ variable, min, max }))
			};
		}
		case 'optimisation': {
			const costed = document.levers.filter((l) => l.cost);
			const stock = model.variables.find((v) => v.kind === 'stock');
			return {
				id,
				kind,
				levers: costed.map(({ variable, min, max }) => ({ variable, min, max })),
				objective: stock ? `min ${stock.name}` : ''
			};
		}
	}
}
