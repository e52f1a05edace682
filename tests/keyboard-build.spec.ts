/**
 * The A&E model built from a new notebook with the keyboard alone: every control is reached with
 * Tab or Shift+Tab and used with Enter and typing, as a planner who cannot use a mouse works.
 * Little's law gives the steady state the table must show: 300 arrivals a day × 0.25 days in A&E
 * = 75 waiting, × 5 days in a bed = 1,500 in beds.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

const ran = (page: Page) =>
	expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails if it never comes. */
async function tabTo(page: Page, target: Locator, back = false, limit = 150) {
	for (let i = 0; i < limit; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
	}
	await expect(target).toBeFocused();
}

const node = (page: Page, label: string) =>
	page.getByTestId('diagram').locator(`.svelte-flow__node[aria-label="${label}"]`);
const tool = (page: Page, name: string) =>
	page.getByRole('toolbar', { name: 'Diagram tools' }).getByRole('button', { name, exact: true });
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/** The panel's fields after Name, each reached with Tab: the equation (CodeMirror), then units. */
async function describe(page: Page, equationLabel: string, equation: string, units: string) {
	await tabTo(page, field(page, equationLabel));
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type(equation);
	// Escape closes the name completions, so Tab leaves the field.
	await page.keyboard.press('Escape');
	await tabTo(page, field(page, 'Units'));
	await page.keyboard.type(units);
	await page.keyboard.press('Tab');
}

/** What was just made has its Name field focused: name it and fill in the rest. */
async function name(page: Page, text: string) {
	await expect(field(page, 'Name')).toBeFocused();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type(text);
	await page.keyboard.press('Tab');
}

/** Selects a node with Enter, reached backwards from the panel. */
async function selectNode(page: Page, label: string) {
	await tabTo(page, node(page, label), true);
	await page.keyboard.press('Enter');
	await expect(node(page, label)).toHaveClass(/selected/);
}

