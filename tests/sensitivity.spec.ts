import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

async function openWithSensitivity(page: Page) {
	await page.goto('/example/whole-system-flow');
	await expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});
	await page.getByRole('button', { name: 'Add a sensitivity analysis' }).click();
	const cell = page.getByRole('region', { name: 'Sensitivity analysis' });
	await expect(cell).toBeVisible();
	return cell;
}

/** The file a fan's export button downloads, and its name. */
async function exported(
	page: Page,
	cell: Locator,
	output: string,
	format: 'PNG' | 'SVG' | 'CSV'
): Promise<{ name: string; bytes: Buffer }> {
	const button = cell
		.getByRole('group', { name: `Export ${output}` })
		.getByRole('button', { name: format });
	const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
	return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

const csvOf = async (page: Page, cell: Locator, output: string) =>
	(await exported(page, cell, output, 'CSV')).bytes.toString('utf8');

test('a 200-run sensitivity shows a fan chart, and the same seed gives the same percentiles', async ({
	page
}) => {
	test.setTimeout(150_000);
	let cell = await openWithSensitivity(page);
	// The first lever is varied by default; add a second constant with a triangular spread.
	await expect(cell.locator('.name', { hasText: 'demand growth' })).toBeVisible();
	await cell.getByRole('combobox', { name: 'Constant to vary' }).selectOption('extra_acute_beds');
	await cell.getByRole('button', { name: 'Vary it' }).click();
	await cell
		.getByRole('combobox', { name: 'extra acute beds: distribution' })
		.selectOption('triangular');
	await cell.getByRole('spinbutton', { name: 'extra acute beds: max' }).fill('200');
	await cell.getByRole('spinbutton', { name: 'extra acute beds: max' }).blur();
	await cell.getByLabel('Seed').fill('42');
	await cell.getByLabel('Seed').blur();
	await expect(cell.getByLabel('Runs')).toHaveValue('200');

	// The settings are the notebook's: saved with it, so they are still there after a reload.
	await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved', {
		timeout: 10_000
	});
	await page.reload();
	cell = page.getByRole('region', { name: 'Sensitivity analysis' });
	await expect(cell.getByRole('combobox', { name: 'extra acute beds: distribution' })).toHaveValue(
		'triangular',
		{ timeout: 30_000 }
	);
	await expect(cell.getByRole('spinbutton', { name: 'extra acute beds: max' })).toHaveValue('200');
	await expect(cell.getByLabel('Seed')).toHaveValue('42');
	await expect(cell.locator('.name')).toHaveText(['demand growth', 'extra acute beds']);
	await expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});

	await cell.getByRole('button', { name: 'Run sensitivity' }).click();
	const status = cell.getByRole('status', { name: 'Sensitivity status' });
	await expect(status).toContainText('200 runs in', { timeout: 90_000 });
	const fan = cell.getByRole('figure').getByRole('img');
	await expect(fan).toHaveAttribute(
		'aria-label',
		/5th, 25th, 50th, 75th and 95th percentiles over years, across 200 runs/
	);
	await expect(fan.locator('path[data-band="5-95"]')).toHaveCount(1);
	const first = await csvOf(page, cell, 'occupancy');
	const rows = first.trimEnd().split('\n');
	expect(rows[0]).toBe(
		'time (year),occupancy p5,occupancy p25,occupancy p50,occupancy p75,occupancy p95'
	);
	expect(rows.length).toBe(1 + 3651);
	expect(rows[1].split(',').map(Number)[0]).toBe(0);
	// The bands spread out: by year ten the 5th percentile sits below the 95th.
	const [, p5, , p50, , p95] = rows.at(-1)!.split(',').map(Number);
	expect(p5).toBeLessThan(p50);
	expect(p50).toBeLessThan(p95);

	// Again with the same seed: identical percentiles, whichever worker ran which sample.
	await cell.getByRole('button', { name: 'Run sensitivity' }).click();
	await expect(status).toContainText('Running');
	await expect(status).toContainText('200 runs in', { timeout: 90_000 });
	expect(await csvOf(page, cell, 'occupancy')).toBe(first);
	await cell.getByRole('figure').scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/sensitivity-fan.png', fullPage: false });
});

