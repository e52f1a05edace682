/**
 * The notebook around a model names variables and elements too: scenarios set `Length of Stay`
 * or `Beds[North]`, charts, tables and sensitivity analyses show `Occupancy[Central]`, charts choose
 * elements. When an edit renames a variable, or an element of a dimension, those names follow, so
 * a rename never leaves a scenario setting a constant that is no longer there.
 *
 *   followRenames({ ...document, model: after }, before) // the document with its references renamed
 *
 * Renames are read from the two models: a variable keeps its id across a rename; an element
 * rename leaves its dimension the same length with one element changed in place (adding,
 * removing or reordering elements renames nothing).
 */
import { dimensionElements, findDimension, splitElementName } from '../model/arrays';
import { findVariable } from '../model/lookup';
import { canonicalName } from '../model/names';
import type { Cell, FlowbookDocument, Model, Variable } from '../model/types';

interface Renames {
	/** Old canonical variable name → new name. */
	variables: Map<string, string>;
	/** Per variable (by its new canonical name), per dimension position: old canonical element → new element. */
	elements: Map<string, Map<number, Map<string, string>>>;
}

function renamesBetween(before: Model, after: Model): Renames {
	const variables = new Map<string, string>();
	const old = new Map(before.variables.map((v) => [v.id, v.name]));
	for (const v of after.variables) {
		const was = old.get(v.id);
		if (was !== undefined && canonicalName(was) !== canonicalName(v.name))
			variables.set(canonicalName(was), v.name);
	}
	// Elements renamed in place, by dimension (matched by name, or by position when the dimension was renamed too).
	const byDimension = new Map<string, Map<string, string>>();
	(after.dimensions ?? []).forEach((dimension, i) => {
		const previous = findDimension(before, dimension.name) ?? before.dimensions?.[i];
		if (!previous) return;
		const [was, now] = [dimensionElements(previous), dimensionElements(dimension)];
		if (was.length !== now.length) return;
		const changed = now
			.map((e, k) => [was[k], e] as const)
			.filter(([a, b]) => canonicalName(a) !== canonicalName(b));
		const stillThere = new Set(now.map(canonicalName));
		if (changed.length === 1 && !stillThere.has(canonicalName(changed[0][0])))
			byDimension.set(
				canonicalName(dimension.name),
				new Map([[canonicalName(changed[0][0]), changed[0][1]]])
			);
	});
	const elements = new Map<string, Map<number, Map<string, string>>>();
	if (byDimension.size) {
		for (const v of after.variables) {
			const positions = new Map<number, Map<string, string>>();
			(v.dimensions ?? []).forEach((d, k) => {
				const rename = byDimension.get(canonicalName(d));
				if (rename) positions.set(k, rename);
			});
			if (positions.size) elements.set(canonicalName(v.name), positions);
		}
	}
	return { variables, elements };
}

/** A reference as written, `Name` or `Name[a,b]`, renamed; ids and unknown names come back as they are. */
function renameReference(reference: string, renames: Renames): string {
	const element = splitElementName(reference);
	const base = element?.name ?? reference;
	const renamed = renames.variables.get(canonicalName(base));
	if (!element) return renamed ?? reference;
	const positions = renames.elements.get(canonicalName(renamed ?? base));
	const parts = element.subscript.map((part, k) => positions?.get(k)?.get(canonicalName(part)));
	if (renamed === undefined && parts.every((p) => p === undefined)) return reference;
	return `${renamed ?? base}[${element.subscript.map((part, k) => parts[k] ?? part).join(',')}]`;
}

/** A chart's chosen elements ("North", "North,Adult") of the variable it names, renamed. */
function renameElements(
	model: Model,
	reference: string,
	elements: string[],
	renames: Renames
): string[] {
	const variable: Variable | undefined = findVariable(model, reference);
	const positions = variable && renames.elements.get(canonicalName(variable.name));
	if (!positions) return elements;
	return elements.map((e) =>
		e
			.split(',')
			.map((part, k) => positions.get(k)?.get(canonicalName(part)) ?? part.trim())
			.join(',')
	);
}

function renameCell(cell: Cell, model: Model, renames: Renames): Cell {
	const ref = (r: string) => renameReference(r, renames);
	switch (cell.kind) {
		case 'chart':
			return {
				...cell,
				variables: cell.variables.map((v) => {
					if (typeof v === 'string') return ref(v);
					const variable = ref(v.variable);
					return {
						...v,
						variable,
						...(v.elements && { elements: renameElements(model, variable, v.elements, renames) })
					};
				})
			};
		case 'scenario-table':
			return {
				...cell,
				outputs: cell.outputs.map((o) =>
					typeof o === 'string' ? ref(o) : { ...o, variable: ref(o.variable) }
				)
			};
		case 'sensitivity':
			return {
				...cell,
				outputs: cell.outputs.map(ref),
				...(cell.parameters && {
					parameters: cell.parameters.map((p) => ({ ...p, variable: ref(p.variable) }))
				})
			};
		case 'bars':
		case 'equal-cost':
			return {
				...cell,
				outputs: cell.outputs.map((o) =>
					typeof o === 'string' ? ref(o) : { ...o, variable: ref(o.variable) }
				)
			};
		case 'loops':
			return { ...cell, output: ref(cell.output) };
		case 'bridge':
		case 'tornado':
			return {
				...cell,
				output:
					typeof cell.output === 'string'
						? ref(cell.output)
						: { ...cell.output, variable: ref(cell.output.variable) }
			};
		default:
			return cell;
	}
}

/** The document, whose model has just changed from `before`, with every reference outside the model following its renames. */
export function followRenames(document: FlowbookDocument, before: Model): FlowbookDocument {
	const renames = renamesBetween(before, document.model);
	if (renames.variables.size === 0 && renames.elements.size === 0) return document;
	const scenarios = document.scenarios.map((s) => ({
		...s,
		overrides: Object.fromEntries(
			Object.entries(s.overrides).map(([name, value]) => [renameReference(name, renames), value])
		)
	}));
	const cells = document.cells.map((c) => renameCell(c, document.model, renames));
	return { ...document, scenarios, cells };
}
