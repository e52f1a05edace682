/**
 * A reader who opens an example and moves its levers downloads no editor: the diagram editor
 * (Svelte Flow) comes when the diagram is near the screen, the equation editor (CodeMirror) when a
 * variable is opened, the units checker (mathjs) in the worker once a diagram is shown. The
 * diagram's marks come from the worker's compile, not from the page (issue 17, item 4).
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type BrowserContext } from '@playwright/test';
import { typeEquation } from './equation-field';

/** A text only each library's own code holds, to tell its chunk among hashed file names. */
const CODEMIRROR = 'cm-content';
const SVELTE_FLOW = 'svelte-flow__pane';
const MATHJS = 'typed-function';

/** The paths of every script the page and its workers have asked for so far. */
function watchScripts(context: BrowserContext): Set<string> {
	const paths = new Set<string>();
	context.on('request', (request) => {
		const path = new URL(request.url()).pathname;
		if (path.endsWith('.js')) paths.add(path);
	});
	return paths;
}

/** Whether a script asked for holds `marker`, read from the build the preview serves. */
function fetched(paths: Set<string>, marker: string): boolean {
	return [...paths].some((path) => {
		const file = `build${path}`;
		return existsSync(file) && readFileSync(file, 'utf8').includes(marker);
	});
}

test.use({ serviceWorkers: 'block' });

test('an example opens and runs without its editors, which come when first needed', async ({
	page,
	context
}) => {
	const scripts = watchScripts(context);
	await page.goto('/example/whole-system-flow');
	await expect(
		page.getByRole('status', { name: 'Scenario runs' }).filter({ hasText: /scenarios ran in/ })
	).toBeVisible({ timeout: 30_000 });
	// The reader moves a lever: a run, still no editor.
	const slider = page.getByRole('slider').first();
	await slider.focus();
	await slider.press('ArrowRight');
	await expect(
		page.getByRole('status', { name: 'Model run' }).filter({ hasText: /Ran in \d+ ms/ })
	).toBeVisible();
	expect(scripts.size).toBeGreaterThan(0);
	expect(fetched(scripts, SVELTE_FLOW)).toBe(false);
	expect(fetched(scripts, CODEMIRROR)).toBe(false);
	expect(fetched(scripts, MATHJS)).toBe(false);

	// Scrolled to, the diagram arrives; the equation editor is still not needed.
	await page.getByRole('region', { name: 'Stock and flow diagram' }).scrollIntoViewIfNeeded();
	const diagram = page.getByTestId('diagram');
	const stock = diagram.locator('[data-kind="stock"]').first();
	await expect(stock).toBeVisible({ timeout: 30_000 });
	expect(fetched(scripts, SVELTE_FLOW)).toBe(true);
	expect(fetched(scripts, CODEMIRROR)).toBe(false);

	// Opening a variable brings the equation editor.
	await stock.click();
	await expect(page.getByRole('textbox', { name: 'Initial value', exact: true })).toBeVisible({
		timeout: 30_000
	});
	expect(fetched(scripts, CODEMIRROR)).toBe(true);

	// Warnings come from the worker's compile: a stock in days, added to patients elsewhere…
	const units = page.getByRole('textbox', { name: 'Units', exact: true });
	await units.fill('day');
	await units.press('Enter');
	const marked = diagram.locator('[data-name="perceived_pressure"]').getByTestId('warning-mark');
	await expect(marked).toBeAttached({ timeout: 30_000 });
	await expect(marked).toHaveAttribute('title', /units: cannot add patient and day/);
	expect(fetched(scripts, MATHJS)).toBe(true);

	// …and a name the model lacks, checked by the worker as it is typed.
	await typeEquation(page, 'Initial value', 'no_such_name * 2');
	await expect(page.getByTestId('equation-problems')).toContainText('unknown name "no_such_name"');
});
