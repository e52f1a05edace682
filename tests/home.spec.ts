import { expect, test } from '@playwright/test';

test('the home page lists the example notebooks', async ({ page }, testInfo) => {
	await page.goto('/');

	await expect(page.getByRole('heading', { level: 1, name: 'Flowbook' })).toBeVisible();
	await expect(page.getByText(/health and care planners/)).toBeVisible();

	const notebooks = page.getByRole('region', { name: 'Example notebooks' }).getByRole('listitem');
	const bathtub = notebooks.filter({
		has: page.getByRole('heading', { name: 'Bathtub basics: admissions, length of stay and beds' })
	});
	await expect(bathtub).toBeVisible();
	await expect(bathtub).toContainText("Little's law");

	await page.screenshot({ path: testInfo.outputPath('home.png'), fullPage: true });
});
