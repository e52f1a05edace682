/** Typing into the variable panel's equation fields (CodeMirror), as the diagram journeys do. */
import type { Page } from '@playwright/test';

/** Replaces the text of a CodeMirror field and leaves it for the panel's Name field, which commits the edit. */
export async function typeEquation(page: Page, label: string, text: string): Promise<void> {
	const field = page.getByRole('textbox', { name: label, exact: true });
	await field.click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type(text);
	await page.keyboard.press('Escape');
	await page.getByRole('textbox', { name: 'Name', exact: true }).focus();
}
