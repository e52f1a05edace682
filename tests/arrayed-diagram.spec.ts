import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { typeEquation } from './equation-field';

const ran = (page: Page) =>
	expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});
const cell = (page: Page, id: string) => page.locator(`section[data-cell="${id}"]`);
const node = (page: Page, name: string) =>
	page.getByTestId('diagram').locator(`[data-name="${name}"]`);
const side = (page: Page) => page.getByRole('complementary', { name: 'Selected variable' });
const nameField = (page: Page) => side(page).getByRole('textbox', { name: 'Name', exact: true });
/** The scenario table's rows for "Occupancy (Central)" (the arrayed Occupancy has a block per locality). */
const centralOccupancy = (page: Page) =>
	cell(page, 'table').locator('tbody', {
		has: page.getByRole('columnheader', { name: 'Occupancy (Central)', exact: true })
	});
/** What axe finds serious or critical in the diagram's sidebar. */
const axe = async (page: Page) =>
	(await new AxeBuilder({ page }).include('aside.side').analyze()).violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id}: ${v.help} (${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(', ')})`
		);

/** Ctrl+Z (with Shift: redo) as the notebook hears it: not while a field has the focus. */
async function undo(page: Page, redo = false) {
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.keyboard.press(redo ? 'ControlOrMeta+Shift+z' : 'ControlOrMeta+z');
}

async function clickCanvas(page: Page, x: number, y: number) {
	await page.getByTestId('diagram').locator('.svelte-flow__pane').click({ position: { x, y } });
}

test('an arrayed model: stacked nodes, dimensions and per-element equations in the panel, a new dimension, undo', async ({
	page
}, testInfo) => {
	test.setTimeout(120_000);
	const shot = (name: string) => testInfo.outputPath(`${name}.png`);
	await page.goto('/example/community-beds-by-locality');
	await ran(page);
	const diagram = page.getByTestId('diagram');
	await diagram.scrollIntoViewIfNeeded();

	// Arrayed stocks, flows and auxiliaries are stacked and say their dimension; a scalar is plain.
	for (const name of ['Patients in Community Beds', 'Referrals', 'Community Beds']) {
		await expect(node(page, name)).toHaveAttribute('data-arrayed', 'Locality');
		await expect(node(page, name).getByTestId('stack-layer')).toHaveCount(2);
		await expect(node(page, name).getByTestId('node-dimensions')).toHaveText('[Locality]');
		await expect(node(page, name)).toHaveAttribute('title', `${name}, arrayed by Locality`);
		await expect(
			diagram.locator(`.svelte-flow__node[aria-label="${name}, arrayed by Locality"]`)
		).toHaveCount(1);
	}
	await expect(node(page, 'Step Down Start').getByTestId('stack-layer')).toHaveCount(0);
	await expect(node(page, 'Step Down Start')).not.toHaveAttribute('data-arrayed');
	await expect(diagram.locator('.svelte-flow__node[aria-label="Step Down Start"]')).toHaveCount(1);
	await page.screenshot({
		path: shot('diagram'),
		clip: (await page.locator('.editor').boundingBox())!
	});

	// The stock: its dimension, one initial value for every locality.
	await node(page, 'Patients in Community Beds').click();
	const dims = side(page).getByTestId('variable-dimensions');
	await expect(dims.getByRole('listitem')).toHaveText([/Locality \(3 elements\)/]);
	await expect(
		side(page).getByRole('radio', { name: 'One equation for every element' })
	).toBeChecked();
	await expect(side(page).getByRole('textbox', { name: 'Initial value', exact: true })).toHaveText(
		'Referrals_per_Day * Length_of_Stay'
	);

	// Community beds: an equation for each locality, labelled by its subscript.
	await node(page, 'Community Beds').click();
	await expect(
		side(page).getByRole('radio', { name: 'An equation for each element' })
	).toBeChecked();
	await expect(side(page).getByRole('textbox', { name: 'Equation', exact: true })).toHaveCount(0);
	for (const [element, value] of [
		['North', '110'],
		['Central', '140'],
		['South', '75']
	]) {
		await expect(
			side(page).getByRole('textbox', { name: `Equation [${element}]`, exact: true })
		).toHaveText(value);
	}
	await page.screenshot({
		path: shot('panel-per-element'),
		clip: (await side(page).boundingBox())!
	});
	expect(await axe(page)).toEqual([]);

	// Taking the dimension off would drop two localities' equations: asked first, and declined.
	let question = '';
	page.once('dialog', (d) => ((question = d.message()), d.dismiss()));
	await side(page).getByRole('button', { name: 'Stop arraying by Locality' }).click();
	expect(question).toBe(
		'This drops the equations of "Community Beds" for [Central], [South]; "Community Beds" keeps its first element\'s equation. Go on?'
	);
	await expect(side(page).getByRole('alert')).toHaveText(
		'Kept the dimensions of "Community Beds" as they were.'
	);
	await expect(node(page, 'Community Beds')).toHaveAttribute('data-arrayed', 'Locality');

	// One element's mistake is reported in that element's editor, and named on the diagram.
	await typeEquation(page, 'Equation [South]', '75 + Bed_Closures');
	const south = side(page).getByTestId('element-equations').locator('.element').nth(2);
	await expect(south.getByTestId('equation-problems')).toContainText('Bed_Closures');
	await expect(
		side(page)
			.getByTestId('element-equations')
			.locator('.element')
			.nth(0)
			.getByTestId('equation-problems')
	).toHaveText('');
	await expect(node(page, 'Community Beds').getByTestId('warning-mark')).toContainText('[South]');
	await undo(page);
	await expect(node(page, 'Community Beds').getByTestId('warning-mark')).toHaveCount(0);

	// Fewer beds in Central: its occupancy in the scenario table goes up.
	await ran(page);
	const before = await centralOccupancy(page).textContent();
	await node(page, 'Community Beds').click();
	await typeEquation(page, 'Equation [Central]', '100');
	await ran(page);
	await expect(centralOccupancy(page)).not.toHaveText(before!);
	await expect(centralOccupancy(page)).toContainText('%');
	await undo(page);
	await ran(page);
	await expect(centralOccupancy(page)).toHaveText(before!);

	// A new dimension, from the sidebar when nothing is selected: the palette's Dimensions goes there.
	await page.getByRole('button', { name: 'Dimensions', exact: true }).click();
	await expect(side(page).getByRole('heading', { name: 'Dimensions' })).toBeFocused();
	const panel = side(page);
	await expect(panel.getByRole('heading', { name: 'Dimensions' })).toBeVisible();
	await expect(panel.getByRole('region', { name: 'Dimension Locality' })).toContainText(
		'Used by Patients in Community Beds'
	);
	const form = panel.getByRole('form', { name: 'New dimension' });
	await form.getByRole('textbox', { name: 'Dimension name' }).fill('Locality');
	await form.getByRole('textbox', { name: 'Elements, separated by commas' }).fill('Young, Old');
	await form.getByRole('button', { name: 'Add dimension' }).click();
	await expect(form.getByRole('alert')).toHaveText(
		'There is already a dimension called "Locality".'
	);
	await form.getByRole('textbox', { name: 'Dimension name' }).fill('Age Band');
	await form.getByRole('button', { name: 'Add dimension' }).click();
	const ageBand = panel.getByRole('region', { name: 'Dimension Age Band' });
	await expect(ageBand.getByRole('textbox', { name: /^Element \d of Age Band$/ })).toHaveCount(2);
	await ageBand.getByRole('textbox', { name: 'New element of Age Band' }).fill('Very, old');
	await ageBand.getByRole('button', { name: 'Add element' }).click();
	await expect(ageBand.getByRole('alert')).toContainText('has "," in it');
	await ageBand.getByRole('textbox', { name: 'New element of Age Band' }).fill('Oldest');
	await ageBand.getByRole('button', { name: 'Add element' }).click();
	await expect(ageBand.getByRole('textbox', { name: /^Element \d of Age Band$/ })).toHaveCount(3);
	await page.screenshot({ path: shot('dimensions'), clip: (await panel.boundingBox())! });
	expect(await axe(page)).toEqual([]);

	// A new auxiliary, arrayed by it, then an equation for each element.
	await page.getByRole('button', { name: 'Auxiliary', exact: true }).click();
	await clickCanvas(page, 120, 470);
	await nameField(page).fill('Age Factor');
	await nameField(page).press('Enter');
	await typeEquation(page, 'Equation', '1');
	await side(page)
		.getByRole('combobox', { name: 'Dimension to array Age Factor by' })
		.selectOption('Age Band');
	await side(page).getByRole('button', { name: 'Array by it' }).click();
	await expect(node(page, 'Age Factor').getByTestId('node-dimensions')).toHaveText('[Age Band]');
	await expect(node(page, 'Age Factor').getByTestId('stack-layer')).toHaveCount(2);
	await side(page).getByRole('radio', { name: 'An equation for each element' }).check();
	for (const element of ['Young', 'Old', 'Oldest'])
		await expect(side(page).getByRole('textbox', { name: `Equation [${element}]` })).toHaveText(
			'1'
		);
	await typeEquation(page, 'Equation [Oldest]', '2.5');
	await expect(side(page).getByRole('textbox', { name: 'Equation [Oldest]' })).toHaveText('2.5');
	await page.screenshot({ path: shot('new-arrayed'), clip: (await side(page).boundingBox())! });
	expect(await axe(page)).toEqual([]);

	// Renaming an element in the dimension: the variable's element follows.
	await clickCanvas(page, 30, 30);
	await ageBand.getByRole('textbox', { name: 'Element 3 of Age Band' }).fill('Over 85');
	await ageBand.getByRole('textbox', { name: 'Element 3 of Age Band' }).press('Enter');
	await node(page, 'Age Factor').click();
	await expect(side(page).getByRole('textbox', { name: 'Equation [Over 85]' })).toHaveText('2.5');

	// Back to one equation: asked first, as the elements differ; declining keeps them.
	page.once('dialog', (d) => d.dismiss());
	await side(page).getByRole('radio', { name: 'One equation for every element' }).check();
	await expect(side(page).getByRole('textbox', { name: 'Equation [Over 85]' })).toHaveText('2.5');
	await expect(
		side(page).getByRole('status').filter({ hasText: 'Kept an equation for each element.' })
	).toBeVisible();

	// Undo walks back: the rename, the element's equation, per element, the dimension.
	for (let i = 0; i < 3; i++) await undo(page);
	await node(page, 'Age Factor').click();
	await expect(
		side(page).getByRole('radio', { name: 'One equation for every element' })
	).toBeChecked();
	await expect(side(page).getByRole('textbox', { name: 'Equation', exact: true })).toHaveText('1');
	await undo(page);
	await expect(node(page, 'Age Factor')).not.toHaveAttribute('data-arrayed');
	await undo(page, true);
	await expect(node(page, 'Age Factor')).toHaveAttribute('data-arrayed', 'Age Band');

	// A numbered dimension, then given names to rename one by one.
	await clickCanvas(page, 30, 30);
	await form.getByRole('textbox', { name: 'Dimension name' }).fill('Cohort');
	await form.getByRole('radio', { name: 'Numbered' }).check();
	await form.getByRole('spinbutton', { name: 'Size' }).fill('4');
	await form.getByRole('button', { name: 'Add dimension' }).click();
	const cohort = panel.getByRole('region', { name: 'Dimension Cohort' });
	await expect(cohort.getByRole('spinbutton', { name: 'Size of Cohort' })).toHaveValue('4');
	await cohort.getByRole('radio', { name: 'Named' }).check();
	await expect(cohort.getByRole('textbox', { name: /^Element \d of Cohort$/ })).toHaveCount(4);
	await expect(cohort.getByRole('textbox', { name: 'Element 4 of Cohort' })).toHaveValue('4');
	await cohort.getByRole('button', { name: 'Delete dimension Cohort' }).click();
	await expect(cohort).toHaveCount(0);

	// A dimension in use is not deleted without asking; declining names who uses it.
	await clickCanvas(page, 30, 30);
	page.once('dialog', (d) => d.dismiss());
	await ageBand.getByRole('button', { name: 'Delete dimension Age Band' }).click();
	await expect(ageBand.getByRole('alert')).toHaveText(
		'Kept "Age Band": it is used by "Age Factor".'
	);
	page.once('dialog', (d) => d.accept());
	await ageBand.getByRole('button', { name: 'Delete dimension Age Band' }).click();
	await expect(panel.getByRole('region', { name: 'Dimension Age Band' })).toHaveCount(0);
	await expect(node(page, 'Age Factor')).not.toHaveAttribute('data-arrayed');
});

test('renaming a dimension renames it on every arrayed node and in equations, and undo brings it back', async ({
	page
}) => {
	await page.goto('/example/community-beds-by-locality');
	await page.getByTestId('diagram').scrollIntoViewIfNeeded();
	const locality = side(page).getByRole('region', { name: 'Dimension Locality' });
	await locality.getByRole('textbox', { name: 'Name of dimension Locality' }).fill('Referrals');
	await locality.getByRole('textbox', { name: 'Name of dimension Locality' }).press('Enter');
	await expect(locality.getByRole('alert')).toHaveText(
		'"Referrals" is a variable; a dimension cannot have the same name, as both stand alone in equations.'
	);
	await expect(locality.getByRole('textbox', { name: 'Name of dimension Locality' })).toHaveValue(
		'Locality'
	);

	await locality.getByRole('textbox', { name: 'Name of dimension Locality' }).fill('Care Area');
	await locality.getByRole('textbox', { name: 'Name of dimension Locality' }).press('Enter');
	for (const name of ['Patients in Community Beds', 'Discharges', 'Occupancy']) {
		await expect(node(page, name).getByTestId('node-dimensions')).toHaveText('[Care Area]');
	}
	await expect(side(page).getByRole('region', { name: 'Dimension Care Area' })).toContainText(
		'Used by Patients in Community Beds'
	);
	// Nothing is flagged: every variable and equation follows the new name.
	await expect(page.getByTestId('diagram').getByTestId('warning-mark')).toHaveCount(0);
	await undo(page);
	await expect(node(page, 'Occupancy').getByTestId('node-dimensions')).toHaveText('[Locality]');

	// Renaming an element: the scenario table's rows, a chart's chosen element and the per-element
	// sliders follow it, and the scenarios that set it still do.
	await locality.getByRole('textbox', { name: 'Element 2 of Locality' }).fill('City');
	await locality.getByRole('textbox', { name: 'Element 2 of Locality' }).press('Enter');
	await expect(
		cell(page, 'table').getByRole('columnheader', { name: 'Occupancy (City)', exact: true })
	).toBeVisible();
	await expect(cell(page, 'central-chart').getByRole('img')).toHaveAttribute(
		'aria-label',
		/Occupancy\[City\]/
	);
	await expect(page.getByRole('slider', { name: 'Community beds, City' })).toHaveValue('140');
	await expect(page.getByRole('status', { name: 'Scenario runs' })).toContainText(
		/3 scenarios ran in/,
		{ timeout: 30_000 }
	);
	await expect(cell(page, 'central-chart').locator('.sr-only')).toContainText(
		'S0 step-down plan 105%; S1 no step-down 90%'
	);
});

test('a large array shows its first element editors and the rest on request, which stays after an edit', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'New notebook' }).click();
	const form = side(page).getByRole('form', { name: 'New dimension' });
	await form.getByRole('textbox', { name: 'Dimension name' }).fill('Cohort');
	await form.getByRole('radio', { name: 'Numbered' }).check();
	await form.getByRole('spinbutton', { name: 'Size' }).fill('70');
	await form.getByRole('button', { name: 'Add dimension' }).click();
	await page.getByRole('button', { name: 'Auxiliary', exact: true }).click();
	await clickCanvas(page, 200, 200);
	await side(page)
		.getByRole('combobox', { name: /^Dimension to array .* by$/ })
		.selectOption('Cohort');
	await side(page).getByRole('button', { name: 'Array by it' }).click();
	await side(page).getByRole('radio', { name: 'An equation for each element' }).check();
	const editors = side(page).getByRole('textbox', { name: /^Equation \[\d+\]$/ });
	await expect(editors).toHaveCount(60);
	await side(page).getByRole('button', { name: 'Show all 70 elements' }).click();
	await expect(editors).toHaveCount(70);
	await typeEquation(page, 'Equation [65]', '2');
	await expect(side(page).getByRole('textbox', { name: 'Equation [65]' })).toHaveText('2');
	await expect(editors).toHaveCount(70);
});
