import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM } from './tests/chromium';

/** PW_PORT lets two checkouts run their journeys side by side without sharing a server. */
const port = Number(process.env.PW_PORT ?? 4173);

/**
 * Browser journeys against the built app. `npm test` builds just before `npm run test:e2e`, so the
 * web server here only previews; run `npm run build` first when calling Playwright on its own.
 * Chromium is Debian's (or CHROMIUM_PATH): Playwright's own browsers cannot be downloaded here.
 */
export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.spec.ts',
	outputDir: 'test-results',
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://localhost:${port}`,
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: CHROMIUM
			}
		}
	],
	webServer: {
		command: `npm run preview -- --port ${port} --strictPort`,
		port,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
