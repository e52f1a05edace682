import { describe, expect, it } from 'vitest';
import { CURRENT_DASH, lineStyle, SCENARIO_DASHES, SERIES_COLOURS } from './line-styles';

describe('how a chart tells its lines apart', () => {
	it('colours a chart with one line per scenario by scenario, the live run dashed', () => {
		expect(
			lineStyle({ line: 0, lines: 1, scenario: 2, current: false, scenarioColour: '#123456' })
		).toEqual({ colour: '#123456' });
		expect(
			lineStyle({ line: 0, lines: 1, scenario: 0, current: true, scenarioColour: '#1c2326' })
		).toEqual({ colour: '#1c2326', dash: CURRENT_DASH });
	});

	it('colours several lines by line and strokes scenarios apart: solid, dotted, dash-dot, long dash, then round again', () => {
		const style = (line: number, scenario: number, current = false) =>
			lineStyle({ line, lines: 3, scenario, current, scenarioColour: '#000000' });
		expect(style(1, 0)).toEqual({ colour: SERIES_COLOURS[1] });
		expect([1, 2, 3, 4].map((k) => style(0, k).dash)).toEqual([
			...SCENARIO_DASHES,
			SCENARIO_DASHES[0]
		]);
		expect(style(2, 0, true)).toEqual({ colour: SERIES_COLOURS[2], dash: CURRENT_DASH });
		expect(style(SERIES_COLOURS.length, 0).colour).toBe(SERIES_COLOURS[0]);
	});

	it('uses colours with the 3:1 contrast on white WCAG 1.4.11 asks of lines', () => {
		const luminance = (hex: string) => {
			const [r, g, b] = [1, 3, 5]
				.map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
				.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		};
		for (const colour of SERIES_COLOURS)
			expect(1.05 / (luminance(colour) + 0.05), colour).toBeGreaterThanOrEqual(3);
		expect(new Set(SERIES_COLOURS).size).toBe(SERIES_COLOURS.length);
	});
});
