/** Charts and tables a board pack can use: titled exports with a legend, CSV by period, the reference. */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openWholeSystem } from './whole-system';

const occupancy = (page: Page) =>
	page
		.locator('section[data-cell="chart-occupancy"]')
		.getByRole('figure')
		.filter({ has: page.getByRole('heading', { name: 'G&A bed occupancy' }) });

async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
	const [download] = await Promise.all([page.waitForEvent('download'), click()]);
	return readFile((await download.path())!, 'utf8');
}

/** The text of each <text> in the exported SVG's group with this class. */
const groupTexts = (svg: string, group: string) => {
	const from = svg.indexOf(`<g class="${group}"`);
	const to = svg.indexOf('<g class="board-', from + 1);
	return [...svg.slice(from, to < 0 ? undefined : to).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(
		(m) => m[1]
	);
};

test('an exported SVG carries the chart’s title, axis titles, a legend of every line and a footnote', async ({
	page
}) => {
	await openWholeSystem(page);
	const chart = occupancy(page);
	// The chart draws its axes once it is on screen: export what the reader sees, drawn.
	await chart.scrollIntoViewIfNeeded();
	await expect(chart.locator('svg').getByText('Time (years)')).toBeVisible();
	const svg = await downloaded(page, () => chart.getByRole('button', { name: 'SVG' }).click());
	expect(svg).toContain('<title>G&amp;A bed occupancy</title>');
	expect(groupTexts(svg, 'board-title')).toEqual(['G&amp;A bed occupancy']);
	expect(groupTexts(svg, 'board-legend')).toEqual([
		'Current levers',
		'S0 baseline',
		'S1 do nothing',
		'S2 +100 acute beds',
		'S3 same money in community',
		'S8 flow levers only',
		'S9 community mix + flow levers'
	]);
	const [foot] = groupTexts(svg, 'board-footnote');
	expect(foot).toMatch(
		/^Whole-system flow: acute beds or community capacity\? · \d{1,2} \w{3} \d{4} · Flowbook$/
	);
	// The axes keep their titles, with units.
	const chartTexts = groupTexts(svg, 'board-chart');
	expect(chartTexts).toContain('Time (years)');
	expect(chartTexts.some((t) => /^G&amp;A bed occupancy|Occupancy/i.test(t))).toBe(true);
	// Seven lines, seven colours.
	const strokes = [...svg.matchAll(/<path [^>]*stroke="(#[0-9a-f]{6})"[^>]*data-key/g)].map(
		(m) => m[1]
	);
	expect(strokes).toHaveLength(7);
	expect(new Set(strokes).size).toBe(7);
	// The same picture as a PNG.
	const [png] = await Promise.all([
		page.waitForEvent('download'),
		chart.getByRole('button', { name: 'PNG' }).click()
	]);
	expect(png.suggestedFilename()).toBe('g-a-bed-occupancy.png');
	const bytes = await readFile((await png.path())!);
	expect(bytes.subarray(1, 4).toString()).toBe('PNG');
	// A PNG's height is at bytes 20–23: the title, legend and footnote make it taller than the chart's 320.
	expect(bytes.readUInt32BE(20)).toBeGreaterThan(2 * 400);
});

test('a chart’s CSV can have one row per quarter, with time in the model’s days', async ({
	page
}) => {
	await openWholeSystem(page);
	const chart = occupancy(page);
	await chart
		.getByRole('combobox', { name: 'CSV rows of G&A bed occupancy' })
		.selectOption('quarter');
	const csv = await downloaded(page, () => chart.getByRole('button', { name: 'CSV' }).click());
	const lines = csv.trimEnd().split('\n');
	expect(lines[0]).toMatch(/^time \(day\),Current levers,S0 baseline/);
	const days = lines.slice(1).map((l) => Number(l.split(',')[0]));
	// Ten years of quarters of 91.25 days, to the nearest saved day, and the last day.
	expect(days.slice(0, 4)).toEqual([0, 91, 183, 274]);
	expect(days).toHaveLength(41);
	expect(days.at(-1)).toBe(3650);
});

test('the table and the difference charts compare with the notebook’s reference, which the reader can change', async ({
	page
}) => {
	await openWholeSystem(page);
	const table = page.locator('section[data-cell="table"]');
	await expect(
		table.getByRole('heading', { name: 'Scenarios compared with S1 do nothing' })
	).toBeVisible();
	const chart = occupancy(page);
	await expect(chart.getByText('Difference from S1 do nothing')).toBeVisible();
	const compared = page.getByRole('radio', { name: 'Compared with S1 do nothing' });
	await expect(compared).toBeChecked();
	await page.getByRole('radio', { name: 'Compare with S2 +100 acute beds' }).check();
	await expect(
		table.getByRole('heading', { name: 'Scenarios compared with S2 +100 acute beds' })
	).toBeVisible();
	await expect(chart.getByText('Difference from S2 +100 acute beds')).toBeVisible();
	// The first row under each output is the reference.
	const firstRow = table.getByRole('row').nth(2);
	await expect(firstRow.getByRole('rowheader')).toHaveText('S2 +100 acute beds');
	await page.getByRole('group', { name: 'Undo and redo' }).getByRole('button').first().click();
	await expect(
		table.getByRole('heading', { name: 'Scenarios compared with S1 do nothing' })
	).toBeVisible();
});
