/**
 * Vensim models from the home page: a .mdl opens with its diagram and runs; one that reads a
 * spreadsheet asks for it, then opens with the spreadsheet's numbers in its run. The fixtures
 * are SDXorg test-models (tests/fixtures/vensim/LICENSE.test-models).
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', 'vensim', name);
const ran = (page: import('@playwright/test').Page) =>
	expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});

test('a Vensim .mdl opens from the home page with its diagram, and runs', async ({
	page
}, testInfo) => {
	await page.goto('/');
	await page.getByLabel('Import XMILE').setInputFiles(fixture('teacup.mdl'));
	await expect(page).toHaveURL(/\/notebook\/saved#/);
	const diagram = page.getByTestId('diagram');
	await expect(
		diagram.locator('[data-kind="stock"][data-name="Teacup Temperature"]')
	).toBeVisible();
	await expect(diagram.locator('[data-kind="flow"][data-name="Heat Loss to Room"]')).toHaveCount(1);
	await ran(page);
	await page.screenshot({ path: testInfo.outputPath('teacup.png'), fullPage: true });
});

test('a .mdl that reads a spreadsheet asks for it, then opens with its data', async ({
	page
}, testInfo) => {
	await page.goto('/');
	await page.getByLabel('Import XMILE').setInputFiles(fixture('test_get_xls_cellrange.mdl'));
	const waiting = page.getByRole('group', { name: 'Data files the model reads' });
	await expect(waiting.getByRole('status')).toHaveText(
		'“test_get_xls_cellrange.mdl” reads inputs.xlsx, which was not imported with it: choose it too.'
	);
	await page.screenshot({ path: testInfo.outputPath('asks-for-data.png') });
	await waiting.getByLabel('Choose inputs.xlsx').setInputFiles(fixture('inputs.xlsx'));
	await expect(page).toHaveURL(/\/notebook\/saved#/);
	await ran(page);
	await page.screenshot({ path: testInfo.outputPath('with-data.png'), fullPage: true });

	// Choosing the model and its spreadsheet together opens it at once.
	await page.goto('/');
	await page
		.getByLabel('Import XMILE')
		.setInputFiles([fixture('test_get_xls_cellrange.mdl'), fixture('inputs.xlsx')]);
	await expect(page).toHaveURL(/\/notebook\/saved#/);
	await ran(page);
});
