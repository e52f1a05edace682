import { expect, test, type Page } from '@playwright/test';
import { typeEquation } from './equation-field';
import path from 'node:path';
import { nextFrames } from './frames';

const TEACUP = path.resolve('../shared/conformance/sdxorg/samples/teacup/teacup_w_diagram.xmile');

/** Clicks the diagram's empty space at (x, y) from its top-left corner. */
async function clickCanvas(page: Page, x: number, y: number) {
	await page.getByTestId('diagram').locator('.svelte-flow__pane').click({ position: { x, y } });
}

const node = (page: Page, name: string) =>
	page.getByTestId('diagram').locator(`[data-name="${name}"]`);
const nameField = (page: Page) => page.getByRole('textbox', { name: 'Name', exact: true });

async function rename(page: Page, name: string) {
	await nameField(page).fill(name);
	await nameField(page).press('Enter');
}

async function importTeacup(page: Page) {
	await page.goto('/');
	await page.getByLabel('Import XMILE').setInputFiles(TEACUP);
	await expect(page).toHaveURL(/\/notebook\//);
}

test('build the teacup model from an empty notebook with clicks and typing', async ({
	page
}, testInfo) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'New notebook' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Untitled notebook' })).toBeVisible();

	await page.getByRole('button', { name: 'Stock', exact: true }).click();
	await clickCanvas(page, 200, 260);
	await rename(page, 'Teacup Temperature');
	await typeEquation(page, 'Initial value', '180');

	await page.getByRole('button', { name: 'Flow', exact: true }).click();
	await node(page, 'Teacup Temperature').click();
	await clickCanvas(page, 560, 260);
	await rename(page, 'Heat Loss');

	await page.getByRole('button', { name: 'Auxiliary', exact: true }).click();
	await clickCanvas(page, 470, 130);
	await rename(page, 'Characteristic Time');
	await typeEquation(page, 'Equation', '10');

	await page.getByRole('button', { name: 'Auxiliary', exact: true }).click();
	await clickCanvas(page, 470, 400);
	await rename(page, 'Room Temperature');
	await typeEquation(page, 'Equation', '70');

	for (const from of ['Teacup Temperature', 'Characteristic Time', 'Room Temperature']) {
		await page.getByRole('button', { name: 'Connector', exact: true }).click();
		await node(page, from).click();
		await node(page, 'Heat Loss').click();
	}

	await node(page, 'Heat Loss').click();
	await typeEquation(
		page,
		'Equation',
		'(Teacup_Temperature - Room_Temperature) / Characteristic_Time'
	);

	// Open each again: the equations are intact, and nothing on the diagram is flagged.
	const expected: Array<[string, string, string]> = [
		['Teacup Temperature', 'Initial value', '180'],
		['Heat Loss', 'Equation', '(Teacup_Temperature - Room_Temperature) / Characteristic_Time'],
		['Characteristic Time', 'Equation', '10'],
		['Room Temperature', 'Equation', '70']
	];
	for (const [name, label, equation] of expected) {
		await node(page, name).click();
		await expect(nameField(page)).toHaveValue(name);
		await expect(page.getByRole('textbox', { name: label, exact: true })).toHaveText(equation);
	}
	const diagram = page.getByTestId('diagram');
	await expect(diagram.locator('[data-kind="cloud"]')).toHaveCount(1);
	await expect(diagram.locator('[data-kind="connector"]')).toHaveCount(3);
	await expect(diagram.getByTestId('warning-mark')).toHaveCount(0);
	await page.getByRole('button', { name: 'Fit to view' }).click();
	await nextFrames(page);
	await page.screenshot({ path: testInfo.outputPath('teacup-built.png'), fullPage: true });
});

test('undo and redo step through a sequence of edits', async ({ page }) => {
	await page.goto('/notebook/new');
	const undo = page.getByRole('button', { name: 'Undo' });
	const redo = page.getByRole('button', { name: 'Redo' });
	await expect(undo).toBeDisabled();

	await page.getByRole('button', { name: 'Stock', exact: true }).click();
	await clickCanvas(page, 200, 200);
	await rename(page, 'Beds');
	await page.getByRole('button', { name: 'Auxiliary', exact: true }).click();
	await clickCanvas(page, 400, 200);
	await rename(page, 'Occupancy');
	await typeEquation(page, 'Equation', 'Beds * 0.9');

	await undo.click();
	await expect(node(page, 'Occupancy')).toBeVisible();
	await node(page, 'Occupancy').click();
	await expect(page.getByRole('textbox', { name: 'Equation', exact: true })).toHaveText('0');
	await undo.click();
	await expect(node(page, 'Auxiliary 1')).toBeVisible();
	await undo.click();
	await expect(node(page, 'Auxiliary 1')).toHaveCount(0);
	await expect(node(page, 'Beds')).toBeVisible();

	// The keyboard does the same, away from the fields.
	await page.getByRole('heading', { level: 1 }).click();
	await page.keyboard.press('ControlOrMeta+z');
	await expect(node(page, 'Stock 1')).toBeVisible();
	await page.keyboard.press('ControlOrMeta+Shift+z');
	await expect(node(page, 'Beds')).toBeVisible();
	await redo.click();
	await redo.click();
	await redo.click();
	await expect(redo).toBeDisabled();
	await node(page, 'Occupancy').click();
	await expect(page.getByRole('textbox', { name: 'Equation', exact: true })).toHaveText(
		'Beds * 0.9'
	);
});

test('renaming a variable renames it in every equation', async ({ page }) => {
	await importTeacup(page);
	await node(page, 'room temperature').click();
	await rename(page, 'Ambient Temperature');
	await expect(node(page, 'Ambient Temperature')).toBeVisible();
	await node(page, 'heat loss to room').click();
	await expect(page.getByRole('textbox', { name: 'Equation', exact: true })).toHaveText(
		'(teacup_temperature-Ambient_Temperature)/characteristic_time'
	);
});

test('a broken equation is underlined as you type, with the problem named', async ({
	page
}, testInfo) => {
	await importTeacup(page);
	await node(page, 'heat loss to room').click();
	const field = page.getByRole('textbox', { name: 'Equation', exact: true });
	await field.click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('(teacup_temperature - room_temperatur');
	await page.keyboard.press('Escape');
	await expect(page.locator('.cm-lintRange-error')).toBeVisible();
	await expect(page.getByTestId('equation-problems')).toContainText('expected ")"');

	await page.keyboard.type(') / characteristic_time');
	await page.keyboard.press('Escape');
	await expect(page.locator('.cm-lintRange-error')).toHaveText('room_temperatur');
	await expect(page.getByTestId('equation-problems')).toContainText(
		'unknown name "room_temperatur"'
	);
	await page.screenshot({ path: testInfo.outputPath('broken-equation.png') });
});
