/**
 * Every .xmile and .stmx file of the shared conformance suite gets through the unit checker
 * without a crash. Warnings are allowed: few of these models declare units, and some that do
 * disagree with themselves (the teacup's flow is "deg/time" in a model whose time unit is "Time"
 * but whose characteristic time is in minutes; COS(TIME) in a model of months). The warnings are
 * printed. Skipped when the suite is not beside the repository.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { HAVE_SUITE, SUITE_DIR, suiteModelFiles } from '../conformance/suite-files';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, InputError } from '../model/diagnostics';
import { readXmile } from '../xmile/read';
import { checkUnits } from './check';

describe.skipIf(!HAVE_SUITE)('the conformance suite', () => {
	it('checks every model without a crash', () => {
		const lines: string[] = [];
		let checked = 0;
		for (const file of suiteModelFiles(SUITE_DIR)) {
			let model;
			try {
				model = readXmile(readFileSync(file, 'utf8')).model;
			} catch (e) {
				if (e instanceof InputError) continue;
				throw e;
			}
			const warnings = checkUnits(model);
			checked++;
			expect(
				warnings.every((w) => w.severity === 'warning' && w.message.startsWith('units: '))
			).toBe(true);
			for (const w of warnings) lines.push(formatDiagnostic(w, relative(SUITE_DIR, file)));
		}
		console.log(
			`unit check of ${checked} conformance files: ${lines.length} warnings\n${lines.join('\n')}`
		);
		expect(checked).toBeGreaterThan(90);
	});
});
