/**
 * Printing the notebook as a board pack. Charts draw only while on screen (LineChart's inView), so
 * before the browser lays the pages out every chart must be drawn: `printing.active` tells them
 * to, both for the Print button and for the browser's own Print menu (beforeprint).
 */
import { flushSync, tick } from 'svelte';

export const printing = $state({ active: false });

/** Two frames: one for Svelte's effects to draw, one for the browser to paint what they drew. */
const frames = () =>
	new Promise<void>((resolve) =>
		requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
	);

/** Draws every chart, then opens the browser's print dialogue (whose "Save as PDF" makes the pack). */
export async function printBoardPack(): Promise<void> {
	printing.active = true;
	await tick();
	await frames();
	window.print();
}

/** Keeps `printing` in step with the browser's own print menu; returns the cleanup. */
export function followBrowserPrint(): () => void {
	// The browser lays the pages out as soon as this returns: draw (and add the cover) now.
	const before = () => flushSync(() => (printing.active = true));
	const after = () => (printing.active = false);
	window.addEventListener('beforeprint', before);
	window.addEventListener('afterprint', after);
	return () => {
		window.removeEventListener('beforeprint', before);
		window.removeEventListener('afterprint', after);
	};
}
