/**
 * What the conformance runner prints: one line per case, a few notes, and a last line
 * `N passed, N failed`; or, with --json, one JSON report. Exit code 1 when any case failed that
 * was not expected to.
 */
import { describeWorst, type WorstValue } from './compare';
import type { CaseResult } from './runner';

export const EXPECTED_FAILURES_FILE = 'src/lib/conformance/expected-failures.ts';

function shorten(text: string, max = 160): string {
	const one = text.replace(/\s*\n\s*/g, ' ');
	return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** `PASS name`, `FAIL name: reason`, `XFAIL name: why allowed (got: what happened)`, `XPASS name`. */
export function formatCaseLine(r: CaseResult): string {
	switch (r.status) {
		case 'pass':
			if (r.expectation?.kind === 'known-conflict') {
				const columns = r.expectation.columns.map((c) => `"${c}"`).join(', ');
				return `PASS ${r.label} (known conflict in ${columns}: ${r.expectation.reason})`;
			}
			return `PASS ${r.label}`;
		case 'xpass':
			return `XPASS ${r.label}`;
		case 'fail':
			return `FAIL ${r.label}: ${r.reason ?? 'failed'}`;
		case 'xfail': {
			const why = r.expectation?.reason ?? 'expected failure';
			return `XFAIL ${r.label}: ${why} (got: ${shorten(r.reason ?? 'failed')})`;
		}
	}
}

export interface Totals {
	/** Cases that passed, including unexpected passes. */
	passed: number;
	/** Cases that failed and were not expected to. */
	failed: number;
	expectedFailures: number;
	unexpectedPasses: number;
	total: number;
}

export function totals(results: readonly CaseResult[]): Totals {
	const count = (s: CaseResult['status']) => results.filter((r) => r.status === s).length;
	return {
		passed: count('pass') + count('xpass'),
		failed: count('fail'),
		expectedFailures: count('xfail'),
		unexpectedPasses: count('xpass'),
		total: results.length
	};
}

/** Lines after the case lines; the last is exactly `N passed, N failed`. */
export function summaryLines(results: readonly CaseResult[]): string[] {
	const t = totals(results);
	const lines: string[] = [];
	if (t.expectedFailures > 0)
		lines.push(`(${t.expectedFailures} expected failure${t.expectedFailures === 1 ? '' : 's'})`);
	if (t.unexpectedPasses > 0) {
		const labels = results.filter((r) => r.status === 'xpass').map((r) => r.label);
		lines.push(
			`(${t.unexpectedPasses} unexpected pass${t.unexpectedPasses === 1 ? '' : 'es'}: ` +
				`remove ${labels.join(', ')} from ${EXPECTED_FAILURES_FILE})`
		);
	}
	const conflicts = results.filter(
		(r) => r.status === 'pass' && r.expectation?.kind === 'known-conflict'
	).length;
	if (conflicts > 0)
		lines.push(
			`(${conflicts} of the passes excuse some columns as known conflicts: see ${EXPECTED_FAILURES_FILE})`
		);
	lines.push(`${t.passed} passed, ${t.failed} failed`);
	return lines;
}

/** 1 when any case failed that was not expected to, else 0. */
export function exitCode(results: readonly CaseResult[]): 0 | 1 {
	return results.some((r) => r.status === 'fail') ? 1 : 0;
}

export interface JsonCase {
	name: string;
	variant?: string;
	label: string;
	tier: string;
	status: 'pass' | 'fail' | 'xfail' | 'xpass';
	reason?: string;
	stage?: string;
	expectation?: { kind: string; reason: string };
	worst?: JsonValue;
	/** The earliest value out of tolerance. */
	first?: JsonValue;
	compared?: number;
	failed?: number;
	ms: number;
}

export interface JsonValue {
	column: string;
	time: number;
	expected: number | string;
	actual: number | string;
	error: number | string;
	allowed: number;
	summary: string;
}

export interface JsonReport {
	suite: string;
	cases: JsonCase[];
	totals: Totals;
}

/** JSON has no NaN or Infinity: those go out as strings. */
function jsonNumber(x: number): number | string {
	return Number.isFinite(x) ? x : String(x);
}

function jsonValue(w: WorstValue): JsonValue {
	return {
		column: w.column,
		time: w.time,
		expected: jsonNumber(w.expected),
		actual: jsonNumber(w.actual),
		error: jsonNumber(w.error),
		allowed: w.allowed,
		summary: describeWorst(w)
	};
}

export function jsonReport(results: readonly CaseResult[], suite: string): JsonReport {
	return {
		suite,
		cases: results.map((r) => ({
			name: r.name,
			...(r.variant ? { variant: r.variant } : {}),
			label: r.label,
			tier: r.tier,
			status: r.status,
			...(r.reason !== undefined ? { reason: r.reason } : {}),
			...(r.stage ? { stage: r.stage } : {}),
			...(r.expectation ? { expectation: { ...r.expectation } } : {}),
			...(r.worst ? { worst: jsonValue(r.worst) } : {}),
			...(r.first ? { first: jsonValue(r.first) } : {}),
			...(r.compared !== undefined ? { compared: r.compared, failed: r.failed } : {}),
			ms: Math.round(r.ms * 10) / 10
		})),
		totals: totals(results)
	};
}
