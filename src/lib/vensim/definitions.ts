/**
 * What one equation entry of a .mdl defines: a subscript range (`Region: North, South`), an
 * equivalence (`Zone <-> Region`), a lookup (`table([(0,0)-(1,1)], (0,0), (1,1))`), a data
 * variable with no equation, or an equation, with its left-hand side's subscripts and EXCEPT
 * lists. Equations keep their right-hand side parsed (parser.ts).
 */
import type { Diagnostic } from '../model/diagnostics';
import type { LookupTable, VExpr } from './ast';
import type { Entry } from './entries';
import { VensimSyntaxError } from './lexer';
import { describe, expression, subscriptList, tableBody, TokenStream } from './parser';

/** A mapping of a range onto another (`-> Other` or `-> (Other: b, a)`). */
export interface RangeMapping {
	to: string;
	/** The elements of `to` that the range's elements map to, in order; absent for positional. */
	elements?: string[];
}

export interface RangeDefinition {
	kind: 'range';
	name: string;
	/** Elements, subranges and numbered ranges as written: `a1`, `(a1-a10)` comes as a1 … a10. */
	members: string[];
	mappings: RangeMapping[];
	/** `GET DIRECT SUBSCRIPT('file', 'tab', 'first', 'last', 'prefix')`: elements read from a file. */
	fromFile?: VExpr;
	entry: Entry;
}

export interface EquivalenceDefinition {
	kind: 'equivalence';
	name: string;
	other: string;
	entry: Entry;
}

export interface Lhs {
	name: string;
	subscripts: string[];
	/** `:EXCEPT: [a], [b]`: element lists left out of the definition. */
	except: string[][];
}

export interface EquationDefinition {
	kind: 'equation';
	lhs: Lhs;
	rhs: VExpr;
	entry: Entry;
}

/** `1, 2, 3` or `1, 2; 3, 4;`: a number per element, rows separated by semicolons. */
export interface ConstantListDefinition {
	kind: 'constants';
	lhs: Lhs;
	rows: number[][];
	entry: Entry;
}

export interface LookupDefinition {
	kind: 'lookup';
	lhs: Lhs;
	table: LookupTable;
	entry: Entry;
}

/** A lookup filled from a file: `table(GET XLS LOOKUPS('f.xlsx', …))`, or data with no equation. */
export interface DataDefinition {
	kind: 'data';
	lhs: Lhs;
	rhs?: VExpr;
	/** How the values between data points are found: `x :HOLD BACKWARD: := …` holds the last one. */
	between?: DataBetween;
	entry: Entry;
}

/** Vensim's keywords for data between its points; interpolation is the default. */
export type DataBetween = 'interpolate' | 'hold backward';

/** Vensim's reality checks (`:THE CONDITION:`, `:TEST INPUT:`), which only Vensim's checker runs. */
export interface RealityCheckDefinition {
	kind: 'reality-check';
	name: string;
	entry: Entry;
}

export type Definition =
	| RealityCheckDefinition
	| RangeDefinition
	| EquivalenceDefinition
	| EquationDefinition
	| ConstantListDefinition
	| LookupDefinition
	| DataDefinition;

