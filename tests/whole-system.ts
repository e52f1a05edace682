/** Opening model A (the whole-system flow example) and waiting for its run and its scenarios. */
import { expect, type Page } from '@playwright/test';

/** The community capacity lever's label. */
export const COMMUNITY =
	'Grow intermediate care, reablement and home care together by (0.125 = 12.5%)';

export async function openWholeSystem(page: Page) {
	await page.goto('/example/whole-system-flow');
	await expect(page.getByRole('status', { name: 'Model run' })).toContainText(/Ran in \d+ ms/, {
		timeout: 30_000
	});
	await expect(page.getByRole('status', { name: 'Scenario runs' })).toContainText(
		/scenarios ran in/,
		{ timeout: 30_000 }
	);
}
