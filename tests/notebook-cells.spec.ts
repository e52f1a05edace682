import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const saved = (page: Page) =>
	expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved', { timeout: 10_000 });
const ran = (page: Page) =>
	expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});
/** The cells' ids, in the order the page shows them. */
const order = (page: Page) =>
	page
		.locator('section[data-cell]')
		.evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell')));
const cell = (page: Page, id: string) => page.locator(`section[data-cell="${id}"]`);
const tools = (page: Page, id: string) =>
	cell(page, id).getByRole('toolbar', { name: /^Cell tools/ });
/** What axe finds serious or critical on the page as it stands. */
const axe = async (page: Page) =>
	(await new AxeBuilder({ page }).analyze()).violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id}: ${v.help} (${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(', ')})`
		);
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { pwned?: number }).pwned);

const BATHTUB = [
	'question',
	'diagram',
	'littles-law',
	'levers',
	'winter-surge',
	'beds-chart',
	'flows-chart',
	'table',
	'table-note',
	'footprint',
	'caveats'
];
const HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';

test('cells of every kind are added, set up, moved, copied, deleted and undone, and all of it survives a reload', async ({
	page
}, testInfo) => {
	test.setTimeout(150_000);
	page.on('dialog', () => {
		throw new Error('a dialog opened');
	});
	await page.goto('/example/bathtub-basics');
	await ran(page);
	expect(await order(page)).toEqual(BATHTUB);
	const shot = (name: string) => testInfo.outputPath(`${name}.png`);

	// A chart, between the levers and the text after them, from the menu there.
	const insert = cell(page, 'winter-surge').locator(
		'xpath=preceding-sibling::div[contains(@class, "insert")][1]'
	);
	await insert.hover();
	await insert.getByRole('button', { name: 'Add cell' }).click();
	const menu = page.getByRole('menu', { name: 'Add a cell here' });
	await expect(menu.getByRole('menuitem')).toHaveCount(14);
	await expect(menu.getByRole('menuitem', { name: 'Diagram' })).toHaveAttribute(
		'aria-disabled',
		'true'
	);
	await expect(menu.getByRole('menuitem', { name: 'Text' })).toBeFocused();
	await page.screenshot({
		path: shot('add-cell-menu'),
		clip: await insert
			.boundingBox()
			.then((b) => ({ x: 0, y: b!.y - 120, width: 1280, height: 520 }))
	});
	await menu.getByRole('menuitem', { name: 'Chart' }).click();
	await expect(menu).toHaveCount(0);
	expect(await order(page)).toEqual([...BATHTUB.slice(0, 4), 'chart', ...BATHTUB.slice(4)]);
	const chart = cell(page, 'chart');
	await expect(chart.getByRole('heading', { name: 'Occupied Beds' })).toBeVisible();
	// Its settings open at once: plot admissions too, against the baseline only, as the difference from it.
	const chartSettings = chart.getByRole('form', { name: 'Chart settings' });
	await expect(chartSettings.getByLabel('Title')).toBeFocused();
	await chartSettings.getByLabel('Add a variable').selectOption({ label: 'Admissions' });
	await chartSettings.getByLabel('Title').fill('Beds and admissions');
	await chartSettings.getByLabel('Only these:').check();
	await chartSettings.getByRole('checkbox', { name: 'Shorter stays' }).uncheck();
	await chartSettings.getByRole('checkbox', { name: 'Baseline' }).uncheck();
	await expect(chartSettings).toContainText('To save: tick at least one scenario');
	await expect(chartSettings.getByRole('button', { name: 'Save settings' })).toBeDisabled();
	await chartSettings.getByRole('checkbox', { name: 'Baseline' }).check();
	await chartSettings.getByLabel('Numbers as').selectOption('number');
	await chart.screenshot({ path: shot('chart-settings') });
	await chartSettings.getByRole('button', { name: 'Save settings' }).click();
	await expect(chartSettings).toHaveCount(0);
	await expect(tools(page, 'chart').getByRole('button', { name: 'Settings' })).toBeFocused();
	await expect(chart.getByRole('heading', { name: 'Beds and admissions' })).toBeVisible();
	await expect(chart.getByRole('img')).toHaveAttribute(
		'aria-label',
		/Beds and admissions: Occupied Beds, Admissions over days, for Current levers, Baseline$/
	);
	await chart.screenshot({ path: shot('chart-cell') });

	// A text cell at the end, written in place, with a script that must not run.
	await page.getByRole('button', { name: 'Add a text cell' }).click();
	const text = cell(page, 'text');
	const editor = text.getByRole('textbox', { name: 'Markdown' });
	await expect(editor).toBeFocused();
	await editor.fill(`## Notes on winter\n\nBeds run **short** in January.\n\n${HOSTILE}`);
	await text.screenshot({ path: shot('text-editing') });
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect(text.getByRole('heading', { name: 'Notes on winter' })).toBeVisible();
	await expect(text.locator('img[onerror], script')).toHaveCount(0);
	expect(await pwned(page)).toBeUndefined();

	// A scenario table: the first stock at a third, two thirds and the end of the year; then set up.
	await page.getByRole('button', { name: 'Add a scenario table' }).click();
	const table = cell(page, 'scenario-table');
	const tableSettings = table.getByRole('form', { name: 'Scenario table settings' });
	await expect(tableSettings.getByLabel(/Columns at times/)).toHaveValue('120, 240, 365');
	await expect(table.getByRole('columnheader', { name: 'Day 120' })).toBeVisible();
	await tableSettings.getByLabel('Add an output').selectOption({ label: 'Occupancy' });
	await tableSettings.getByLabel('Occupied Beds: better when').selectOption('lower');
	await tableSettings.getByLabel('Occupancy: label').fill('Bed occupancy');
	await tableSettings.getByLabel('Occupancy: better when').selectOption('lower');
	await tableSettings.getByLabel('Occupancy: numbers as').selectOption('percent');
	await tableSettings.getByLabel(/Columns at times/).fill('30, ninety');
	await expect(tableSettings).toContainText('“ninety” is not a number');
	await tableSettings.getByLabel(/Columns at times/).fill('30, 400');
	await expect(tableSettings).toContainText(
		'time 400 is outside the run, which goes from 0 to 365 (day)'
	);
	await tableSettings.getByLabel(/Columns at times/).fill('30, 90');
	await tableSettings
		.getByLabel('Compare each scenario with')
		.selectOption({ label: 'Shorter stays' });
	await table.screenshot({ path: shot('table-settings') });
	await tableSettings.getByRole('button', { name: 'Save settings' }).click();
	await expect(table.getByRole('columnheader', { name: 'Day 90' })).toBeVisible();
	await expect(table.getByRole('columnheader', { name: 'Day 120' })).toHaveCount(0);
	await expect(
		table.getByRole('heading', { name: 'Scenarios compared with Shorter stays' })
	).toBeVisible();
	await expect(table.getByRole('rowheader', { name: 'Baseline' }).first()).toBeVisible();
	await expect(table.getByRole('columnheader', { name: 'Bed occupancy' })).toBeVisible();
	await expect(table.locator('.diff.worse').first()).toBeVisible();
	await table.screenshot({ path: shot('table-cell') });

	// A levers cell shows every lever; its settings narrow it to two, under a heading.
	await page.getByRole('button', { name: 'Add a levers cell' }).click();
	const levers = cell(page, 'levers-2');
	await expect(levers.getByRole('slider')).toHaveCount(4);
	await expect(levers.getByRole('form', { name: 'Levers settings' })).toHaveCount(0);
	await tools(page, 'levers-2').getByRole('button', { name: 'Settings' }).click();
	const leverSettings = levers.getByRole('form', { name: 'Levers settings' });
	await leverSettings.getByLabel('Heading').fill('Length of stay');
	await leverSettings.getByLabel('Only these:').check();
	await leverSettings
		.getByRole('checkbox', { name: 'Admissions per day (outside winter)' })
		.uncheck();
	await leverSettings
		.getByRole('checkbox', { name: 'Extra admissions a day during the winter surge' })
		.uncheck();
	await levers.screenshot({ path: shot('levers-settings') });
	await leverSettings.getByRole('button', { name: 'Save settings' }).click();
	await expect(levers.getByRole('slider')).toHaveCount(2);
	await expect(levers.getByRole('heading', { name: 'Length of stay' })).toBeVisible();

	// A sensitivity analysis of what the first chart plots; the diagram is there already, so not offered.
	await page.getByRole('button', { name: 'Add a sensitivity analysis' }).click();
	await expect(page.getByRole('region', { name: 'Sensitivity analysis' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Add the diagram' })).toBeDisabled();
	expect(await order(page)).toEqual([
		...BATHTUB.slice(0, 4),
		'chart',
		...BATHTUB.slice(4),
		'text',
		'scenario-table',
		'levers-2',
		'sensitivity'
	]);
	await cell(page, 'sensitivity').screenshot({ path: shot('sensitivity-cell') });

	// Move the text cell up twice and down once; the keyboard stays on the button pressed.
	await tools(page, 'text').getByRole('button', { name: 'Move up' }).click();
	await tools(page, 'text').getByRole('button', { name: 'Move up' }).click();
	await expect(tools(page, 'text').getByRole('button', { name: 'Move up' })).toBeFocused();
	await tools(page, 'text').getByRole('button', { name: 'Move down' }).click();
	await expect(tools(page, 'text').getByRole('button', { name: 'Move down' })).toBeFocused();
	expect((await order(page)).slice(-6)).toEqual([
		'footprint',
		'text',
		'caveats',
		'scenario-table',
		'levers-2',
		'sensitivity'
	]);

	// Duplicate the chart: the copy sits below it with an id of its own and the same settings.
	await tools(page, 'chart').getByRole('button', { name: 'Duplicate' }).click();
	const copy = cell(page, 'chart-copy');
	await expect(copy.getByRole('heading', { name: 'Beds and admissions' })).toBeVisible();
	expect((await order(page)).slice(4, 6)).toEqual(['chart', 'chart-copy']);
	await expect(tools(page, 'diagram').getByRole('button', { name: 'Duplicate' })).toBeDisabled();

	// Delete the original chart, then bring it back with the notice's Undo.
	await cell(page, 'chart').hover();
	await cell(page, 'chart').screenshot({ path: shot('cell-toolbar') });
	await tools(page, 'chart').getByRole('button', { name: 'Delete' }).click();
	await expect(cell(page, 'chart')).toHaveCount(0);
	const notice = page.locator('.deleted');
	await expect(notice).toHaveText(/Deleted the chart “Beds and admissions”\./);
	await expect(notice.getByRole('button', { name: 'Undo' })).toBeFocused();
	await page.screenshot({
		path: shot('deleted-notice'),
		clip: await notice.boundingBox().then((b) => ({ x: 0, y: b!.y - 60, width: 1280, height: 200 }))
	});
	await notice.getByRole('button', { name: 'Undo' }).click();
	await expect(notice).toHaveCount(0);
	await expect(
		cell(page, 'chart').getByRole('heading', { name: 'Beds and admissions' })
	).toBeVisible();
	await expect(tools(page, 'chart').getByRole('button', { name: 'Delete' })).toBeFocused();
	// Delete the copy for good.
	await tools(page, 'chart-copy').getByRole('button', { name: 'Delete' }).click();
	await expect(cell(page, 'chart-copy')).toHaveCount(0);

	// Edit the opening text: Escape leaves it as it was, Save keeps the change.
	const question = cell(page, 'question');
	await tools(page, 'question').getByRole('button', { name: 'Edit' }).click();
	await question.getByRole('textbox', { name: 'Markdown' }).fill('Thrown away');
	// Edit again does not close the editor (only Save, Cancel or Escape do): it goes back to the text.
	await tools(page, 'question').getByRole('button', { name: 'Edit' }).click();
	await expect(question.getByRole('textbox', { name: 'Markdown' })).toBeFocused();
	await expect(question.getByRole('textbox', { name: 'Markdown' })).toHaveValue('Thrown away');
	await page.keyboard.press('Escape');
	await expect(question.getByRole('heading', { name: 'How many beds do we need?' })).toBeVisible();
	await expect(tools(page, 'question').getByRole('button', { name: 'Edit' })).toBeFocused();
	await question.getByRole('heading', { name: 'How many beds do we need?' }).dblclick();
	const markdown = question.getByRole('textbox', { name: 'Markdown' });
	await expect(markdown).toHaveValue(/^## How many beds do we need\?/);
	await markdown.fill(
		'## How many beds does the ward need?\n\nA first [link](javascript:window.pwned=3).'
	);
	await question.getByRole('button', { name: 'Save' }).click();
	await expect(
		question.getByRole('heading', { name: 'How many beds does the ward need?' })
	).toBeVisible();
	await question.getByText('link').click();
	expect(await pwned(page)).toBeUndefined();

	// Title and description: a blank title is refused with a message; Enter saves.
	await page.getByRole('button', { name: 'Edit title and description' }).click();
	const heading = page.getByRole('form', { name: 'Title and description' });
	await heading.getByLabel('Title').fill('   ');
	await expect(heading).toContainText('To save: the title cannot be blank');
	await expect(heading.getByRole('button', { name: 'Save' })).toBeDisabled();
	await page.keyboard.press('Enter');
	await expect(heading).toBeVisible();
	await heading.getByLabel('Title').fill(`Winter beds ${HOSTILE}`);
	await heading.getByLabel('Description').fill('Our ward over the winter.');
	await page.screenshot({
		path: shot('title-editing'),
		clip: { x: 0, y: 0, width: 1280, height: 420 }
	});
	await heading.getByLabel('Title').press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Winter beds ${HOSTILE}`);
	await expect(page.getByText('Our ward over the winter.')).toBeVisible();
	await expect(page).toHaveTitle(`Winter beds ${HOSTILE} · Flowbook`);
	expect(await pwned(page)).toBeUndefined();

	// Everything is kept: the example became this planner's own copy.
	await saved(page);
	await expect(page).toHaveURL(/\/notebook\/saved#/);
	const expected = await order(page);
	await page.screenshot({ path: shot('notebook'), fullPage: true });
	await page.reload();
	await ran(page);
	await expect.poll(() => order(page)).toEqual(expected);
	expect(expected).toEqual([
		...BATHTUB.slice(0, 4),
		'chart',
		...BATHTUB.slice(4, 10),
		'text',
		'caveats',
		'scenario-table',
		'levers-2',
		'sensitivity'
	]);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Winter beds ${HOSTILE}`);
	await expect(page.getByText('Our ward over the winter.')).toBeVisible();
	await expect(
		cell(page, 'question').getByRole('heading', { name: 'How many beds does the ward need?' })
	).toBeVisible();
	await expect(cell(page, 'text').getByRole('heading', { name: 'Notes on winter' })).toBeVisible();
	await expect(cell(page, 'chart').getByRole('img')).toHaveAttribute(
		'aria-label',
		/Beds and admissions: Occupied Beds, Admissions over days, for Current levers, Baseline$/
	);
	await expect(
		cell(page, 'scenario-table').getByRole('columnheader', { name: 'Day 90' })
	).toBeVisible();
	await expect(
		cell(page, 'scenario-table').getByRole('heading', {
			name: 'Scenarios compared with Shorter stays'
		})
	).toBeVisible();
	await expect(cell(page, 'levers-2').getByRole('slider')).toHaveCount(2);
	await expect(page.getByRole('region', { name: 'Sensitivity analysis' })).toBeVisible();
	expect(await page.locator('img[onerror], script:has-text("pwned")').count()).toBe(0);
	expect(await pwned(page)).toBeUndefined();
	// The example itself is as shipped.
	await page.goto('/example/bathtub-basics');
	await expect.poll(() => order(page)).toEqual(BATHTUB);
});

test('cells are added, moved, deleted and restored from the keyboard, Ctrl+Z undoes, and open menus and editors pass axe', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.goto('/notebook/new');
	await expect(page.getByTestId('diagram')).toBeVisible();
	expect(await order(page)).toEqual(['diagram']);

	// The menu before the diagram: Enter opens it on its first kind, arrows move, Enter adds.
	const opener = page.locator('.insert').first().getByRole('button', { name: 'Add cell' });
	await opener.focus();
	await page.keyboard.press('Enter');
	const menu = page.getByRole('menu', { name: 'Add a cell here' });
	await expect(menu.getByRole('menuitem', { name: 'Text' })).toBeFocused();
	await page.keyboard.press('End');
	await expect(menu.getByRole('menuitem', { name: 'Optimisation' })).toBeFocused();
	expect(await axe(page)).toEqual([]);
	await page.keyboard.press('Escape');
	await expect(menu).toHaveCount(0);
	await expect(opener).toBeFocused();
	// Tab leaves an open menu for what follows it: the diagram's toolbar, on its one enabled button.
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(menu).toHaveCount(0);
	await expect(tools(page, 'diagram').getByRole('button', { name: 'Delete' })).toBeFocused();
	await opener.focus();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(menu.getByRole('menuitem', { name: 'Chart' })).toBeFocused();
	await page.keyboard.press('Enter');
	expect(await order(page)).toEqual(['chart', 'diagram']);
	// An empty model has nothing to plot yet, and the settings say so.
	const settings = cell(page, 'chart').getByRole('form', { name: 'Chart settings' });
	await expect(settings).toContainText('To save: choose at least one variable to plot');
	await expect(cell(page, 'chart')).toContainText('Nothing to plot yet');
	await page.getByRole('button', { name: 'Add a text cell' }).click();
	await page.getByRole('button', { name: 'Edit title and description' }).click();
	expect(await axe(page)).toEqual([]);
	await page.keyboard.press('Escape');
	await page.getByRole('button', { name: 'Undo', exact: true }).click();
	expect(await order(page)).toEqual(['chart', 'diagram']);
	await cell(page, 'chart').getByLabel('Title').focus();
	await page.keyboard.press('Escape');
	await expect(settings).toHaveCount(0);
	const chartTools = tools(page, 'chart');
	await expect(chartTools.getByRole('button', { name: 'Settings' })).toBeFocused();

	// One Tab stop per toolbar: arrows go through its buttons, skipping Move up on the first cell.
	await page.keyboard.press('ArrowRight');
	await expect(chartTools.getByRole('button', { name: 'Move down' })).toBeFocused();
	await page.keyboard.press('Enter');
	expect(await order(page)).toEqual(['diagram', 'chart']);
	await expect(chartTools.getByRole('button', { name: 'Move up' })).toBeFocused();
	await page.keyboard.press('ControlOrMeta+z');
	expect(await order(page)).toEqual(['chart', 'diagram']);
	await page.keyboard.press('ControlOrMeta+Shift+z');
	expect(await order(page)).toEqual(['diagram', 'chart']);

	// Delete the diagram: the notice offers it back, and the end of the notebook offers the diagram again.
	await tools(page, 'diagram').getByRole('button', { name: 'Delete' }).focus();
	await page.keyboard.press('Enter');
	expect(await order(page)).toEqual(['chart']);
	await expect(page.getByRole('button', { name: 'Add the diagram' })).toBeEnabled();
	await expect(page.locator('.deleted').getByRole('button', { name: 'Undo' })).toBeFocused();
	await page.keyboard.press('Enter');
	expect(await order(page)).toEqual(['diagram', 'chart']);
	await expect(page.getByTestId('diagram')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Add the diagram' })).toBeDisabled();

	// A blank title is never saved.
	await page.getByRole('button', { name: 'Edit title and description' }).click();
	await page.getByLabel('Title', { exact: true }).fill('');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('form', { name: 'Title and description' })).toContainText(
		'the title cannot be blank'
	);
	await page.keyboard.press('Escape');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Untitled notebook');
	await expect(page.getByRole('button', { name: 'Edit title and description' })).toBeFocused();

	// Markdown typed but not saved is not lost to a link: the page asks, and staying keeps it.
	await page.getByRole('button', { name: 'Add a text cell' }).click();
	await page.keyboard.type('Half a thought');
	const asked: string[] = [];
	page.once('dialog', (dialog) => {
		asked.push(dialog.message());
		void dialog.dismiss();
	});
	await page.getByRole('link', { name: '← All notebooks' }).click();
	await expect
		.poll(() => asked)
		.toEqual(['This text cell has changes that are not saved. Leave without them?']);
	await expect(page.getByRole('textbox', { name: 'Markdown' })).toHaveValue('Half a thought');
	await expect(page).toHaveURL(/\/notebook\//);
});
