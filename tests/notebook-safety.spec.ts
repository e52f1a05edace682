import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('text cells render Markdown with no script, event handler or javascript: link', async ({
	page
}) => {
	const markdown = [
		'# Heading',
		'Some **bold** text and a [safe link](https://example.org).',
		'<script>window.pwned = 1</script>',
		'<img src="x" onerror="window.pwned = 2">',
		'[click me](javascript:window.pwned=3)',
		'<a href="javascript:window.pwned=4">raw link</a>'
	].join('\n\n');
	const notebook = {
		schemaVersion: 1,
		title: 'Hostile notebook',
		description: '',
		model: { simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' }, variables: [] },
		scenarios: [],
		levers: [],
		cells: [{ id: 't', kind: 'text', markdown }]
	};
	await page.goto('/');
	await page.getByLabel('Import XMILE').setInputFiles({
		name: 'hostile.flowbook.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(notebook))
	});
	await expect(page.getByRole('heading', { name: 'Heading' })).toBeVisible();
	await expect(page.getByText('bold')).toBeVisible();
	const cell = page.locator('.text-cell');
	await expect(cell.locator('script')).toHaveCount(0);
	await expect(cell.locator('[onerror]')).toHaveCount(0);
	for (const href of await cell
		.locator('a')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
		expect(href).not.toMatch(/^\s*javascript:/i);
	}
	await page.getByText('click me').click();
	expect(
		await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)
	).toBeUndefined();
});

for (const path of ['/example/bathtub-basics', '/notebook/new']) {
	test(`axe finds no serious or critical violation on ${path}`, async ({ page }) => {
		await page.goto(path);
		await expect(page.getByTestId('diagram').locator('.svelte-flow__pane')).toBeVisible();
		if (path.startsWith('/example'))
			await page.getByTestId('diagram').locator('[data-kind="stock"]').first().click();
		const results = await new AxeBuilder({ page }).analyze();
		const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(
			bad.map(
				(v) =>
					`${v.id}: ${v.help} (${v.nodes
						.map((n) => n.target.join(' '))
						.slice(0, 3)
						.join(', ')})`
			)
		).toEqual([]);
	});
}

test('the palette works from the keyboard', async ({ page }) => {
	await page.goto('/notebook/new');
	await page.getByRole('button', { name: 'Stock', exact: true }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Stock 1');
	// Flow starts at the selected stock; pressed again, it ends in a cloud.
	await page.getByRole('button', { name: 'Flow', exact: true }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText('Flow from Stock 1:')).toBeVisible();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Flow 1');
	await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
	await page.getByRole('button', { name: 'Auxiliary', exact: true }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Auxiliary 1');
	const diagram = page.getByTestId('diagram');
	await expect(diagram.locator('[data-kind="stock"]')).toHaveCount(1);
	await expect(diagram.locator('[data-kind="flow"]')).toHaveCount(1);
	await expect(diagram.locator('[data-kind="cloud"]')).toHaveCount(1);
});
