/**
 * Vensim's sketch (after `\\\---///`) as diagram positions. Each view is a list of records,
 * one per line, comma separated; the first field says what the record is:
 *
 *   10,id,name,x,y,w,h,shape,…   a variable (shape bit 3: drawn as a box, a stock)
 *   11,id,0,x,y,…                a valve, the flow's handle (its name is the next record's)
 *   12,id,48,x,y,…               a cloud (48 is the cloud glyph), or a comment
 *   1,id,from,to,…,|(x,y)|       an arrow between two records' ids; arrows touching a valve are pipes
 *
 * A variable whose name appears a second time in the sketch (record 10 with a "ghost" flag,
 * bit 0 of field 8 clear) is an alias. Views are laid out one below another; when there are
 * several (WRLD3's "Demographics", "Fertility", …), each becomes a sector named as its view,
 * drawn around what the view holds, so the diagram keeps Vensim's pages as regions to find.
 */
import { canonicalName } from '../model/names';
import type { Alias, Cloud, Connector, Model, Point, Sector } from '../model/types';

interface SketchRecord {
	type: number;
	id: number;
	fields: string[];
	x: number;
	y: number;
}

export function applySketch(model: Model, sketch: string): void {
	if (!sketch.trim()) return;
	const byName = new Map(model.variables.map((v) => [canonicalName(v.name), v]));
	const connectors: Connector[] = [];
	const clouds: Cloud[] = [];
	const aliases: Alias[] = [];
	const sectors: Sector[] = [];
	const placed = new Set<string>();
	let offsetY = 0;
	const views = sketch.split(/^\*/m).slice(1);
	for (const view of views) {
		const records = view
			.split('\n')
			.slice(1)
			.map(parseRecord)
			.filter((r): r is SketchRecord => r !== undefined);
		const byId = new Map(records.map((r) => [r.id, r]));
		const variableOf = new Map<number, string>();
		let bottom = 0;
		for (const r of records) {
			if (r.type === 10 || r.type === 11 || r.type === 12) bottom = Math.max(bottom, r.y);
			if (r.type !== 10) continue;
			const variable = byName.get(canonicalName(r.fields[2] ?? ''));
			if (!variable) continue;
			variableOf.set(r.id, variable.id);
			const position: Point = { x: r.x, y: r.y + offsetY };
			if (placed.has(variable.id)) {
				aliases.push({
					id: `${variable.id}_alias_${aliases.length + 1}`,
					of: variable.id,
					position
				});
				continue;
			}
			placed.add(variable.id);
			variable.position = position;
		}
		// A valve's name is the variable record right after it; the flow sits at the valve.
		records.forEach((r, i) => {
			if (r.type !== 11) return;
			const next = records[i + 1];
			const flowId = next && variableOf.get(next.id);
			const flow = flowId && model.variables.find((v) => v.id === flowId);
			if (flow && flow.kind === 'flow') {
				flow.position = { x: r.x, y: r.y + offsetY };
				variableOf.set(r.id, flow.id);
			}
		});
		for (const r of records) {
			if (r.type !== 1) continue;
			const from = Number(r.fields[2]);
			const to = Number(r.fields[3]);
			const a = variableOf.get(from);
			const b = variableOf.get(to);
			if (a && b && a !== b && !isPipe(byId, from, to))
				connectors.push({ id: `connector_${connectors.length + 1}`, from: a, to: b });
			const cloud = [from, to].map((id) => byId.get(id)).find((c) => c?.type === 12);
			const valve = [from, to].map((id) => byId.get(id)).find((c) => c?.type === 11);
			const flowId = valve && variableOf.get(valve.id);
			if (cloud && flowId)
				clouds.push({
					id: `cloud_${clouds.length + 1}`,
					flow: flowId,
					position: { x: cloud.x, y: cloud.y + offsetY }
				});
		}
		const name = view.split('\n')[0].trim();
		const box = views.length > 1 && name ? boxAround(records, offsetY) : undefined;
		if (box) sectors.push({ id: `sector_${sectors.length + 1}`, name, ...box });
		offsetY += bottom + 100;
	}
	model.diagram = {
		connectors,
		clouds,
		...(aliases.length > 0 && { aliases }),
		...(sectors.length > 0 && { sectors })
	};
	for (const v of model.variables) if (!v.position) delete v.position;
}

/** The rectangle around a view's variables, valves and clouds (x, y are centres; w, h half sizes). */
function boxAround(
	records: SketchRecord[],
	offsetY: number
): Pick<Sector, 'position' | 'width' | 'height'> | undefined {
	const drawn = records.filter((r) => r.type === 10 || r.type === 11 || r.type === 12);
	if (!drawn.length) return undefined;
	const half = (r: SketchRecord, i: number) => Math.max(0, Number(r.fields[i]) || 0);
	const PAD = 30;
	const left = Math.min(...drawn.map((r) => r.x - half(r, 5))) - PAD;
	const top = Math.min(...drawn.map((r) => r.y - half(r, 6))) - PAD;
	const right = Math.max(...drawn.map((r) => r.x + half(r, 5))) + PAD;
	const bottom = Math.max(...drawn.map((r) => r.y + half(r, 6))) + PAD;
	return {
		position: { x: left, y: top + offsetY },
		width: right - left,
		height: bottom - top
	};
}

function isPipe(byId: Map<number, SketchRecord>, from: number, to: number): boolean {
	return byId.get(from)?.type === 11 || byId.get(to)?.type === 11;
}

function parseRecord(line: string): SketchRecord | undefined {
	const fields = line.trim().split(',');
	const type = Number(fields[0]);
	if (![1, 10, 11, 12].includes(type) || fields.length < 4) return undefined;
	const id = Number(fields[1]);
	const x = Number(fields[3]);
	const y = Number(fields[4]);
	if (type !== 1 && (!Number.isFinite(x) || !Number.isFinite(y))) return undefined;
	return { type, id, fields, x, y };
}
