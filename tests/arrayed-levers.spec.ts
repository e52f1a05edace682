import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * Levers on arrayed constants, in the community beds example (arrayed over North, Central and
 * South): a slider per element, or one slider setting every element. What a slider sets is read
 * from scenarios made from the sliders, in the scenario table's "Occupancy (Central)" rows
 * and the scenario's description.
 */

const BEDS = 'Community beds';
const STAY = 'Length of stay in a community bed (days)';
const STEP_DOWN = 'Step-down referrals a day';

async function open(page: Page) {
	await page.goto('/example/community-beds-by-locality');
	await expect(page.getByRole('status', { name: 'Scenario runs' })).toContainText(
		/3 scenarios ran in/,
		{ timeout: 30_000 }
	);
	return page.locator('section.cell.levers').first();
}

/** The scenario's row under the table's "Occupancy (Central)" rows (the arrayed Occupancy has a group per locality), as its cells' text. */
async function centralOccupancy(page: Page, scenario: string): Promise<string[]> {
	const central = page.locator('.table-cell tbody', {
		has: page.getByRole('columnheader', { name: 'Occupancy (Central)', exact: true })
	});
	const row = central.locator('tr', {
		has: page.getByRole('rowheader', { name: scenario, exact: true })
	});
	await expect(row.locator('td').first()).not.toHaveText('not run yet', { timeout: 20_000 });
	return (await row.locator('td').allTextContents()).map((t) => t.trim());
}

async function scenarioFromSliders(page: Page, name: string) {
	await page.getByLabel('New scenario from the current levers').fill(name);
	await page.getByRole('button', { name: 'Create scenario' }).click();
	await expect(page.getByRole('textbox', { name: `Name of ${name}` })).toBeVisible();
}

/** A scenario in the scenarios cell, whose name is in a text box. */
const scenarioItem = (page: Page, name: string) =>
	page.locator('.scenarios li', {
		has: page.getByRole('textbox', { name: `Name of ${name}`, exact: true })
	});

