/**
 * Every .mdl of the Vensim conformance suite (each case's model and the variants beside it) reads
 * without throwing, and whatever it cannot read is an error that names the line and the variable.
 * Whether the runs match Vensim's output is the conformance runner's job
 * (`npm run conformance -- ../shared/conformance/vensim`). Skipped when the suite is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUITE_DIR } from '../conformance/suite-files';
import { readVensim } from './read';

const VENSIM = join(SUITE_DIR, 'vensim');
const present = existsSync(join(VENSIM, 'manifest.json'));

function mdlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true })
		.flatMap((e) => {
			const path = join(dir, e.name);
			if (e.isDirectory()) return mdlFiles(path);
			return /\.mdl$/i.test(e.name) ? [path] : [];
		})
		.sort();
}

describe.skipIf(!present)('the Vensim suite reads', () => {
	const files = present ? mdlFiles(VENSIM) : [];

	it('has a .mdl for each of its 83 cases', () => {
		const cases: { model: string }[] = JSON.parse(
			readFileSync(join(VENSIM, 'manifest.json'), 'utf8')
		);
		expect(cases).toHaveLength(83);
		for (const c of cases) expect(existsSync(join(VENSIM, c.model)), c.model).toBe(true);
	});

	it.each(files.map((f) => relative(VENSIM, f)))('%s', (file) => {
		const { model, diagnostics } = readVensim(readFileSync(join(VENSIM, file), 'utf8'));
		for (const d of diagnostics.filter((x) => x.severity === 'error')) {
			expect(d.line, d.message).toBeGreaterThan(0);
			expect(d.variable, d.message).toBeTruthy();
		}
		const kinds = new Map(model.variables.map((v) => [v.id, v.kind]));
		for (const v of model.variables)
			if (v.kind === 'stock')
				for (const flow of [...v.inflows, ...v.outflows])
					expect(kinds.get(flow), `${v.name} → ${flow}`).toBe('flow');
		expect(new Set(kinds.keys()).size, 'ids are unique').toBe(model.variables.length);
	});
});
