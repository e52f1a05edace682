import { describe, expect, it } from 'vitest';
import {
	EXPECTED_FAILURES,
	KNOWN_CONFLICTS,
	VENSIM_KNOWN_CONFLICTS,
	caseKey,
	expectationFor
} from './expected-failures';

describe('the expected-failure lists', () => {
	it('give a reason for every entry', () => {
		const reasons = {
			...EXPECTED_FAILURES,
			...Object.fromEntries(Object.entries(KNOWN_CONFLICTS).map(([k, v]) => [k, v.reason]))
		};
		for (const [name, reason] of Object.entries(reasons)) {
			expect(name.trim(), name).not.toBe('');
			expect(reason.trim().length, name).toBeGreaterThan(3);
		}
	});

	it('do not list a case in both', () => {
		for (const name of Object.keys(KNOWN_CONFLICTS))
			expect(EXPECTED_FAILURES).not.toHaveProperty([name]);
	});

	// A case goes into KNOWN_CONFLICTS only with a test in known-conflicts.spec.ts that shows why
	// from the reference file; this list and that file change together.
	it('have no known conflict without a test showing why', () => {
		expect(Object.keys(KNOWN_CONFLICTS).sort()).toEqual([
			'sdxorg/tests/non_negative_all',
			'simlin/delay_pipeline',
			'simlin/delays',
			'simlin/subscript_aggregation'
		]);
		expect(Object.keys(VENSIM_KNOWN_CONFLICTS)).toEqual(['sdxorg/tests/delays']);
		for (const conflict of Object.values(KNOWN_CONFLICTS))
			expect(conflict.columns.length).toBeGreaterThan(0);
	});
});

describe('expectationFor', () => {
	const lists = {
		expectedFailures: { t3: 'arrays', 'a [bad.stmx]': 'invalid variant' },
		knownConflicts: { wrong: { columns: ['x'], reason: 'faulty reference' } }
	};

	it('finds cases and variants, a variant falling back to its case', () => {
		expect(expectationFor('t3', undefined, lists)).toEqual({
			kind: 'expected-failure',
			reason: 'arrays'
		});
		expect(expectationFor('t3', 'other.xmile', lists)).toEqual({
			kind: 'expected-failure',
			reason: 'arrays'
		});
		expect(expectationFor('a', 'bad.stmx', lists)).toEqual({
			kind: 'expected-failure',
			reason: 'invalid variant'
		});
		expect(expectationFor('a', undefined, lists)).toBeUndefined();
		expect(expectationFor('a', 'good.xmile', lists)).toBeUndefined();
		expect(expectationFor('wrong', undefined, lists)).toEqual({
			kind: 'known-conflict',
			columns: ['x'],
			reason: 'faulty reference'
		});
	});

	it('does not find inherited object properties', () => {
		expect(expectationFor('constructor', undefined, lists)).toBeUndefined();
		expect(expectationFor('toString')).toBeUndefined();
	});

	it('keys variants as "name [file]"', () => {
		expect(caseKey('sdxorg/tests/logicals', 'test_logicals.stmx')).toBe(
			'sdxorg/tests/logicals [test_logicals.stmx]'
		);
		expect(caseKey('sdxorg/tests/logicals')).toBe('sdxorg/tests/logicals');
	});
});
