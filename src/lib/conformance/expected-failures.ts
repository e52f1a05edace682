/**
 * The one place that says which conformance cases are allowed to fail, and why.
 *
 * EXPECTED_FAILURES: cases that may fail, with why (none of the T3 cases any more). The
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

export const EXPECTED_FAILURES: Readonly<Record<string, string>> = {
	// Variants (only run with --variants).
	'sdxorg/tests/logicals [test_logicals.stmx]':
		'the variant itself is invalid: its NOT output reads "IF false_input not THEN", NOT after its operand (manifest note)'
};

/** The same, for the Vensim suite (../shared/conformance/vensim): what the .mdl reader cannot do yet. */
export const VENSIM_EXPECTED_FAILURES: Readonly<Record<string, string>> = {
	'sdxorg/tests/allocate_available':
		'ALLOCATE AVAILABLE matches Vensim for each priority curve on its own, but where one allocation mixes curve types (rectangular, triangular, normal and exponential in "allocation mixed") its shares differ from Vensim by up to 0.2%',
	'sdxorg/tests/control_vars':
		'its run settings change during the run (FINAL TIME = IF THEN ELSE(Time < 5, 10, 50), a TIME STEP that halves at 4); Flowbook fixes them at the start',
	'sdxorg/samples/Query_file':
		"draws RANDOM UNIFORM numbers, whose sequence is Vensim's own generator's and cannot be reproduced"
};

/** The same, for the wide suite (../shared/conformance/wide): cases whose files cannot pass as they are. */
export const WIDE_EXPECTED_FAILURES: Readonly<Record<string, string>> = {
	'simlin/test/sdeverywhere/models/arrays_cname':
		'the model file never defines inputA: xmutil dropped its Vensim definition (a list of constants) when writing the XMILE, though the reference output has it, so five equations read an unknown name'
};

export interface KnownConflict {
	/** Reference columns excused from the comparison. */
	columns: string[];
	reason: string;
}

/** Every element column of a variable over these dimensions' elements: `Name[a,x]`, `Name[a,y]`, … */
function elementColumns(name: string, ...dimensions: string[][]): string[] {
	let rows: string[][] = [[]];
	for (const elements of dimensions) rows = rows.flatMap((row) => elements.map((e) => [...row, e]));
	return rows.map((row) => (row.length ? `${name}[${row.join(',')}]` : name));
}

const ENTRY = ['Entry 1', 'Entry 2', 'Entry 3'];
const COLUMN = ['Column 1', 'Column 2'];
const DEPTH = ['Depth 1', 'Depth 2', 'Depth 3'];

export const KNOWN_CONFLICTS: Readonly<Record<string, KnownConflict>> = {
	'simlin/subscript_aggregation': {
		columns: [
			...elementColumns('Complex Max', COLUMN, DEPTH),
			...elementColumns('Complex Min', COLUMN, DEPTH),
			...elementColumns('Complex Prod', COLUMN),
			...elementColumns('Complex Sum', COLUMN, DEPTH),
			...elementColumns('Complex Sum subrange', ENTRY, COLUMN),
			...elementColumns('Input 3D', ENTRY, COLUMN, DEPTH),
			...elementColumns('Subcript Max 123'),
			...elementColumns('Subcript Sum 2', ENTRY, DEPTH),
			...elementColumns('Subscript Max 12', DEPTH),
			...elementColumns('Subscript Min 13', COLUMN),
			...elementColumns('Subscript Min 23', ENTRY),
			...elementColumns('Subscript Prod 12', DEPTH),
			...elementColumns('Subscript Prod 23', ENTRY),
			...elementColumns('Subscript Sum 13', COLUMN)
		],
		reason:
			'the reference comes from the full Vensim model, whose 14 variables over a third dimension ("Depth", with "Input 3D", "Complex Max" …) ' +
			'the XMILE file does not hold (it declares no such dimension); every variable the file does hold is compared'
	},
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

/** The Vensim suite's conflicts: the same model as simlin/delays, as a .mdl, the same reference. */
export const VENSIM_KNOWN_CONFLICTS: Readonly<Record<string, KnownConflict>> = {
	'sdxorg/tests/delays': {
		columns: ['OutputDelayN'],
		reason:
			"the reference (Vensim) applies a change in DELAY N's delay time one step later than the same change in its own DELAY1 and DELAY3; " +
			'Flowbook treats DELAY N exactly as DELAY1 and DELAY3 (their columns match the reference)'
	}
};

export type Expectation =
	{ kind: 'expected-failure'; reason: string } | ({ kind: 'known-conflict' } & KnownConflict);

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
	// The suites' case names do not overlap, so one lookup serves both.
	const expected = lists.expectedFailures ?? {
		...EXPECTED_FAILURES,
		...VENSIM_EXPECTED_FAILURES,
		...WIDE_EXPECTED_FAILURES
	};
	const conflicts = lists.knownConflicts ?? { ...KNOWN_CONFLICTS, ...VENSIM_KNOWN_CONFLICTS };
	const keys = variant ? [caseKey(name, variant), name] : [name];
	for (const key of keys) {
		if (Object.hasOwn(conflicts, key)) return { kind: 'known-conflict', ...conflicts[key] };
		if (Object.hasOwn(expected, key)) return { kind: 'expected-failure', reason: expected[key] };
	}
	return undefined;
}
