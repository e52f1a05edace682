import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const saved = (page: Page) =>
	expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved', { timeout: 5_000 });
const ran = (page: Page) =>
	expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});
const stocks = (page: Page) => page.getByTestId('diagram').locator('[data-kind="stock"]');

async function addStock(page: Page) {
	await page.getByRole('button', { name: 'Stock', exact: true }).focus();
	await page.keyboard.press('Enter');
}

test('a new notebook is saved as it is edited, survives a reload, and an earlier version can be restored', async ({
	page
}, testInfo) => {
	await page.goto('/notebook/new');
	await expect(page.getByRole('status', { name: 'Save state' })).toContainText(
		'first edit saves it'
	);
	await addStock(page);
	await saved(page);
	// The first save of a notebook on a cold page can take seconds on a busy machine.
	await expect(page).toHaveURL(/\/notebook\/saved#[0-9a-f]{12}$/, { timeout: 15_000 });
	await page.reload();
	await expect(stocks(page)).toHaveCount(1);
	await saved(page);

	await addStock(page);
	await expect(stocks(page)).toHaveCount(2);
	await saved(page);
	await page.screenshot({ path: testInfo.outputPath('saved.png') });
	await page.getByText('Versions').click();
	const versions = page.getByRole('list', { name: 'Earlier versions' }).getByRole('listitem');
	await expect(versions).toHaveCount(2);
	await page.screenshot({ path: testInfo.outputPath('versions.png') });
	await versions.nth(1).getByRole('button', { name: 'Restore' }).click();
	await expect(stocks(page)).toHaveCount(1);
	await expect(page.getByText(/Restored the version saved at/)).toBeVisible();
	await saved(page);
	await page.reload();
	await expect(stocks(page)).toHaveCount(1);

	// The home page lists it, and it can be renamed, duplicated, deleted and brought back.
	await page.goto('/');
	const mine = page.getByRole('list', { name: 'Your notebooks' }).getByRole('listitem');
	await expect(mine).toHaveCount(1);
	await expect(mine).toContainText('Untitled notebook');
	await expect(mine).toContainText(/Changed \d/);
	await mine.getByRole('button', { name: 'Rename' }).click();
	await mine.getByRole('textbox', { name: 'New title' }).fill('Winter <b>plan</b>');
	await mine.getByRole('button', { name: 'Save title' }).click();
	await expect(mine.getByRole('heading', { name: 'Winter <b>plan</b>' })).toBeVisible();
	await mine.getByRole('button', { name: 'Duplicate' }).click();
	await expect(mine).toHaveCount(2);
	await expect(page.getByRole('heading', { name: 'Copy of Winter <b>plan</b>' })).toBeVisible();
	await mine.filter({ hasText: 'Copy of' }).getByRole('button', { name: 'Delete' }).click();
	await expect(mine).toHaveCount(1);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(mine).toHaveCount(2);
	await page.screenshot({ path: testInfo.outputPath('library.png'), fullPage: true });
});

test('an example becomes the planner’s own copy at the first edit; the example itself is unchanged', async ({
	page
}) => {
	await page.goto('/example/bathtub-basics');
	await expect(page.getByRole('status', { name: 'Save state' })).toContainText('Example');
	await ran(page);
	const before = await stocks(page).count();
	await addStock(page);
	await saved(page);
	// The first save of a notebook on a cold page can take seconds on a busy machine.
	await expect(page).toHaveURL(/\/notebook\/saved#[0-9a-f]{12}$/, { timeout: 15_000 });
	await expect(page.getByText('This is now your own copy')).toBeVisible();
	await page.reload();
	await expect(stocks(page)).toHaveCount(before + 1);
	await page.goto('/example/bathtub-basics');
	await expect(stocks(page)).toHaveCount(before);
});

test('a conformance XMILE file imports through the file picker and runs', async ({ page }) => {
	await page.goto('/');
	await page
		.getByLabel('Import XMILE')
		.setInputFiles(path.resolve('../shared/conformance/sdxorg/samples/teacup/teacup.xmile'));
	// The first save of a notebook on a cold page can take seconds on a busy machine.
	await expect(page).toHaveURL(/\/notebook\/saved#[0-9a-f]{12}$/, { timeout: 15_000 });
	await expect(stocks(page)).toHaveAttribute('data-name', 'Teacup Temperature');
	await ran(page);
	await saved(page);
	await page.goto('/');
	await expect(page.getByRole('list', { name: 'Your notebooks' })).toContainText(/teacup/i);
});

test('two tabs on one notebook: a tab with unsaved edits is warned, a tab with none shows the newer version', async ({
	page,
	context
}) => {
	await page.goto('/notebook/new');
	await addStock(page);
	await saved(page);
	const other = await context.newPage();
	await other.goto(page.url());
	await expect(stocks(other)).toHaveCount(1);
	await addStock(page);
	await saved(page);
	await expect(other.getByText('changed in another tab: it now shows that version')).toBeVisible();
	await expect(stocks(other)).toHaveCount(2);
	await other.close();
});

test('a file dropped on the home page is imported into the library', async ({ page }) => {
	await page.goto('/');
	const xml = readFileSync(
		path.resolve('../shared/conformance/sdxorg/samples/teacup/teacup.xmile'),
		'utf8'
	);
	const dataTransfer = await page.evaluateHandle((text) => {
		const transfer = new DataTransfer();
		transfer.items.add(new File([text], 'teacup.xmile', { type: 'application/xml' }));
		return transfer;
	}, xml);
	await page
		.getByRole('region', { name: 'Drop a file to import' })
		.dispatchEvent('drop', { dataTransfer });
	// The first save of a notebook on a cold page can take seconds on a busy machine.
	await expect(page).toHaveURL(/\/notebook\/saved#[0-9a-f]{12}$/, { timeout: 15_000 });
	await expect(stocks(page)).toHaveAttribute('data-name', 'Teacup Temperature');
	await ran(page);
});

test('two tabs on one notebook: a tab whose edit is not saved yet is warned, and keeps its edit', async ({
	page,
	context
}) => {
	await context.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
			if ((window as unknown as { full?: boolean }).full)
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		};
	});
	await page.goto('/notebook/new');
	await addStock(page);
	await saved(page);
	const other = await context.newPage();
	await other.goto(page.url());
	await expect(stocks(other)).toHaveCount(1);
	// The other tab's edit cannot be written yet, so it is only in that tab's memory.
	await other.evaluate(() => ((window as unknown as { full?: boolean }).full = true));
	await other.getByRole('button', { name: 'Auxiliary', exact: true }).focus();
	await other.keyboard.press('Enter');
	await expect(other.getByRole('status', { name: 'Save state' })).toContainText('Not saved');
	await addStock(page);
	await saved(page);
	await expect(other.getByRole('alert')).toContainText('also changed in another tab');
	await expect(other.getByTestId('diagram').locator('[data-kind="aux"]')).toHaveCount(1);
	// Closing the tab now would lose the choice: the browser asks first, and staying keeps it all.
	const asked = new Promise<string>((resolve) =>
		other.once('dialog', (dialog) => {
			resolve(dialog.type());
			void dialog.dismiss();
		})
	);
	await other.close({ runBeforeUnload: true });
	expect(await asked).toBe('beforeunload');
	await expect(other.getByRole('alert')).toContainText('also changed in another tab');
	await other.evaluate(() => ((window as unknown as { full?: boolean }).full = false));
	await other.getByRole('button', { name: /Keep the edits here/ }).click();
	await saved(other);
	await page.reload();
	await expect(page.getByTestId('diagram').locator('[data-kind="aux"]')).toHaveCount(1);
});

test('axe finds no serious or critical violation on the library and link pages', async ({
	page
}) => {
	const { default: AxeBuilder } = await import('@axe-core/playwright');
	await page.goto('/notebook/new');
	await addStock(page);
	await saved(page);
	for (const url of ['/', page.url(), '/open#nb1.broken$']) {
		await page.goto(url);
		await page.waitForLoadState('networkidle');
		const results = await new AxeBuilder({ page }).analyze();
		const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(
			bad.map(
				(v) =>
					`${url} ${v.id}: ${v.help} (${v.nodes
						.map((n) => n.target.join(' '))
						.slice(0, 3)
						.join(', ')})`
			)
		).toEqual([]);
	}
});

test('an edit survives the tab being closed a moment after it, however soon', async ({
	context
}) => {
	const opening = await context.newPage();
	await opening.goto('/notebook/new');
	await addStock(opening);
	await saved(opening);
	const url = opening.url();
	await opening.close();
	// Each time: open the notebook, add a stock, close the tab this long after, before the save's
	// pause is up. The next page finds every stock.
	const delays = [0, 20, 50, 100, 200];
	for (const delay of delays) {
		const tab = await context.newPage();
		await tab.goto(url);
		await expect(stocks(tab)).not.toHaveCount(0);
		const before = await stocks(tab).count();
		await addStock(tab);
		await expect(stocks(tab)).toHaveCount(before + 1);
		await tab.waitForTimeout(delay);
		await tab.close();
	}
	const reopened = await context.newPage();
	await reopened.goto(url);
	await expect(stocks(reopened)).toHaveCount(1 + delays.length);
	await saved(reopened);
	// The library lists it once, not once per recovered edit.
	await reopened.goto('/');
	await expect(
		reopened.getByRole('list', { name: 'Your notebooks' }).getByRole('listitem')
	).toHaveCount(1);
});

test('a model too big to compile is refused at once, naming the variable, and its notebook still opens', async ({
	page
}) => {
	// y[i] = SUM(x[*]) * x over 3,000 elements writes out 9 million names: past the budget.
	const xmile = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
<header><name>Quadratic sums</name></header>
<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>
<dimensions><dim name="D" size="3000"/></dimensions>
<model><variables>
<aux name="x"><dimensions><dim name="D"/></dimensions><eqn>1 + TIME</eqn></aux>
<aux name="y"><dimensions><dim name="D"/></dimensions><eqn>SUM(x[*]) * x</eqn></aux>
</variables></model>
</xmile>`;
	await page.goto('/');
	await page.getByLabel('Import XMILE').setInputFiles({
		name: 'quadratic.xmile',
		mimeType: 'application/xml',
		buffer: Buffer.from(xmile)
	});
	// The first save of a notebook on a cold page can take seconds on a busy machine.
	await expect(page).toHaveURL(/\/notebook\/saved#[0-9a-f]{12}$/, { timeout: 15_000 });
	const refusal = page.getByText(/would come to more than 8 MB of code.*"y" makes/).first();
	await expect(refusal).toBeVisible({ timeout: 20_000 });
	// The notebook is in the library and opens again, with the same answer.
	await page.goto('/');
	await page
		.getByRole('list', { name: 'Your notebooks' })
		.getByRole('link', { name: /Quadratic sums/ })
		.click();
	await expect(refusal).toBeVisible({ timeout: 20_000 });
});
