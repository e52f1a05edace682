/**
 * Where the shared conformance suite sits for tests that read it from disk (Node only): beside
 * the checkout, as ../shared/conformance. Tests skip themselves when it is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SUITE_DIR = resolve(
	fileURLToPath(new URL('.', import.meta.url)),
	'../../../../shared/conformance'
);
export const HAVE_SUITE = existsSync(join(SUITE_DIR, 'manifest.json'));

/** Every .xmile and .stmx file below a folder, sorted. */
export function modelFiles(dir: string = SUITE_DIR): string[] {
	return readdirSync(dir, { withFileTypes: true })
		.flatMap((entry) => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) return modelFiles(path);
			return /\.(xmile|stmx)$/i.test(entry.name) ? [path] : [];
		})
		.sort();
}

/**
 * The model files of the cases a suite's manifest lists: each case folder's model and its variants.
 * Other folders beside them (`wide/`, `vensim/`) are suites of their own, with their own READMEs.
 */
export function suiteModelFiles(dir: string = SUITE_DIR): string[] {
	const cases: { name: string }[] = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
	return [...new Set(cases.flatMap((c) => modelFiles(join(dir, c.name))))].sort();
}
