/**
 * Vensim definitions grouped by variable, turned into Flowbook variables: INTEG makes a stock,
 * a lookup a graphical function, WITH LOOKUP an auxiliary with its own table, anything else an
 * auxiliary. Flows are found afterwards from the stocks' rates (stocks.ts).
 */
import type { Diagnostic } from '../model/diagnostics';
import { canonicalName, idFromName } from '../model/names';
import type { ArrayElement, GraphicalFunction, Variable } from '../model/types';
import type { LookupTable, SubscriptRef, VExpr } from './ast';
import { cellsOf, dimensionsOf, isWholeRange, type Cell } from './arrays';
import type {
	ConstantListDefinition,
	DataDefinition,
	EquationDefinition,
	LookupDefinition
} from './definitions';
import { VensimReadError } from './errors';
import { PER_ELEMENT_FUNCTIONS } from './vector-functions';
import type { Subscripts } from './subscripts';
import { emit, fail, type EmitContext } from './xmile-text';

export type VariableDefinition =
	EquationDefinition | ConstantListDefinition | LookupDefinition | DataDefinition;

/** A stock's rate and the context to write it in, for stocks.ts to split into flows. */
export interface StockRate {
	stock: Variable & { kind: 'stock' };
	/** One rate for every element (or the scalar's), or one per element. */
	rate: VExpr | undefined;
	perElement?: { subscript: string[]; rate: VExpr; ctx: EmitContext }[];
	ctx: EmitContext;
	lhsSubscripts: string[];
}

export interface BuiltVariables {
	variables: Variable[];
	stocks: StockRate[];
	diagnostics: Diagnostic[];
}

export type ContextFor = (
	variable: string,
	line: number,
	binding?: Map<string, string>
) => EmitContext;

export function buildVariables(
	groups: Map<string, VariableDefinition[]>,
	subscripts: Subscripts,
	contextFor: ContextFor
): BuiltVariables {
	const variables: Variable[] = [];
	const stocks: StockRate[] = [];
	const diagnostics: Diagnostic[] = [];
	const declared = new Map<string, string[]>();
	for (const [key, defs] of groups) {
		const dims = dimensionsOf(
			defs.map((d) => d.lhs),
			subscripts
		);
		if (typeof dims !== 'string')
			declared.set(
				key,
				dims.map((d) => d.name)
			);
	}
	for (const defs of groups.values()) {
		const first = defs[0];
		try {
			const built = buildOne(defs, subscripts, contextFor, declared, (d) => diagnostics.push(d));
			variables.push(built.variable);
			if (built.stock) stocks.push(built.stock);
		} catch (e) {
			if (!(e instanceof VensimReadError)) throw e;
			diagnostics.push({
				severity: 'error',
				message: e.message,
				line: e.line,
				variable: e.variable ?? first.lhs.name
			});
		}
	}
	return { variables, stocks, diagnostics };
}

const isCall = (e: VExpr | undefined, name: string): e is Extract<VExpr, { type: 'call' }> =>
	e?.type === 'call' && canonicalName(e.name) === name;

