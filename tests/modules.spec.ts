import { expect, test } from '@playwright/test';
import path from 'node:path';

const ran = (page: import('@playwright/test').Page) =>
	expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});

// The diagram shows the root model's variables and each module instance, linked as the connections
// say; selecting a module shows what feeds it and what it holds. The run includes the modules.
test('an XMILE file with modules imports, draws its modules with their connections, and runs', async ({
	page
}, testInfo) => {
	await page.goto('/');
	await page
		.getByLabel('Import XMILE')
		.setInputFiles(
			path.resolve(
				'../shared/conformance/sdxorg/samples/bpowers-hares_and_lynxes_modules/model.stmx'
			)
		);
	// The first save of a notebook on a cold page can take seconds on a busy machine.
	await expect(page).toHaveURL(/\/notebook\/saved#[0-9a-f]{12}$/, { timeout: 15_000 });
	const diagram = page.getByTestId('diagram');
	await expect(diagram.locator('[data-name="area"]')).toBeVisible();
	await expect(diagram.locator('[data-kind="module"]')).toHaveCount(2);
	await expect(diagram.locator('.svelte-flow__node[aria-label="Module hares"]')).toHaveCount(1);
	await expect(
		diagram.locator('.svelte-flow__edge[aria-label="Module connection: area feeds hares.area"]')
	).toHaveCount(1);
	await expect(
		diagram.locator(
			'.svelte-flow__edge[aria-label="Module connection: hares.hare density feeds lynxes.hare density"]'
		)
	).toHaveCount(1);
	await ran(page);
	await diagram.locator('[data-kind="module"][data-name="hares"]').click();
	const panel = page.getByRole('region', { name: 'Module hares' });
	await expect(panel.getByRole('listitem')).toHaveText([
		'hares.area ← area',
		'hares.lynxes ← lynxes.lynxes'
	]);
	await expect(panel.getByRole('rowheader', { name: /^hare density/ })).toContainText(
		'auxiliary, output'
	);
	// Dragged, it stays where it is put; Delete removes it, and undo brings it back.
	const before = await diagram
		.locator('[data-kind="module"][data-name="hares"]')
		.getAttribute('data-x');
	const box = (await diagram.locator('[data-kind="module"][data-name="hares"]').boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	for (let i = 1; i <= 10; i++)
		await page.mouse.move(box.x + box.width / 2 - i * 8, box.y + box.height / 2 - i * 3);
	await page.mouse.up();
	await expect(diagram.locator('[data-kind="module"][data-name="hares"]')).not.toHaveAttribute(
		'data-x',
		before!
	);
	await page.screenshot({ path: testInfo.outputPath('modules.png'), fullPage: true });
	await page.keyboard.press('Delete');
	await expect(diagram.locator('[data-kind="module"]')).toHaveCount(1);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(diagram.locator('[data-kind="module"]')).toHaveCount(2);
});

test('an XMILE file with a macro holding a stock imports and runs', async ({ page }) => {
	await page.goto('/');
	await page
		.getByLabel('Import XMILE')
		.setInputFiles(path.resolve('../shared/conformance/simlin/macro_stock/test_macro_stock.xmile'));
	// The first save of a notebook on a cold page can take seconds on a busy machine.
	await expect(page).toHaveURL(/\/notebook\/saved#[0-9a-f]{12}$/, { timeout: 15_000 });
	await ran(page);
});
