/**
 * The board's chart kinds on model A, as a reader meets them: bars per scenario and year, the
 * bridge from the reference to S9 whose steps add up, the same-money comparison, and a tornado
 * the reader adds themselves. Each has a title, a description for screen readers and exports.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openWholeSystem } from './whole-system';

async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
	const [download] = await Promise.all([page.waitForEvent('download'), click()]);
	return readFile((await download.path())!, 'utf8');
}

/** The rows of a CSV without quoted commas (the cells' exports quote only text with commas). */
function csvRows(text: string): string[][] {
	return text
		.trim()
		.split(/\r?\n/)
		.map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]))
		.map((cells) => cells.slice(0, -1).map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"')));
}

const cell = (page: Page, id: string) => page.locator(`section[data-cell="${id}"]`);

/** The screen-reader table of a bar figure: [label, value text] per bar. */
async function barRows(figure: Locator): Promise<string[][]> {
	return figure
		.locator('table.sr-only tbody tr')
		.evaluateAll((rows) =>
			rows.map((r) => [
				r.querySelector('th')?.textContent?.trim() ?? '',
				r.querySelector('td')?.textContent?.trim() ?? ''
			])
		);
}

test('bars show each scenario at each chosen year, described and exported with a legend', async ({
	page
}) => {
	await openWholeSystem(page);
	const bars = cell(page, 'bars-four-hour');
	await bars.scrollIntoViewIfNeeded();
	const figure = bars.getByRole('figure');
	await expect(
		figure.getByRole('heading', { name: 'A&E within 4 hours at years 1, 3 and 5' })
	).toBeVisible();
	// Five scenarios at three years: fifteen bars, each a percentage.
	await expect.poll(async () => (await barRows(figure)).length, { timeout: 30_000 }).toBe(15);
	const rows = await barRows(figure);
	expect(rows.every(([, value]) => /^\d+(\.\d+)?%$/.test(value))).toBe(true);
	expect(new Set(rows.map(([label]) => label))).toEqual(
		new Set([
			'S1 do nothing',
			'S2 +100 acute beds',
			'S3 same money in community',
			'S8 flow levers only',
			'S9 community mix + flow levers'
		])
	);
	await expect(figure.getByRole('list', { name: 'Key' }).getByRole('listitem')).toHaveCount(5);
	await expect(figure.getByRole('img')).toHaveAccessibleName(/A&E within 4 hours.*S1 do nothing/);
	const svg = await downloaded(page, () => figure.getByRole('button', { name: 'SVG' }).click());
	expect(svg).toContain('<title>A&amp;E within 4 hours at years 1, 3 and 5</title>');
	expect(svg).toContain('S9 community mix + flow levers');
	expect(svg).toMatch(/Whole-system flow: acute beds or community capacity\? · .* · Flowbook/);
});

test('the bridge’s steps from the reference to S9 add up exactly to the difference', async ({
	page
}) => {
	await openWholeSystem(page);
	const bridge = cell(page, 'bridge-s9');
	await bridge.scrollIntoViewIfNeeded();
	const figure = bridge.getByRole('figure');
	await expect(
		figure.getByRole('heading', {
			name: 'What each lever of S9 does to delayed bed-days by year 3'
		})
	).toBeVisible({ timeout: 30_000 });
	await expect(bridge.getByText('Interaction of the levers').first()).toBeAttached();
	const csv = csvRows(
		await downloaded(page, () => figure.getByRole('button', { name: 'CSV' }).click())
	);
	expect(csv[0]).toEqual(['step', 'from', 'to', 'change']);
	const steps = csv.slice(1);
	const [first, last] = [steps[0], steps[steps.length - 1]];
	expect(first[0]).toMatch(/^S1 do nothing/);
	expect(last[0]).toBe('S9 community mix + flow levers');
	const start = Number(first[3]);
	const end = Number(last[3]);
	const changes = steps.slice(1, -1).map((s) => Number(s[3]));
	// Seven flow levers and their interaction between the two totals.
	expect(changes.length).toBeGreaterThanOrEqual(2);
	const sum = changes.reduce((a, b) => a + b, 0);
	expect(Math.abs(start + sum - end)).toBeLessThan(1e-6 * Math.abs(end));
	// Each step starts where the one before it ended: a waterfall, not loose bars.
	for (let i = 1; i < steps.length - 1; i++)
		expect(Number(steps[i][1])).toBeCloseTo(i === 1 ? start : Number(steps[i - 1][2]), 6);
	await expect(figure.getByRole('img')).toHaveAccessibleName(
		/^Delayed bed-days since the start at year 3, from S1 do nothing \([\d,]+\) to S9 community mix \+ flow levers \([\d,]+\): .*Interaction of the levers [+−][\d,]+$/
	);
});

test('the same-money cell puts acute beds and community capacity side by side at £10m a year', async ({
	page
}) => {
	await openWholeSystem(page);
	const same = cell(page, 'same-money');
	await same.scrollIntoViewIfNeeded();
	const table = same.getByRole('table').first();
	await expect(table.getByRole('rowheader', { name: 'S2 +100 acute beds' })).toBeVisible({
		timeout: 30_000
	});
	await expect(table.getByRole('rowheader', { name: 'S3 same money in community' })).toBeVisible();
	// Each option costs £11m a year as the scenario has it; both are scaled to £10m a year.
	await expect(table.getByRole('columnheader', { name: 'At £10m a year' })).toBeVisible();
	const rows = await table
		.locator('tbody tr')
		.evaluateAll((trs) =>
			trs.map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent?.trim()))
		);
	expect(rows[0]).toEqual(['£0', 'no extra spend']);
	expect(rows[1][0]).toBe('£11m');
	// 100 beds at £11m a year make about 91 at £10m.
	expect(rows[1][1]).toMatch(/^Extra acute \(general and acute\) beds (8\d|9\d)(\.\d)?$/);
	expect(rows[2][1]).toMatch(/intermediate-care beds .*reablement places .*home-care packages/);
	// A bar chart per output, described in words.
	const charts = same.getByRole('figure');
	await expect(charts).toHaveCount(2);
	await expect(charts.first().getByRole('img')).toHaveAccessibleName(
		/^A&E within 4 hours at year 3 for each option at £10m a year: S1 do nothing \(no extra spend\) [\d.]+%; S2 \+100 acute beds [\d.]+%; S3 same money in community [\d.]+%$/
	);
});

test('a tornado the reader adds ranks the levers by how far they move the output', async ({
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
		.getByRole('menuitem', { name: 'Tornado' })
		.click();
	const tornado = page.locator('section[data-cell]').filter({ has: page.locator('.tornado-cell') });
	const figure = tornado.getByRole('figure');
	await expect(figure.getByRole('heading', { name: /^What moves .* most$/ })).toBeVisible({
		timeout: 30_000
	});
	await expect
		.poll(async () => (await barRows(figure)).length, { timeout: 30_000 })
		.toBeGreaterThan(0);
	// Widest swing on top: each bar's text is "low → high".
	const widths = (await barRows(figure)).map(([, text]) => {
		const [a, b] = text.split('→').map((t) => Number(t.replace(/[^\d.-]/g, '')));
		return Math.abs(b - a);
	});
	expect(widths).toEqual([...widths].sort((a, b) => b - a));
	const svg = await downloaded(page, () => figure.getByRole('button', { name: 'SVG' }).click());
	expect(svg).toMatch(/<title>What moves .* most<\/title>/);
});
