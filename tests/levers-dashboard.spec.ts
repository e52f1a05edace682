import { expect, test, type Locator, type Page } from '@playwright/test';
import { COMMUNITY, openWholeSystem } from './whole-system';

// Levers beside what they move (#14): model A opens with its main levers beside two charts.

const cell = (page: Page, id: string) => page.locator(`section[data-cell="${id}"]`);
const tools = (page: Page, id: string) =>
	cell(page, id).getByRole('toolbar', { name: /^Cell tools/ });
const undo = (page: Page) =>
	page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: 'Undo' });
/** The charts a levers cell draws beside its sliders. */
const beside = (page: Page, id: string) =>
	cell(page, id).getByRole('group', { name: /^Charts beside/ });
const chartIn = (where: Locator, title: string) =>
	where.getByRole('figure').filter({ has: where.page().getByRole('heading', { name: title }) });

/** Whether a box lies wholly inside the window as it stands. */
async function onScreen(page: Page, what: Locator) {
	const box = await what.boundingBox();
	const size = page.viewportSize()!;
	return (
		!!box &&
		box.y >= 0 &&
		box.y + box.height <= size.height &&
		box.x >= 0 &&
		box.x + box.width <= size.width
	);
}

test.describe('at 1366 × 900', () => {
	test.use({ viewport: { width: 1366, height: 900 } });

	test('the community capacity lever and the occupancy chart it moves are on the first screen, and the chart follows the slider', async ({
		page
	}, testInfo) => {
		await openWholeSystem(page);
		expect(await page.evaluate(() => window.scrollY)).toBe(0);
		const slider = page.getByRole('slider', { name: COMMUNITY });
		const chart = chartIn(beside(page, 'levers-main'), 'G&A bed occupancy');
		const drawing = chart.getByRole('img');
		await expect(drawing).toHaveAttribute('aria-label', /^G&A bed occupancy: occupancy over years/);
		expect(await onScreen(page, slider)).toBe(true);
		expect(await onScreen(page, drawing)).toBe(true);
		await page.screenshot({ path: testInfo.outputPath('dashboard.png') });

		const current = chart.locator('path[data-key="current/occupancy"]');
		await expect(current).toHaveAttribute('d', /^M/);
		const before = await current.getAttribute('d');
		const finals = chart.locator('.sr-only');
		const finalBefore = await finals.textContent();
		await slider.focus();
		for (let i = 0; i < 4; i++) await slider.press('ArrowRight');
		await expect(page.getByRole('spinbutton', { name: `${COMMUNITY}: value` })).toHaveValue('0.1');
		await expect.poll(() => current.getAttribute('d'), { timeout: 20_000 }).not.toBe(before);
		await expect(finals).not.toHaveText(finalBefore!);
		// Nothing scrolled to show it: the reader saw the line move where they were.
		expect(await page.evaluate(() => window.scrollY)).toBe(0);
		// The chart cell further down is the same chart, and shows the same run.
		const own = cell(page, 'chart-occupancy');
		await own.scrollIntoViewIfNeeded();
		await expect
			.poll(() => own.locator('path[data-key="current/occupancy"]').getAttribute('d'))
			.not.toBe(before);
	});

	test('settings choose the charts beside the sliders, as one undoable step; a deleted chart leaves them', async ({
		page
	}) => {
		await openWholeSystem(page);
		const main = beside(page, 'levers-main');
		await expect(main.getByRole('figure')).toHaveCount(2);

		// A levers cell with no charts gets one from its settings.
		await tools(page, 'levers-hospital').getByRole('button', { name: 'Settings' }).click();
		const settings = cell(page, 'levers-hospital').getByRole('form', { name: 'Levers settings' });
		const fourHour = settings.getByRole('checkbox', { name: 'A&E patients seen within 4 hours' });
		await expect(fourHour).not.toBeChecked();
		await fourHour.check();
		await settings.getByRole('button', { name: 'Save settings' }).click();
		const hospital = beside(page, 'levers-hospital');
		await expect(chartIn(hospital, 'A&E patients seen within 4 hours')).toHaveCount(1);
		await undo(page).click();
		await expect(hospital).toHaveCount(0);

		// Unticking one of the main charts leaves the other.
		await tools(page, 'levers-main').getByRole('button', { name: 'Settings' }).click();
		const mainSettings = cell(page, 'levers-main').getByRole('form', { name: 'Levers settings' });
		await expect(mainSettings.getByRole('checkbox', { name: 'G&A bed occupancy' })).toBeChecked();
		await mainSettings
			.getByRole('checkbox', { name: 'Delayed transfers: medically fit patients in acute beds' })
			.uncheck();
		await mainSettings.getByRole('button', { name: 'Save settings' }).click();
		await expect(main.getByRole('figure')).toHaveCount(1);
		await undo(page).click();
		await expect(main.getByRole('figure')).toHaveCount(2);

		// Deleting the occupancy chart cell takes it from beside the levers too; undo brings both back.
		await tools(page, 'chart-occupancy').getByRole('button', { name: 'Delete' }).click();
		await expect(cell(page, 'chart-occupancy')).toHaveCount(0);
		await expect(main.getByRole('figure')).toHaveCount(1);
		await expect(chartIn(main, 'G&A bed occupancy')).toHaveCount(0);
		await expect(page.getByRole('slider', { name: COMMUNITY })).toBeVisible();
		await undo(page).click();
		await expect(chartIn(main, 'G&A bed occupancy')).toHaveCount(1);
		await expect(cell(page, 'chart-occupancy')).toHaveCount(1);
	});
});

test.describe('at 390 px wide', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('the charts stack under the sliders and the page does not scroll sideways', async ({
		page
	}) => {
		await openWholeSystem(page);
		const slider = page.getByRole('slider', { name: COMMUNITY });
		const chart = chartIn(beside(page, 'levers-main'), 'G&A bed occupancy').getByRole('img');
		await chart.scrollIntoViewIfNeeded();
		const [sliderBox, chartBox] = [await slider.boundingBox(), await chart.boundingBox()];
		expect(chartBox!.y).toBeGreaterThan(sliderBox!.y + sliderBox!.height);
		expect(chartBox!.x + chartBox!.width).toBeLessThanOrEqual(390);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
	});
});
