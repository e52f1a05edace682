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

export function svgText(svg: SVGSVGElement): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	copy.querySelectorAll('[data-export="skip"]').forEach((e) => e.remove());
	return new XMLSerializer().serializeToString(copy);
}

export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
	const { width, height } = svg.viewBox.baseVal;
	const image = new Image();
	image.src = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
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
