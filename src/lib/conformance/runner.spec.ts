import { describe, expect, it } from 'vitest';
import { InputError, type Diagnostic } from '../model/diagnostics';
import type { Model } from '../model/types';
import type { CompileResult, RunResult } from '../engine/api';
import type { ConformanceCase } from './manifest';
import { runSuite, type SuiteFiles, type Toolchain } from './runner';

/**
 * A fake reader and engine: the "model file" is JSON saying what the run gives, or how it fails.
 */
interface FakeModel {
	times?: number[];
	outputs?: Record<string, number[]>;
	readThrows?: string;
	readThrowsInputError?: string;
	readDiagnostics?: Diagnostic[];
	compileErrors?: Diagnostic[];
	compileThrows?: string;
	runThrows?: string;
	runError?: Diagnostic;
}

const toolchain: Toolchain = {
	readXmile(text) {
		const spec = JSON.parse(text) as FakeModel;
		if (spec.readThrows) throw new Error(spec.readThrows);
		if (spec.readThrowsInputError)
			throw new InputError(spec.readThrowsInputError, [
				{ severity: 'error', message: spec.readThrowsInputError, line: 3, column: 7 }
			]);
		return { model: { fake: spec } as unknown as Model, diagnostics: spec.readDiagnostics ?? [] };
	},
	compileModel(model): CompileResult {
		const spec = (model as unknown as { fake: FakeModel }).fake;
		if (spec.compileThrows) throw new TypeError(spec.compileThrows);
		if (spec.compileErrors) return { ok: false, diagnostics: spec.compileErrors };
		const names = Object.keys(spec.outputs ?? {});
		const result: RunResult = {
			times: Float64Array.from(spec.times ?? []),
			names,
			series: names.map((n) => Float64Array.from(spec.outputs![n])),
			...(spec.runError ? { error: spec.runError } : {})
		};
		return {
			ok: true,
			diagnostics: [],
			simulation: {
				constants: [],
				outputs: names,
				run() {
					if (spec.runThrows) throw new RangeError(spec.runThrows);
					return result;
				},
				seriesOf: () => undefined
			}
		};
	}
};

