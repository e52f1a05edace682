/**
 * Builds the loops analysis's generated functions `(t, s, v, c, S, V, P, os, ov)`: s and v hold
 * the previous steps' rows, S and V the saved rows, each row `os` (state) or `ov` (values) in;
 * P is where results go. Statements come only from codegen's emit over the checked IR (see
 * codegen.ts), whose array reads are `s[slot]` and `v[slot]`; those are moved to the row here,
 * so no row is ever copied. Chunked as buildFunction chunks them, so that V8 optimises each part.
 */
import { chunkedSource } from '../codegen';
import { BUILTIN_FUNCTIONS, type ProgramTrace } from '../program';

export type ScoringFunction = (
	t: number,
	s: Float64Array,
	v: Float64Array,
	c: Float64Array,
	S: Float64Array,
	V: Float64Array,
	P: Float64Array,
	os: number,
	ov: number
) => void;

/** `s[3]` → `s[os + 3]`, `V[7]` → `V[ov + 7]`: emit writes array reads only in this form. */
function atRow(statement: string): string {
	return statement.replace(
		/\b([svSV])\[(\d+)\]/g,
		(_, array: string, slot: string) =>
			`${array}[${array === 's' || array === 'S' ? 'os' : 'ov'} + ${slot}]`
	);
}

/**
 * Built functions by program (its runtime) and source: scoring the same loops again after a
 * lever moves reuses the code V8 has already optimised.
 */
const built = new WeakMap<object, Map<string, ScoringFunction>>();

export function buildScoringFunction(
	statements: readonly string[],
	trace: Pick<ProgramTrace, 'runtime'>
): ScoringFunction {
	let cache = built.get(trace.runtime);
	if (!cache) built.set(trace.runtime, (cache = new Map()));
	const key = statements.join('\n');
	let fn = cache.get(key);
	if (!fn) {
		fn = compileScoring(statements, trace);
		if (cache.size > 20) cache.clear();
		cache.set(key, fn);
	}
	return fn;
}

function compileScoring(
	statements: readonly string[],
	trace: Pick<ProgramTrace, 'runtime'>
): ScoringFunction {
	const source = chunkedSource(statements.map(atRow), 't, s, v, c, S, V, P, os, ov');
	return new Function('rt', 'F', source)(trace.runtime, BUILTIN_FUNCTIONS);
}
