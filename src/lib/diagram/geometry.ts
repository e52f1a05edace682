/** Plane geometry for drawing pipes and connectors that stop at the edge of a shape. */
import type { Point } from '../model/types';

export interface Size {
	width: number;
	height: number;
	/** Copies drawn behind, each `offset` further up and right (an arrayed variable); none when absent. */
	stack?: { layers: number; offset: number };
}

/**
 * Where a line arriving at `centre` from `from` crosses the edge of a shape there: circles when
 * square (auxiliaries, valves), rectangles otherwise (stocks, clouds). For a stacked shape, the
 * outline of the whole stack: the farthest any layer reaches along the line.
 */
export function edgePoint(from: Point, centre: Point, size: Size, gap = 0): Point {
	const dx = from.x - centre.x;
	const dy = from.y - centre.y;
	const length = Math.hypot(dx, dy);
	if (length === 0) return centre;
	const u = { x: dx / length, y: dy / length };
	let reach = 0;
	for (let layer = 0; layer <= (size.stack?.layers ?? 0); layer++) {
		const shift = layer * (size.stack?.offset ?? 0);
		reach = Math.max(reach, exitDistance(u, { x: shift, y: -shift }, size));
	}
	const t = Math.min(1, (reach + gap) / length);
	return { x: centre.x + dx * t, y: centre.y + dy * t };
}

/**
 * How far a ray from the origin along unit vector `u` runs before it leaves a shape centred at
 * `at` (which holds the origin): a circle when the size is square, else a rectangle.
 */
function exitDistance(u: Point, at: Point, size: Size): number {
	if (size.width === size.height) {
		const r = size.width / 2;
		const along = u.x * at.x + u.y * at.y;
		const discriminant = along * along - (at.x * at.x + at.y * at.y) + r * r;
		return discriminant < 0 ? 0 : along + Math.sqrt(discriminant);
	}
	const slab = (d: number, c: number, half: number) =>
		d > 0 ? (c + half) / d : d < 0 ? (c - half) / d : Infinity;
	return Math.max(0, Math.min(slab(u.x, at.x, size.width / 2), slab(u.y, at.y, size.height / 2)));
}

/** An arrowhead pointing along from → tip, as a closed SVG path. */
export function arrowHead(from: Point, tip: Point, length = 9, width = 7): string {
	const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
	const back = { x: tip.x - Math.cos(angle) * length, y: tip.y - Math.sin(angle) * length };
	const nx = -Math.sin(angle) * (width / 2);
	const ny = Math.cos(angle) * (width / 2);
	return `M${tip.x},${tip.y} L${back.x + nx},${back.y + ny} L${back.x - nx},${back.y - ny} Z`;
}

/**
 * The control point of a connector's curve: along the XMILE angle at the source when it has one
 * (degrees, anticlockwise from east, as the screen shows it), else bowed a little to one side.
 */
export function connectorControl(source: Point, target: Point, angle?: number): Point {
	const dx = target.x - source.x;
	const dy = target.y - source.y;
	const length = Math.hypot(dx, dy);
	if (angle !== undefined && Number.isFinite(angle)) {
		const rad = (angle * Math.PI) / 180;
		return {
			x: source.x + (Math.cos(rad) * length) / 2,
			y: source.y - (Math.sin(rad) * length) / 2
		};
	}
	return { x: source.x + dx / 2 + dy * 0.18, y: source.y + dy / 2 - dx * 0.18 };
}

/**
 * The first point at or near `at` that is at least `room` from every point taken: tried along a
 * row to the right, then row after row below. Things placed from the keyboard, where the view
 * is centred, so land side by side instead of on top of one another.
 * @example freeSpot({ x: 0, y: 0 }, [{ x: 0, y: 0 }]) // { x: 130, y: 0 }
 */
export function freeSpot(at: Point, taken: readonly Point[], room = 110): Point {
	const step = room + 20;
	for (let row = 0; row < 50; row++) {
		for (let column = 0; column < 4; column++) {
			const p = { x: at.x + column * step, y: at.y + row * step };
			if (taken.every((q) => Math.hypot(q.x - p.x, q.y - p.y) >= room)) return p;
		}
	}
	return at;
}