function buildOne(
	defs: VariableDefinition[],
	subscripts: Subscripts,
	contextFor: ContextFor,
	declared: Map<string, string[]>,
	warn: (d: Diagnostic) => void
): { variable: Variable; stock?: StockRate } {
	const first = defs[0];
	const name = first.lhs.name;
	const line = first.entry.line;
	const base = baseOf(first);
	const dims = dimensionsOf(
		defs.map((d) => d.lhs),
		subscripts
	);
	if (typeof dims === 'string') throw new VensimReadError(dims, line, name);
	const whole =
		dims.length === 0 ||
		(isWholeRange(
			defs.map((d) => d.lhs),
			dims
		) &&
			(first.kind !== 'equation' ||
				onlyOwnRanges(
					first.rhs,
					first.lhs.subscripts,
					subscripts,
					declared,
					contextFor(name, line).macros
				)));
	const cells = dims.length
		? cellsOf(
				defs.map((d) => d.lhs),
				dims,
				subscripts
			)
		: [];
	const arrayed = dims.length ? { dimensions: dims.map((d) => d.name) } : {};
	const missing = cells.filter((c): c is string[] => Array.isArray(c));
	if (missing.length) {
		// Vensim leaves elements no equation gives out of the run; Flowbook needs a value for each.
		warn({
			severity: 'warning',
			message: `no equation gives ${missing
				.slice(0, 3)
				.map((m) => `[${m.join(',')}]`)
				.join(
					', '
				)}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}; Flowbook makes them 0`,
			line,
			variable: name
		});
		defs = [...defs, zeroDefinition(first)];
	}
	const defined = cells.map((c) =>
		Array.isArray(c)
			? { subscript: c, definition: defs.length - 1, binding: new Map<string, string>(), index: 0 }
			: c
	);
	const ctxOf = (d: VariableDefinition, binding?: Map<string, string>) =>
		contextFor(name, d.entry.line, binding);

	for (const d of defs)
		if (d.kind === 'data')
			fail(
				ctxOf(d),
				d.rhs
					? `${describeData(d.rhs)} reads data from a file, which is not supported yet; give the values as constants or lookups instead`
					: 'this data variable has no equation: Flowbook cannot read Vensim data (.vdf) files; give it an equation'
			);

	// Lookups: one table, or one per element.
	if (defs.every((d) => d.kind === 'lookup')) {
		const lookups = defs as LookupDefinition[];
		if (!dims.length)
			return { variable: { ...base, kind: 'gf', graphical: graphical(lookups[0].table) } };
		const elements = defined.map((c) => ({
			subscript: c.subscript,
			graphical: graphical(lookups[c.definition].table)
		}));
		return {
			variable: {
				...base,
				...arrayed,
				kind: 'gf',
				graphical: elements[0].graphical,
				elements
			}
		};
	}
	if (defs.some((d) => d.kind === 'lookup'))
		throw new VensimReadError('some of its equations are lookups and some are not', line, name);

	const rhsOf = (d: VariableDefinition) => (d.kind === 'equation' ? d.rhs : undefined);
	const integs = defs.filter((d) => isCall(rhsOf(d), 'integ'));
	if (integs.length > 0) {
		if (integs.length !== defs.length)
			throw new VensimReadError('some of its equations are INTEG and some are not', line, name);
		for (const d of defs) {
			const call = rhsOf(d) as Extract<VExpr, { type: 'call' }>;
			if (call.args.length !== 2)
				fail(ctxOf(d), `INTEG takes 2 arguments (rate, initial value), not ${call.args.length}`);
		}
		const argsOf = (d: VariableDefinition) => (rhsOf(d) as Extract<VExpr, { type: 'call' }>).args;
		const stock: Variable & { kind: 'stock' } = {
			...base,
			...arrayed,
			kind: 'stock',
			initial: '',
			inflows: [],
			outflows: []
		};
		if (whole) {
			stock.initial = emit(argsOf(first)[1], ctxOf(first));
			return {
				variable: stock,
				stock: {
					stock,
					rate: argsOf(first)[0],
					ctx: ctxOf(first),
					lhsSubscripts: first.lhs.subscripts
				}
			};
		}
		stock.elements = defined.map((c) => ({
			subscript: c.subscript,
			equation: emit(argsOf(defs[c.definition])[1], ctxOf(defs[c.definition], c.binding))
		}));
		stock.initial = stock.elements[0].equation!;
		return {
			variable: stock,
			stock: {
				stock,
				rate: undefined,
				perElement: defined.map((c) => ({
					subscript: c.subscript,
					rate: argsOf(defs[c.definition])[0],
					ctx: ctxOf(defs[c.definition], c.binding)
				})),
				ctx: ctxOf(first),
				lhsSubscripts: first.lhs.subscripts
			}
		};
	}

	// Auxiliaries and constants.
	const valueOf = (d: VariableDefinition, c?: Cell): ArrayElement & { equation: string } => {
		const ctx = ctxOf(d, c?.binding);
		if (d.kind === 'constants') {
			const values = d.rows.flat();
			const index = c?.index ?? 0;
			if (values.length !== cellCount(d, subscripts))
				fail(ctx, `the list has ${values.length} numbers for ${cellCount(d, subscripts)} elements`);
			return { subscript: c?.subscript ?? [], equation: String(values[index]) };
		}
		const rhs = rhsOf(d)!;
		if (isCall(rhs, 'with_lookup')) {
			const [input, table] = rhs.args;
			if (rhs.args.length !== 2 || table.type !== 'table')
				fail(ctx, 'WITH LOOKUP takes an input and a table of points');
			return {
				subscript: c?.subscript ?? [],
				equation: emit(input, ctx),
				graphical: graphical(table.table)
			};
		}
		return { subscript: c?.subscript ?? [], equation: emit(rhs, ctx) };
	};
	if (whole && first.kind !== 'constants') {
		const { equation, graphical } = valueOf(first);
		return {
			variable: { ...base, ...arrayed, kind: 'aux', equation, ...(graphical && { graphical }) }
		};
	}
	const elements = defined.map((c) => valueOf(defs[c.definition], c));
	const tables = elements.filter((e) => e.graphical);
	if (tables.length && tables.length !== elements.length)
		throw new VensimReadError('only some of its elements use WITH LOOKUP', line, name);
	return {
		variable: {
			...base,
			...arrayed,
			kind: 'aux',
			equation: elements[0].equation,
			...(tables.length && { graphical: tables[0].graphical }),
			elements
		}
	};
}

