// The layer rules of eslint.layers.js: every folder of src/lib has a layer, and lint fails a
// value import that points up while letting a type import through.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LAYER_FOLDERS } from '../eslint.layers.js';

const ROOT = resolve(__dirname, '..');

async function lint(code: string, file: string) {
	const eslint = new ESLint({ cwd: ROOT });
	const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
	return result.messages
		.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
		.map((m) => m.message);
}

describe('layer rules', () => {
	it('give every folder of src/lib a layer', () => {
		const folders = readdirSync(join(ROOT, 'src/lib'), { withFileTypes: true })
			.filter((e) => e.isDirectory())
			.map((e) => e.name)
			.sort();
		expect([...LAYER_FOLDERS].sort()).toEqual(folders);
	});

	it('fail a value import from a higher layer and name the rule', async () => {
		const messages = await lint(
			"import { compileModel } from '../engine';\nexport const c = compileModel;\n",
			'src/lib/model/probe.ts'
		);
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatch(/src\/lib\/model may import values only from itself/);
		const fromNotebook = await lint(
			"import { Runs } from '../notebook/runs.svelte';\nexport const r = Runs;\n",
			'src/lib/diagram/probe.ts'
		);
		expect(fromNotebook[0]).toMatch(/src\/lib\/diagram may import values only from/);
		const fromCli = await lint(
			"import { runCli } from '../../cli/run-cli';\nexport const r = runCli;\n",
			'src/lib/engine/probe.ts'
		);
		expect(fromCli[0]).toMatch(/may not import routes or the CLI/);
	});

	it('let a type import and an import from a lower layer through', async () => {
		expect(
			await lint(
				"import type { RunResult } from '../engine/api';\nexport type R = RunResult;\n",
				'src/lib/model/probe.ts'
			)
		).toEqual([]);
		expect(
			await lint(
				"import { canonicalName } from '../model/names';\nexport const n = canonicalName;\n",
				'src/lib/engine/probe.ts'
			)
		).toEqual([]);
	});
});