export function readDefinition(entry: Entry): Definition {
	const s = TokenStream.of(entry.equation);
	const first = s.next();
	if (first.kind !== 'name')
		throw s.error(`an equation must start with a variable name, not ${describe(first)}`, first);
	const name = first.text;

	if (s.isOp(':') && !s.isOp(':=')) {
		s.next();
		return rangeDefinition(name, s, entry);
	}
	if (s.isOp('<->')) {
		s.next();
		const other = s.next();
		if (other.kind !== 'name') throw s.error('expected a range name after <->', other);
		return { kind: 'equivalence', name, other: other.text, entry };
	}

	const subscripts = s.isOp('[') ? subscriptList(s).map((r) => r.name) : [];
	const except: string[][] = [];
	if (s.isKeyword('EXCEPT')) {
		s.next();
		do except.push(subscriptList(s).map((r) => r.name));
		while (s.isOp(',') && s.next());
	}
	const lhs: Lhs = { name, subscripts, except };
	if (s.isKeyword('THE CONDITION') || s.isKeyword('TEST INPUT'))
		return { kind: 'reality-check', name, entry };
	if (s.atEnd()) return { kind: 'data', lhs, entry };
	if (s.isOp('(')) {
		s.next();
		if (s.peek().kind === 'name') {
			const rhs = expression(s);
			s.expectOp(')', 'to close the lookup');
			return { kind: 'data', lhs, rhs, entry };
		}
		return { kind: 'lookup', lhs, table: lookupBody(s), entry };
	}
	const between = dataKeyword(s);
	if (!s.isOp('=', ':=', '=='))
		throw s.error(`expected "=" after ${name}, found ${describe(s.peek())}`);
	const assign = s.next().text;
	const tabbed = tabbedArray(s);
	if (tabbed) return { kind: 'constants', lhs, rows: tabbed, entry };
	const rows = constantList(s);
	if (rows) return { kind: 'constants', lhs, rows, entry };
	const rhs = expression(s);
	if (!s.atEnd()) throw s.error(`unexpected ${describe(s.peek())} after a complete expression`);
	return assign === ':=' || between
		? { kind: 'data', lhs, rhs, entry, ...(between && { between }) }
		: { kind: 'equation', lhs, rhs, entry };
}

/**
 * `:INTERPOLATE:` or `:HOLD BACKWARD:` before a data equation's `:=`. Vensim's `:LOOK FORWARD:` (the
 * next point's value) and `:RAW:` (nothing between points) are refused by name rather than read as
 * interpolation, which would give other numbers without a word.
 */
function dataKeyword(s: TokenStream): DataBetween | undefined {
	if (s.isKeyword('INTERPOLATE')) return (s.next(), 'interpolate');
	if (s.isKeyword('HOLD BACKWARD')) return (s.next(), 'hold backward');
	for (const refused of ['LOOK FORWARD', 'RAW'])
		if (s.isKeyword(refused))
			throw s.error(
				`:${refused}: data is not supported yet; use :INTERPOLATE: (the default) or :HOLD BACKWARD: instead`
			);
	return undefined;
}

/** Points as pairs, or Vensim's older form: all the x values, then all the y values. */
function lookupBody(s: TokenStream): LookupTable {
	if (s.isOp('[') || s.isOp('(')) return tableBody(s);
	const numbers: number[] = [];
	while (!s.isOp(')')) {
		numbers.push(signedNumberAt(s));
		if (s.isOp(',')) s.next();
	}
	s.next();
	const half = numbers.length / 2;
	if (!Number.isInteger(half)) throw s.error('a lookup needs as many y values as x values');
	return { xs: numbers.slice(0, half), ys: numbers.slice(half) };
}

function signedNumberAt(s: TokenStream): number {
	let sign = 1;
	while (s.isOp('-', '+')) if (s.next().text === '-') sign = -sign;
	const t = s.next();
	if (t.kind !== 'number')
		throw s.error(`expected a number in the lookup, found ${describe(t)}`, t);
	return sign * Number(t.text);
}

/** TABBED ARRAY(…): numbers separated by tabs or spaces, a row per line, as pasted from a sheet. */
function tabbedArray(s: TokenStream): number[][] | undefined {
	const t = s.peek();
	if (t.kind !== 'name' || t.text.toUpperCase() !== 'TABBED ARRAY') return undefined;
	const open = s.source.indexOf('(', t.end);
	const close = s.source.lastIndexOf(')');
	if (open < 0 || close < open) throw s.error('TABBED ARRAY needs its numbers in parentheses', t);
	const rows = s.source
		.slice(open + 1, close)
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
		.map((line) => line.split(/\s+/).map(Number));
	if (rows.flat().some((n) => !Number.isFinite(n)))
		throw s.error('TABBED ARRAY holds numbers only', t);
	return rows;
}

