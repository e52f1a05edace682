import { describe, expect, it } from 'vitest';
import { boardSvg, escapeXml, footnote } from './board-export';

const chart = {
	title: 'G&A bed occupancy',
	description: 'Occupancy over 5 years, for S1 do nothing and S2 +100 acute beds',
	drawing: '<rect width="760" height="320" fill="#ffffff"/><text>Occupancy (%)</text>',
	width: 760,
	height: 320,
	legend: [
		{ label: 'S1 do nothing', colour: '#117733' },
		{ label: 'Current levers', colour: '#1c2326', dash: '6 3', width: 2.5 }
	],
	footnote: footnote('Whole-system flow', '7 Dec 2026')
};

/** The text of every <text> inside the group with this class. */
function texts(svg: string, group: string): string[] {
	const from = svg.indexOf(`<g class="${group}"`);
	const to = svg.indexOf('<g class="board-', from + 1);
	const inner = from < 0 ? '' : svg.slice(from, to < 0 ? undefined : to);
	return [...inner.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

describe('a chart exported for a board pack', () => {
	it('carries the title, a legend naming each line in its colour and dash, and a footnote', () => {
		const { text } = boardSvg(chart);
		expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="760" height="\d+"/);
		expect(text).toContain('<title>G&amp;A bed occupancy</title>');
		expect(text).toContain(`<desc>${chart.description}</desc>`);
		expect(texts(text, 'board-title')).toEqual(['G&amp;A bed occupancy']);
		expect(texts(text, 'board-legend')).toEqual(['S1 do nothing', 'Current levers']);
		expect(text).toMatch(/<line [^>]*stroke="#1c2326" stroke-width="2.5" stroke-dasharray="6 3"/);
		expect(texts(text, 'board-footnote')).toEqual(['Whole-system flow · 7 Dec 2026 · Flowbook']);
		// The drawing (axes and their titles) sits whole under the title.
		expect(text).toContain(chart.drawing);
	});

	it('grows to fit a long title and a legend of many lines, wrapping instead of overlapping', () => {
		const short = boardSvg(chart);
		const legend = Array.from({ length: 10 }, (_, i) => ({
			label: `S${i} a scenario with a long name`,
			colour: '#332288'
		}));
		const long = boardSvg({ ...chart, title: 'Occupancy '.repeat(20).trim(), legend });
		expect(long.height).toBeGreaterThan(short.height + 80);
		expect(texts(long.text, 'board-title').length).toBeGreaterThan(1);
		const ys = [...long.text.matchAll(/<g><line x1="16" y1="([\d.]+)"/g)].map((m) => Number(m[1]));
		// Every row starts at the left margin: several rows, each below the last.
		expect(ys.length).toBeGreaterThan(2);
		expect([...ys].sort((a, b) => a - b)).toEqual(ys);
	});

	it('escapes names that would break the markup', () => {
		expect(escapeXml(`<script>"x" & 'y'`)).toBe('&lt;script&gt;&quot;x&quot; &amp; &apos;y&apos;');
		const { text } = boardSvg({ ...chart, legend: [{ label: '</text><script>', colour: '#000' }] });
		expect(text).not.toContain('<script>');
	});

	it('names the notebook, the day and Flowbook in the footnote, and an untitled notebook as such', () => {
		expect(footnote('  ', '7 Dec 2026', 'Difference from S1')).toBe(
			'Difference from S1 · Untitled notebook · 7 Dec 2026 · Flowbook'
		);
	});
});
