import { expect, test, type Page } from '@playwright/test';

// Issue 14, item 9: one tab going from one saved notebook to another by its link.
const saved = (page: Page) =>
	expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved', { timeout: 5_000 });
const stocks = (page: Page) => page.getByTestId('diagram').locator('[data-kind="stock"]');

async function addStock(page: Page) {
	await page.getByRole('button', { name: 'Stock', exact: true }).focus();
	await page.keyboard.press('Enter');
}

/** A new notebook with `count` stocks, saved; its id. */
async function savedNotebook(page: Page, count: number): Promise<string> {
	await page.goto('/notebook/new');
	for (let i = 0; i < count; i++) await addStock(page);
	await expect(stocks(page)).toHaveCount(count);
	await saved(page);
	// The first save of a notebook on a cold page can take seconds on a busy machine.
	await expect(page).toHaveURL(/\/notebook\/saved#[0-9a-f]{12}$/, { timeout: 15_000 });
	return new URL(page.url()).hash.slice(1);
}

test('in one tab, a link to another saved notebook shows it, and no save crosses between them', async ({
	page
}) => {
	const a = await savedNotebook(page, 1);
	const b = await savedNotebook(page, 2);
	expect(a).not.toBe(b);

	await page.goto(`/notebook/saved#${a}`);
	await expect(stocks(page)).toHaveCount(1);
	// The address changes only in its fragment, as when a link to B is followed or pasted.
	await page.evaluate((id) => (location.hash = id), b);
	await expect(stocks(page)).toHaveCount(2);

	await addStock(page);
	await expect(stocks(page)).toHaveCount(3);
	await saved(page);
	await page.goBack();
	await expect(page).toHaveURL(new RegExp(`#${a}$`));
	await expect(stocks(page)).toHaveCount(1);

	// Each notebook kept only its own edits.
	await page.reload();
	await expect(stocks(page)).toHaveCount(1);
	await page.goto(`/notebook/saved#${b}`);
	await expect(stocks(page)).toHaveCount(3);
});