/** A list of numbers, when the right-hand side is one and nothing else; undefined otherwise. */
function constantList(s: TokenStream): number[][] | undefined {
	const tokens = s.tokens.slice(s.tokens.indexOf(s.peek()));
	const separated = tokens.some((t) => t.kind === 'op' && (t.text === ',' || t.text === ';'));
	const onlyNumbers = tokens.every(
		(t) =>
			t.kind === 'eof' ||
			t.kind === 'number' ||
			(t.kind === 'op' && [',', ';', '-', '+'].includes(t.text))
	);
	if (!separated || !onlyNumbers) return undefined;
	const rows: number[][] = [[]];
	let sign = 1;
	for (const t of tokens) {
		if (t.kind === 'number') {
			rows[rows.length - 1].push(sign * Number(t.text));
			sign = 1;
		} else if (t.text === '-') sign = -sign;
		else if (t.text === ';') rows.push([]);
	}
	return rows.filter((r) => r.length > 0);
}

function rangeDefinition(name: string, s: TokenStream, entry: Entry): RangeDefinition {
	const members: string[] = [];
	const mappings: RangeMapping[] = [];
	// GET DIRECT SUBSCRIPT reads the elements from a file: read.ts fills them in.
	let fromFile: VExpr | undefined;
	if (s.peek().kind === 'name' && s.peek(1).kind === 'op' && s.peek(1).text === '(') {
		const call = s.peek();
		fromFile = expression(s);
		if (!/^get[ _]+(direct|xls|123)[ _]+subscript$/i.test(call.text.trim()))
			throw s.error(
				`${call.text} cannot give the elements of a range; list them, or use GET DIRECT SUBSCRIPT`,
				call
			);
	}
	while (!s.atEnd() && !s.isOp('->')) {
		if (s.isOp('(')) members.push(...numberedRange(s));
		else {
			const t = s.next();
			if (t.kind !== 'name' && t.kind !== 'number')
				throw s.error(`expected an element of ${name}, found ${describe(t)}`, t);
			members.push(t.text);
		}
		if (s.isOp(',')) s.next();
	}
	if (s.isOp('->')) {
		s.next();
		while (!s.atEnd()) {
			if (s.isOp('(')) {
				s.next();
				const to = s.next().text;
				s.expectOp(':', `after ${to} in the mapping`);
				const elements: string[] = [];
				while (!s.isOp(')')) {
					elements.push(s.next().text);
					if (s.isOp(',')) s.next();
				}
				s.next();
				mappings.push({ to, elements });
			} else mappings.push({ to: s.next().text });
			if (s.isOp(',')) s.next();
		}
	}
	return { kind: 'range', name, members, mappings, ...(fromFile && { fromFile }), entry };
}

/** `(a1-a10)`: a1, a2 … a10, with the numbers' own width (`(x01-x12)` keeps the zero). */
function numberedRange(s: TokenStream): string[] {
	s.expectOp('(', 'to open a numbered range');
	const from = s.next();
	s.expectOp('-', 'in the numbered range');
	const to = s.next();
	s.expectOp(')', 'to close the numbered range');
	const a = /^(.*?)(\d+)$/.exec(from.text);
	const b = /^(.*?)(\d+)$/.exec(to.text);
	if (!a || !b || a[1] !== b[1])
		throw s.error(
			`a numbered range runs from a name ending in a number to another, like (a1-a10)`,
			from
		);
	const width = a[2].length;
	const out: string[] = [];
	for (let n = Number(a[2]); n <= Number(b[2]); n++)
		out.push(a[1] + String(n).padStart(width, '0'));
	return out;
}

/** Reads each entry, reporting the ones that cannot be read by line and variable. */
export function readDefinitions(entries: Entry[], diagnostics: Diagnostic[]): Definition[] {
	const out: Definition[] = [];
	for (const entry of entries) {
		try {
			out.push(readDefinition(entry));
		} catch (e) {
			if (!(e instanceof VensimSyntaxError)) throw e;
			const variable = /^\s*"?([^=([:~"]+)/.exec(entry.equation)?.[1]?.trim();
			diagnostics.push({
				severity: 'error',
				message: `${e.message} (in "${entry.equation.slice(Math.max(0, e.start - 20), e.end + 20).trim()}")`,
				line: entry.line,
				...(variable && { variable })
			});
		}
	}
	return out;
}