test("a fan chart exports as PNG and SVG, and its CSV has the time and each output's five percentiles", async ({
	page
}) => {
	test.setTimeout(120_000);
	const cell = await openWithSensitivity(page);
	await cell
		.getByRole('combobox', { name: 'Output to chart' })
		.selectOption('four_hour_performance');
	await cell.getByRole('button', { name: 'Chart it' }).click();
	await cell.getByLabel('Runs').fill('40');
	await cell.getByLabel('Runs').blur();
	await cell.getByRole('button', { name: 'Run sensitivity' }).click();
	await expect(cell.getByRole('status', { name: 'Sensitivity status' })).toContainText(
		'40 runs in',
		{ timeout: 90_000 }
	);
	await expect(cell.getByRole('figure')).toHaveCount(2);

	const svg = await exported(page, cell, 'four hour performance', 'SVG');
	expect(svg.name).toBe('four-hour-performance-sensitivity.svg');
	const text = svg.bytes.toString('utf8');
	expect(text).toMatch(/^<svg[^>]* xmlns="http:\/\/www.w3.org\/2000\/svg"/);
	expect(text).toMatch(/<title>[^<]+: sensitivity across \d+ runs<\/title>/);
	expect(text).toContain(
		'<desc>four hour performance: the 5th, 25th, 50th, 75th and 95th percentiles over years, across 40 runs</desc>'
	);
	expect(text).toContain('data-band="5-95"');

	const png = await exported(page, cell, 'occupancy', 'PNG');
	expect(png.name).toBe('occupancy-sensitivity.png');
	expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(1000); // drawn at twice the chart's width

	const csv = (await exported(page, cell, 'four hour performance', 'CSV')).bytes
		.toString('utf8')
		.trimEnd()
		.split('\n');
	expect(csv[0]).toBe(
		'time (year),four_hour_performance p5,four_hour_performance p25,four_hour_performance p50,four_hour_performance p75,four_hour_performance p95'
	);
	expect(csv.length).toBe(1 + 3651);
	expect(csv.every((row) => row.split(',').length === 6)).toBe(true);

	// The cell, its settings, progress and fans pass axe.
	const results = await new AxeBuilder({ page }).include('section.sensitivity').analyze();
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

	// Every output in one file, when there is more than one.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		cell.getByRole('button', { name: 'CSV of every output' }).click()
	]);
	const all = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\n');
	expect(all[0].split(',')).toEqual([
		'time (year)',
		...['occupancy', 'four_hour_performance'].flatMap((o) =>
			[5, 25, 50, 75, 95].map((p) => `${o} p${p}`)
		)
	]);
	expect(all.length).toBe(1 + 3651);
});

test('a sensitivity cancelled half way stops, says so, and the page stays usable', async ({
	page
}) => {
	test.setTimeout(120_000);
	const cell = await openWithSensitivity(page);
	await cell.getByLabel('Runs').fill('2000');
	await cell.getByRole('button', { name: 'Run sensitivity' }).click();
	const progress = cell.getByRole('progressbar', { name: 'Sensitivity runs' });
	await expect(progress).toBeVisible();
	await expect
		.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 60_000 })
		.toBeGreaterThan(40);
	const results = await new AxeBuilder({ page }).include('section.sensitivity').analyze();
	expect(
		results.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => v.id)
	).toEqual([]);
	await cell.getByRole('button', { name: 'Cancel' }).click();
	const status = cell.getByRole('status', { name: 'Sensitivity status' });
	await expect(status).toContainText(/Cancelled after \d+ of 2000 runs/);
	await expect(progress).toHaveCount(0);
	const said = await status.textContent();
	await expect(cell.getByRole('figure')).toHaveCount(0);
	// The page still answers: a lever re-runs the model. Its run queues behind any sample block
	// still on a worker, so once it is back no late block can change what the status said.
	await page.getByRole('slider', { name: 'Extra acute (general and acute) beds' }).fill('50');
	await expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 20_000
	});
	expect(await status.textContent()).toBe(said);
	await expect(cell.getByRole('figure')).toHaveCount(0);
	await expect(cell.getByRole('button', { name: 'Run sensitivity' })).toBeEnabled();
});

test('a spread that cannot be sampled is explained and not run, and is kept once it is put right', async ({
	page
}) => {
	const cell = await openWithSensitivity(page);
	const min = cell.getByRole('spinbutton', { name: 'demand growth: min' });
	const max = cell.getByRole('spinbutton', { name: 'demand growth: max' });
	await min.fill('0.05');
	await min.blur();
	await expect(cell.locator('.problems')).toHaveText(
		'To run: demand growth: min must not be above max.'
	);
	await expect(cell.getByRole('button', { name: 'Run sensitivity' })).toBeDisabled();
	await expect(min).toHaveValue('0.05'); // what was typed stays, to be put right
	await max.fill('0.06');
	await max.blur();
	await expect(cell.locator('.problems')).toHaveCount(0);
	await expect(cell.getByRole('button', { name: 'Run sensitivity' })).toBeEnabled();
	await cell.getByLabel('Runs').fill('0');
	await cell.getByLabel('Runs').blur();
	await expect(cell.locator('.problems')).toHaveText(
		'To run: runs must be a whole number from 1 to 10,000.'
	);
	await expect(cell.getByLabel('Runs')).toHaveValue('0');
});
