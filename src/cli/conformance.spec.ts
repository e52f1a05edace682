/**
 * Checks of the conformance runner against the real shared suite (skipped when it is not beside
 * the repository) and of the CLI as a process: exit codes, the last line, no stack traces.
 */
import { runCli } from './run-cli';
import {
	existsSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
	mkdirSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { planColumns } from '../lib/conformance/columns';
import { EXPECTED_FAILURES, KNOWN_CONFLICTS } from '../lib/conformance/expected-failures';
import { parseExpectedOutput, separatorFor } from '../lib/conformance/expected-output';
import { parseManifest, variantFiles } from '../lib/conformance/manifest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const suiteDir = resolve(repoRoot, '../shared/conformance');
const haveSuite = existsSync(join(suiteDir, 'manifest.json'));

describe.skipIf(!haveSuite)('the shared conformance suite', () => {
	const cases = haveSuite
		? parseManifest(readFileSync(join(suiteDir, 'manifest.json'), 'utf8'))
		: [];

	it('has a manifest the runner reads', () => {
		expect(cases.length).toBeGreaterThan(0);
	});

	it('has reference outputs that all parse, each with a time column and values to compare', () => {
		for (const c of cases) {
			const text = readFileSync(join(suiteDir, c.expected), 'utf8');
			const out = parseExpectedOutput(text, separatorFor(c.expected, text));
			expect(out.times.length, c.name).toBeGreaterThan(0);
			expect(/^(time|months?)$/i.test(out.timeColumn), `${c.name}: ${out.timeColumn}`).toBe(true);
			// Every time strictly after the one before it.
			for (let i = 1; i < out.times.length; i++)
				expect(out.times[i], c.name).toBeGreaterThan(out.times[i - 1]);
			// Some column besides control and ignored ones, so a case cannot pass by comparing nothing.
			const plan = planColumns(out.columns, [], c.ignoreColumns);
			expect(plan.missing.length, c.name).toBeGreaterThan(0);
			// Values appear from the first row on (a blank first cell would leave a column unchecked).
			for (const column of out.values) expect(column[0], c.name).not.toBeNull();
		}
	});

	it('lists as expected failures only invalid variants of this suite: every case, T3 included, must pass', () => {
		const byName = new Map(cases.map((c) => [c.name, c]));
		// The list also excuses cases of the Vensim suite (conformance/vensim), checked by its own runs.
		const vensimCase = (key: string) =>
			existsSync(join(suiteDir, 'vensim', key.replace(/ \[.+\]$/, '')));
		const ours = Object.keys(EXPECTED_FAILURES).filter((key) => !vensimCase(key));
		for (const key of ours) {
			const m = /^(.*) \[(.+)\]$/.exec(key);
			const c = byName.get(m ? m[1] : key);
			expect(c, key).toBeDefined();
			if (m) {
				const files = readdirSync(join(suiteDir, c!.name));
				expect(variantFiles(c!, files), key).toContain(m[2]);
			} else expect(c!.tier, key).toBe('T3');
		}
		// Arrays, modules and macros run (issue #8): no case may be excused as a whole.
		for (const key of ours) expect(key, key).toMatch(/ \[.+\]$/);
		for (const c of cases) expect(EXPECTED_FAILURES, c.name).not.toHaveProperty([c.name]);
		for (const key of Object.keys(KNOWN_CONFLICTS).filter((k) => !vensimCase(k))) {
			expect(byName.get(key), key).toBeDefined();
			expect(EXPECTED_FAILURES, key).not.toHaveProperty([key]);
		}
	});
});

describe('the conformance CLI', () => {
	const temp = mkdtempSync(join(tmpdir(), 'flowbook-conformance-'));
	afterAll(() => rmSync(temp, { recursive: true, force: true }));

	const conformance = (args: string[]) => runCli('conformance', args, 60_000);

	function suite(name: string, manifest: string, files: Record<string, string> = {}): string {
		const dir = join(temp, name);
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'manifest.json'), manifest);
		for (const [path, text] of Object.entries(files)) {
			mkdirSync(join(dir, path, '..'), { recursive: true });
			writeFileSync(join(dir, path), text);
		}
		return dir;
	}

	it('reports a case whose reference is missing as FAIL, ends with the summary and exits 1', async () => {
		const dir = suite(
			'missing-reference',
			JSON.stringify([{ name: 'a', model: 'a/model.xmile', expected: 'a/output.csv', tier: 'T1' }]),
			{ 'a/model.xmile': '<xmile/>' }
		);
		const { code, stdout, stderr } = await conformance([dir]);
		expect(code).toBe(1);
		const lines = stdout.trim().split('\n');
		expect(lines[0]).toMatch(/^FAIL a: cannot read reference output a\/output\.csv: ENOENT/);
		expect(lines.at(-1)).toBe('0 passed, 1 failed');
		expect(stderr).not.toMatch(/\n\s+at /);
	}, 60_000);

	it('prints one JSON report with --json and exits the same way', async () => {
		const dir = suite(
			'json',
			JSON.stringify([{ name: 'a', model: 'a/model.xmile', expected: 'a/output.csv', tier: 'T1' }]),
			{ 'a/model.xmile': '<xmile/>', 'a/output.csv': 'Time,x\n0,abc\n' }
		);
		const { code, stdout } = await conformance([dir, '--json']);
		expect(code).toBe(1);
		const report = JSON.parse(stdout);
		expect(report.totals).toMatchObject({ passed: 0, failed: 1, total: 1 });
		expect(report.cases[0]).toMatchObject({
			name: 'a',
			tier: 'T1',
			status: 'fail',
			stage: 'reference'
		});
		expect(report.cases[0].reason).toBe(
			'reference output a/output.csv: row 2, column "x": "abc" is not a number'
		);
	}, 60_000);

	it('exits 2 with one line, no stack trace, when the suite cannot be read', async () => {
		const bad = suite('bad-manifest', '[{"name": "a"}]');
		const r1 = await conformance([bad]);
		expect(r1.code).toBe(2);
		expect(r1.stderr.trim()).toMatch(/manifest\.json: case "a" has no "model"$/);
		const r2 = await conformance([join(temp, 'nowhere')]);
		expect(r2.code).toBe(2);
		expect(r2.stderr).toMatch(/cannot read .*manifest\.json/);
		expect(r2.stderr).not.toMatch(/\n\s+at /);
		const r3 = await conformance(['--no-such-flag']);
		expect(r3.code).toBe(2);
		expect(r3.stderr).toMatch(/Unknown option '--no-such-flag'/);
	}, 60_000);
});
