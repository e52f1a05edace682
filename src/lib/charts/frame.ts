/**
 * What every time chart shares: its size, a time scale along the bottom, a value scale fitted to
 * the finite values of its series, and the two axes with their labels.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';

export const CHART_WIDTH = 760;
export const CHART_MARGIN = { top: 12, right: 20, bottom: 44, left: 72 };

/** The narrowest a chart is drawn; a phone's column (390 px less padding) is about this. */
export const MIN_CHART_WIDTH = 300;

/**
 * The width a chart draws at in a box this wide: the box's own width up to CHART_WIDTH (so on a
 * phone one unit is one pixel and text keeps its size), CHART_WIDTH scaled up beyond it.
 */
export function chartWidth(box: number | undefined): number {
	if (!box || !Number.isFinite(box)) return CHART_WIDTH;
	return Math.round(Math.max(MIN_CHART_WIDTH, Math.min(CHART_WIDTH, box)));
}

/** Axis text size in chart units: at least 11 px on screen however narrow the chart. */
const AXIS_FONT = 12;

export function timeScale(times: ArrayLike<number>, width = CHART_WIDTH, margin = CHART_MARGIN) {
	return scaleLinear()
		.domain([times[0] ?? 0, times[times.length - 1] ?? 1])
		.range([margin.left, width - margin.right]);
}

/** A value scale over every finite value of the series; a flat or empty chart still gets a range. */
export function valueScale(
	series: Iterable<ArrayLike<number>>,
	height: number,
	margin = CHART_MARGIN
) {
	let lo = Infinity;
	let hi = -Infinity;
	for (const values of series)
		for (let i = 0; i < values.length; i++) {
			const v = values[i];
			if (Number.isFinite(v)) {
				if (v < lo) lo = v;
				if (v > hi) hi = v;
			}
		}
	if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
	if (lo === hi) [lo, hi] = [lo - (Math.abs(lo) || 1) * 0.1, hi + (Math.abs(hi) || 1) * 0.1];
	return scaleLinear()
		.domain([lo, hi])
		.nice()
		.range([height - margin.bottom, margin.top]);
}

export interface AxesOptions {
	x: ScaleLinear<number, number>;
	y: ScaleLinear<number, number>;
	height: number;
	xLabel: string;
	yLabel: string;
	tickFormat: (value: number) => string;
	/** Ticks of their own along the time axis (calendar years, months), instead of round numbers. */
	xTicks?: readonly { at: number; label: string }[];
	width?: number;
	margin?: typeof CHART_MARGIN;
}

/** Draws both axes, light grid lines across and the axis labels into a group. */
export function drawAxes(
	group: Selection<SVGGElement, unknown, null, undefined>,
	options: AxesOptions
): void {
	const {
		x,
		y,
		height,
		xLabel,
		yLabel,
		tickFormat,
		xTicks,
		width = CHART_WIDTH,
		margin = CHART_MARGIN
	} = options;
	group
		.append('g')
		.attr('transform', `translate(0,${height - margin.bottom})`)
		.call(
			xTicks
				? axisBottom(x)
						.tickValues(xTicks.map((t) => t.at))
						.tickFormat((_, i) => xTicks[i]?.label ?? '')
				: axisBottom(x).ticks(Math.max(3, Math.min(8, Math.floor(width / 95))))
		)
		.attr('font-size', AXIS_FONT)
		.call((a) =>
			a
				.append('text')
				.attr('x', (margin.left + width - margin.right) / 2)
				.attr('y', 36)
				.attr('fill', '#1c2326')
				.attr('text-anchor', 'middle')
				.attr('font-size', 12)
				.text(xLabel)
		);
	group
		.append('g')
		.attr('transform', `translate(${margin.left},0)`)
		.call(
			axisLeft(y)
				.ticks(6)
				.tickFormat((v) => tickFormat(Number(v)))
		)
		.attr('font-size', AXIS_FONT)
		.call((a) =>
			a
				.selectAll('.tick line')
				.clone()
				.attr('x2', width - margin.left - margin.right)
				.attr('stroke-opacity', 0.1)
		)
		.call((a) =>
			a
				.append('text')
				.attr('transform', 'rotate(-90)')
				.attr('x', -(margin.top + height - margin.bottom) / 2)
				.attr('y', -58)
				.attr('fill', '#1c2326')
				.attr('text-anchor', 'middle')
				.attr('font-size', 12)
				.text(yLabel)
		);
}
