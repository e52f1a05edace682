import { expect, test } from '@playwright/test';

test('a lever can be added, edited and removed from the notebook, and each change undone', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.goto('/example/whole-system-flow');
	const status = page.getByRole('status', { name: 'Model run' });
	await expect(status).toContainText(/Ran in \d+ ms/, { timeout: 30_000 });
	const cell = page.locator('section.cell.levers').first();
	const undo = page.getByRole('button', { name: 'Undo' }).first();

	// Add: a constant, its label, range and step.
	await cell.getByRole('button', { name: 'Add a lever' }).click();
	const form = cell.getByRole('form', { name: 'New lever' });
	await form
		.getByLabel('Constant', { exact: true })
		.selectOption({ label: 'premature_readmit_sensitivity' });
	await expect(form.getByLabel('Label', { exact: true })).toHaveValue(
		'premature_readmit_sensitivity'
	);
	await expect(form.getByLabel('Max', { exact: true })).toHaveValue('1');
	await form.getByLabel('Label', { exact: true }).fill('Readmissions per day of stay cut');
	await form.getByLabel('Min', { exact: true }).fill('2');
	await expect(form).toContainText('min must be below max');
	await expect(form.getByRole('button', { name: 'Add lever' })).toBeDisabled();
	await form.getByLabel('Min', { exact: true }).fill('0');
	await form.getByLabel('Step', { exact: true }).fill('0.05');
	await form.getByRole('button', { name: 'Add lever' }).click();
	const slider = cell.getByRole('slider', { name: 'Readmissions per day of stay cut' });
	await expect(slider).toHaveAttribute('max', '1');
	await expect(slider).toHaveAttribute('step', '0.05');
	await expect(slider).toHaveValue('0.5');
	await slider.fill('0.9');
	await expect(status).toContainText(/Ran in \d+ ms/);

	// Edit its label and range.
	await cell.getByRole('button', { name: 'Edit lever Readmissions per day of stay cut' }).click();
	const edit = cell.getByRole('form', { name: 'Edit lever Readmissions per day of stay cut' });
	await edit.getByLabel('Label', { exact: true }).fill('Readmission sensitivity');
	await edit.getByLabel('Max', { exact: true }).fill('2');
	await cell.screenshot({ path: 'test-results/levers-edit.png' });
	await edit.getByRole('button', { name: 'Save lever' }).click();
	const edited = cell.getByRole('slider', { name: 'Readmission sensitivity' });
	await expect(edited).toHaveAttribute('max', '2');
	await expect(slider).toHaveCount(0);

	// Remove it, then undo the removal and the edit.
	await cell.getByRole('button', { name: 'Remove lever Readmission sensitivity' }).click();
	await expect(edited).toHaveCount(0);
	await undo.click();
	await expect(edited).toHaveAttribute('max', '2');
	await undo.click();
	await expect(slider).toHaveAttribute('max', '1');
	await undo.click();
	await expect(slider).toHaveCount(0);
	await expect(
		page.getByRole('slider', { name: 'Extra acute (general and acute) beds' })
	).toBeVisible();
});
