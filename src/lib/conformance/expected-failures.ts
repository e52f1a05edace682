/**
 * The one place that says which conformance cases are allowed to fail, and why.
 *
 * EXPECTED_FAILURES: T3 cases (arrays), which belong to a later issue. The
 * runner still runs them and prints `XFAIL name: reason (what happened)`; when one starts to
 * pass it prints `XPASS name`, and its entry here should be removed.
 *
 * KNOWN_CONFLICTS: T1/T2 cases where some reference columns follow another tool's semantics that
 * Flowbook deliberately does not share. Only the named columns are excused: every other column
 * of the case must still match, and the case then counts as passed with the conflict printed
 * beside it. A case may only be listed here together with a test (known-conflicts.spec.ts)
 * that shows why from the reference file itself.
 *
 * Keys are case names from the manifest. A variant (run with --variants) is keyed
 * `case name [variant file]`; a variant of a listed case is covered by the case's entry.
 */

const ARRAYS = 'arrays (T3: subscripts/dimensions are a later issue)';

export const EXPECTED_FAILURES: Readonly<Record<string, string>> = {
	'sdxorg/tests/arithmetics_exp': ARRAYS,
	'sdxorg/tests/min_max_1arg': ARRAYS,
	'sdxorg/tests/subscript_individually_defined_1d_arrays': ARRAYS,
	'sdxorg/tests/subscripted_trig': ARRAYS,
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

export interface KnownConflict {
	/** Reference columns excused from the comparison. */
	columns: string[];
	reason: string;
}

export const KNOWN_CONFLICTS: Readonly<Record<string, KnownConflict>> = {
	'sdxorg/tests/non_negative_all': {
		columns: ['OutFlow', 'if_else', 'TestStock3'],
		reason:
			'the reference clamps a non-negative stock at 0 but still reports (and drains other stocks by) the uncut outflow; ' +
			"Flowbook follows Stella's documented rule, outflow = MIN(stock/DT + inflows, outflow), so what leaves a stock is what its flow reports"
	},
	'simlin/delay_pipeline': {
		columns: ['Output Third order Delay'],
		reason:
			'the reference (Vensim) silently runs DELAYN(…, 3) as a second-order delay because delay ÷ order (0.417) is under DT (0.5); ' +
			'Flowbook keeps the order the model asks for and warns that the stages are shorter than DT'
	},
	'simlin/delays': {
		columns: ['OutputDelayN'],
		reason:
			"the reference (Vensim) applies a change in DELAYN's delay time one step later than the same change in its own DELAY1 and DELAY3; " +
			'Flowbook treats DELAYN exactly as DELAY1 and DELAY3 (their columns match the reference)'
	}
};

export type Expectation =
	| { kind: 'expected-failure'; reason: string }
	| ({ kind: 'known-conflict' } & KnownConflict);

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
		knownConflicts?: Readonly<Record<string, KnownConflict>>;
	} = {}
): Expectation | undefined {
	const expected = lists.expectedFailures ?? EXPECTED_FAILURES;
	const conflicts = lists.knownConflicts ?? KNOWN_CONFLICTS;
	const keys = variant ? [caseKey(name, variant), name] : [name];
	for (const key of keys) {
		if (Object.hasOwn(conflicts, key)) return { kind: 'known-conflict', ...conflicts[key] };
		if (Object.hasOwn(expected, key)) return { kind: 'expected-failure', reason: expected[key] };
	}
	return undefined;
}
