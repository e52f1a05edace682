/**
 * Every .xmile and .stmx file of the shared conformance suite gets through the unit checker
 * without a crash. Warnings are allowed: few of these models declare units, and some that do
 * disagree with themselves (the teacup's flow is "deg/time" in a model whose time unit is "Time"
 * but whose characteristic time is in minutes; COS(TIME) in a model of months). The warnings are
 * printed. Skipped when the suite is not beside the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, InputError } from '../model/diagnostics';
import { readXmile } from '../xmile/read';
import { checkUnits } from './check';

const suiteDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/conformance');
const haveSuite = existsSync(join(suiteDir, 'manifest.json'));

function modelFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true })
		.flatMap((entry) => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) return modelFiles(path);
			return /\.(xmile|stmx)$/i.test(entry.name) ? [path] : [];
		})
		.sort();
}

describe.skipIf(!haveSuite)('the conformance suite', () => {
	it('checks every model without a crash', () => {
		const lines: string[] = [];
		let checked = 0;
		for (const file of modelFiles(suiteDir)) {
			let model;
			try {
				model = readXmile(readFileSync(file, 'utf8')).model;
			} catch (e) {
				if (e instanceof InputError) continue;
				throw e;
			}
			const warnings = checkUnits(model);
			checked++;
			expect(warnings.every((w) => w.severity === 'warning' && w.message.startsWith('units: '))).toBe(true);
			for (const w of warnings) lines.push(formatDiagnostic(w, relative(suiteDir, file)));
		}
		console.log(`unit check of ${checked} conformance files: ${lines.length} warnings\n${lines.join('\n')}`);
		expect(checked).toBeGreaterThan(90);
	});
});
