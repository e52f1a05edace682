import { expect, test, type Page } from '@playwright/test';

const ADMISSIONS = 'Admissions per day (outside winter)';

const ran = (page: Page) =>
	expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});
const saved = (page: Page) =>
	expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved', { timeout: 5_000 });

async function ownBathtub(page: Page) {
	await page.goto('/example/bathtub-basics');
	await ran(page);
	await page.getByRole('button', { name: 'Save a copy' }).click();
	// The first save of a notebook on a cold page can take seconds on a busy machine.
	await expect(page).toHaveURL(/\/notebook\/saved#[0-9a-f]{12}$/, { timeout: 15_000 });
	await saved(page);
}

// What you leave is what you find: the sliders are part of the notebook.
test('lever positions survive a reload and travel in a share link', async ({ page, browser }) => {
	await ownBathtub(page);
	const slider = page.getByRole('slider', { name: ADMISSIONS });
	await expect(slider).toHaveValue('40');
	await slider.focus();
	for (let i = 0; i < 5; i++) await slider.press('ArrowRight');
	await expect(slider).toHaveValue('45');
	// The position joins the notebook once the slider rests, and is saved soon after.
	await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Unsaved changes');
	await saved(page);
	await page.reload();
	await ran(page);
	await expect(page.getByRole('slider', { name: ADMISSIONS })).toHaveValue('45');
	// Moving a slider adds no version: the history holds the copy, and nothing else.
	await page.getByText('Versions').click();
	await expect(
		page.getByRole('list', { name: 'Earlier versions' }).getByRole('listitem')
	).toHaveCount(1);

	await page.getByRole('button', { name: 'Share', exact: true }).click();
	const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
	const fresh = await browser.newContext();
	const reader = await fresh.newPage();
	await reader.goto(link);
	await ran(reader);
	await expect(reader.getByRole('slider', { name: ADMISSIONS })).toHaveValue('45');
	await fresh.close();
});

test('a version can be named, and the name stays', async ({ page }) => {
	await ownBathtub(page);
	await page.getByText('Versions').click();
	const list = page.getByRole('list', { name: 'Earlier versions' });
	const name = list.getByRole('textbox').first();
	await name.fill('Before the winter plan');
	await name.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Named the version' })).toContainText(
		'“Before the winter plan”: it is kept however many saves follow'
	);
	await expect(list.getByRole('listitem').first()).toContainText('Before the winter plan');
	// An edit makes a new version; the named one is still there, by name, after a reload.
	await page.getByRole('button', { name: 'Edit title and description' }).click();
	await page.getByLabel('Title', { exact: true }).fill('Winter plan');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await saved(page);
	await page.reload();
	await ran(page);
	await page.getByText('Versions').click();
	await expect(list.getByRole('listitem')).toHaveCount(2);
	await expect(list.getByRole('listitem').nth(1)).toContainText('Before the winter plan');
	await expect(list.getByRole('listitem').nth(1).getByRole('textbox')).toHaveValue(
		'Before the winter plan'
	);
});
