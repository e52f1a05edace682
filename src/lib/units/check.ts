/**
 * Unit checking, as Stella and Vensim do it: every equation's units are inferred from the
 * declared units of what it uses and compared with the variable's declared units, and every flow
 * must be in its stock's units per time unit. Each mismatch is a warning that names the
 * variable, what was expected and what was found:
 *
 *   checkUnits(model)
 *   // [{ severity: 'warning', variable: 'Admissions',
 *   //    message: 'units: the equation gives patient/day but "Admissions" is declared as patient' }]
 *
 * A variable with no declared units is not checked, and makes whatever uses it unknown, so a
 * model that declares only some units gets no false alarms.
 */
import { flattenModel, inSourceSpan } from '../engine/flatten';
import { parseEquation } from '../engine/parse/parser';
import type { Diagnostic } from '../model/diagnostics';
import { canonicalName } from '../model/names';
import type { Model, Variable } from '../model/types';
import { inferUnits, type UnitScope } from './infer';
import { UnitSyntaxError } from './syntax';
import { UnitSystem } from './system';
import type { Units } from './units';

export function checkUnits(written: Model): Diagnostic[] {
	// Modules and macros are checked as they run: each module's variables under their dotted
	// names, each macro call's copy with no units of its own (so it checks nothing against them).
	// Arrays stay as written: their elements are checked below, each message naming its element.
	const flat = flattenModel(written, { arrays: false });
	const model = flat.ok ? flat.model : written;
	const diagnostics: Diagnostic[] = [];
	const warn = (message: string, variable?: string, at?: { start: number; end: number }) =>
		diagnostics.push(
			inSourceSpan(
				{
					severity: 'warning',
					message: `units: ${message}`,
					...(variable !== undefined && { variable }),
					...(at && { start: at.start, end: at.end })
				},
				flat.ok ? flat.rewritten : undefined
			)
		);

	const system = UnitSystem.for(Array.isArray(model.units) ? model.units : []);
	const read = (text: string | undefined, what: string, variable?: string): Units | undefined => {
		if (typeof text !== 'string' || !text.trim()) return undefined;
		try {
			return system.parse(text);
		} catch (e) {
			if (!(e instanceof UnitSyntaxError)) throw e;
			warn(`cannot read ${what} "${clipped(text)}": ${e.message}`, variable);
			return undefined;
		}
	};

	const variables = (Array.isArray(model.variables) ? model.variables : []).filter(
		(v) => v && typeof v.name === 'string'
	);
	const declared = new Map<Variable, Units | undefined>(
		variables.map((v) => [v, read(v.units, `the units of "${v.name}"`, v.name)])
	);
	const scope = makeScope(
		variables,
		declared,
		system,
		read(model.simSpecs?.timeUnits, 'the time unit')
	);

	for (const v of variables) {
		try {
			checkEquation(v, declared.get(v), scope, warn);
		} catch (e) {
			// A model the checker cannot follow (an equation too long to recurse through) must not stop the others.
			warn(
				`the units of this equation could not be checked (${e instanceof Error ? e.message : String(e)})`,
				v.name
			);
		}
	}
	checkFlowsAgainstStocks(variables, declared, scope.time, warn);
	return diagnostics;
}

type Warn = (message: string, variable?: string, at?: { start: number; end: number }) => void;

function makeScope(
	variables: Variable[],
	declared: Map<Variable, Units | undefined>,
	system: UnitSystem,
	time: Units | undefined
): UnitScope {
	const byName = new Map<
		string,
		{ units: Units | undefined; graphical: boolean; onlyGraphical: boolean }
	>();
	for (const v of variables) {
		const canonical = canonicalName(v.name);
		if (byName.has(canonical)) continue;
		const graphical = 'graphical' in v && !!v.graphical;
		const onlyGraphical =
			v.kind === 'gf' ||
			(v.kind === 'aux' && graphical && (typeof v.equation !== 'string' || !v.equation.trim()));
		byName.set(canonical, { units: declared.get(v), graphical, onlyGraphical });
	}
	return {
		time,
		dimensionless: system.dimensionless,
		variable: (canonical) => byName.get(canonical)
	};
}

/**
 * The equation (a stock's initial value) against the declared units, and every disagreement
 * inside it; an arrayed variable's element equations each the same way (an element has the
 * array's units).
 */
function checkEquation(v: Variable, units: Units | undefined, scope: UnitScope, warn: Warn): void {
	if (v.kind === 'gf') return;
	checkSource(v, v.kind === 'stock' ? v.initial : v.equation, units, scope, warn);
	for (const element of Array.isArray(v.elements) ? v.elements : []) {
		if (typeof element?.equation !== 'string') continue;
		const label = Array.isArray(element.subscript) ? `[${element.subscript.join(', ')}] ` : '';
		checkSource(v, element.equation, units, scope, (message, variable, at) =>
			warn(`${label}${message}`, variable, at)
		);
	}
}

function checkSource(
	v: Exclude<Variable, { kind: 'gf' }>,
	source: unknown,
	units: Units | undefined,
	scope: UnitScope,
	warn: Warn
): void {
	if (typeof source !== 'string' || !source.trim()) return;
	let ast;
	try {
		ast = parseEquation(source);
	} catch {
		return; // the compiler reports equations it cannot read
	}
	const { result, warnings } = inferUnits(ast, source, scope);
	for (const w of warnings) warn(w.message, v.name, w);
	// With a graphical function the equation is the function's input, not the variable's value.
	const graphical = v.kind !== 'stock' && !!v.graphical;
	if (!units || graphical || result.kind !== 'units' || result.units.equals(units)) return;
	const what = v.kind === 'stock' ? 'initial value' : 'equation';
	warn(
		`the ${what} gives ${result.units} but "${v.name}" is declared as ${v.units?.trim()}`,
		v.name
	);
}

/** A flow moves its stock's units per time unit: into a stock of patient, patient/day in a daily model. */
function checkFlowsAgainstStocks(
	variables: Variable[],
	declared: Map<Variable, Units | undefined>,
	time: Units | undefined,
	warn: Warn
): void {
	if (!time) return;
	const byId = new Map(variables.filter((v) => v.id).map((v) => [v.id, v]));
	const warned = new Set<string>();
	for (const stock of variables) {
		const stockUnits = declared.get(stock);
		if (stock.kind !== 'stock' || !stockUnits) continue;
		const expected = stockUnits.over(time);
		const ids = (list: unknown): string[] =>
			Array.isArray(list) ? list.filter((id) => typeof id === 'string') : [];
		const links = [
			...ids(stock.inflows).map((id) => ({ id, direction: 'into' })),
			...ids(stock.outflows).map((id) => ({ id, direction: 'out of' }))
		];
		for (const { id, direction } of links) {
			const flow = byId.get(id);
			const flowUnits = flow && declared.get(flow);
			if (!flow || !flowUnits || flowUnits.equals(expected)) continue;
			const key = `${flow.id}\u0000${expected}`;
			if (warned.has(key)) continue;
			warned.add(key);
			warn(
				`"${flow.name}" flows ${direction} "${stock.name}" (${stock.units?.trim()}), so it should be ${expected} but is declared as ${flow.units?.trim()}`,
				flow.name
			);
		}
	}
}

/** A unit text short enough to quote in a message: a very long one is cut in the middle. */
function clipped(text: string): string {
	return text.length > 80 ? `${text.slice(0, 50)}…${text.slice(-20)}` : text;
}
