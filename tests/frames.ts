import type { Page } from '@playwright/test';

/**
 * Resolves after the page has painted `count` more frames: what a journey waits for when the
 * next thing it checks is what is on screen (a screenshot after fitting the view, one mouse move
 * per frame as a real pointer reports them), instead of a fixed time that a busy machine outruns.
 */
export async function nextFrames(page: Page, count = 2): Promise<void> {
	await page.evaluate(
		(n) =>
			new Promise<void>((resolve) => {
				const step = (left: number) =>
					left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
				step(n);
			}),
		count
	);
}