test('build the A&E model with the keyboard only, fix its DT, and read the steady state', async ({
	page
}, testInfo) => {
	test.setTimeout(180_000);
	await page.goto('/');
	await tabTo(page, page.getByRole('link', { name: 'New notebook' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Untitled notebook' })).toBeVisible();

	// Two stocks, each placed where the view is centred and side by side, named as it is made.
	for (const stock of ['Waiting in A&E', 'In beds']) {
		await tabTo(page, tool(page, 'Stock'), true);
		await page.keyboard.press('Enter');
		await name(page, stock);
		await describe(page, 'Initial value', '0', 'patient');
	}
	await expect(node(page, 'Waiting in A&E')).toHaveCount(1);

	// Admissions: from the selected stock, Flow, then Enter on the stock it goes to.
	await selectNode(page, 'Waiting in A&E');
	await tabTo(page, tool(page, 'Flow'), true);
	await page.keyboard.press('Enter');
	await expect(page.getByText('Flow from Waiting in A&E:')).toBeVisible();
	await tabTo(page, node(page, 'In beds'));
	await page.keyboard.press('Enter');
	await name(page, 'Admissions');
	await describe(page, 'Equation', '"Waiting in A&E" / "Time in A&E"', 'patient/day');

	// Discharges: from In beds, Flow twice ends it in a cloud.
	await selectNode(page, 'In beds');
	await tabTo(page, tool(page, 'Flow'), true);
	await page.keyboard.press('Enter');
	await page.keyboard.press('Enter');
	await name(page, 'Discharges');
	await describe(page, 'Equation', 'In_beds / Length_of_stay', 'patient/day');

	// Arrivals: with no stock selected, Flow starts at a cloud; Enter on A&E ends it there.
	await tabTo(page, tool(page, 'Flow'), true);
	await page.keyboard.press('Enter');
	await expect(page.getByText('Flow from a cloud:')).toBeVisible();
	await tabTo(page, node(page, 'Waiting in A&E'));
	await page.keyboard.press('Enter');
	await name(page, 'Arrivals');
	await describe(page, 'Equation', 'Arrivals_per_day', 'patient/day');

	for (const [aux, value, units] of [
		['Arrivals per day', '300', 'patient/day'],
		['Time in A&E', '0.25', 'day'],
		['Length of stay', '5', 'day']
	]) {
		await tabTo(page, tool(page, 'Auxiliary'), true);
		await page.keyboard.press('Enter');
		await name(page, aux);
		await describe(page, 'Equation', value, units);
	}

	// Connectors: select where it comes from, Connector, then Enter on where it goes.
	for (const [from, to] of [
		['Arrivals per day', 'Arrivals'],
		['Waiting in A&E', 'Admissions'],
		['Time in A&E', 'Admissions'],
		['In beds', 'Discharges'],
		['Length of stay', 'Discharges']
	]) {
		await selectNode(page, from);
		await tabTo(page, tool(page, 'Connector'), true);
		await page.keyboard.press('Enter');
		await expect(page.getByText(`Connector from ${from}:`)).toBeVisible();
		await tabTo(page, node(page, to));
		await page.keyboard.press('Enter');
	}

	// Edges are announced by what they join, never by ids.
	const diagram = page.getByTestId('diagram');
	await expect(
		diagram.locator('.svelte-flow__edge[aria-label="Connector from Length of stay to Discharges"]')
	).toHaveCount(1);
	await expect(
		diagram.locator(
			'.svelte-flow__edge[aria-label="Flow Admissions from Waiting in A&E to In beds"]'
		)
	).toHaveCount(2);
	await expect(
		diagram.locator('.svelte-flow__edge[aria-label="Flow Arrivals from a cloud to Waiting in A&E"]')
	).toHaveCount(2);
	await expect(diagram.locator('.svelte-flow__edge[aria-label*="cloud:"]')).toHaveCount(0);
	// Every equation's inputs come in by a connector, and the units agree.
	await expect(diagram.getByTestId('warning-mark')).toHaveCount(0);

	await ran(page);
	// At DT 1 the advice names the flow that empties A&E too fast.
	const advice = page.getByRole('status', { name: 'DT advice' });
	await expect(advice).toContainText(
		'Admissions empties Waiting in A&E in 0.25 day (stock ÷ outflow',
		{
			timeout: 15_000
		}
	);

	// Run settings: DT 0.0625 and stop 30, each typed and kept with Enter.
	await tabTo(page, page.getByRole('button', { name: 'Run settings', exact: true }), true, 400);
	await page.keyboard.press('Enter');
	const form = page.getByRole('form', { name: 'Run settings' });
	for (const [label, value] of [
		['DT', '0.0625'],
		['Stop', '30']
	]) {
		await tabTo(page, form.getByLabel(label, { exact: true }));
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type(value);
		await page.keyboard.press('Enter');
	}
	await expect(page.getByLabel('Run settings', { exact: true }).first()).toContainText(
		'Days 0 to 30, DT 1/16'
	);
	await ran(page);
	await expect(advice).toHaveCount(0, { timeout: 15_000 });

	// A table, from the buttons at the end of the notebook: its columns are a third, two thirds
	// and the end of the run.
	await tabTo(page, page.getByRole('button', { name: 'Add a scenario table' }));
	await page.keyboard.press('Enter');
	const day30 = page.getByRole('columnheader', { name: 'Day 30', exact: true });
	const table = page.getByRole('table').filter({ has: day30 });
	await expect(day30).toBeVisible();

	// Day 30 is six time constants of the beds: 0.25% short of 1,500.
	const atDay30 = (output: string) =>
		table.evaluate((t, output) => {
			const headers = [...t.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
			const column = headers.indexOf('Day 30');
			const heading = [...t.querySelectorAll('tr')].find(
				(tr) => tr.querySelector('th')?.textContent?.trim() === output
			);
			const baseline = heading?.nextElementSibling;
			return baseline?.children[column]?.textContent?.trim();
		}, output);
	await expect.poll(() => atDay30('Waiting in A&E')).toBe('75');
	await expect.poll(() => atDay30('In beds')).toMatch(/^1,49\d$|^1,500$/);
	await page.screenshot({ path: testInfo.outputPath('keyboard-built.png'), fullPage: true });
});
