import { describe, expect, it } from 'vitest';
import { exitCode, formatCaseLine, jsonReport, summaryLines, totals } from './report';
import type { CaseResult } from './runner';

const pass: CaseResult = {
	name: 'sdxorg/samples/teacup',
	label: 'sdxorg/samples/teacup',
	tier: 'T1',
	status: 'pass',
	ms: 3
};
const fail: CaseResult = {
	name: 'sdxorg/tests/abs',
	label: 'sdxorg/tests/abs',
	tier: 'T1',
	status: 'fail',
	stage: 'compare',
	reason:
		'worst column "StockA" at time 2 expected -8 got -7 (error 1.00, allowed 9.00e-5) (2 of 9 values out of tolerance)',
	worst: { column: 'StockA', time: 2, expected: -8, actual: NaN, error: Infinity, allowed: 9e-5 },
	first: { column: 'FlowA', time: 1, expected: 1, actual: 1.001, error: 0.001, allowed: 2e-5 },
	compared: 9,
	failed: 2,
	ms: 1.234
};
const xfail: CaseResult = {
	name: 'simlin/subscript_1d_arrays',
	label: 'simlin/subscript_1d_arrays',
	tier: 'T3',
	status: 'xfail',
	stage: 'import',
	reason: 'import error: line 12: <dimensions> is not supported\nyet',
	expectation: { kind: 'expected-failure', reason: 'arrays (T3: a later issue)' },
	ms: 1
};
const conflict: CaseResult = {
	...pass,
	name: 'simlin/time',
	label: 'simlin/time',
	tier: 'T2',
	expectation: {
		kind: 'known-conflict',
		columns: ['Stock'],
		reason: 'the reference saves Stock one step late'
	}
};
const xpass: CaseResult = {
	name: 'simlin/macro_stock',
	label: 'simlin/macro_stock',
	tier: 'T3',
	status: 'xpass',
	expectation: { kind: 'expected-failure', reason: 'macros (T3)' },
	ms: 1
};
const variant: CaseResult = {
	...pass,
	label: 'sdxorg/samples/teacup [teacup_legacy.stmx]',
	variant: 'teacup_legacy.stmx'
};

describe('case lines', () => {
	it('prints PASS, FAIL with its reason, XFAIL with why and what happened, XPASS', () => {
		expect(formatCaseLine(pass)).toBe('PASS sdxorg/samples/teacup');
		expect(formatCaseLine(variant)).toBe('PASS sdxorg/samples/teacup [teacup_legacy.stmx]');
		expect(formatCaseLine(fail)).toBe(`FAIL sdxorg/tests/abs: ${fail.reason}`);
		expect(formatCaseLine(xfail)).toBe(
			'XFAIL simlin/subscript_1d_arrays: arrays (T3: a later issue) (got: import error: line 12: <dimensions> is not supported yet)'
		);
		expect(formatCaseLine(conflict)).toBe(
			'PASS simlin/time (known conflict in "Stock": the reference saves Stock one step late)'
		);
		expect(formatCaseLine(xpass)).toBe('XPASS simlin/macro_stock');
	});

	it('shortens what an expected failure actually did', () => {
		const line = formatCaseLine({ ...xfail, reason: 'x'.repeat(500) });
		expect(line.length).toBeLessThan(260);
		expect(line.endsWith('…)')).toBe(true);
	});
});

describe('summary', () => {
	it('ends with exactly "N passed, N failed", expected failures noted before it', () => {
		const lines = summaryLines([pass, fail, xfail, conflict, variant]);
		expect(lines).toEqual([
			'(1 expected failure)',
			'(1 of the passes excuse some columns as known conflicts: see src/lib/conformance/expected-failures.ts)',
			'3 passed, 1 failed'
		]);
		expect(lines.at(-1)).toMatch(/^\d+ passed, \d+ failed$/);
	});

	it('counts an unexpected pass as passed and says to remove it from the list', () => {
		const lines = summaryLines([pass, xpass]);
		expect(lines).toEqual([
			'(1 unexpected pass: remove simlin/macro_stock from src/lib/conformance/expected-failures.ts)',
			'2 passed, 0 failed'
		]);
	});

	it('prints "0 passed, 0 failed" for an empty suite', () => {
		expect(summaryLines([])).toEqual(['0 passed, 0 failed']);
	});

	it('totals every status', () => {
		expect(totals([pass, fail, xfail, conflict, xpass])).toEqual({
			passed: 3,
			failed: 1,
			expectedFailures: 1,
			unexpectedPasses: 1,
			total: 5
		});
	});
});

describe('exit code', () => {
	it('is 1 only when a case failed that was not expected to', () => {
		expect(exitCode([pass, xfail, conflict, xpass])).toBe(0);
		expect(exitCode([pass, fail])).toBe(1);
		expect(exitCode([])).toBe(0);
	});
});

describe('JSON report', () => {
	it('has every case with name, tier, status, reason, worst value and totals, and survives JSON', () => {
		const report = jsonReport([pass, fail, xfail, variant], '/work/shared/conformance');
		const parsed = JSON.parse(JSON.stringify(report));
		expect(parsed.suite).toBe('/work/shared/conformance');
		expect(parsed.totals).toEqual({
			passed: 2,
			failed: 1,
			expectedFailures: 1,
			unexpectedPasses: 0,
			total: 4
		});
		expect(parsed.cases[0]).toEqual({
			name: 'sdxorg/samples/teacup',
			label: 'sdxorg/samples/teacup',
			tier: 'T1',
			status: 'pass',
			ms: 3
		});
		expect(parsed.cases[1]).toMatchObject({
			name: 'sdxorg/tests/abs',
			tier: 'T1',
			status: 'fail',
			stage: 'compare',
			reason: fail.reason,
			compared: 9,
			failed: 2,
			ms: 1.2,
			worst: {
				column: 'StockA',
				time: 2,
				expected: -8,
				actual: 'NaN',
				error: 'Infinity',
				allowed: 9e-5
			}
		});
		expect(parsed.cases[1].first).toMatchObject({
			column: 'FlowA',
			time: 1,
			expected: 1,
			actual: 1.001
		});
		expect(parsed.cases[1].worst.summary).toMatch(
			/^worst column "StockA" at time 2 expected -8 got NaN/
		);
		expect(parsed.cases[2].expectation).toEqual({
			kind: 'expected-failure',
			reason: 'arrays (T3: a later issue)'
		});
		expect(parsed.cases[3].variant).toBe('teacup_legacy.stmx');
	});
});
