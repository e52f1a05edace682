/**
 * Which variables a sector holds: those whose centre lies inside it, as Stella decides it, so a
 * variable dragged out of a sector leaves it with no bookkeeping. A sector a file gives only by
 * its members is sized to hold them.
 */
import type { Model, Point, Sector } from './types';

/** Room around the members of a sector made from them, in diagram units. */
export const SECTOR_PADDING = 60;

export function inSector(sector: Sector, p: Point): boolean {
	const { x, y } = sector.position;
	return p.x >= x && p.x <= x + sector.width && p.y >= y && p.y <= y + sector.height;
}

/** The ids of the variables, aliases and clouds drawn inside `sector`. */
export function sectorMembers(
	model: Pick<Model, 'variables' | 'diagram'>,
	sector: Sector
): string[] {
	const ids: string[] = [];
	for (const v of model.variables) if (v.position && inSector(sector, v.position)) ids.push(v.id);
	for (const a of model.diagram?.aliases ?? []) if (inSector(sector, a.position)) ids.push(a.id);
	for (const c of model.diagram?.clouds ?? []) if (inSector(sector, c.position)) ids.push(c.id);
	return ids;
}

/** The box around points, with padding: a sector for them. */
export function boxAround(points: readonly Point[], padding = SECTOR_PADDING) {
	const xs = points.map((p) => p.x);
	const ys = points.map((p) => p.y);
	const left = Math.min(...xs) - padding;
	const top = Math.min(...ys) - padding;
	return {
		position: { x: left, y: top },
		width: Math.max(...xs) + padding - left,
		height: Math.max(...ys) + padding - top
	};
}
