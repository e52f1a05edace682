/**
 * The one place that says which conformance cases are allowed to fail, and why.
 *
 * EXPECTED_FAILURES: T3 cases (arrays, modules, macros), which belong to a later issue. The
 * runner still runs them and prints `XFAIL name: reason (what happened)`; when one starts to
 * pass it prints `XPASS name`, and its entry here should be removed.
 *
 * KNOWN_CONFLICTS: T1/T2 cases whose reference output is provably wrong. A case may only be
 * listed here together with a test (in expected-failures.test.ts) that shows why.
 *
 * Keys are case names from the manifest. A variant (run with --variants) is keyed
 * `case name [variant file]`; a variant of a listed case is covered by the case's entry.
 */

const ARRAYS = 'arrays (T3: subscripts/dimensions are a later issue)';
const MODULES = 'modules (T3: a later issue)';
const MACROS = 'macros (T3: a later issue)';

export const EXPECTED_FAILURES: Readonly<Record<string, string>> = {
	'sdxorg/samples/bpowers-hares_and_lynxes_modules': MODULES,
	'sdxorg/tests/arithmetics_exp': ARRAYS,
	'sdxorg/tests/min_max_1arg': ARRAYS,
	'sdxorg/tests/subscript_individually_defined_1d_arrays': ARRAYS,
	'sdxorg/tests/subscripted_trig': ARRAYS,
	'simlin/macro_expression': MACROS,
	'simlin/macro_multi_expression': MACROS,
	'simlin/macro_stock': MACROS,
	'simlin/subscript_1d_arrays': ARRAYS,
	'simlin/subscript_2d_arrays': ARRAYS,
	'simlin/subscript_3d_arrays': ARRAYS,
	'simlin/subscript_3d_arrays_lengthwise': ARRAYS,
	'simlin/subscript_aggregation': ARRAYS,
	'simlin/subscript_constant_call': ARRAYS,
	'simlin/subscript_docs': ARRAYS,
	'simlin/subscript_individually_defined_1_of_2d_arrays': ARRAYS,
	'simlin/subscript_individually_defined_stocks': ARRAYS,
	'simlin/subscript_mixed_assembly': ARRAYS,
	'simlin/subscript_multiples': ARRAYS,
	'simlin/subscript_subranges': ARRAYS,
	'simlin/subscript_subranges_equal': ARRAYS,
	'simlin/subscript_updimensioning': ARRAYS,
	'simlin/subscripted_flows': ARRAYS,
	// Variants (only run with --variants).
	'sdxorg/tests/logicals [test_logicals.stmx]':
		'the variant itself is invalid: its NOT output reads "IF false_input not THEN", NOT after its operand (manifest note)'
};

export const KNOWN_CONFLICTS: Readonly<Record<string, string>> = {};

export type Expectation =
	| { kind: 'expected-failure'; reason: string }
	| { kind: 'known-conflict'; reason: string };

/** Key of a case or of one of its variants. */
export function caseKey(name: string, variant?: string): string {
	return variant ? `${name} [${variant}]` : name;
}

/** Whether a case (or variant) is allowed to fail, looking up the variant first, then its case. */
export function expectationFor(
	name: string,
	variant?: string,
	lists: {
		expectedFailures?: Readonly<Record<string, string>>;
		knownConflicts?: Readonly<Record<string, string>>;
	} = {}
): Expectation | undefined {
	const expected = lists.expectedFailures ?? EXPECTED_FAILURES;
	const conflicts = lists.knownConflicts ?? KNOWN_CONFLICTS;
	const keys = variant ? [caseKey(name, variant), name] : [name];
	for (const key of keys) {
		if (Object.hasOwn(conflicts, key)) return { kind: 'known-conflict', reason: conflicts[key] };
		if (Object.hasOwn(expected, key)) return { kind: 'expected-failure', reason: expected[key] };
	}
	return undefined;
}
