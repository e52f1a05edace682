/**
 * Charts of arrayed variables, as a planner reads the community beds notebook: a line per
 * locality, one locality against the scenarios, sums over the area; then the chart's settings
 * switch an arrayed variable between its elements and their sum.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const PATIENTS = 'Patients in Community Beds';
const cell = (page: Page, id: string) => page.locator(`section[data-cell="${id}"]`);
const tools = (page: Page, id: string) =>
	cell(page, id).getByRole('toolbar', { name: /^Cell tools/ });

async function openCommunityBeds(page: Page) {
	await page.goto('/example/community-beds-by-locality');
	await expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});
	await expect(page.getByRole('status', { name: 'Scenario runs' })).toContainText(
		/scenarios ran in/,
		{ timeout: 30_000 }
	);
}

test('an arrayed variable is charted a line per element, one element against the scenarios, or summed over the area', async ({
	page
}, testInfo) => {
	await openCommunityBeds(page);
	const byLocality = cell(page, 'patients-chart');
	await byLocality.scrollIntoViewIfNeeded();
	const img = byLocality.getByRole('img');
	await expect(img).toHaveAttribute(
		'aria-label',
		new RegExp(
			`${PATIENTS}\\[North\\], ${PATIENTS}\\[Central\\], ${PATIENTS}\\[South\\] over weeks, for Current levers, S0 step-down plan`
		)
	);
	// Three localities × (the live run and S0): six lines, coloured by locality, told apart by stroke.
	await expect(byLocality.locator('path[data-key]')).toHaveCount(6);
	await expect(byLocality.getByRole('list', { name: 'Lines' }).getByRole('listitem')).toHaveText([
		`${PATIENTS}[North]`,
		`${PATIENTS}[Central]`,
		`${PATIENTS}[South]`
	]);
	const strokes = await byLocality
		.locator('path[data-key^="step-down/"]')
		.evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke')));
	expect(new Set(strokes).size).toBe(3);
	await expect(
		byLocality.locator('path[data-key="current/Patients in Community Beds[Central]"]')
	).toHaveAttribute('stroke-dasharray', '6 3');
	await expect(byLocality.locator('.sr-only')).toContainText(
		/S0 step-down plan · Patients in Community Beds\[Central\] 147/
	);
	await page.screenshot({
		path: testInfo.outputPath('by-locality.png'),
		clip: (await byLocality.boundingBox())!
	});

	// Chosen elements: Central's occupancy in each scenario, one line each, coloured by scenario.
	const central = cell(page, 'central-chart');
	await central.scrollIntoViewIfNeeded();
	await expect(central.locator('path[data-key]')).toHaveCount(4);
	await expect(central.locator('.sr-only')).toContainText(
		'S0 step-down plan 105%; S1 no step-down 90%; S2 step-down, 19-day stays 95%'
	);

	// Sums: the area's patients against its beds.
	const area = cell(page, 'area-chart');
	await area.scrollIntoViewIfNeeded();
	await expect(area.getByRole('list', { name: 'Lines' }).getByRole('listitem')).toHaveText([
		`${PATIENTS} (sum)`,
		'Community Beds (sum)'
	]);
	await expect(area.locator('.sr-only')).toContainText(
		`S0 step-down plan · ${PATIENTS} (sum) 315; S1 no step-down · ${PATIENTS} (sum) 273`
	);
	await expect(area.locator('.sr-only')).toContainText(
		'S0 step-down plan · Community Beds (sum) 325'
	);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		area.getByRole('button', { name: 'CSV' }).click()
	]);
	const csv = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\n');
	expect(csv[0]).toBe(
		`time (day),Current levers · ${PATIENTS} (sum),S0 step-down plan · ${PATIENTS} (sum),S1 no step-down · ${PATIENTS} (sum),Current levers · Community Beds (sum),S0 step-down plan · Community Beds (sum),S1 no step-down · Community Beds (sum)`
	);
	expect(csv[1].split(',').slice(0, 4)).toEqual(['0', '273', '273', '273']);
	await page.screenshot({
		path: testInfo.outputPath('area.png'),
		clip: (await area.boundingBox())!
	});
});

test('a scenario table shows a row per element of an arrayed variable named alone', async ({
	page
}) => {
	await openCommunityBeds(page);
	const table = cell(page, 'table');
	await table.scrollIntoViewIfNeeded();
	await expect(
		table.getByRole('columnheader', { name: /^Occupancy \((North|Central|South)\)$/ })
	).toHaveText(['Occupancy (North)', 'Occupancy (Central)', 'Occupancy (South)']);
	const central = table.getByRole('row').filter({ hasText: 'S0 step-down plan' }).nth(1);
	await expect(central).toContainText('105%');
});

test("a chart's settings switch an arrayed variable between its elements, chosen elements and their sum", async ({
	page
}, testInfo) => {
	await openCommunityBeds(page);
	const chart = cell(page, 'patients-chart');
	await chart.scrollIntoViewIfNeeded();
	await tools(page, 'patients-chart').getByRole('button', { name: 'Settings' }).click();
	const settings = chart.getByRole('form', { name: 'Chart settings' });
	const elements = settings.getByRole('group', { name: `Elements of ${PATIENTS} plotted` });
	await expect(elements.getByRole('checkbox')).toHaveCount(3);
	await expect(settings).toContainText(`${PATIENTS} [Locality]`);
	for (const name of ['North', 'Central', 'South'])
		await elements.getByRole('checkbox', { name }).uncheck();
	await expect(settings).toContainText(`To save: tick at least one element of ${PATIENTS}`);
	await expect(settings.getByRole('button', { name: 'Save settings' })).toBeDisabled();
	await elements.getByRole('checkbox', { name: 'North' }).check();
	await elements.getByRole('checkbox', { name: 'South' }).check();
	await elements.getByRole('radio', { name: 'One line: their sum' }).check();
	expect(
		(
			await new AxeBuilder({ page }).include(`section[data-cell="patients-chart"]`).analyze()
		).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
	).toEqual([]);
	await page.screenshot({
		path: testInfo.outputPath('settings.png'),
		clip: (await chart.boundingBox())!
	});
	await settings.getByRole('button', { name: 'Save settings' }).click();
	await expect(settings).toHaveCount(0);
	// One line (the sum of the North and the South) per scenario, coloured by scenario again.
	await expect(chart.locator('path[data-key]')).toHaveCount(2);
	await expect(chart.locator('.sr-only')).toContainText(
		`S0 step-down plan ${(94.5 + 73.5).toLocaleString('en-GB')}`
	);
	await expect(
		chart.getByRole('heading', { name: 'Patients in community beds, by locality' })
	).toBeVisible();
	// One undoable step.
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(chart.locator('path[data-key]')).toHaveCount(6);
});

test("an element's slider moves that element's line in the live run, and no other", async ({
	page
}) => {
	await openCommunityBeds(page);
	const chart = cell(page, 'patients-chart');
	await chart.scrollIntoViewIfNeeded();
	const line = (locality: string) =>
		chart.locator(`path[data-key="current/${PATIENTS}[${locality}]"]`);
	const [north, central] = [
		await line('North').getAttribute('d'),
		await line('Central').getAttribute('d')
	];
	await page.getByRole('slider', { name: 'Step-down referrals a day, North' }).fill('2');
	await expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/);
	await chart.scrollIntoViewIfNeeded();
	await expect.poll(() => line('North').getAttribute('d')).not.toBe(north);
	expect(await line('Central').getAttribute('d')).toBe(central);
	// 4 + 2 referrals a day × 21 days.
	await expect(chart.locator('.sr-only')).toContainText(`Current levers · ${PATIENTS}[North] 126`);
});
