/**
 * Edits of a model as pure functions: each takes a model and returns a new one, so the notebook
 * can keep the old one as an undo step. Flows name their stocks by id; clouds and connectors
 * name variables by id, so every edit keeps those references whole.
 */
import { canonicalName, idFromName } from '../model/names';
import type {
	Alias,
	Cloud,
	Connector,
	Diagram,
	Model,
	Point,
	Stock,
	Variable
} from '../model/types';
import { renameVariable } from './rename-variable';

export type PlaceableKind = 'stock' | 'flow' | 'aux';

const BASE_NAMES: Record<PlaceableKind, string> = {
	stock: 'Stock',
	flow: 'Flow',
	aux: 'Auxiliary'
};

function diagramOf(model: Model): Diagram {
	return model.diagram ?? { connectors: [], clouds: [] };
}

/** "Stock 3": the first numbered name no variable has (names compare as the engine compares them). */
export function uniqueName(model: Model, base: string): string {
	const taken = new Set(model.variables.map((v) => canonicalName(v.name)));
	const generic = Object.values(BASE_NAMES).includes(base);
	if (!generic && !taken.has(canonicalName(base))) return base;
	for (let n = generic ? 1 : 2; ; n++)
		if (!taken.has(canonicalName(`${base} ${n}`))) return `${base} ${n}`;
}

/** An id no variable, connector, cloud, alias or sector uses. */
export function uniqueId(model: Model, base: string): string {
	const d = diagramOf(model);
	const taken = new Set([
		...model.variables.map((v) => v.id),
		...d.connectors.map((c) => c.id),
		...d.clouds.map((c) => c.id),
		...(d.aliases ?? []).map((a) => a.id),
		...(d.sectors ?? []).map((s) => s.id)
	]);
	const stem = idFromName(base);
	if (!taken.has(stem)) return stem;
	for (let n = 2; ; n++) if (!taken.has(`${stem}_${n}`)) return `${stem}_${n}`;
}

/** A new stock or auxiliary at a point of the diagram. */
export function addVariable(
	model: Model,
	kind: 'stock' | 'aux',
	position: Point
): { model: Model; id: string } {
	const name = uniqueName(model, BASE_NAMES[kind]);
	const id = uniqueId(model, name);
	const variable: Variable =
		kind === 'stock'
			? { id, kind, name, initial: '0', inflows: [], outflows: [], position }
			: { id, kind, name, equation: '0', position };
	return { model: { ...model, variables: [...model.variables, variable] }, id };
}

/** One end of a new flow: a stock, or a cloud at a point. */
export type FlowEnd = { stock: string; position: Point } | { position: Point };

/** A flow from one end to the other, with its valve halfway and a cloud at each free end. */
export function addFlow(model: Model, from: FlowEnd, to: FlowEnd): { model: Model; id: string } {
	const name = uniqueName(model, 'Flow');
	const id = uniqueId(model, name);
	// A free end close to level (or plumb) with the other end is snapped to it: pipes run straight.
	let a = from.position;
	let b = to.position;
	const snap = (free: Point, fixed: Point): Point =>
		Math.abs(free.y - fixed.y) < Math.abs(free.x - fixed.x) / 3
			? { x: Math.round(free.x), y: fixed.y }
			: Math.abs(free.x - fixed.x) < Math.abs(free.y - fixed.y) / 3
				? { x: fixed.x, y: Math.round(free.y) }
				: free;
	if (!('stock' in to)) b = snap(b, a);
	else if (!('stock' in from)) a = snap(a, b);
	const position = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
	const points =
		Math.abs(a.y - b.y) < 1 || Math.abs(a.x - b.x) < 1 ? [a, b] : [a, { x: b.x, y: a.y }, b];
	const flow: Variable = { id, kind: 'flow', name, equation: '0', position, points };
	const clouds: Cloud[] = [];
	let next: Model = { ...model, variables: [...model.variables, flow] };
	if (!('stock' in from))
		clouds.push({ id: uniqueId(next, `cloud ${id} source`), flow: id, position: a });
	if (!('stock' in to))
		clouds.push({ id: uniqueId(next, `cloud ${id} sink`), flow: id, position: b });
	next = {
		...next,
		variables: next.variables.map((v) => {
			if (v.kind !== 'stock') return v;
			let s: Stock = v;
			if ('stock' in from && v.id === from.stock) s = { ...s, outflows: [...s.outflows, id] };
			if ('stock' in to && v.id === to.stock) s = { ...s, inflows: [...s.inflows, id] };
			return s;
		}),
		diagram: { ...diagramOf(next), clouds: [...diagramOf(next).clouds, ...clouds] }
	};
	return { model: next, id };
}

