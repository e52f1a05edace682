import { expect, test } from '@playwright/test';
import path from 'node:path';

const ran = (page: import('@playwright/test').Page) =>
	expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, { timeout: 30_000 });

// The diagram shows the root model only (module instances are not drawn yet); the run includes the modules.
test('an XMILE file with modules imports, shows its root model and runs', async ({ page }, testInfo) => {
	await page.goto('/');
	await page.getByLabel('Import XMILE').setInputFiles(path.resolve('../shared/conformance/sdxorg/samples/bpowers-hares_and_lynxes_modules/model.stmx'));
	await expect(page).toHaveURL(/\/notebook\/saved#[0-9a-f]{12}$/);
	await expect(page.getByTestId('diagram').locator('[data-name="area"]')).toBeVisible();
	await ran(page);
	await page.screenshot({ path: testInfo.outputPath('modules.png'), fullPage: true });
});

test('an XMILE file with a macro holding a stock imports and runs', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('Import XMILE').setInputFiles(path.resolve('../shared/conformance/simlin/macro_stock/test_macro_stock.xmile'));
	await expect(page).toHaveURL(/\/notebook\/saved#[0-9a-f]{12}$/);
	await ran(page);
});
