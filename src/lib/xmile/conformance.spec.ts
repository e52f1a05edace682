/**
 * Every .xmile and .stmx file of the shared conformance suite (each case's model and its
 * variants) must import: no throw, no errors outside tier T3 (arrays, modules, macros), and
 * every stock's flows resolved to flows. Skipped when the suite is not beside the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../model/diagnostics';
import { readXmile } from './read';

const suiteDir = resolve(
	fileURLToPath(new URL('.', import.meta.url)),
	'../../../../shared/conformance'
);
const haveSuite = existsSync(join(suiteDir, 'manifest.json'));

interface Case {
	name: string;
	tier: string;
}

function modelFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true })
		.flatMap((entry) => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) return modelFiles(path);
			return /\.(xmile|stmx)$/i.test(entry.name) ? [path] : [];
		})
		.sort();
}

describe.skipIf(!haveSuite)('the conformance suite imports', () => {
	const cases: Case[] = haveSuite
		? JSON.parse(readFileSync(join(suiteDir, 'manifest.json'), 'utf8'))
		: [];
	const files = haveSuite ? modelFiles(suiteDir) : [];

	it('has all 64 cases and their variant files', () => {
		expect(cases).toHaveLength(64);
		expect(files.length).toBeGreaterThan(cases.length);
	});

	it.each(files.map((f) => relative(suiteDir, f)))('%s', (file) => {
		const kase = cases.find((c) => file.startsWith(c.name + '/'));
		expect(kase, 'every model file belongs to a case folder').toBeDefined();
		const { model, diagnostics } = readXmile(readFileSync(join(suiteDir, file), 'utf8'));

		if (kase?.tier !== 'T3') {
			const errors = diagnostics
				.filter((d) => d.severity === 'error')
				.map((d) => formatDiagnostic(d, file));
			expect(errors).toEqual([]);
			expect(model.variables.length).toBeGreaterThan(0);
		}
		const kinds = new Map(model.variables.map((v) => [v.id, v.kind]));
		for (const v of model.variables) {
			if (v.kind !== 'stock') continue;
			for (const flow of [...v.inflows, ...v.outflows])
				expect(kinds.get(flow), `${v.name} → ${flow}`).toBe('flow');
		}
		expect(new Set(kinds.keys()).size, 'ids are unique').toBe(model.variables.length);
	});
});