/**
 * A connector (an information arrow) from one variable, or an alias of one, to another; none
 * twice, none to itself (nor from its own alias).
 */
export function addConnector(model: Model, from: string, to: string): Model {
	const d = diagramOf(model);
	const known = (id: string) => model.variables.some((v) => v.id === id);
	const alias = d.aliases?.find((a) => a.id === from);
	if (from === to || alias?.of === to || !(alias || known(from)) || !known(to)) return model;
	if (d.connectors.some((c) => c.from === from && c.to === to)) return model;
	const connector: Connector = { id: uniqueId(model, `c ${from} ${to}`), from, to };
	return { ...model, diagram: { ...d, connectors: [...d.connectors, connector] } };
}

/**
 * A new alias of a variable at a point: a second drawing of it that connectors can start from.
 * @example addAlias(model, 'length_of_stay', { x: 400, y: 120 }) // "Length of stay" drawn again there
 */
export function addAlias(model: Model, of: string, position: Point): { model: Model; id: string } {
	const variable = model.variables.find((v) => v.id === of);
	if (!variable) return { model, id: '' };
	const d = diagramOf(model);
	const alias: Alias = { id: uniqueId(model, `alias ${of}`), of, position };
	return {
		model: { ...model, diagram: { ...d, aliases: [...(d.aliases ?? []), alias] } },
		id: alias.id
	};
}

/** Moves variables, clouds and aliases (by id) to new centres; a flow's pipe follows its valve. */
export function moveNodes(model: Model, moves: ReadonlyMap<string, Point>): Model {
	if (moves.size === 0) return model;
	const d = diagramOf(model);
	return {
		...model,
		variables: model.variables.map((v) => {
			const p = moves.get(v.id);
			if (!p) return v;
			if (v.kind === 'flow' && v.points && v.position) {
				// The pipe's ends are drawn from the stocks and clouds; its own points only shift.
				const dx = p.x - v.position.x;
				const dy = p.y - v.position.y;
				return { ...v, position: p, points: v.points.map((q) => ({ x: q.x + dx, y: q.y + dy })) };
			}
			return { ...v, position: p };
		}),
		diagram: {
			...d,
			clouds: d.clouds.map((c) => (moves.has(c.id) ? { ...c, position: moves.get(c.id)! } : c)),
			...(d.aliases && {
				aliases: d.aliases.map((a) => (moves.has(a.id) ? { ...a, position: moves.get(a.id)! } : a))
			})
		},
		...(model.modules && {
			modules: model.modules.map((m) =>
				moves.has(m.id) ? { ...m, position: moves.get(m.id)! } : m
			)
		})
	};
}

/**
 * Deletes variables, connectors, clouds and aliases by id. What was connected is handled: a flow
 * whose stock goes keeps flowing, to or from a cloud where the stock was; connectors to or from a
 * deleted variable or alias go; a deleted variable takes its aliases; a deleted flow leaves its
 * stocks' flow lists and takes its clouds. A
 * deleted module instance goes with its connections; its submodel stays, for undo and for others.
 */
export function deleteItems(model: Model, ids: ReadonlySet<string>): Model {
	const d = diagramOf(model);
	const gone = model.variables.filter((v) => ids.has(v.id));
	const modules = model.modules?.some((m) => ids.has(m.id))
		? { modules: model.modules.filter((m) => !ids.has(m.id)) }
		: {};
	if (
		gone.length === 0 &&
		!modules.modules &&
		!d.connectors.some((c) => ids.has(c.id)) &&
		!d.clouds.some((c) => ids.has(c.id)) &&
		!d.aliases?.some((a) => ids.has(a.id))
	)
		return model;
	const goneIds = new Set(gone.map((v) => v.id));
	const aliases = d.aliases?.filter((a) => !ids.has(a.id) && !goneIds.has(a.of));
	// A connector out of a deleted alias goes with it, as one out of a deleted variable does.
	for (const a of d.aliases ?? []) if (!aliases!.includes(a)) goneIds.add(a.id);
	const newClouds: Cloud[] = [];
	for (const stock of gone) {
		if (stock.kind !== 'stock' || !stock.position) continue;
		for (const flow of [...stock.inflows, ...stock.outflows]) {
			if (!goneIds.has(flow))
				newClouds.push({ id: `cloud-${flow}-${stock.id}`, flow, position: stock.position });
		}
	}
	return {
		...model,
		...modules,
		variables: model.variables
			.filter((v) => !goneIds.has(v.id))
			.map((v) =>
				v.kind === 'stock'
					? {
							...v,
							inflows: v.inflows.filter((f) => !goneIds.has(f)),
							outflows: v.outflows.filter((f) => !goneIds.has(f))
						}
					: v
			),
		diagram: {
			...d,
			connectors: d.connectors.filter(
				(c) => !ids.has(c.id) && !goneIds.has(c.from) && !goneIds.has(c.to)
			),
			clouds: [...d.clouds.filter((c) => !ids.has(c.id) && !goneIds.has(c.flow)), ...newClouds],
			...(aliases && { aliases })
		}
	};
}

