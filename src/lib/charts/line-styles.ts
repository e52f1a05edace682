import { PALETTE, paletteColour } from '../model/palette';

/**
 * How a chart tells its lines apart. With one line per scenario, colour is the scenario's own.
 * With several lines per scenario (several variables, or the elements of an arrayed one), colour
 * tells the lines apart and the stroke tells the scenarios apart, as Stella's comparative graphs
 * do: the first scenario solid, the next dotted, then dash-dot, then long dashes; the live run is
 * always the thicker short dash.
 */

/** The colour-blind-safe palette of ten (see palette.ts), in the order lines take it. */
export const SERIES_COLOURS = PALETTE;

/** Stroke patterns for the scenarios after the first (which is solid). */
export const SCENARIO_DASHES = ['1.5 3', '9 3 1.5 3', '12 5'];

/** The live run's pattern (LineChart draws a line marked `dashed` this way). */
export const CURRENT_DASH = '6 3';

export interface LineStyle {
	colour: string;
	/** A stroke-dasharray, or undefined for a solid line. */
	dash?: string;
}

/** The colour of the k-th line of a chart that has several. */
export const seriesColour = (line: number) => paletteColour(line);

/**
 * The stroke that tells a scenario apart when colour tells lines apart: `scenario` counts the
 * scenarios shown, not counting the live run; undefined for a solid line.
 */
export function scenarioDash(scenario: number, current: boolean): string | undefined {
	if (current) return CURRENT_DASH;
	return scenario === 0 ? undefined : SCENARIO_DASHES[(scenario - 1) % SCENARIO_DASHES.length];
}

/** The style of one line; `scenarioColour` is used when each scenario has a single line. */
export function lineStyle(options: {
	line: number;
	lines: number;
	scenario: number;
	current: boolean;
	scenarioColour: string;
}): LineStyle {
	const { line, lines, scenario, current, scenarioColour } = options;
	if (lines <= 1) return { colour: scenarioColour, ...(current && { dash: CURRENT_DASH }) };
	const dash = scenarioDash(scenario, current);
	return { colour: seriesColour(line), ...(dash && { dash }) };
}
