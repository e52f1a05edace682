import { expect, test, type Page } from '@playwright/test';

const EXAMPLES = [
	'bathtub-basics',
	'whole-system-flow',
	'community-beds-by-locality',
	'nurse-pipeline',
	'workforce-capacity'
];

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** Elements wider than the page, widest first: what makes it scroll sideways. */
function overflowing(page: Page) {
	return page.evaluate(() => {
		const limit = document.documentElement.clientWidth;
		return (
			[...document.querySelectorAll<HTMLElement>('body *')]
				.filter((e) => {
					const box = e.getBoundingClientRect();
					return box.width > 0 && box.right > limit + 1 && getComputedStyle(e).position !== 'fixed';
				})
				// A wide table may scroll inside its own box; the page itself may not.
				.filter((e) => {
					for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
						if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return false;
					return true;
				})
				.slice(0, 5)
				.map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`)
		);
	});
}

/** The smallest chart text on screen, in CSS pixels, over every chart drawn. */
function smallestChartText(page: Page) {
	return page.evaluate(() => {
		let smallest = Infinity;
		let count = 0;
		for (const text of document.querySelectorAll<SVGTextElement>('figure svg text')) {
			if (!text.textContent?.trim()) continue;
			const size = parseFloat(getComputedStyle(text).fontSize);
			const svg = text.ownerSVGElement!;
			const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
			smallest = Math.min(smallest, size * scale);
			count++;
		}
		return { smallest, count };
	});
}

for (const slug of EXAMPLES) {
	test(`at 390 px wide, ${slug} does not scroll sideways and chart text is at least 11 px`, async ({
		page
	}, testInfo) => {
		await page.goto(`/example/${slug}`);
		await expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
			timeout: 30_000
		});
		// Draw every chart: they wait to be scrolled to.
		for (const figure of await page.locator('figure svg').all())
			await figure.scrollIntoViewIfNeeded();
		await page.evaluate(() => window.scrollTo(0, 0));
		expect(await overflowing(page)).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
		const text = await smallestChartText(page);
		expect(text.count).toBeGreaterThan(10);
		expect(text.smallest).toBeGreaterThanOrEqual(11);
		if (slug === 'whole-system-flow')
			await page.screenshot({ path: testInfo.outputPath('phone.png'), fullPage: false });
	});
}
