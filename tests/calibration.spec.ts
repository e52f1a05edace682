import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { openWholeSystem } from './whole-system';

// S drains at k a day from S0 (tests/fixtures/decay-fit.flowbook.json); the data are
// 200·e^(−0.3 t) at whole days, made by hand from the exact solution, so the fit is k = 0.3, S0 = 200.
const FIXTURE = path.resolve('tests/fixtures/decay-fit.flowbook.json');
const CSV =
	'day,observed\n' +
	Array.from({ length: 11 }, (_, t) => `${t},${(200 * Math.exp(-0.3 * t)).toFixed(4)}`).join('\n');

async function openFixture(page: Page) {
	await page.goto('/');
	await page.getByLabel('Import XMILE or .flowbook.json').setInputFiles(FIXTURE);
	await expect(page).toHaveURL(/\/notebook\/saved#[0-9a-f]{12}$/, { timeout: 30_000 });
	await expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});
}

const dataFile = (page: Page, name: string, text: string) =>
	page.getByLabel('Data file to import').setInputFiles({
		name,
		mimeType: 'text/csv',
		buffer: Buffer.from(text)
	});

test('data in, points on the chart, a calibration that recovers k and S0, and its scenario', async ({
	page
}, testInfo) => {
	await openFixture(page);
	const dataCell = page.locator('[data-cell="data"]');

	// A bad cell is named by its row and column, and nothing is imported.
	await dataFile(page, 'bad.csv', 'day,observed\n0,200\n1,lots\n');
	await expect(dataCell.getByRole('alert')).toContainText(
		'bad.csv: row 3, column B ("observed"): "lots" is not a number'
	);

	await dataFile(page, 'winter.csv', CSV);
	await expect(dataCell.getByRole('status')).toContainText('Imported 1 series from winter.csv');
	// Not named like a variable: link it to S by hand.
	await dataCell.getByLabel('Variable observed measures').selectOption({ label: 'S' });
	await expect(page.locator('[data-chart="chart-s"] g.points circle')).toHaveCount(11);

	const fit = page.locator('[data-cell="fit"]');
	// A weight is kept in the cell; with one series it scales the payoff, not the fit.
	const weight = fit.getByLabel('Weight of observed');
	await expect(weight).toHaveValue('1');
	await weight.fill('2');
	await weight.press('Tab');
	await expect(weight).toHaveValue('2');
	await fit.getByRole('button', { name: 'Run calibration' }).click();
	await expect(fit.getByRole('status').first()).toContainText(/Fitted in [\d.]+ s \(\d+ runs\)/, {
		timeout: 60_000
	});
	const row = (name: string) =>
		fit.locator('table.values tr', { has: page.locator(`th:text-is("${name}")`) });
	await expect(row('k').locator('td').first()).toHaveText(/^0\.3(000?)?$/);
	await expect(row('S0').locator('td').first()).toHaveText(/^200(\.0+)?$/);
	await expect(fit.locator('table.statistics')).toContainText('observed');
	await expect(fit.locator('g.points circle')).toHaveCount(11);
	await fit.screenshot({ path: testInfo.outputPath('calibration.png') });

	await fit.getByRole('button', { name: 'Use fitted values' }).click();
	await expect(fit.getByText('Scenario “Fitted to data” added')).toBeVisible();
	await expect(page.getByRole('status', { name: 'Scenario runs' })).toContainText(
		/2 scenarios ran in/,
		{
			timeout: 30_000
		}
	);
});

test('an optimisation finds the analytic best mix under the budget and draws the frontier', async ({
	page
}, testInfo) => {
	await openFixture(page);
	const mix = page.locator('[data-cell="mix"]');
	await mix.getByRole('button', { name: 'Find the best mix' }).click();
	// The point of a + b = 4 nearest (3, 5) is (1, 3), where the score is 8 (Lagrange).
	await expect(mix.getByRole('status').first()).toContainText(
		/Best mix found .*min score is 8(\.000?)?,/,
		{
			timeout: 60_000
		}
	);
	const valueOf = (name: string) =>
		mix
			.locator('tr', { has: page.locator(`th:text-is("${name}")`) })
			.locator('td')
			.first();
	await expect(valueOf('a')).toHaveText(/^1(\.000?)?$|^0\.999\d*$/);
	await expect(valueOf('b')).toHaveText(/^3(\.000?)?$|^2\.999\d*$/);
	await expect(
		mix.getByRole('img', { name: 'Frontier: the best objective at each budget' })
	).toBeVisible();
	await expect(mix.locator('table.frontier tbody tr')).toHaveCount(3);
	await mix.screenshot({ path: testInfo.outputPath('optimisation.png') });
});

test('a calibration can be cancelled', async ({ page }) => {
	await openFixture(page);
	await dataFile(page, 'winter.csv', CSV.replace('day,observed', 'day,S'));
	const fit = page.locator('[data-cell="fit"]');
	await fit.getByRole('button', { name: 'Run calibration' }).click();
	await fit.getByRole('button', { name: 'Cancel' }).click();
	await expect(fit.getByRole('status').first()).toHaveText('Calibration cancelled.');
	await expect(fit.getByRole('button', { name: 'Run calibration' })).toBeEnabled();
});

test('model A fits its synthetic last winter and offers its community mix', async ({
	page
}, testInfo) => {
	await openWholeSystem(page);
	const fit = page.locator('[data-cell="fit-last-winter"]');
	await fit.scrollIntoViewIfNeeded();
	await expect(page.locator('[data-cell="winter-data"] tbody tr')).toHaveCount(2);
	await fit.getByRole('button', { name: 'Run calibration' }).click();
	await expect(fit.getByRole('status').first()).toContainText(/Fitted in [\d.]+ s/, {
		timeout: 120_000
	});
	// The data were made with 1,210 attendances a day and a 4.8-day stay, plus noise.
	const fitted = (name: string) =>
		fit
			.locator('table.values tr', { has: page.locator(`th:text-is("${name}")`) })
			.locator('td')
			.first();
	await expect(fitted('ed_attendances_base')).toHaveText(/^1,21[01]$/);
	await expect(fitted('nel_los')).toHaveText(/^4\.8\d?$/);
	await fit.screenshot({ path: testInfo.outputPath('model-a-fit.png') });
	const mix = page.locator('[data-cell="best-community-mix"]');
	await expect(mix).toContainText('Costs a year: extra_ic_beds £65.7k a unit');
	await expect(mix.getByRole('button', { name: 'Find the best mix' })).toBeEnabled();
});

test('a robust optimisation averages over the sensitivity analysis’s samples', async ({ page }) => {
	await openFixture(page);
	const mix = page.locator('[data-cell="mix"]');
	await mix.getByLabel(/Robust: the average over 20 samples/).check();
	// One budget, no frontier: twenty runs a point is work enough for a busy machine.
	const frontier = mix.getByLabel('Frontier budgets');
	await frontier.fill('');
	await frontier.press('Tab');
	await expect(frontier).toHaveValue('');
	await mix.getByRole('button', { name: 'Find the best mix' }).click();
	// S0 does not move the score, so the average has the same best mix: (1, 3), score 8.
	await expect(mix.getByRole('status').first()).toContainText(
		/Best mix found .*min score is 8(\.000?)?,/,
		{
			timeout: 120_000
		}
	);
});
