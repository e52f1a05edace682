import { expect, test, type Page } from '@playwright/test';
import { deflateRawSync } from 'node:zlib';

const COMMUNITY = 'Grow intermediate care, reablement and home care together by (0.125 = 12.5%)';
const saved = (page: Page) =>
	expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved', { timeout: 5_000 });
const stocks = (page: Page) => page.getByTestId('diagram').locator('[data-kind="stock"]');
/** The diagram loads when it comes near the screen: scrolls to it and waits for its stocks. */
async function showDiagram(page: Page) {
	await page.getByRole('region', { name: 'Stock and flow diagram' }).scrollIntoViewIfNeeded();
	await expect(stocks(page).first()).toBeVisible({ timeout: 20_000 });
}

/** A fragment as Flowbook writes one: JSON, deflated, base64url without padding. */
const fragment = (text: string | Buffer) => 'nb1.' + deflateRawSync(text).toString('base64url');

async function ranAll(page: Page) {
	await expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});
	await expect(page.getByRole('status', { name: 'Scenario runs' })).toContainText(
		/scenarios ran in/,
		{ timeout: 30_000 }
	);
}

/** Fails the test if the page asks for anything from another host. */
function sameOriginOnly(page: Page, origin: string) {
	const foreign: string[] = [];
	page.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) foreign.push(url);
	});
	return foreign;
}

