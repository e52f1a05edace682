/**
 * Where a horizontal bar chart puts its rows: labels on the left, a value axis along the bottom,
 * each bar a span from `from` to `to` (a waterfall's bars float; a tornado's start at the base).
 * Pure layout, so it is tested in Node; BarChart.svelte draws it.
 */
import { scaleLinear } from 'd3-scale';

export interface Bar {
	key: string;
	/** The row's label, on the left. */
	label: string;
	from: number;
	to: number;
	colour: string;
	/** The number written at the bar's end. */
	text: string;
	/** A heading between groups of bars: a label, no bar. */
	heading?: boolean;
	/** Drawn hatched: a total (a waterfall's first and last bars) rather than a step. */
	total?: boolean;
}

export const BAR_ROW = 24;
const TOP = 8;
const AXIS = 46;
const RIGHT = 64;
const LABEL_FONT = 12;

export interface PlacedBar extends Bar {
	y: number;
	x: number;
	width: number;
}

export interface BarLayout {
	width: number;
	height: number;
	/** Where the bars' axis starts, right of the labels. */
	left: number;
	right: number;
	bars: PlacedBar[];
	ticks: { x: number; value: number }[];
	/** The x of zero, when zero is on the axis. */
	zero?: number;
	/** The x of the base a tornado's bars swing about. */
	base?: number;
}

export function barLayout(bars: readonly Bar[], width: number, base?: number): BarLayout {
	const longest = Math.max(0, ...bars.map((b) => b.label.length));
	const left = Math.round(Math.min(width * 0.42, 16 + longest * LABEL_FONT * 0.58));
	const right = width - RIGHT;
	const values = bars
		.filter((b) => !b.heading)
		.flatMap((b) => [b.from, b.to])
		.filter(Number.isFinite);
	// Bars start at zero unless they swing about a base, which then sets the axis instead.
	const anchor = base !== undefined && Number.isFinite(base) ? base : 0;
	let [lo, hi] = [Math.min(anchor, ...values), Math.max(anchor, ...values)];
	if (base !== undefined && values.every((v) => v >= 0) && lo > 0 && lo < 0.5 * hi) lo = 0;
	if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
	const x = scaleLinear().domain([lo, hi]).nice().range([left, right]);
	const placed = bars.map((b, i) => {
		const [a, c] = [x(Number.isFinite(b.from) ? b.from : 0), x(Number.isFinite(b.to) ? b.to : 0)];
		return { ...b, y: TOP + i * BAR_ROW, x: Math.min(a, c), width: Math.abs(c - a) };
	});
	const [d0, d1] = x.domain();
	return {
		width,
		height: TOP + bars.length * BAR_ROW + AXIS,
		left,
		right,
		bars: placed,
		ticks: x
			.ticks(Math.max(2, Math.floor((right - left) / 90)))
			.map((value) => ({ x: x(value), value })),
		...(d0 <= 0 && d1 >= 0 && { zero: x(0) }),
		...(base !== undefined && Number.isFinite(base) && { base: x(base) })
	};
}
