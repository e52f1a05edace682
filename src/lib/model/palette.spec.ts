import { describe, expect, it } from 'vitest';
import { distinctColours, firstFreeColour, PALETTE, paletteColour } from './palette';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
	const channel = (i: number) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

describe('the chart palette', () => {
	it('has ten different colours, each visible as a line on white (WCAG 1.4.11: at least 3:1)', () => {
		expect(PALETTE).toHaveLength(10);
		expect(new Set(PALETTE).size).toBe(10);
		for (const colour of PALETTE) {
			expect(colour, colour).toMatch(/^#[0-9a-f]{6}$/);
			expect(1.05 / (luminance(colour) + 0.05), colour).toBeGreaterThanOrEqual(3);
		}
	});

	it('cycles after ten', () => {
		expect(paletteColour(0)).toBe(PALETTE[0]);
		expect(paletteColour(10)).toBe(PALETTE[0]);
		expect(paletteColour(13)).toBe(PALETTE[3]);
	});

	it('keeps colours that differ, and gives a repeated one the first colour not used yet', () => {
		expect(distinctColours(['#123456', '#abcdef'])).toEqual(['#123456', '#abcdef']);
		expect(distinctColours([PALETTE[0], PALETTE[0].toUpperCase(), PALETTE[1], PALETTE[1]])).toEqual(
			[PALETTE[0], PALETTE[2], PALETTE[1], PALETTE[3]]
		);
	});

	it('never repeats a colour within ten lines, however the scenarios were coloured', () => {
		const colours = distinctColours(Array(10).fill('#000000'));
		expect(new Set(colours).size).toBe(10);
		// The eleventh line must repeat one: dashes tell it apart.
		expect(new Set(distinctColours(Array(11).fill(PALETTE[4]))).size).toBe(10);
	});
});

describe('a new scenario’s colour', () => {
	it('is the first palette colour no scenario has, then cycles', () => {
		expect(firstFreeColour([])).toBe(PALETTE[0]);
		expect(firstFreeColour([PALETTE[0], '#ABCDEF', PALETTE[1].toUpperCase()])).toBe(PALETTE[2]);
		expect(firstFreeColour([...PALETTE, '#000000'])).toBe(PALETTE[1]);
	});
});
