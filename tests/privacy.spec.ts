import { expect, test, type Page } from '@playwright/test';
import { deflateRawSync } from 'node:zlib';

/** A fragment as Flowbook writes one: JSON, deflated, base64url without padding. */
const fragment = (text: string) => 'nb1.' + deflateRawSync(text).toString('base64url');

/** Every request the page makes to another host, and every CSP violation it reports. */
function watch(page: Page, origin: string) {
	const foreign: string[] = [];
	page.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) foreign.push(url);
	});
	const refused: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
	});
	return { foreign, refused };
}

const markdown = [
	'# Remote pictures',
	'![Bed occupancy chart](https://images.example.org/beds.png)',
	'<img src="http://127.0.0.1:9/tracker.gif" alt="">',
	'<img src="//cdn.example.org/pixel.png" srcset="https://cdn.example.org/2x.png 2x">',
	'<video poster="https://cdn.example.org/p.png"><source src="https://cdn.example.org/v.mp4"></video>',
	'<table background="https://cdn.example.org/bg.png"><tr><td>cell</td></tr></table>',
	'![inline](data:image/gif;base64,R0lGODlhAQABAAAAACw=)'
].join('\n\n');

const shared = {
	schemaVersion: 1,
	title: 'Pictures from elsewhere',
	description: '',
	model: { simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' }, variables: [] },
	scenarios: [],
	levers: [],
	cells: [{ id: 't', kind: 'text', markdown }]
};

test('opening a shared notebook asks no other host: remote images are shown as links', async ({
	page,
	baseURL
}) => {
	const { foreign, refused } = watch(page, baseURL!);
	await page.goto('/open#' + fragment(JSON.stringify(shared)));
	await expect(page.getByRole('heading', { name: 'Remote pictures' })).toBeVisible();
	const cell = page.locator('.text-cell');
	await expect(cell.getByRole('link', { name: 'Image: Bed occupancy chart' })).toHaveAttribute(
		'href',
		'https://images.example.org/beds.png'
	);
	await expect(
		cell.getByRole('link', { name: 'Image: http://127.0.0.1:9/tracker.gif' })
	).toBeVisible();
	// Only the inline data: image is still an image.
	await expect(cell.locator('img')).toHaveCount(1);
	await expect(cell.locator('img')).toHaveAttribute('src', /^data:image\/gif/);
	await expect(cell.locator('video, source, [srcset], [background], [poster]')).toHaveCount(0);
	await page.waitForLoadState('networkidle');
	expect(foreign).toEqual([]);
	expect(refused).toEqual([]);
});

test('the built app ships a Content Security Policy that allows only its own origin', async ({
	page,
	baseURL
}) => {
	const { foreign, refused } = watch(page, baseURL!);
	for (const path of ['/', '/open', '/example/bathtub-basics']) {
		await page.goto(path);
		const policy = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(policy, path).toMatch(/default-src 'self'/);
		expect(policy, path).toMatch(/script-src 'self' 'sha256-/);
		expect(policy, path).toMatch(/img-src 'self' data: blob:/);
		expect(policy, path).not.toMatch(/https?:|\*|unsafe-eval/);
	}
	// The app works under it: the example runs (in the worker) and its diagram shows its warnings.
	await expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});
	expect(refused).toEqual([]);
	// A script injected into the page is refused by the policy.
	await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.pwned = 1';
		document.head.append(script);
	});
	expect(
		await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)
	).toBeUndefined();
	await expect.poll(() => refused.length).toBe(1);
	expect(foreign).toEqual([]);
});