/** Changes fields of one variable; a new name is a rename that every equation follows. */
export function updateVariable(model: Model, id: string, patch: Partial<Variable>): Model {
	let next = model;
	const { name, ...rest } = patch;
	const current = model.variables.find((v) => v.id === id);
	if (!current) return model;
	if (name !== undefined && name.trim() && name.trim() !== current.name)
		next = renameVariable(next, id, name.trim());
	if (Object.keys(rest).length === 0) return next;
	return {
		...next,
		variables: next.variables.map((v) => (v.id === id ? ({ ...v, ...rest } as Variable) : v))
	};
}

/** What a copy holds: variables and the connectors between them. */
export interface Clipboard {
	variables: Variable[];
	connectors: Connector[];
}

export function copyItems(model: Model, ids: ReadonlySet<string>): Clipboard {
	const variables = model.variables.filter((v) => ids.has(v.id));
	const chosen = new Set(variables.map((v) => v.id));
	const connectors = diagramOf(model).connectors.filter(
		(c) => chosen.has(c.from) && chosen.has(c.to)
	);
	return structuredClone({ variables, connectors });
}

/**
 * Pastes a copy, shifted by `offset`, with fresh ids and names ("Beds 2"). Equations among the
 * pasted variables keep using the originals' names (as in Stella); flows keep only stocks that came along.
 */
export function pasteItems(
	model: Model,
	clip: Clipboard,
	offset: Point
): { model: Model; ids: string[] } {
	let next = model;
	const newId = new Map<string, string>();
	const pasted: Variable[] = [];
	for (const v of clip.variables) {
		const name = uniqueName(next, v.name.replace(/ \d+$/, ''));
		const id = uniqueId(next, name);
		newId.set(v.id, id);
		const position = v.position && { x: v.position.x + offset.x, y: v.position.y + offset.y };
		const copy = { ...structuredClone(v), id, name, ...(position && { position }) } as Variable;
		if (copy.kind === 'flow' && copy.points)
			copy.points = copy.points.map((p) => ({ x: p.x + offset.x, y: p.y + offset.y }));
		pasted.push(copy);
		next = { ...next, variables: [...next.variables, copy] };
	}
	const remap = (ids: string[]) => ids.filter((f) => newId.has(f)).map((f) => newId.get(f)!);
	const variables = next.variables.map((v) =>
		v.kind === 'stock' && newId.has(v.id) && pasted.includes(v)
			? { ...v, inflows: remap(v.inflows), outflows: remap(v.outflows) }
			: v
	);
	next = { ...next, variables };
	// A pasted flow whose stocks stayed behind ends in clouds.
	const d = diagramOf(next);
	const clouds: Cloud[] = [];
	for (const v of pasted) {
		if (v.kind !== 'flow') continue;
		const id = v.id;
		const hasSource = variables.some((s) => s.kind === 'stock' && s.outflows.includes(id));
		const hasSink = variables.some((s) => s.kind === 'stock' && s.inflows.includes(id));
		const pts = v.points ?? [];
		const at = v.position ?? { x: 0, y: 0 };
		if (!hasSource)
			clouds.push({
				id: `cloud-${id}-source`,
				flow: id,
				position: pts[0] ?? { x: at.x - 80, y: at.y }
			});
		if (!hasSink)
			clouds.push({
				id: `cloud-${id}-sink`,
				flow: id,
				position: pts[pts.length - 1] ?? { x: at.x + 80, y: at.y }
			});
	}
	const connectors = clip.connectors.map((c) => ({
		...c,
		id: `${c.id}-${newId.get(c.to)}`,
		from: newId.get(c.from)!,
		to: newId.get(c.to)!
	}));
	next = {
		...next,
		diagram: {
			...d,
			connectors: [...d.connectors, ...connectors],
			clouds: [...d.clouds, ...clouds]
		}
	};
	return { model: next, ids: pasted.map((v) => v.id) };
}
