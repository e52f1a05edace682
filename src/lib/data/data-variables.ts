/**
 * Data series that equations read by name (DataSeries.use) join the model as graphical
 * functions of TIME, so the engine needs nothing new: interpolating between points is a
 * continuous table (which holds the end values beyond the data), holding each value until the
 * next point is a discrete one (XMILE 3.1.4). The document keeps only the series; the model the
 * worker and the CLI compile is built from both.
 */
import { canonicalName } from '../model/names';
import type { Auxiliary, DataSeries, Model } from '../model/types';

/** The id a data variable has in the compiled model; no variable of a document uses it. */
export const dataVariableId = (series: DataSeries) => `data:${series.id}`;

export function dataVariable(series: DataSeries): Auxiliary {
	const ys = series.values;
	return {
		id: dataVariableId(series),
		kind: 'aux',
		name: series.name,
		equation: 'TIME',
		documentation: `Data${series.source ? ` from ${series.source}` : ''}, ${series.use === 'hold' ? 'each value held until the next' : 'interpolated between points'}.`,
		graphical: {
			type: series.use === 'hold' ? 'discrete' : 'continuous',
			xs: [...series.times],
			ys: [...ys]
		}
	};
}

/**
 * The model with a variable for each series that equations use. A series named like one of the
 * model's own variables is left out (the model's wins) and said so in `clashes`.
 */
export function modelWithData(
	model: Model,
	data: readonly DataSeries[] | undefined
): { model: Model; clashes: string[] } {
	const used = (data ?? []).filter((s) => s.use && s.times.length > 0);
	if (used.length === 0) return { model, clashes: [] };
	const names = new Set(model.variables.map((v) => canonicalName(v.name)));
	const clashes: string[] = [];
	const added: Auxiliary[] = [];
	for (const series of used) {
		const key = canonicalName(series.name);
		if (names.has(key)) {
			clashes.push(series.name);
			continue;
		}
		names.add(key);
		added.push(dataVariable(series));
	}
	return { model: { ...model, variables: [...model.variables, ...added] }, clashes };
}
