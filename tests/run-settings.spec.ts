import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';

const FIXTURE = path.resolve('tests/fixtures/a-and-e.flowbook.json');

const ran = (page: Page) =>
	expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});

async function openFixture(page: Page) {
	await page.goto('/');
	await page.getByLabel('Import XMILE or .flowbook.json').setInputFiles(FIXTURE);
	// The first save of a notebook on a cold page can take seconds on a busy machine.
	await expect(page).toHaveURL(/\/notebook\/saved#[0-9a-f]{12}$/, { timeout: 15_000 });
	await ran(page);
}

/** A field of the run settings form: type, then leave it with Enter. */
async function setField(page: Page, name: string, text: string) {
	const field = page.getByRole('form', { name: 'Run settings' }).getByLabel(name, { exact: true });
	await field.fill(text);
	await field.press('Enter');
}

// The A&E model empties A&E in 0.25 days: at DT 1 it oscillates, and the page says which flow and
// what DT to use; at DT 1/16 it is quiet and the table reads the steady state (Little's law:
// 300 a day × 0.25 days = 75 in A&E, × 5 days = 1,500 in beds).
test('run settings: DT advice names the flow, DT 1/16 fixes it, and bad settings are refused', async ({
	page
}, testInfo) => {
	await openFixture(page);
	const advice = page.getByRole('status', { name: 'DT advice' });
	await expect(advice).toContainText(
		'Admissions empties Waiting in A&E in 0.25 days (stock ÷ outflow, at time 1), less than 2 × DT (1)'
	);
	await expect(advice).toContainText('use DT 1/16 or less');
	await page.screenshot({ path: testInfo.outputPath('dt-advice.png') });

	await page.getByRole('button', { name: 'Run settings', exact: true }).click();
	await setField(page, 'DT', '1/16');
	await expect(page.getByLabel('Run settings', { exact: true }).first()).toContainText('DT 1/16');
	await ran(page);
	await expect(advice).toHaveCount(0, { timeout: 10_000 });
	const table = page.getByRole('table');
	// Each output heads its block of rows; the baseline's row follows it. The run reaches day 30,
	// six lengths of stay, within 0.3% of the steady state.
	const baselineOf = (output: string) =>
		table.locator(`tr:has(th:text-is("${output}")) + tr`).getByRole('cell').first();
	await expect(baselineOf('Waiting in A&E')).toHaveText('75');
	await expect(baselineOf('In beds')).toHaveText(/^1,49\d|^1,500/);

	// What cannot run is refused with a message naming it, and stays as typed.
	await setField(page, 'Stop', '-5');
	await expect(page.getByRole('alert')).toHaveText(
		'the stop time (-5) is before the start time (0)'
	);
	const form = page.getByRole('form', { name: 'Run settings' });
	await expect(form.getByLabel('Stop', { exact: true })).toHaveValue('-5');
	await expect(form.getByLabel('Stop', { exact: true })).toHaveAttribute('aria-invalid', 'true');
	await setField(page, 'Save interval', '0.1');
	await expect(page.getByRole('alert').nth(1)).toContainText('whole multiple of DT');
	await setField(page, 'Stop', '30');
	await setField(page, 'Save interval', '');
	await expect(page.getByRole('alert')).toHaveCount(0);

	// The accuracy test: half the DT, compared on the charted outputs.
	await page.getByRole('button', { name: 'Check DT' }).click();
	await expect(page.getByRole('status', { name: 'DT check' })).toContainText(
		/^Halving DT from 1\/16 to 1\/32 changes the charted outputs by at most \d+\.\d% \((Waiting in A&E|In beds) at time [\d.]+\): DT 1\/16 is/
	);

	// Each change is one step of undo: back to DT 1, and the advice comes back.
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(form.getByLabel('DT', { exact: true })).toHaveValue('1');
	await expect(advice).toBeVisible({ timeout: 10_000 });
	await page.getByRole('button', { name: 'Use DT 1/16' }).click();
	await expect(form.getByLabel('DT', { exact: true })).toHaveValue('1/16');
	await expect(advice).toHaveCount(0, { timeout: 10_000 });
});

test('a start date shows financial years on charts and dates in tables, and is kept on reload', async ({
	page
}, testInfo) => {
	await openFixture(page);
	await page.getByRole('button', { name: 'Run settings', exact: true }).click();
	await setField(page, 'Stop', '1095');
	await setField(page, 'DT', '1/16');
	const date = page.getByRole('form', { name: 'Run settings' }).getByLabel('Start date');
	await date.fill('2026-04-01');
	await date.press('Enter');
	await expect(page.getByLabel('Run settings', { exact: true }).first()).toContainText(
		'from 1 Apr 2026'
	);
	await ran(page);
	const chart = page.locator('figure', { hasText: 'Patients' });
	// Charts out of view wait to draw until they are scrolled to.
	await chart.scrollIntoViewIfNeeded();
	await expect(chart.locator('.tick text')).toContainText(['2026/27', '2027/28', '2028/29']);
	await expect(chart).toContainText('Financial year (April to March)');
	await chart.screenshot({ path: testInfo.outputPath('calendar.png') });
	// Day 30 is 1 May 2026.
	await expect(page.getByRole('table')).toContainText('Day 30 (1 May 2026)');
	// Autosave keeps the settings: a reload shows them.
	await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved', {
		timeout: 5_000
	});
	await page.reload();
	await ran(page);
	await expect(page.getByLabel('Run settings', { exact: true }).first()).toContainText(
		'Days 0 to 1095, DT 1/16, Euler, from 1 Apr 2026'
	);
});
