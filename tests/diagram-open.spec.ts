import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

test('an example notebook shows its title, settings, cells and every stock on the diagram', async ({
	page
}, testInfo) => {
	await page.goto('/example/whole-system-flow');
	const document = JSON.parse(readFileSync('models/whole-system-flow.flowbook.json', 'utf8'));
	await expect(page.getByRole('heading', { level: 1, name: document.title })).toBeVisible();
	// The run settings, summed up in a line, and every one of them in the form behind it.
	const { start, stop } = document.model.simSpecs;
	await expect(page.getByLabel('Run settings', { exact: true }).first()).toContainText(
		new RegExp(`${start} to ${stop}, DT `)
	);
	await page.getByRole('button', { name: 'Run settings', exact: true }).click();
	const form = page.getByRole('form', { name: 'Run settings' });
	for (const field of [
		'Start',
		'Stop',
		'DT',
		'Save interval',
		'Method',
		'Time units',
		'Start date'
	])
		await expect(form.getByLabel(field, { exact: true })).toBeVisible();
	// The levers cell replaced its placeholder: each lever is a slider named by its label.
	await expect(page.getByRole('slider', { name: document.levers[0].label })).toBeVisible();

	// The diagram loads as it comes near the screen.
	await page.getByRole('region', { name: 'Stock and flow diagram' }).scrollIntoViewIfNeeded();
	const diagram = page.getByTestId('diagram');
	const stocks = document.model.variables.filter((v: { kind: string }) => v.kind === 'stock');
	await expect(diagram.locator('[data-kind="stock"]')).toHaveCount(stocks.length);
	for (const stock of stocks) {
		await expect(diagram.locator(`[data-kind="stock"][data-name="${stock.name}"]`)).toBeAttached();
	}
	await diagram.screenshot({ path: testInfo.outputPath('whole-system-flow.png') });
});

test('an imported XMILE model shows its stock and flow where its view puts them', async ({
	page
}, testInfo) => {
	await page.goto('/');
	const file = path.resolve('../shared/conformance/sdxorg/samples/teacup/teacup_w_diagram.xmile');
	await page.getByLabel('Import XMILE').setInputFiles(file);
	await expect(page).toHaveURL(/\/notebook\//);
	const diagram = page.getByTestId('diagram');
	const stock = diagram.locator('[data-kind="stock"]');
	const valve = diagram.locator('[data-kind="flow"]');
	await expect(stock).toHaveAttribute('data-name', 'teacup temperature');
	await expect(stock).toHaveAttribute('data-x', '132');
	await expect(stock).toHaveAttribute('data-y', '97');
	await expect(valve).toHaveAttribute('data-x', '243');
	await expect(valve).toHaveAttribute('data-y', '92');
	// On screen too: the valve is to the right of the stock, 111 units on at the view's zoom, 5 units up.
	const s = (await stock.boundingBox())!;
	const v = (await valve.boundingBox())!;
	const zoom = s.width / 72;
	expect((v.x + v.width / 2 - (s.x + s.width / 2)) / zoom).toBeCloseTo(111, 0);
	expect((v.y + v.height / 2 - (s.y + s.height / 2)) / zoom).toBeCloseTo(-5, 0);
	await diagram.screenshot({ path: testInfo.outputPath('teacup-imported.png') });
});