const axe = async (page: Page, selector: string) =>
	(await new AxeBuilder({ page }).include(selector).analyze()).violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id}: ${v.help} (${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(', ')})`
		);

test('a slider per element is labelled by its element and moves only that element', async ({
	page
}) => {
	const cell = await open(page);
	const group = cell.getByRole('group', { name: BEDS });
	for (const [locality, beds] of [
		['North', '110'],
		['Central', '140'],
		['South', '75']
	]) {
		await expect(group.getByRole('slider', { name: `${BEDS}, ${locality}` })).toHaveValue(beds);
		await expect(
			group.getByRole('spinbutton', { name: `${BEDS}, ${locality}: value` })
		).toHaveValue(beds);
	}
	await cell.screenshot({ path: 'test-results/arrayed-levers.png' });
	expect(await axe(page, 'section.cell.levers')).toEqual([]);

	// North's beds: Central's occupancy is as in S0, where Central heads for 147 patients in 140 beds.
	await group.getByRole('slider', { name: `${BEDS}, North` }).fill('150');
	await scenarioFromSliders(page, 'More North beds');
	await expect(scenarioItem(page, 'More North beds')).toContainText('Community Beds 150 in North');
	const s0 = await centralOccupancy(page, 'S0 step-down plan');
	expect(s0[3]).toBe('105%');
	expect(await centralOccupancy(page, 'More North beds')).toEqual(s0);

	// Central's beds: 147 patients in 200 beds.
	await group.getByRole('slider', { name: `${BEDS}, North` }).fill('110');
	await group.getByRole('spinbutton', { name: `${BEDS}, Central: value` }).fill('200');
	await group.getByRole('spinbutton', { name: `${BEDS}, Central: value` }).press('Enter');
	await expect(group.getByRole('slider', { name: `${BEDS}, Central` })).toHaveValue('200');
	await scenarioFromSliders(page, 'More Central beds');
	await expect(scenarioItem(page, 'More Central beds')).toContainText(
		'Community Beds 200 in Central'
	);
	await expect
		.poll(async () => (await centralOccupancy(page, 'More Central beds'))[3])
		.toMatch(/^73\.5%.*better/);
});

test('one slider sets every element, and a scenario puts the sliders where it sets them', async ({
	page
}) => {
	const cell = await open(page);
	const stay = cell.getByRole('slider', { name: STAY, exact: true });
	await expect(stay).toHaveValue('21');
	await stay.fill('19');
	await scenarioFromSliders(page, 'Nineteen days');
	await expect(scenarioItem(page, 'Nineteen days')).toContainText(
		'Length of Stay 19 in every Locality'
	);
	// The same as S2 (step-down, 19-day stays), which overrides Length of Stay as a whole.
	await expect
		.poll(() => centralOccupancy(page, 'Nineteen days'))
		.toEqual(await centralOccupancy(page, 'S2 step-down, 19-day stays'));

	// S1 sets Step Down Referrals to 0 as a whole: each locality's slider goes to 0; S2's stay is 19.
	await page.getByRole('button', { name: 'Set the levers to S1 no step-down' }).click();
	const stepDown = cell.getByRole('group', { name: STEP_DOWN });
	for (const locality of ['North', 'Central', 'South'])
		await expect(stepDown.getByRole('slider', { name: `${STEP_DOWN}, ${locality}` })).toHaveValue(
			'0'
		);
	await expect(stay).toHaveValue('21');
	await page.getByRole('button', { name: 'Set the levers to S2 step-down, 19-day stays' }).click();
	await expect(stay).toHaveValue('19');
	await expect(stepDown.getByRole('slider', { name: `${STEP_DOWN}, Central` })).toHaveValue('1');
});

test('a lever on an arrayed constant is added with either choice, and switched between them', async ({
	page
}) => {
	test.setTimeout(90_000);
	const cell = await open(page);

	// A slider for each locality: the default when the localities differ.
	await cell.getByRole('button', { name: 'Add a lever' }).click();
	let form = cell.getByRole('form', { name: 'New lever' });
	await form
		.getByLabel('Constant', { exact: true })
		.selectOption({ label: 'Referrals per Day (by Locality)' });
	await expect(form.getByLabel('Max', { exact: true })).toHaveValue('12');
	await expect(form.getByRole('radio', { name: 'A slider for each Locality' })).toBeChecked();
	await expect(
		form.getByRole('radio', { name: 'One slider for every Locality' })
	).not.toBeChecked();
	await form.getByLabel('Label', { exact: true }).fill('Usual referrals a day');
	await form.getByRole('button', { name: 'Add lever' }).click();
	const referrals = cell.getByRole('group', { name: 'Usual referrals a day' });
	await expect(referrals.getByRole('slider')).toHaveCount(3);
	await expect(
		referrals.getByRole('slider', { name: 'Usual referrals a day, Central' })
	).toHaveValue('6');

	// One slider for every locality: it starts at North's value and says it sets them all to one.
	await cell.getByRole('button', { name: `Remove lever ${BEDS}` }).click();
	await cell.getByRole('button', { name: 'Add a lever' }).click();
	form = cell.getByRole('form', { name: 'New lever' });
	await form
		.getByLabel('Constant', { exact: true })
		.selectOption({ label: 'Community Beds (by Locality)' });
	await expect(form.getByLabel('Max', { exact: true })).toHaveValue('280');
	await form.getByRole('radio', { name: 'One slider for every Locality' }).check();
	await expect(form).toContainText(
		'Each Locality has its own value now (North 110, Central 140, South 75): one slider sets them all to one value.'
	);
	expect(await axe(page, 'section.cell.levers')).toEqual([]);
	await cell.screenshot({ path: 'test-results/arrayed-levers-form.png' });
	await form.getByRole('button', { name: 'Add lever' }).click();
	const beds = cell.getByRole('slider', { name: 'Community Beds', exact: true });
	await expect(beds).toHaveValue('110');
	await expect(cell).toContainText(
		'Moving this slider sets every Locality to one value; until then each keeps its own: North 110, Central 140, South 75.'
	);
	await cell.screenshot({ path: 'test-results/arrayed-levers-one-for-all.png' });
	await beds.fill('100');
	await expect(cell).toContainText('Every Locality is set to this one value.');
	await expect(cell).not.toContainText('each keeps its own');
	await scenarioFromSliders(page, 'Hundred beds each');
	await expect(scenarioItem(page, 'Hundred beds each')).toContainText(
		'Community Beds 100 in every Locality'
	);
	// Central: 147 patients in 100 beds.
	await expect
		.poll(async () => (await centralOccupancy(page, 'Hundred beds each'))[3])
		.toMatch(/^147%.*worse/);

	// Switched to a slider for each locality: the sliders start at each locality's own value.
	await cell.getByRole('button', { name: 'Edit lever Community Beds' }).click();
	form = cell.getByRole('form', { name: 'Edit lever Community Beds' });
	await expect(form.getByRole('radio', { name: 'One slider for every Locality' })).toBeChecked();
	await form.getByRole('radio', { name: 'A slider for each Locality' }).check();
	await form.getByRole('button', { name: 'Save lever' }).click();
	const each = cell.getByRole('group', { name: 'Community Beds' });
	await expect(each.getByRole('slider')).toHaveCount(3);
	await expect(each.getByRole('slider', { name: 'Community Beds, South' })).toHaveValue('75');
	await expect(beds).toHaveCount(0);

	// And back to one slider, which starts at North's value again.
	await cell.getByRole('button', { name: 'Edit lever Community Beds' }).click();
	await cell
		.getByRole('form', { name: 'Edit lever Community Beds' })
		.getByRole('radio', { name: 'One slider for every Locality' })
		.check();
	await cell.getByRole('button', { name: 'Save lever' }).click();
	await expect(beds).toHaveValue('110');
	await expect(each).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Undo' }).first()).toBeEnabled();
	await page.getByRole('button', { name: 'Undo' }).first().click();
	await expect(each.getByRole('slider')).toHaveCount(3);
});
