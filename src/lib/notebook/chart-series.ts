/**
 * What a chart's variables draw. A scalar variable is one line; an arrayed variable is a line per
 * element, or its chosen elements, or one line summing them; `Beds[North]` is that one element.
 * Each line names the result columns it reads (`Beds[North]`), so the live run saves just those.
 *
 *   chartLines(model, 'beds')                         // Beds[North], Beds[South]
 *   chartLines(model, { variable: 'beds', sum: true }) // Beds (sum of North, South)
 */
import type { RunResult } from '../engine/api';
import { elementName, elementSubscripts, splitElementName } from '../model/arrays';
import { namesInScope } from '../model/modules';
import { canonicalName, displayName } from '../model/names';
import type { ChartSeries, Model, Variable } from '../model/types';
import { findVariable } from '../model/lookup';

/** One line a chart draws for one scenario. */
export interface SeriesLine {
	/** Stable within the chart: the entry as written, an element's column, or the sum's columns. */
	key: string;
	label: string;
	/** Result columns, by name; a line summing elements reads several. */
	columns: string[];
}

/** One entry of a chart's variables, resolved against the model. */
export interface ResolvedSeries {
	/** The entry's variable as written (id or name), for settings and keys. */
	ref: string;
	/** What the entry is called: the variable's name, or the element's (`Beds[North]`). */
	name: string;
	variable: Variable | undefined;
	/** The variable's dimensions when it is arrayed and the entry draws more than one element. */
	dimensions?: string[];
	lines: SeriesLine[];
	/** Elements the entry names that the variable does not have, as written. */
	unknownElements: string[];
	/** Whether the model has what the entry names (a chart says when it does not). */
	found: boolean;
}

/** The variable an entry names, by id or name (with a subscript when it names one element). */
export const seriesRef = (entry: string | ChartSeries) =>
	typeof entry === 'string' ? entry : entry.variable;

/** The subscript of an element as charts store it: "North", or "North,Adult" over two dimensions. */
export const subscriptText = (subscript: readonly string[]) => subscript.join(',');

const sameSubscript = (a: string, b: string) =>
	canonicalName(a.replace(/\s*,\s*/g, ',')) === canonicalName(b.replace(/\s*,\s*/g, ','));

/** The variable and subscript an entry like `Beds[North]` names, when the model has it. */
function elementOf(
	model: Model,
	ref: string
): { variable: Variable; subscript: string } | undefined {
	const element = splitElementName(ref);
	const variable = element && findVariable(model, element.name);
	return variable ? { variable, subscript: element!.subscript.join(',') } : undefined;
}

export function resolveSeries(model: Model, entry: string | ChartSeries): ResolvedSeries {
	const ref = typeof entry === 'string' ? entry : entry.variable;
	const variable = findVariable(model, ref);
	const subscripts = variable && elementSubscripts(model, variable);
	if (!variable || !subscripts) {
		const element = variable ? undefined : elementOf(model, ref);
		if (element) {
			// One element, named as the results name it: `Beds[North]`.
			const known = elementSubscripts(model, element.variable)?.find((s) =>
				sameSubscript(subscriptText(s), element.subscript)
			);
			const name = known ? elementName(element.variable.name, known) : ref;
			const lines = [{ key: ref, label: displayName(name), columns: [name] }];
			return {
				ref,
				name: displayName(name),
				variable: element.variable,
				lines,
				unknownElements: known ? [] : [element.subscript],
				found: !!known
			};
		}
		// A module's variable by its dotted name ("hares.hares"), as its results name it.
		const dotted =
			variable || !model.modules?.length
				? undefined
				: namesInScope(model, model).get(canonicalName(ref));
		const name = variable?.name ?? dotted ?? ref;
		const found = variable ? !variable.dimensions?.length : dotted !== undefined;
		return {
			ref,
			name: displayName(name),
			variable,
			lines: [{ key: ref, label: displayName(name), columns: [name] }],
			unknownElements: [],
			found
		};
	}
	const wanted = typeof entry === 'string' ? undefined : entry.elements;
	const chosen = wanted
		? subscripts.filter((s) => wanted.some((w) => sameSubscript(w, subscriptText(s))))
		: subscripts;
	const unknownElements = (wanted ?? []).filter(
		(w) => !subscripts.some((s) => sameSubscript(w, subscriptText(s)))
	);
	const columns = chosen.map((s) => elementName(variable.name, s));
	const base = {
		ref,
		name: displayName(variable.name),
		variable,
		dimensions: variable.dimensions,
		unknownElements,
		found: chosen.length > 0
	};
	if (typeof entry !== 'string' && entry.sum) {
		const which = wanted ? ` of ${chosen.map(subscriptText).join(', ')}` : '';
		const label = `${displayName(variable.name)} (sum${which})`;
		return {
			...base,
			lines: chosen.length ? [{ key: `sum:${columns.join('|')}`, label, columns }] : []
		};
	}
	return { ...base, lines: columns.map((c) => ({ key: c, label: displayName(c), columns: [c] })) };
}

/** Every line of every entry, in order. */
export function chartLines(model: Model, entries: readonly (string | ChartSeries)[]): SeriesLine[] {
	return entries.flatMap((e) => resolveSeries(model, e).lines);
}

/** The columns a chart reads that the model has, each once, so a run can save only those. */
export function chartColumns(model: Model, entries: readonly (string | ChartSeries)[]): string[] {
	const found = entries.map((e) => resolveSeries(model, e)).filter((s) => s.found);
	return [...new Set(found.flatMap((s) => s.lines.flatMap((l) => l.columns)))];
}

/**
 * Sums are kept per run and line, so a lever's repaint hands the chart the same arrays for every
 * scenario it did not change (the chart keeps a drawn path while its values are the same array).
 */
const sums = new WeakMap<RunResult, Map<string, Float64Array | undefined>>();

/** A run's columns by canonical name, worked out once per run: a lever's repaint reads every line of every chart. */
const indexes = new WeakMap<RunResult, Map<string, number>>();
function columnIndex(result: RunResult): Map<string, number> {
	let index = indexes.get(result);
	if (!index) {
		index = new Map();
		result.names.forEach((n, i) => index!.has(canonicalName(n)) || index!.set(canonicalName(n), i));
		indexes.set(result, index);
	}
	return index;
}

/** A line's values in a run: its one column, or the sum of its columns; undefined when one is missing. */
export function lineValues(
	result: RunResult | undefined,
	line: SeriesLine
): Float64Array | undefined {
	if (!result) return undefined;
	const column = (name: string) => {
		const i = columnIndex(result).get(canonicalName(name));
		return i === undefined ? undefined : result.series[i];
	};
	if (line.columns.length === 1) return column(line.columns[0]);
	let cache = sums.get(result);
	if (!cache) sums.set(result, (cache = new Map()));
	if (cache.has(line.key)) return cache.get(line.key);
	const parts = line.columns.map(column);
	let total: Float64Array | undefined;
	if (parts.every((p) => p !== undefined)) {
		total = new Float64Array(result.times.length);
		for (const part of parts) for (let i = 0; i < total.length; i++) total[i] += part![i];
	}
	cache.set(line.key, total);
	return total;
}
