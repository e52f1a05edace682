/**
 * Printing model A's notebook as an A4 board pack: page.pdf() prints it as the browser's "Save as
 * PDF" would, and poppler-utils (pdftotext, pdftoppm; .ci/run installs them) read the pages back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openWholeSystem } from './whole-system';

test('the notebook prints as an A4 board pack: cover with the scenarios in words, every chart and table, the caveats', async ({
	page
}, testInfo) => {
	test.setTimeout(90_000);
	await openWholeSystem(page);
	// The button draws every chart, then opens the print dialogue, which a test cannot press: it is stubbed.
	await page.evaluate(() => {
		(window as unknown as { printed: number }).printed = 0;
		window.print = () => void (window as unknown as { printed: number }).printed++;
	});
	await page.getByRole('button', { name: 'Print board pack' }).click();
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed))
		.toBe(1);

	const dir = mkdtempSync(join(tmpdir(), 'board-pack-'));
	const pdf = join(dir, 'pack.pdf');
	writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
	const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
	const pages = text.split('\f').filter((p) => p.trim());
	expect(pages.length).toBeGreaterThanOrEqual(4);

	// The cover: title, the day, the run and each scenario in words, the reference marked.
	const cover = pages[0];
	expect(cover.replace(/\s+/g, ' ')).toContain(
		'Whole-system flow: acute beds or community capacity?'
	);
	expect(cover).toMatch(/Board pack printed \d{1,2} \w{3} \d{4} from Flowbook/);
	expect(cover).toContain('S1 do nothing');
	expect(cover).toContain('Demand grows 2% a year; nothing else changes.');
	expect(cover).toMatch(/S1 do nothing\s+.*\n?.*the reference: the others are compared with it/);
	expect(cover).toContain('Current levers');
	// Every chart and the table, and the caveats from the text cells; none of the editing tools.
	for (const heading of [
		'G&A bed occupancy',
		'Scenarios compared with S1 do nothing',
		'Caveats',
		'Illustrative numbers and curves'
	])
		expect(text, heading).toContain(heading);
	for (const tool of [
		'Print board pack',
		'Undo',
		'Create scenario',
		'Export CSV',
		'Settings',
		'Add a cell',
		'Save a copy'
	])
		expect(text, tool).not.toContain(tool);
	expect(text).toMatch(/Page 1 of \d+/);

	// Look at the pages: the cover and the first page of charts as PNG.
	execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '3', pdf, join(dir, 'page')]);
	const pngs = readdirSync(dir)
		.filter((f) => f.endsWith('.png'))
		.sort();
	expect(pngs).toHaveLength(3);
	for (const png of pngs)
		await testInfo.attach(png, { path: join(dir, png), contentType: 'image/png' });
});
