/**
 * A chart as a board pack uses it: the drawing (with its axis titles) under the chart's title, a
 * legend naming every line, and a footnote saying where it came from ("Whole-system flow ·
 * 7 Dec 2026 · Flowbook"). Built as SVG text, so the same file is the SVG export and the source of
 * the PNG. Pure string work: it runs in Node for tests.
 */

export interface LegendEntry {
	label: string;
	colour: string;
	/** A stroke-dasharray; solid when absent. */
	dash?: string;
	/** The stroke width the chart draws the line with (the live run's is thicker). */
	width?: number;
	/** A band (a fan chart's percentiles) rather than a line: drawn as a filled box this opaque. */
	band?: number;
}

export interface BoardChart {
	title: string;
	/** What the chart shows, in words, for the SVG's <desc> (screen readers, search). */
	description: string;
	/** The drawing's own SVG elements, in its coordinates (0 0 width height). */
	drawing: string;
	width: number;
	height: number;
	legend: readonly LegendEntry[];
	footnote: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const TITLE_SIZE = 17;
const LEGEND_SIZE = 12.5;
const FOOT_SIZE = 11;
const PAD = 16;
const ROW = 20;
const SAMPLE = 26;

/** Text made safe inside SVG markup and attributes. */
export function escapeXml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`
	);
}

/**
 * A generous width for text in a sans-serif face, so a legend entry never runs into the next: 0.6
 * of the font size per character is wider than the average letter of system-ui fonts.
 */
const textWidth = (text: string, size: number) => text.length * size * 0.6;

/** Lines of words no wider than `width`. */
function wrap(text: string, size: number, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (line && textWidth(next, size) > width) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

/** Legend entries placed left to right, wrapping to a new row when the next would not fit. */
function placeLegend(legend: readonly LegendEntry[], width: number) {
	const placed: { entry: LegendEntry; x: number; row: number }[] = [];
	let x = PAD;
	let row = 0;
	for (const entry of legend) {
		const wide = SAMPLE + 6 + textWidth(entry.label, LEGEND_SIZE) + 18;
		if (x > PAD && x + wide > width - PAD) {
			row++;
			x = PAD;
		}
		placed.push({ entry, x, row });
		x += wide;
	}
	return { placed, rows: legend.length ? row + 1 : 0 };
}

function sample(entry: LegendEntry, x: number, y: number): string {
	if (entry.band !== undefined)
		return `<rect x="${x}" y="${y - 6}" width="${SAMPLE}" height="12" fill="${escapeXml(entry.colour)}" fill-opacity="${entry.band}"/>`;
	const dash = entry.dash ? ` stroke-dasharray="${escapeXml(entry.dash)}"` : '';
	return `<line x1="${x}" y1="${y}" x2="${x + SAMPLE}" y2="${y}" stroke="${escapeXml(entry.colour)}" stroke-width="${entry.width ?? 2}"${dash}/>`;
}

/** The whole export: its SVG text and its size. */
export function boardSvg(chart: BoardChart): { text: string; width: number; height: number } {
	const { width } = chart;
	const titleLines = wrap(chart.title, TITLE_SIZE, width - 2 * PAD);
	const top = PAD + titleLines.length * (TITLE_SIZE + 5);
	const legendTop = top + chart.height + 12;
	const { placed, rows } = placeLegend(chart.legend, width);
	const footTop = legendTop + rows * ROW + 10;
	const footLines = wrap(chart.footnote, FOOT_SIZE, width - 2 * PAD);
	const height = Math.ceil(footTop + footLines.length * (FOOT_SIZE + 4) + PAD / 2);

	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">`,
		`<title>${escapeXml(chart.title)}</title>`,
		`<desc>${escapeXml(chart.description)}</desc>`,
		`<rect width="${width}" height="${height}" fill="#ffffff"/>`,
		`<g class="board-title" font-size="${TITLE_SIZE}" font-weight="600" fill="#1c2326">`,
		...titleLines.map(
			(line, i) =>
				`<text x="${PAD}" y="${PAD + (i + 1) * (TITLE_SIZE + 5) - 5}">${escapeXml(line)}</text>`
		),
		'</g>',
		`<g class="board-chart" transform="translate(0 ${top})">${chart.drawing}</g>`,
		`<g class="board-legend" font-size="${LEGEND_SIZE}" fill="#1c2326">`,
		...placed.map(({ entry, x, row }) => {
			const y = legendTop + row * ROW + ROW / 2;
			return `<g>${sample(entry, x, y)}<text x="${x + SAMPLE + 6}" y="${y + 4}">${escapeXml(entry.label)}</text></g>`;
		}),
		'</g>',
		`<g class="board-footnote" font-size="${FOOT_SIZE}" fill="#5b6569">`,
		...footLines.map(
			(line, i) =>
				`<text x="${PAD}" y="${footTop + (i + 1) * (FOOT_SIZE + 4) - 4}">${escapeXml(line)}</text>`
		),
		'</g>',
		'</svg>'
	];
	return { text: parts.join('\n'), width, height };
}

/** "Whole-system flow · 7 Dec 2026 · Flowbook": where a chart came from, and when. */
export function footnote(notebookTitle: string, day: string, note?: string): string {
	return [note, notebookTitle.trim() || 'Untitled notebook', day, 'Flowbook']
		.filter(Boolean)
		.join(' · ');
}
