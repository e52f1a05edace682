import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';

async function openWithSensitivity(page: Page) {
	await page.goto('/example/whole-system-flow');
	await expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, { timeout: 30_000 });
	await page.getByRole('button', { name: 'Add a sensitivity analysis' }).click();
	const cell = page.getByRole('region', { name: 'Sensitivity analysis' });
	await expect(cell).toBeVisible();
	return cell;
}

async function csvOf(page: Page, cell: Locator, output: string): Promise<string> {
	const [download] = await Promise.all([page.waitForEvent('download'), cell.getByRole('button', { name: `CSV of ${output} percentiles` }).click()]);
	return readFile((await download.path())!, 'utf8');
}

test('a 200-run sensitivity shows a fan chart, and the same seed gives the same percentiles', async ({ page }) => {
	test.setTimeout(120_000);
	const cell = await openWithSensitivity(page);
	// The first lever is varied by default; add a second constant with a triangular spread.
	await expect(cell.locator('.name', { hasText: 'demand_growth' })).toBeVisible();
	await cell.getByRole('combobox', { name: 'Constant to vary' }).selectOption('extra_acute_beds');
	await cell.getByRole('button', { name: 'Vary it' }).click();
	await cell.getByRole('combobox', { name: 'extra_acute_beds: distribution' }).selectOption('triangular');
	await cell.getByRole('spinbutton', { name: 'extra_acute_beds: max' }).fill('200');
	await cell.getByRole('spinbutton', { name: 'extra_acute_beds: max' }).blur();
	await cell.getByLabel('Seed').fill('42');
	await expect(cell.getByLabel('Runs')).toHaveValue('200');
	await cell.getByRole('button', { name: 'Run sensitivity' }).click();
	const status = cell.getByRole('status', { name: 'Sensitivity status' });
	await expect(status).toContainText('200 runs in', { timeout: 90_000 });
	const fan = cell.getByRole('figure').getByRole('img');
	await expect(fan).toHaveAttribute('aria-label', /5th, 25th, 50th, 75th and 95th percentiles over years, across 200 runs/);
	await expect(fan.locator('path[data-band="5-95"]')).toHaveCount(1);
	const first = await csvOf(page, cell, 'occupancy');
	const rows = first.trimEnd().split('\n');
	expect(rows[0]).toBe('time (year),p5,p25,p50,p75,p95');
	expect(rows.length).toBe(1 + 3651);
	// The bands spread out: by year ten the 5th percentile sits below the 95th.
	const [, p5, , p50, , p95] = rows.at(-1)!.split(',').map(Number);
	expect(p5).toBeLessThan(p50);
	expect(p50).toBeLessThan(p95);

	// Again with the same seed: identical percentiles, whichever worker ran which sample.
	await cell.getByRole('button', { name: 'Run sensitivity' }).click();
	await expect(status).toContainText('Running');
	await expect(status).toContainText('200 runs in', { timeout: 90_000 });
	expect(await csvOf(page, cell, 'occupancy')).toBe(first);
	await page.screenshot({ path: 'test-results/sensitivity-fan.png', fullPage: false });
});

test('a sensitivity cancelled half way stops, says so, and the page stays usable', async ({ page }) => {
	test.setTimeout(120_000);
	const cell = await openWithSensitivity(page);
	await cell.getByLabel('Runs').fill('2000');
	await cell.getByRole('button', { name: 'Run sensitivity' }).click();
	const progress = cell.getByRole('progressbar', { name: 'Sensitivity runs' });
	await expect(progress).toBeVisible();
	await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(40);
	await cell.getByRole('button', { name: 'Cancel' }).click();
	const status = cell.getByRole('status', { name: 'Sensitivity status' });
	await expect(status).toContainText(/Cancelled after \d+ of 2000 runs/);
	await expect(progress).toHaveCount(0);
	const said = await status.textContent();
	await page.waitForTimeout(1000);
	expect(await status.textContent()).toBe(said);
	await expect(cell.getByRole('figure')).toHaveCount(0);
	// The page still answers: a lever re-runs the model.
	await page.getByRole('slider', { name: 'Extra acute (general and acute) beds' }).fill('50');
	await expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, { timeout: 20_000 });
	await expect(cell.getByRole('button', { name: 'Run sensitivity' })).toBeEnabled();
});
