import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { COMMUNITY, openWholeSystem } from './whole-system';

// The chart cell itself: the same chart is drawn beside the main levers at the top.
const occupancy = (page: Page) =>
	page
		.locator('section[data-cell="chart-occupancy"]')
		.getByRole('figure')
		.filter({ has: page.getByRole('heading', { name: 'G&A bed occupancy' }) });

test('moving the community capacity lever re-runs the model and the occupancy chart follows', async ({
	page
}) => {
	await openWholeSystem(page);
	const chart = occupancy(page);
	await expect(chart.getByRole('img')).toHaveAttribute(
		'aria-label',
		/G&A bed occupancy: occupancy over years, for Current levers, S0 baseline/
	);
	// Charts draw their lines while in view (or near it), as a reader looks at them.
	await chart.scrollIntoViewIfNeeded();
	const current = chart.locator('path[data-key="current/occupancy"]');
	const before = await current.getAttribute('d');
	// Growth first, so the community capacity has something to relieve.
	await page.getByRole('slider', { name: 'Growth in demand each year (0.02 = 2%)' }).fill('0.02');
	const slider = page.getByRole('slider', { name: COMMUNITY });
	await slider.fill('0.3');
	await expect(page.getByRole('spinbutton', { name: `${COMMUNITY}: value` })).toHaveValue('0.3');
	await expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/);
	await chart.scrollIntoViewIfNeeded();
	await expect.poll(() => current.getAttribute('d')).not.toBe(before);
});

test('a scenario made from the sliders shows as a line and in the table, against the baseline', async ({
	page
}) => {
	await openWholeSystem(page);
	await page.getByRole('slider', { name: 'Growth in demand each year (0.02 = 2%)' }).fill('0.02');
	await page.getByRole('slider', { name: COMMUNITY }).fill('0.2');
	await page.getByLabel('New scenario from the current levers').fill('Community 20%');
	await page.getByRole('button', { name: 'Create scenario' }).click();
	const chart = occupancy(page);
	await chart.scrollIntoViewIfNeeded();
	await expect(chart.getByRole('checkbox', { name: 'Community 20%' })).toBeChecked();
	await expect(chart.locator('path[data-key^="user-"]')).toHaveCount(1, { timeout: 20_000 });
	await expect(chart.locator('path[data-key="s0/occupancy"]')).toHaveCount(1);
	const row = page.locator('.table-cell tr', { hasText: 'Community 20%' }).first();
	await expect(row.locator('.diff.worse, .diff.better').first()).toBeVisible({ timeout: 20_000 });
	// Rename and delete.
	await page.getByRole('textbox', { name: 'Name of Community 20%' }).fill('Community plan');
	await page.getByRole('textbox', { name: 'Name of Community 20%' }).press('Enter');
	await expect(chart.getByRole('checkbox', { name: 'Community plan' })).toBeVisible();
	await page.getByRole('button', { name: 'Delete Community plan' }).click();
	await expect(chart.getByRole('checkbox', { name: 'Community plan' })).toHaveCount(0);
});

test("a chart's CSV has a time column in the model's units, a column per line and a row per saved time", async ({
	page
}) => {
	await openWholeSystem(page);
	const chart = occupancy(page);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		chart.getByRole('button', { name: 'CSV' }).click()
	]);
	expect(download.suggestedFilename()).toBe('g-a-bed-occupancy.csv');
	const lines = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\n');
	expect(lines[0]).toBe(
		'time (day),Current levers,S0 baseline,S1 do nothing,S2 +100 acute beds,S3 same money in community,S8 flow levers only,S9 community mix + flow levers'
	);
	expect(lines.length).toBe(1 + 3651);
	expect(lines[366].split(',')[0]).toBe('365');
});

test('an equation that produces NaN names the variable and time, and the page stays usable', async ({
	page
}) => {
	const notebook = {
		schemaVersion: 1,
		title: 'Goes wrong',
		description: '',
		model: {
			simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler', timeUnits: 'day' },
			variables: [
				{ kind: 'stock', id: 'Tank', name: 'Tank', initial: '1', inflows: ['fill'], outflows: [] },
				{ kind: 'flow', id: 'fill', name: 'fill', equation: 'IF TIME > breaks_at THEN 0/0 ELSE 1' },
				{ kind: 'aux', id: 'breaks_at', name: 'breaks at', equation: '4' }
			]
		},
		scenarios: [{ id: 'baseline', name: 'Baseline', colour: '#1f5f8b', overrides: {} }],
		levers: [{ variable: 'breaks_at', label: 'When it breaks', min: 0, max: 20, step: 1 }],
		cells: [
			{ id: 'levers', kind: 'levers' },
			{ id: 'chart', kind: 'chart', title: 'Tank', variables: ['Tank'] }
		]
	};
	await page.goto('/');
	await page.getByLabel('Import XMILE').setInputFiles({
		name: 'nan.flowbook.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(notebook))
	});
	const status = page.getByRole('status', { name: 'Model run' });
	await expect(status).toContainText(/Error in fill at time 5/, { timeout: 20_000 });
	await expect(status).toContainText(/NaN/);
	await page.getByRole('slider', { name: 'When it breaks' }).fill('20');
	await expect(status).toContainText(/Ran in \d+ ms/);
	await expect(page.getByRole('figure').getByRole('img')).toHaveAttribute(
		'aria-label',
		/Tank: Tank over days/
	);
});
