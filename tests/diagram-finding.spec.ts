/**
 * Finding your way in a big model (model A, 162 variables), and aliases in a Stella file: the
 * diagram opens at a size that can be read, the search box selects and shows a variable, sectors
 * move the view and fold away, and an imported alias brings in its variable with no false warning.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const WARD = path.resolve('tests/fixtures/ward-with-alias.xmile');

/** The diagram's zoom and pan, from Svelte Flow's viewport transform. */
async function viewport(page: Page) {
	const transform = await page
		.getByTestId('diagram')
		.locator('.svelte-flow__viewport')
		.evaluate((el) => getComputedStyle(el).transform);
	const [a, , , , e, f] = /matrix\(([^)]+)\)/.exec(transform)![1].split(',').map(Number);
	return { zoom: a, x: e, y: f };
}

const node = (page: Page, id: string) =>
	page.getByTestId('diagram').locator(`.svelte-flow__node[data-id="${id}"]`);

/** Whether a node's centre is inside the diagram's canvas. */
async function inView(page: Page, id: string): Promise<boolean> {
	const canvas = (await page.getByTestId('diagram').boundingBox())!;
	const box = await node(page, id).boundingBox();
	if (!box) return false;
	const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
	return (
		x > canvas.x && x < canvas.x + canvas.width && y > canvas.y && y < canvas.y + canvas.height
	);
}

test('model A opens readable; search, sectors and folding find the way round it', async ({
	page
}, testInfo) => {
	test.setTimeout(60_000);
	await page.setViewportSize({ width: 1366, height: 900 });
	await page.goto('/example/whole-system-flow');
	// The diagram loads as it comes near the screen.
	await page.getByRole('region', { name: 'Stock and flow diagram' }).scrollIntoViewIfNeeded();
	const diagram = page.getByTestId('diagram');
	await diagram.scrollIntoViewIfNeeded();
	await expect(page.getByRole('status').filter({ hasText: 'Showing the' })).toHaveText(
		/Showing the Front door: demand and A&E sector at a size you can read/
	);
	// Names are 11 px: at 0.9 or more they can be read.
	await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThanOrEqual(0.9);
	await page.screenshot({ path: testInfo.outputPath('model-a-opening.png') });

	// Search by name, written as a planner would: selected and brought into view.
	const search = page.getByRole('combobox', { name: 'Find a variable by name or lever label' });
	expect(await inView(page, 'occupancy')).toBe(false);
	await search.fill('occupancy');
	await search.press('Enter');
	await expect(node(page, 'occupancy')).toHaveClass(/selected/);
	await expect.poll(() => inView(page, 'occupancy')).toBe(true);
	await expect(page.getByRole('region', { name: 'Selected variable' })).toHaveCount(0);
	await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('occupancy');
	// … or by the label of its lever.
	await search.fill('grow intermediate care');
	await search.press('Enter');
	await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(
		'extra_community_capacity'
	);
	await search.fill('waiting list size');
	await search.press('Enter');
	await expect(page.getByRole('alert')).toHaveText(
		'No variable is called or labelled “waiting list size”'
	);

	// A sector button moves the view there, readable.
	const sectors = page.getByRole('group', { name: 'Sectors' });
	await sectors.getByRole('button', { name: 'Discharge pathways', exact: true }).click();
	await expect.poll(() => inView(page, 'awaiting_p2')).toBe(true);
	expect((await viewport(page)).zoom).toBeGreaterThanOrEqual(0.9);

	// Folding a sector away hides what it holds, and the lines to it; search opens it again.
	await sectors.getByRole('button', { name: 'Collapse Community services' }).click();
	await expect(node(page, 'home_care_clients')).toBeHidden();
	await expect(
		diagram.locator('[data-kind="sector"][data-name="Community services"]')
	).toContainText('folded away');
	await search.fill('home care clients');
	await search.press('Enter');
	await expect(node(page, 'home_care_clients')).toBeVisible();
	await expect(
		sectors.getByRole('button', { name: 'Collapse Community services' })
	).toHaveAttribute('aria-pressed', 'false');

	// Fit to view still shows the whole diagram, and the note goes.
	await page.getByRole('button', { name: 'Fit to view' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Showing the' })).toHaveCount(0);
	await expect.poll(async () => (await viewport(page)).zoom).toBeLessThan(0.5);
});

test('an alias from a Stella file is drawn, brings its variable in, and goes back out in XMILE', async ({
	page
}, testInfo) => {
	await page.goto('/');
	await page.getByLabel('Import XMILE or .flowbook.json').setInputFiles(WARD);
	await expect(page).toHaveURL(/\/notebook\//);
	const diagram = page.getByTestId('diagram');
	const aliases = diagram.locator('.svelte-flow__node[aria-label="Alias of Length of stay"]');
	await expect(aliases).toHaveCount(1);
	await expect(
		diagram.locator(
			'.svelte-flow__edge[aria-label="Connector from Length of stay (alias) to Discharges"]'
		)
	).toHaveCount(1);
	// Discharges uses Length of stay through the alias: no "no connector brings it in".
	await expect(diagram.getByTestId('warning-mark')).toHaveCount(0);

	// A second alias, made from the diagram, selected and described in the side panel.
	await diagram.locator('[data-name="Length of stay"][data-kind="aux"]').click();
	await page.getByRole('button', { name: 'Alias', exact: true }).click();
	await expect(aliases).toHaveCount(2);
	await expect(page.getByText('An alias of Length of stay')).toBeVisible();

	// A sector drawn around what is selected, named as it is made.
	await page.getByRole('button', { name: 'Sector', exact: true }).click();
	const sectorName = page.getByRole('textbox', { name: 'Name of sector Sector 1' });
	await expect(sectorName).toBeFocused();
	await page.keyboard.type('Ward');
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('group', { name: 'Sectors' }).getByRole('button', { name: 'Ward', exact: true })
	).toBeVisible();
	await expect(diagram.locator('[data-kind="sector"][data-name="Ward"]')).toHaveCount(1);
	await diagram.screenshot({ path: testInfo.outputPath('alias-and-sector.png') });
	// The finder, the sector bar, and the alias and sector on the diagram pass axe.
	const problems = (await new AxeBuilder({ page }).include('.editor').analyze()).violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}`);
	expect(problems).toEqual([]);

	// Written back: both aliases, the connector out of the first, and the sector.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download .xmile' }).click()
	]);
	const xmile = await readFile(await download.path(), 'utf8');
	expect(xmile.match(/<alias uid="\d+" x=/g)).toHaveLength(2);
	expect(xmile).toMatch(/<from>\s*<alias uid="\d+"\s*\/>\s*<\/from>\s*<to>Discharges<\/to>/);
	expect(xmile).toMatch(/<group uid="\d+" name="Ward"[^>]*>\s*<item uid="\d+"/);

	// Deleted with the keyboard, it goes; undo brings it back.
	await diagram.locator('.svelte-flow__node[aria-label="Alias of Length of stay"]').last().click();
	await page.keyboard.press('Delete');
	await expect(aliases).toHaveCount(1);
	await page.getByRole('button', { name: 'Undo', exact: true }).click();
	await expect(aliases).toHaveCount(2);
});