function memoryFiles(files: Record<string, string>): SuiteFiles {
	return {
		readText(path) {
			if (!(path in files)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
			return files[path];
		},
		listFolder(path) {
			const prefix = path === '' ? '' : `${path}/`;
			return Object.keys(files)
				.filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/'))
				.map((f) => f.slice(prefix.length));
		}
	};
}

const REFERENCE = 'Time,Stock,Rate\r0,1,0.5\r1,1.5,0.5\r2,2,0.5\r'; // CR line endings, as Vensim writes
const GOOD: FakeModel = {
	times: [0, 1, 2],
	outputs: { stock: [1, 1.5, 2], rate: [0.5, 0.5, 0.5] }
};

function testCase(name: string, over: Partial<ConformanceCase> = {}): ConformanceCase {
	return {
		name,
		model: `${name}/model.xmile`,
		expected: `${name}/output.csv`,
		tier: 'T1',
		features: [],
		note: '',
		ignoreColumns: [],
		...over
	};
}

function suite(models: Record<string, FakeModel>, reference = REFERENCE) {
	const files: Record<string, string> = {};
	const cases = Object.keys(models).map((name) => {
		files[`${name}/model.xmile`] = JSON.stringify(models[name]);
		files[`${name}/output.csv`] = reference;
		return testCase(name);
	});
	return { cases, files };
}

const none = { expectedFailures: {}, knownConflicts: {} };

describe('runSuite', () => {
	it('reads a .mdl case with the Vensim reader, and fails it without one', () => {
		const files = {
			'v/model.mdl': JSON.stringify(GOOD),
			'v/output.csv': REFERENCE
		};
		const cases = [testCase('v', { model: 'v/model.mdl' })];
		const read: string[] = [];
		const withVensim: Toolchain = {
			...toolchain,
			readXmile: () => {
				throw new Error('the XMILE reader was asked to read a .mdl');
			},
			readVensim: (text) => {
				read.push(text);
				return toolchain.readXmile(text);
			}
		};
		expect(runSuite(cases, memoryFiles(files), withVensim, none)[0].status).toBe('pass');
		expect(read).toHaveLength(1);
		const [without] = runSuite(cases, memoryFiles(files), toolchain, none);
		expect(without).toMatchObject({ status: 'fail', stage: 'import' });
		expect(without.reason).toMatch(/no Vensim reader/);
	});

	it('passes a case whose run matches its reference', () => {
		const { cases, files } = suite({ a: GOOD });
		const [r] = runSuite(cases, memoryFiles(files), toolchain, none);
		expect(r).toMatchObject({
			name: 'a',
			label: 'a',
			tier: 'T1',
			status: 'pass',
			compared: 6,
			failed: 0
		});
		expect(r.reason).toBeUndefined();
	});

	it('fails with the worst value', () => {
		const { cases, files } = suite({
			a: { ...GOOD, outputs: { stock: [1, 1.5, 2.1], rate: [0.5, 0.5, 0.5] } }
		});
		const [r] = runSuite(cases, memoryFiles(files), toolchain, none);
		expect(r.status).toBe('fail');
		expect(r.stage).toBe('compare');
		expect(r.reason).toMatch(/^worst column "Stock" at time 2 expected 2 got 2\.1 \(error 0\.100/);
		expect(r.worst).toMatchObject({ column: 'Stock', time: 2 });
		expect(r.first).toEqual(r.worst);
	});

	it('turns every kind of failure into a reason, never an exception', () => {
		const { cases, files } = suite({
			read: { readThrows: 'not XML: unexpected end of file' },
			input: { readThrowsInputError: 'the file is not XMILE' },
			diag: {
				readDiagnostics: [
					{ severity: 'warning', message: 'unknown element <foo>' },
					{ severity: 'error', message: 'stock has no initial value', variable: 'Stock' }
				]
			},
			compile: {
				compileErrors: [
					{
						severity: 'error',
						message: 'unknown name "tmp"',
						variable: 'Heat Loss',
						start: 6,
						end: 9
					},
					{ severity: 'error', message: 'b' },
					{ severity: 'error', message: 'c' },
					{ severity: 'error', message: 'd' }
				]
			},
			compileThrows: { compileThrows: "Cannot read properties of undefined (reading 'kind')" },
			runThrows: { runThrows: 'Maximum call stack size exceeded' },
			runError: {
				...GOOD,
				times: [0, 1],
				runError: { severity: 'error', message: 'Stock became NaN', time: 2 }
			},
			missingColumn: { times: [0, 1, 2], outputs: { stock: [1, 1.5, 2] } },
			missingTime: { times: [0, 0.5, 1], outputs: { stock: [1, 1.25, 1.5], rate: [0.5, 0.5, 0.5] } }
		});
		const results = runSuite(cases, memoryFiles(files), toolchain, none);
		const reasons = Object.fromEntries(results.map((r) => [r.name, `${r.stage}: ${r.reason}`]));
		expect(results.every((r) => r.status === 'fail')).toBe(true);
		expect(reasons).toEqual({
			read: 'import: import error: not XML: unexpected end of file',
			input: 'import: import error: line 3, column 7: the file is not XMILE',
			diag: 'import: import error: Stock: stock has no initial value',
			compile:
				'compile: compile error: Heat Loss (character 7): unknown name "tmp"; b; c (+1 more)',
			compileThrows:
				"compile: compile error (exception): Cannot read properties of undefined (reading 'kind')",
			runThrows: 'run: run error (exception): Maximum call stack size exceeded',
			runError: 'run: run error: at time 2: Stock became NaN',
			missingColumn: 'compare: the model has no output for reference column "Rate"',
			missingTime:
				'compare: the model did not save reference time 2 (the model saved 3 rows from 0 to 1, every 0.5)'
		});
	});

	it('ignores warnings from the reader', () => {
		const { cases, files } = suite({
			a: {
				...GOOD,
				readDiagnostics: [{ severity: 'warning', message: 'isee: prefix not declared' }]
			}
		});
		expect(runSuite(cases, memoryFiles(files), toolchain, none)[0].status).toBe('pass');
	});

	it('reports a missing model file or reference, and goes on with the next case', () => {
		const { cases, files } = suite({ a: GOOD, b: GOOD, c: GOOD });
		delete files['a/model.xmile'];
		delete files['b/output.csv'];
		files['c/output.csv'] = 'Time,Stock\n0,abc\n';
		const results = runSuite(cases, memoryFiles(files), toolchain, none);
		expect(results.map((r) => [r.name, r.status, r.stage])).toEqual([
			['a', 'fail', 'read'],
			['b', 'fail', 'reference'],
			['c', 'fail', 'reference']
		]);
		expect(results[0].reason).toMatch(/^cannot read model file a\/model\.xmile: ENOENT/);
		expect(results[1].reason).toMatch(/^cannot read reference output b\/output\.csv: ENOENT/);
		expect(results[2].reason).toBe(
			'reference output c/output.csv: row 2, column "Stock": "abc" is not a number'
		);
	});

	it('reads a .tab reference as tab separated', () => {
		const files = {
			'a/model.xmile': JSON.stringify(GOOD),
			'a/output.tab': 'Time\tStock\tRate\r\n0\t1\t0.5\r\n1\t1.5\t\r\n2\t2\t\r\n'
		};
		const [r] = runSuite(
			[testCase('a', { expected: 'a/output.tab' })],
			memoryFiles(files),
			toolchain,
			none
		);
		expect(r.status).toBe('pass');
	});

	it('passes ignore_columns through', () => {
		const { cases, files } = suite({ a: GOOD }, 'Time,Stock,Rate,Input\n0,1,0.5,4\n');
		expect(runSuite(cases, memoryFiles(files), toolchain, none)[0].status).toBe('fail');
		cases[0].ignoreColumns = ['input'];
		expect(runSuite(cases, memoryFiles(files), toolchain, none)[0].status).toBe('pass');
	});

	it('marks listed cases XFAIL when they fail and XPASS when they pass; a known conflict excuses only its columns', () => {
		const { cases, files } = suite({
			arrays: { compileErrors: [{ severity: 'error', message: 'dimensions are not supported' }] },
			macros: GOOD,
			bad: GOOD,
			worse: GOOD
		});
		files['bad/output.csv'] = 'Time,Stock,Rate\n0,1,0.6\n';
		files['worse/output.csv'] = 'Time,Stock,Rate\n0,2,0.6\n';
		const conflict = {
			columns: ['Rate'],
			reason: 'Rate is 0.6 in the reference but the model says 0.5'
		};
		const results = runSuite(cases, memoryFiles(files), toolchain, {
			expectedFailures: { arrays: 'arrays (T3)', macros: 'macros (T3)' },
			knownConflicts: { bad: conflict, worse: conflict }
		});
		expect(results.map((r) => [r.name, r.status, r.expectation?.kind])).toEqual([
			['arrays', 'xfail', 'expected-failure'],
			['macros', 'xpass', 'expected-failure'],
			['bad', 'pass', 'known-conflict'],
			['worse', 'fail', 'known-conflict']
		]);
		expect(results[0].reason).toBe('compile error: dimensions are not supported');
	});

	it('runs variants only when asked, as separate results after their case', () => {
		const { cases, files } = suite({ a: GOOD, b: GOOD });
		files['a/model_legacy.stmx'] = JSON.stringify(GOOD);
		files['a/broken.xmile'] = JSON.stringify({ readThrows: 'bad' });
		files['a/notes.txt'] = 'not a model';
		files['a/sub/deeper.xmile'] = JSON.stringify(GOOD);
		expect(runSuite(cases, memoryFiles(files), toolchain, none).map((r) => r.label)).toEqual([
			'a',
			'b'
		]);
		const results = runSuite(cases, memoryFiles(files), toolchain, { ...none, variants: true });
		expect(results.map((r) => [r.label, r.status])).toEqual([
			['a', 'pass'],
			['a [broken.xmile]', 'fail'],
			['a [model_legacy.stmx]', 'pass'],
			['b', 'pass']
		]);
		expect(results[1]).toMatchObject({ name: 'a', variant: 'broken.xmile' });
	});

	it('lets a variant be listed on its own, and a listed case cover its variants', () => {
		const { cases, files } = suite({ a: GOOD, t3: { readThrows: 'no arrays' } });
		files['a/invalid.stmx'] = JSON.stringify({ readThrows: 'syntax error' });
		files['t3/other.xmile'] = JSON.stringify({ readThrows: 'no arrays' });
		const results = runSuite(cases, memoryFiles(files), toolchain, {
			variants: true,
			expectedFailures: { 'a [invalid.stmx]': 'invalid equation', t3: 'arrays' },
			knownConflicts: {}
		});
		expect(results.map((r) => [r.label, r.status])).toEqual([
			['a', 'pass'],
			['a [invalid.stmx]', 'xfail'],
			['t3', 'xfail'],
			['t3 [other.xmile]', 'xfail']
		]);
	});

	it('runs only what the filter accepts, and streams results', () => {
		const { cases, files } = suite({ teacup: GOOD, abs: GOOD });
		const seen: string[] = [];
		const results = runSuite(cases, memoryFiles(files), toolchain, {
			...none,
			filter: (label) => label.includes('tea'),
			onResult: (r) => seen.push(r.label)
		});
		expect(results.map((r) => r.label)).toEqual(['teacup']);
		expect(seen).toEqual(['teacup']);
	});

	it('times each case with the given clock', () => {
		const { cases, files } = suite({ a: GOOD });
		let t = 100;
		const [r] = runSuite(cases, memoryFiles(files), toolchain, { ...none, now: () => (t += 5) });
		expect(r.ms).toBe(5);
	});

	it('survives a file system that throws anything at all', () => {
		const files: SuiteFiles = {
			readText() {
				throw 'a string, not an Error';
			},
			listFolder() {
				throw new Error('EACCES');
			}
		};
		const results = runSuite([testCase('a')], files, toolchain, { ...none, variants: true });
		expect(results).toHaveLength(1);
		expect(results[0].status).toBe('fail');
		expect(results[0].reason).toBe(
			'cannot read reference output a/output.csv: a string, not an Error'
		);
	});
});
