/**
 * Finding a variable in a big diagram by what a planner calls it: its name, written any way the
 * engine accepts ("length of stay", "Length_of_stay"), or the label of its lever ("Extra acute
 * beds"). An exact match wins over the start of a name, which wins over a part of one.
 */
import { canonicalName } from '../model/names';
import type { Variable } from '../model/types';

export interface Findable {
	variables: readonly Variable[];
	/** Lever labels, by variable id. */
	labels: ReadonlyMap<string, string>;
}

export function findVariable(model: Findable, query: string): Variable | undefined {
	const wanted = canonicalName(query.trim());
	if (!wanted) return undefined;
	const texts = (v: Variable) => [
		canonicalName(v.name),
		...(model.labels.has(v.id) ? [canonicalName(model.labels.get(v.id)!)] : [])
	];
	const tests: Array<(text: string) => boolean> = [
		(t) => t === wanted,
		(t) => t.startsWith(wanted),
		(t) => t.includes(wanted)
	];
	for (const test of tests) {
		const found = model.variables.find((v) => texts(v).some(test));
		if (found) return found;
	}
	return undefined;
}

/** What the search box suggests: every name, and every lever label that differs from its name. */
export function suggestions(model: Findable): string[] {
	const names = model.variables.map((v) => v.name);
	const labels = [...model.labels.values()].filter((l) => !names.includes(l));
	return [...names, ...labels].sort((a, b) => a.localeCompare(b));
}
