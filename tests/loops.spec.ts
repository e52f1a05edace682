/**
 * A loops cell as a reader meets it: added to the bathtub example, it finds the one balancing
 * loop of the beds (Occupied Beds drained by Discharges), says in a sentence that it dominates
 * once the beds move (day 120), charts its relative score (−100% then), selects its variables on
 * the diagram when chosen, and exports its scores as CSV.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

test('a loops cell names the loop that drives an output and shows it on the diagram', async ({
	page
}) => {
	await page.goto('/example/bathtub-basics');
	await expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});
	const insert = page.locator('.insert').last();
	await insert.getByRole('button', { name: 'Add cell' }).click();
	await page
		.getByRole('menu', { name: 'Add a cell here' })
		.getByRole('menuitem', { name: 'Loops that matter' })
		.click();
	const section = page.locator('section[data-cell]').filter({ has: page.locator('.loops-cell') });
	// A new cell opens its settings: keep the first stock as the output.
	await section.getByRole('button', { name: 'Save settings' }).click();
	const figure = section.getByRole('figure');
	await expect(
		figure.getByRole('heading', { name: 'Loops that matter for Occupied Beds' })
	).toBeVisible();
	await expect(figure.locator('.sentence')).toHaveText(
		'Until day 120 no loop dominates Occupied Beds; after that the balancing loop B1 (the Discharges loop through Occupied Beds).',
		{ timeout: 30_000 }
	);
	await expect(
		figure.getByRole('img', { name: /Relative loop scores of the loops through Occupied Beds/ })
	).toBeVisible();

	const loop = figure.getByRole('button', { name: /B1 the Discharges loop/ });
	await loop.click();
	await expect(loop).toHaveAttribute('aria-pressed', 'true');
	for (const name of ['Occupied Beds', 'Discharges'])
		await expect(page.locator(`[data-kind][data-name="${name}"]`)).toHaveClass(/\bselected\b/);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		figure.getByRole('button', { name: 'CSV' }).click()
	]);
	const rows = (await readFile((await download.path())!, 'utf8')).trim().split(/\r?\n/);
	expect(rows[0]).toMatch(/B1 the Discharges loop through Occupied Beds/);
	// Steady until admissions step up at day 120; then the one loop is all of the change, balancing.
	expect(rows[1]).toMatch(/^0,0$/);
	expect(rows.at(-1)).toMatch(/,-1$/);
});