test('a share link opens in a fresh browser with the same model, scenarios and results, and saves a copy', async ({
	page,
	browser,
	baseURL
}, testInfo) => {
	const foreign = sameOriginOnly(page, baseURL!);
	await page.goto('/example/whole-system-flow');
	await ranAll(page);
	await page.getByRole('slider', { name: COMMUNITY }).fill('0.2');
	await page.getByLabel('New scenario from the current levers').fill('Community 20%');
	await page.getByRole('button', { name: 'Create scenario' }).click();
	await saved(page);
	await ranAll(page);
	await page.getByRole('button', { name: 'Share', exact: true }).click();
	const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
	expect(link).toMatch(new RegExp(`^${baseURL}/open#nb1\\.[A-Za-z0-9_-]+$`));
	await expect(page.getByText(/^Length: [\d.]+ KB/)).toBeVisible();
	await page.screenshot({ path: testInfo.outputPath('share.png') });
	const table = async (p: Page) => (await p.locator('.table-cell').allInnerTexts()).join('\n');
	const scenarios = async (p: Page) =>
		p
			.locator('.scenarios-cell, [aria-label="Scenarios"]')
			.first()
			.innerText()
			.then((t) => t.replace(/\d+ scenarios? ran in \d+ ms\.?/, ''))
			.catch(() => '');
	await expect.poll(() => table(page), { timeout: 20_000 }).toContain('Community 20%');
	await expect(
		page
			.locator('.table-cell tr', { hasText: 'Community 20%' })
			.first()
			.locator('.diff.worse, .diff.better')
			.first()
	).toBeVisible({ timeout: 20_000 });
	await showDiagram(page);
	const expected = {
		title: await page.getByRole('heading', { level: 1 }).innerText(),
		stocks: await stocks(page).evaluateAll((s) => s.map((e) => e.getAttribute('data-name'))),
		table: await table(page),
		scenarios: await scenarios(page)
	};

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	const foreignToo = sameOriginOnly(other, baseURL!);
	await other.goto(link);
	await ranAll(other);
	await expect(other.getByRole('status', { name: 'Save state' })).toHaveText(
		'Not in your library yet'
	);
	expect(await other.getByRole('heading', { level: 1 }).innerText()).toBe(expected.title);
	await showDiagram(other);
	expect(await stocks(other).evaluateAll((s) => s.map((e) => e.getAttribute('data-name')))).toEqual(
		expected.stocks
	);
	await expect.poll(() => table(other), { timeout: 20_000 }).toBe(expected.table);
	expect(await scenarios(other)).toBe(expected.scenarios);
	await other.getByRole('button', { name: 'Save a copy' }).click();
	await saved(other);
	await expect(other).toHaveURL(/\/notebook\/saved#[0-9a-f]{12}$/);
	await other.screenshot({ path: testInfo.outputPath('opened-link.png') });
	await fresh.close();
	expect([...foreign, ...foreignToo]).toEqual([]);
});

const hostile = '<img src=x onerror="window.pwned=1">';
const hostileDocument = {
	schemaVersion: 1,
	title: `Plan ${hostile}`,
	description: '<script>window.pwned=2</script>',
	model: {
		simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' },
		variables: [{ id: 'x', kind: 'aux', name: '<svg onload="window.pwned=3">', equation: '1' }]
	},
	scenarios: [
		{
			id: 'baseline',
			name: '<img src=y onerror="window.pwned=4">',
			colour: '#1f5f8b',
			overrides: {}
		}
	],
	levers: [],
	cells: [
		{
			id: 't',
			kind: 'text',
			markdown:
				'<svg><script>window.pwned=5</script></svg>\n\n[go](javascript:window.pwned=6)\n\n<iframe src="javascript:window.pwned=7"></iframe>'
		},
		{ id: 'd', kind: 'diagram' }
	]
};

const links: [string, string, RegExp][] = [
	['empty', '', /the part after # is empty/],
	['not Flowbook', 'hello', /not a Flowbook share link/],
	['damaged', 'nb1.abc$def', /contains "\$"/],
	['truncated', fragment(JSON.stringify(hostileDocument)).slice(0, 41), /cut short/],
	['oversized', fragment(Buffer.alloc(21 * 1024 * 1024, 32)), /unpacks to more than 20 MB/],
	['not a notebook', fragment('{"title": 3}'), /not valid|schemaVersion/],
	[
		'deeply nested',
		fragment('{"schemaVersion": 1, "model": ' + '['.repeat(300_000) + ']'.repeat(300_000) + '}'),
		/nested more than 64 deep/
	]
];

for (const [name, hash, message] of links) {
	test(`a ${name} link says what is wrong`, async ({ page }) => {
		await page.goto('/open#' + hash);
		await expect(page.getByRole('alert')).toContainText(message);
		await expect(page.getByRole('heading', { name: 'Open a shared notebook' })).toBeVisible();
	});
}

test('a hostile link shows its names as text and runs no script', async ({ page }, testInfo) => {
	page.on('dialog', () => {
		throw new Error('a dialog opened');
	});
	await page.goto('/open#' + fragment(JSON.stringify(hostileDocument)));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Plan ${hostile}`);
	await expect(page.getByText('<script>window.pwned=2</script>')).toBeVisible();
	await expect(
		page.getByTestId('diagram').locator('[data-name="<svg onload=\\"window.pwned=3\\">"]')
	).toBeAttached();
	await page
		.getByText('go', { exact: true })
		.click()
		.catch(() => undefined);
	await page.screenshot({ path: testInfo.outputPath('hostile-link.png'), fullPage: true });
	expect(
		await page.locator('img[onerror], svg[onload], iframe, a[href^="javascript:" i]').count()
	).toBe(0);
	expect(await page.locator('script', { hasText: 'pwned' }).count()).toBe(0);
	expect(
		await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)
	).toBeUndefined();
});

test('hostile and broken files each show their message, their names as text', async ({ page }) => {
	await page.goto('/');
	const input = page.getByLabel('Import XMILE');
	await input.setInputFiles({
		name: `${hostile}.flowbook.json`,
		mimeType: 'application/json',
		buffer: Buffer.from('{ not json')
	});
	await expect(page.getByRole('alert')).toContainText(
		`Cannot import “${hostile}.flowbook.json”: the file is not valid JSON`
	);
	await input.setInputFiles({
		name: 'notes.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('hello')
	});
	await expect(page.getByRole('alert')).toContainText(
		'Flowbook opens .flowbook.json, .xmile, .stmx and Vensim .mdl files'
	);
	await input.setInputFiles({
		name: 'broken.xmile',
		mimeType: 'application/xml',
		buffer: Buffer.from('<xmile><model><variables><stock name="a"')
	});
	await expect(page.getByRole('alert')).toContainText('Cannot import “broken.xmile”');
	expect(await page.locator('img[onerror]').count()).toBe(0);
	expect(
		await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)
	).toBeUndefined();
});

test('a write the browser refuses says so, keeps the edit, and saves when tried again', async ({
	page
}) => {
	await page.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
			if ((window as unknown as { full?: boolean }).full)
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		};
	});
	await page.goto('/notebook/new');
	await page.getByRole('button', { name: 'Stock', exact: true }).focus();
	await page.keyboard.press('Enter');
	await saved(page);
	await page.evaluate(() => ((window as unknown as { full?: boolean }).full = true));
	await page.getByRole('button', { name: 'Auxiliary', exact: true }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status', { name: 'Save state' })).toContainText('storage is full');
	await expect(page.getByTestId('diagram').locator('[data-kind="aux"]')).toHaveCount(1);
	await page.evaluate(() => ((window as unknown as { full?: boolean }).full = false));
	await page.getByRole('button', { name: 'Try again' }).click();
	await saved(page);
	await page.reload();
	await expect(page.getByTestId('diagram').locator('[data-kind="aux"]')).toHaveCount(1);
});

test('after one visit, the app and an example open with the network off', async ({
	page,
	context
}) => {
	await page.goto('/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	await context.setOffline(true);
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Example notebooks' })).toBeVisible();
	await page.getByRole('link', { name: /Bathtub basics/ }).click();
	await expect(stocks(page).first()).toBeVisible();
	await expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});
	await page.goto('/example/whole-system-flow');
	await expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});
	await context.setOffline(false);
});