/**
 * Whether every range the equation subscripts by is one of its left-hand side's (or is summed
 * over with !): then the engine binds them itself and one equation serves every element.
 */
function onlyOwnRanges(
	rhs: VExpr,
	own: string[],
	subscripts: Subscripts,
	declared: Map<string, string[]>,
	macros: ReadonlySet<string>
): boolean {
	const keys = new Set(own.map(canonicalName));
	// Each range in the position the referenced variable has it, so the engine binds it by name.
	const inPlace = (name: string, subs: SubscriptRef[]) =>
		subs.every((s, i) => {
			if (s.bang || !subscripts.isRange(s.name)) return true;
			const key = canonicalName(s.name);
			const dims = declared.get(canonicalName(name));
			return keys.has(key) && (!dims || canonicalName(dims[i] ?? '') === key);
		});
	const ok = (e: VExpr): boolean => {
		switch (e.type) {
			case 'name':
				if (e.subscripts.length === 0 && subscripts.isRange(e.name)) return false;
				return inPlace(e.name, e.subscripts);
			case 'call':
				// A macro runs on numbers, so an arrayed call becomes one call per element.
				if (PER_ELEMENT_FUNCTIONS.has(canonicalName(e.name)) || macros.has(canonicalName(e.name)))
					return false;
				return inPlace(e.name, e.subscripts) && e.args.every(ok);
			case 'unary':
				return ok(e.arg);
			case 'binary':
				return ok(e.left) && ok(e.right);
			default:
				return true;
		}
	};
	return ok(rhs);
}

/** A definition of 0 in the form of the variable's others (a stock of 0, a lookup of 0). */
function zeroDefinition(like: VariableDefinition): VariableDefinition {
	const zero: VExpr = { type: 'number', value: 0 };
	const lhs = { ...like.lhs, except: [] };
	if (like.kind === 'lookup') return { ...like, lhs, table: { xs: [0], ys: [0] } };
	const integ =
		like.kind === 'equation' &&
		like.rhs.type === 'call' &&
		canonicalName(like.rhs.name) === 'integ';
	// Elements of a WITH LOOKUP (a data variable read from a file, say) all need a table.
	const withLookup = like.kind === 'equation' && isCall(like.rhs, 'with_lookup');
	const rhs: VExpr = integ
		? { type: 'call', name: 'INTEG', subscripts: [], args: [zero, zero], start: 0 }
		: withLookup
			? {
					type: 'call',
					name: 'WITH LOOKUP',
					subscripts: [],
					args: [zero, { type: 'table', table: { xs: [0], ys: [0] } }],
					start: 0
				}
			: zero;
	return { kind: 'equation', lhs, rhs, entry: like.entry };
}

function cellCount(d: VariableDefinition, subscripts: Subscripts): number {
	return d.lhs.subscripts.reduce((n, s) => n * subscripts.elementsOf(s).length, 1);
}

function describeData(rhs: VExpr): string {
	return rhs.type === 'call' ? rhs.name.toUpperCase() : 'this equation';
}

function baseOf(d: VariableDefinition): {
	id: string;
	name: string;
	units?: string;
	documentation?: string;
} {
	const units = d.entry.units.replace(/\s*\[[^\]]*\]\s*$/, '').trim();
	return {
		id: idFromName(d.lhs.name),
		name: d.lhs.name,
		...(units && { units }),
		...(d.entry.comment && { documentation: d.entry.comment })
	};
}

/** A Vensim lookup as a graphical function; points written out of order are put in order of x. */
export function graphical(table: LookupTable): GraphicalFunction {
	const order = table.xs.map((_, i) => i).sort((a, b) => table.xs[a] - table.xs[b]);
	const g: GraphicalFunction = {
		// XMILE's discrete graphical function holds each y until the next x, as :HOLD BACKWARD: does.
		type: table.holds ? 'discrete' : 'continuous',
		xs: order.map((i) => table.xs[i]),
		ys: order.map((i) => table.ys[i])
	};
	if (table.range) {
		g.xScale = { min: table.range.xMin, max: table.range.xMax };
		g.yScale = { min: table.range.yMin, max: table.range.yMax };
	}
	return g;
}
