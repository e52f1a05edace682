/**
 * Sectors as edits: one drawn around chosen variables, renamed, or removed (what it held stays
 * where it is: a sector only groups what lies inside it).
 */
import { boxAround } from '../model/sectors';
import type { Diagram, Model, Point, Sector } from '../model/types';
import { uniqueId } from './items';

function diagramOf(model: Model): Diagram {
	return model.diagram ?? { connectors: [], clouds: [] };
}

function withSectors(model: Model, sectors: Sector[]): Model {
	return { ...model, diagram: { ...diagramOf(model), sectors } };
}

/** "Sector 3": the first numbered name no sector has. */
function sectorName(sectors: readonly Sector[]): string {
	const taken = new Set(sectors.map((s) => s.name.toLowerCase()));
	for (let n = 1; ; n++) if (!taken.has(`sector ${n}`)) return `Sector ${n}`;
}

/**
 * A new sector around the variables (and aliases) with these ids; none when none of them is drawn.
 * @example addSector(model, ['awaiting_p1', 'awaiting_p2']) // "Sector 1" around the two stocks
 */
export function addSector(model: Model, ids: Iterable<string>): { model: Model; id: string } {
	const wanted = new Set(ids);
	const points: Point[] = [
		...model.variables.filter((v) => wanted.has(v.id) && v.position).map((v) => v.position!),
		...(model.diagram?.aliases ?? []).filter((a) => wanted.has(a.id)).map((a) => a.position)
	];
	if (points.length === 0) return { model, id: '' };
	const sectors = model.diagram?.sectors ?? [];
	const name = sectorName(sectors);
	const sector: Sector = { id: uniqueId(model, `sector ${name}`), name, ...boxAround(points) };
	return { model: withSectors(model, [...sectors, sector]), id: sector.id };
}

/** Renames a sector; a blank name is refused (the model comes back unchanged). */
export function renameSector(model: Model, id: string, name: string): Model {
	const sectors = model.diagram?.sectors ?? [];
	const trimmed = name.trim();
	const sector = sectors.find((s) => s.id === id);
	if (!sector || !trimmed || trimmed === sector.name) return model;
	return withSectors(
		model,
		sectors.map((s) => (s.id === id ? { ...s, name: trimmed } : s))
	);
}

export function removeSector(model: Model, id: string): Model {
	const sectors = model.diagram?.sectors ?? [];
	if (!sectors.some((s) => s.id === id)) return model;
	return withSectors(
		model,
		sectors.filter((s) => s.id !== id)
	);
}
