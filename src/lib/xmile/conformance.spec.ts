/**
 * Every .xmile and .stmx file of the shared conformance suite (each case's model and its
 * variants) must import: no throw, no errors outside tier T3 (arrays, modules, macros), and
 * every stock's flows resolved to flows. Skipped when the suite is not beside the repository.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HAVE_SUITE, SUITE_DIR, suiteModelFiles } from '../conformance/suite-files';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../model/diagnostics';
import { readXmile } from './read';

interface Case {
	name: string;
	tier: string;
}

describe.skipIf(!HAVE_SUITE)('the conformance suite imports', () => {
	const cases: Case[] = HAVE_SUITE
		? JSON.parse(readFileSync(join(SUITE_DIR, 'manifest.json'), 'utf8'))
		: [];
	const files = HAVE_SUITE ? suiteModelFiles(SUITE_DIR) : [];

	it('has all 64 cases and their variant files', () => {
		expect(cases).toHaveLength(64);
		expect(files.length).toBeGreaterThan(cases.length);
	});

	it.each(files.map((f) => relative(SUITE_DIR, f)))('%s', (file) => {
		const kase = cases.find((c) => file.startsWith(c.name + '/'));
		expect(kase, 'every model file belongs to a case folder').toBeDefined();
		const { model, diagnostics } = readXmile(readFileSync(join(SUITE_DIR, file), 'utf8'));

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
