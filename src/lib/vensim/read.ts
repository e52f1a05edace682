/**
 * Read a Vensim model (.mdl) into a Flowbook model, the same document the XMILE reader makes.
 *
 *   const { model, diagnostics } = readVensim(text);
 *
 * entries.ts splits the file, definitions.ts reads each entry, subscripts.ts the ranges,
 * controls.ts the run settings, variables.ts and stocks.ts the variables, macros.ts the macros
 * and sketch.ts the diagram. A definition Flowbook cannot read is reported as an error naming its
 * line and variable, and the rest is still read; only text that is no .mdl at all throws.
 */
import { InputError, type Diagnostic } from '../model/diagnostics';
import { canonicalName } from '../model/names';
import type { Model } from '../model/types';
import { CONTROL_NAMES, readControls } from './controls';
import {
	readDefinitions,
	type Definition,
	type EquationDefinition,
	type EquivalenceDefinition,
	type RangeDefinition
} from './definitions';
import { splitMdl } from './entries';
import { VensimReadError } from './errors';
import { dataCallOf, expandDataDefinitions, subscriptElementsFromFile } from './external-data';
import { readMacros } from './macros';
import { applySketch } from './sketch';
import { translateCall } from './functions';
import { connectStocks } from './stocks';
import { Subscripts } from './subscripts';
import { buildVariables, type VariableDefinition } from './variables';
import type { EmitContext } from './xmile-text';
import type { DataFiles } from './workbook';

export interface VensimReadResult {
	model: Model;
	diagnostics: Diagnostic[];
	name?: string;
}

export interface VensimReadOptions {
	/** The spreadsheets its GET DIRECT / GET XLS functions read, by file name (workbook.ts). */
	files?: DataFiles;
}

export function readVensim(text: string, options: VensimReadOptions = {}): VensimReadResult {
	try {
		return read(text, options.files);
	} catch (err) {
		if (err instanceof InputError) throw err;
		if (err instanceof VensimReadError) {
			const message = err.message;
			throw new InputError(`${message} (line ${err.line})`, [
				{ severity: 'error', message, line: err.line, variable: err.variable }
			]);
		}
		// A bug here must not surface as a crash of whoever imports a file.
		throw new InputError(
			`Could not read the Vensim file: ${err instanceof Error ? err.message : String(err)}`
		);
	}
}

function read(text: string, files: DataFiles | undefined): VensimReadResult {
	const parts = splitMdl(text);
	const entries = [...parts.entries, ...parts.macros.flatMap((m) => m.entries)];
	if (!entries.some((e) => /[=(:]/.test(e.equation) || e.units || e.comment))
		throw new InputError(
			'This is not a Vensim model: it has no equations (each reads "name = equation ~ units ~ comment |")'
		);
	const diagnostics: Diagnostic[] = [];
	let definitions = readDefinitions(parts.entries, diagnostics);
	for (const d of definitions)
		if (d.kind === 'reality-check')
			diagnostics.push({
				severity: 'warning',
				message: 'a reality check, which Flowbook does not run; it is left out',
				line: d.entry.line,
				variable: d.name
			});

	const subscripts = new Subscripts(
		definitions
			.filter((d): d is RangeDefinition => d.kind === 'range')
			.flatMap((d) => rangeWithElements(d, files, diagnostics)),
		definitions.filter((d): d is EquivalenceDefinition => d.kind === 'equivalence')
	);
	const expanded = expandDataDefinitions(definitions, subscripts, files);
	for (const e of expanded.errors)
		diagnostics.push({ severity: 'error', message: e.message, line: e.line, variable: e.variable });
	definitions = expanded.definitions;
	const isControl = (d: Definition) =>
		d.kind === 'equation' && CONTROL_NAMES.has(canonicalName(d.lhs.name));
	const controls = readControlsReporting(
		definitions.filter(isControl) as EquationDefinition[],
		diagnostics
	);

	const groups = groupByVariable(definitions.filter((d) => !isControl(d)));
	const lookups = new Set(
		[...groups.entries()]
			.filter(([, defs]) => defs.every((d) => d.kind === 'lookup' || (d.kind === 'data' && d.rhs)))
			.map(([key]) => key)
	);
	const macros = readMacros(parts.macros, subscripts, controls.names, diagnostics);
	const macroNames = new Set((macros ?? []).map((m) => canonicalName(m.name)));
	const contextFor = (
		variable: string,
		line: number,
		binding = new Map<string, string>()
	): EmitContext => ({
		call: translateCall,
		subscripts,
		binding,
		controls: controls.names,
		lookups,
		macros: macroNames,
		variable,
		line
	});
	const built = buildVariables(groups, subscripts, contextFor);
	diagnostics.push(...built.diagnostics);
	const variables = connectStocks(built.variables, built.stocks);
	const dimensions = subscripts.dimensions();
	const model: Model = {
		simSpecs: controls.simSpecs,
		variables,
		...(dimensions.length > 0 && { dimensions }),
		...(macros.length > 0 && { macros })
	};
	applySketch(model, parts.sketch);
	diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
	return { model, diagnostics };
}

/** A range as written, or with the elements GET DIRECT SUBSCRIPT reads; none if that fails. */
function rangeWithElements(
	d: RangeDefinition,
	files: DataFiles | undefined,
	diagnostics: Diagnostic[]
): RangeDefinition[] {
	if (!d.fromFile) return [d];
	try {
		const call = dataCallOf(d.fromFile);
		const fail: (message: string) => never = (message) => {
			throw new VensimReadError(message, d.entry.line, d.name);
		};
		const members = subscriptElementsFromFile(call?.args ?? [], files, fail);
		return [{ ...d, members: [...members, ...d.members] }];
	} catch (e) {
		if (!(e instanceof VensimReadError)) throw e;
		diagnostics.push({ severity: 'error', message: e.message, line: e.line, variable: d.name });
		return [];
	}
}

/** The run settings; one that cannot be read is reported, and the run uses Vensim's defaults. */
function readControlsReporting(definitions: EquationDefinition[], diagnostics: Diagnostic[]) {
	try {
		return readControls(definitions);
	} catch (e) {
		if (!(e instanceof VensimReadError)) throw e;
		diagnostics.push({ severity: 'error', message: e.message, line: e.line, variable: e.variable });
		return readControls([]);
	}
}

function groupByVariable(definitions: Definition[]): Map<string, VariableDefinition[]> {
	const groups = new Map<string, VariableDefinition[]>();
	for (const d of definitions) {
		if (d.kind === 'range' || d.kind === 'equivalence' || d.kind === 'reality-check') continue;
		const key = canonicalName(d.lhs.name);
		const list = groups.get(key) ?? [];
		list.push(d);
		groups.set(key, list);
	}
	return groups;
}
