/**
 * Series from a new file joining those a notebook keeps: one named as a kept series replaces it
 * (a file imported again brings its newer numbers), the rest are added after, each with an id
 * no kept series has.
 */
import { canonicalName } from '../model/names';
import type { DataSeries } from '../model/types';

export function mergeSeries(
	kept: readonly DataSeries[],
	incoming: readonly DataSeries[]
): { data: DataSeries[]; added: DataSeries[] } {
	const names = new Set(incoming.map((s) => canonicalName(s.name)));
	const stay = kept.filter((s) => !names.has(canonicalName(s.name)));
	const taken = new Set(stay.map((s) => s.id));
	const added = incoming.map((s) => {
		let id = s.id;
		for (let n = 2; taken.has(id); n++) id = `${s.id}-${n}`;
		taken.add(id);
		return { ...s, id };
	});
	return { data: [...stay, ...added], added };
}
