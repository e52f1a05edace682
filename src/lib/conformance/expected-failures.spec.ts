import { describe, expect, it } from 'vitest';
import { EXPECTED_FAILURES, KNOWN_CONFLICTS, caseKey, expectationFor } from './expected-failures';

describe('the expected-failure lists', () => {
	it('give a reason for every entry', () => {
		for (const [name, reason] of Object.entries({ ...EXPECTED_FAILURES, ...KNOWN_CONFLICTS })) {
			expect(name.trim(), name).not.toBe('');
			expect(reason.trim().length, name).toBeGreaterThan(3);
		}
	});

	it('do not list a case in both', () => {
		for (const name of Object.keys(KNOWN_CONFLICTS)) expect(EXPECTED_FAILURES).not.toHaveProperty([name]);
	});

	// A case goes into KNOWN_CONFLICTS only with a test here that shows its reference is wrong.
	// There are none yet; when one is added, this number goes up with its test.
	it('have no known conflict without a test showing why', () => {
		expect(Object.keys(KNOWN_CONFLICTS)).toEqual([]);
	});
});

describe('expectationFor', () => {
	const lists = {
		expectedFailures: { t3: 'arrays', 'a [bad.stmx]': 'invalid variant' },
		knownConflicts: { wrong: 'faulty reference' }
	};

	it('finds cases and variants, a variant falling back to its case', () => {
		expect(expectationFor('t3', undefined, lists)).toEqual({ kind: 'expected-failure', reason: 'arrays' });
		expect(expectationFor('t3', 'other.xmile', lists)).toEqual({ kind: 'expected-failure', reason: 'arrays' });
		expect(expectationFor('a', 'bad.stmx', lists)).toEqual({ kind: 'expected-failure', reason: 'invalid variant' });
		expect(expectationFor('a', undefined, lists)).toBeUndefined();
		expect(expectationFor('a', 'good.xmile', lists)).toBeUndefined();
		expect(expectationFor('wrong', undefined, lists)).toEqual({ kind: 'known-conflict', reason: 'faulty reference' });
	});

	it('does not find inherited object properties', () => {
		expect(expectationFor('constructor', undefined, lists)).toBeUndefined();
		expect(expectationFor('toString')).toBeUndefined();
	});

	it('keys variants as "name [file]"', () => {
		expect(caseKey('sdxorg/tests/logicals', 'test_logicals.stmx')).toBe('sdxorg/tests/logicals [test_logicals.stmx]');
		expect(caseKey('sdxorg/tests/logicals')).toBe('sdxorg/tests/logicals');
	});
});
