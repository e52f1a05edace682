/**
 * What opening an example costs a reader, cold, in Chromium: the gzipped size of every script the
 * page and its workers fetch until the first run is shown, and the time from navigation to that
 * first run. A fresh browser context each time, so nothing comes from a cache, and with the
 * service worker blocked: it fetches every file of the app for offline use after the page is up,
 * which no reader waits for. Sizes are of the built files (build/), gzipped at level 9.
 * Issue 17's targets: ≤ 250 KB gzip of JavaScript, first run ≤ 1.5 s.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

export interface PageWeight {
	/** Each script fetched, by path, with its gzipped size in bytes. */
	scripts: { path: string; gzip: number }[];
	/** Their sum, in bytes. */
	gzip: number;
	/** Milliseconds from the start of navigation to the frame that shows the live run's status. */
	firstRun: number;
}

/** Opens `url` in a new context and weighs the scripts it needs to show its first run. */
export async function weighPage(browser: Browser, url: string): Promise<PageWeight> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		const sizes = new Map<string, Promise<number>>();
		// Workers' scripts too: a worker's module graph is JavaScript the first run needs.
		context.on('response', (response) => {
			const type = response.request().resourceType();
			const path = new URL(response.url()).pathname;
			if (!path.endsWith('.js') && type !== 'script') return;
			if (sizes.has(path)) return;
			// A worker's response has no body for Playwright: the built file is the same bytes.
			const built = `build${path}`;
			const body = existsSync(built) ? Promise.resolve(readFileSync(built)) : response.body();
			sizes.set(
				path,
				body.then(
					(bytes) => gzipSync(bytes, { level: 9 }).length,
					() => 0
				)
			);
		});
		await page.goto(url);
		// Checked every frame, so the time is the frame that showed the run.
		const shown = await page.waitForFunction(
			() =>
				/Ran in \d+ ms/.test(
					document.querySelector('[aria-label="Model run"]')?.textContent ?? ''
				) && performance.now(),
			undefined,
			{ polling: 'raf', timeout: 60_000 }
		);
		const firstRun = (await shown.jsonValue()) as number;
		await page
			.getByRole('status', { name: 'Scenario runs' })
			.filter({ hasText: /scenarios ran in/ })
			.waitFor({ timeout: 60_000 });
		const scripts = await Promise.all(
			[...sizes].map(async ([path, size]) => ({ path, gzip: await size }))
		);
		scripts.sort((a, b) => b.gzip - a.gzip);
		return { scripts, gzip: scripts.reduce((sum, s) => sum + s.gzip, 0), firstRun };
	} finally {
		await context.close();
	}
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
