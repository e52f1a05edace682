/** Saving a chart: its data as CSV, its drawing as SVG or PNG. Runs in the browser only. */
import { columnsToCsv } from '../results/csv';

export interface Series {
	label: string;
	values: ArrayLike<number>;
}

/** One row per saved time, one column per line; the header names the time unit. */
export function chartCsv(
	timeLabel: string,
	times: ArrayLike<number>,
	series: readonly Series[]
): string {
	return columnsToCsv(
		[timeLabel, ...series.map((s) => s.label)],
		[times, ...series.map((s) => s.values)]
	);
}

/**
 * A chart's drawing as SVG elements (no outer <svg>), for boardSvg: what the reader sees, less
 * what is only there for the pointer (the hover line).
 */
export function svgDrawing(svg: SVGSVGElement): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	copy.querySelectorAll('[data-export="skip"]').forEach((e) => e.remove());
	const serializer = new XMLSerializer();
	return Array.from(copy.childNodes, (node) => serializer.serializeToString(node)).join('');
}

/** The size a chart's SVG is drawn at, from its viewBox. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
	const { width, height } = svg.viewBox.baseVal;
	return { width, height };
}

/** A PNG of SVG text `width` × `height`, at `scale` times (2: sharp in a printed board pack). */
export async function svgTextToPng(
	text: string,
	width: number,
	height: number,
	scale = 2
): Promise<Blob> {
	const image = new Image();
	image.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
	await image.decode();
	const canvas = document.createElement('canvas');
	canvas.width = width * scale;
	canvas.height = height * scale;
	const context = canvas.getContext('2d')!;
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.drawImage(image, 0, 0, canvas.width, canvas.height);
	URL.revokeObjectURL(image.src);
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))),
			'image/png'
		)
	);
}

export function download(name: string, content: Blob | string, type = 'text/plain'): void {
	const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from a title: "G&A bed occupancy" → "g-a-bed-occupancy". */
export function fileName(title: string): string {
	return (
		title
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'chart'
	);
}

/** Saves a board-pack chart (boardSvg's result) as `name`.svg or `name`.png. */
export async function downloadBoard(
	board: { text: string; width: number; height: number } | undefined,
	name: string,
	as: 'svg' | 'png'
): Promise<void> {
	if (!board) return;
	if (as === 'svg') download(`${name}.svg`, board.text, 'image/svg+xml');
	else download(`${name}.png`, await svgTextToPng(board.text, board.width, board.height));
}
