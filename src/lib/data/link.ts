/**
 * Which model variable each data series measures. A series headed like a model variable
 * ("A&E attendances", "a&e_attendances") is linked to it by name, as equations match names; an
 * explicit `column=variable` pairing wins.
 */
import { findVariable } from '../model/lookup';
import { canonicalName } from '../model/names';
import type { DataSeries, Model } from '../model/types';

/** The series, each linked to the variable its heading names when it has no link yet. */
export function linkByName(series: readonly DataSeries[], model: Model): DataSeries[] {
	return series.map((s) => {
		if (s.variable) return s;
		const variable = findVariable(model, s.name);
		return variable ? { ...s, variable: variable.name } : s;
	});
}

/**
 * The series with `pairs` (column → variable) applied; a sentence naming the column or variable
 * that is not there, when one is not.
 */
export function linkByPairs(
	series: readonly DataSeries[],
	model: Model,
	pairs: ReadonlyMap<string, string>
): DataSeries[] | string {
	const linked = [...series];
	for (const [column, name] of pairs) {
		const index = linked.findIndex((s) => canonicalName(s.name) === canonicalName(column));
		if (index < 0)
			return `the data has no column "${column}" (it has ${linked.map((s) => `"${s.name}"`).join(', ')})`;
		const variable = findVariable(model, name);
		if (!variable) return `the model has no variable "${name}" for the column "${column}"`;
		linked[index] = { ...linked[index], variable: variable.name };
	}
	return linked;
}
