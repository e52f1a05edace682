/**
 * The model as Svelte Flow nodes and edges: a node for each variable (the flow's node is its
 * valve) and for each cloud; a pipe edge from each flow's source to its valve and on to its
 * sink; a connector edge for each connector. Node positions are centres (nodeOrigin 0.5, 0.5).
 */
import type { Edge, Node } from '@xyflow/svelte';
import type { Model, Point, Variable } from '../model/types';
import { isArrayed, isPerElement } from '../model/arrays';
import { sectorMembers } from '../model/sectors';
import { moduleLinks, moduleNodes } from './module-graph';
import { SHAPES, STACK, type ShapeKind } from './shapes';
import type { Size } from './geometry';
import type { VariableWarnings } from '../worker/warnings';

export interface VariableNodeData extends Record<string, unknown> {
	variable: Variable;
	/** A constant: an auxiliary whose equation is just a number. */
	constant: boolean;
	warnings?: VariableWarnings;
	/** Where the notebook placed it (model coordinates), for tests and tooltips. */
	at: Point;
	/** The dimensions it is arrayed over, for the stacked shape and its label; absent when not arrayed. */
	dimensions?: string[];
}

/** "Beds, arrayed by Locality" / "… by Locality and Age": how a node names itself to people. */
export function describeNode(name: string, dimensions?: readonly string[]): string {
	if (!dimensions?.length) return name;
	const by =
		dimensions.length === 1
			? dimensions[0]
			: `${dimensions.slice(0, -1).join(', ')} and ${dimensions[dimensions.length - 1]}`;
	return `${name}, arrayed by ${by}`;
}

/** A node's hover text: what it is arrayed by, then its problems; none for a plain, sound variable. */
export function nodeTitle(data: VariableNodeData): string | undefined {
	const v = data.variable;
	const lines = [
		...(data.dimensions ? [describeNode(data.variable.name, data.dimensions)] : []),
		...(v.kind === 'stock' && v.conveyor
			? [`Conveyor: material rides it for ${v.conveyor.transitTime}`]
			: v.kind === 'stock' && v.queue
				? ['Queue: first in, first out']
				: []),
		...(data.warnings?.messages ?? [])
	];
	return lines.length ? lines.join('\n') : undefined;
}

/** An alias (Stella's ghost): the variable it draws, and where the alias itself sits. */
export interface AliasNodeData extends Record<string, unknown> {
	variable: Variable;
	at: Point;
}

/** A sector: its name and box, whether it is collapsed, and how many variables it holds. */
export interface SectorNodeData extends Record<string, unknown> {
	name: string;
	width: number;
	height: number;
	collapsed: boolean;
	count: number;
}

export interface CloudNodeData extends Record<string, unknown> {
	flow: string;
	at: Point;
}

export interface EdgeData extends Record<string, unknown> {
	/** Size of the shape at each end, so lines stop at its edge. */
	sourceShape: Size;
	targetShape: Size;
	/** For connectors: the XMILE angle at the source, and a problem with the connector if any. */
	angle?: number;
	problem?: string;
	/** For pipes: which half of the flow this edge draws. */
	half?: 'in' | 'out';
}

const isNumber = (text: string) => /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text);

export interface FlowEnds {
	source: { id: string; kind: ShapeKind };
	sink: { id: string; kind: ShapeKind };
	clouds: Array<{ id: string; position: Point }>;
}

/** Where a flow starts and ends: stocks, or clouds (from the model's diagram, or made up from its pipe). */
export function flowEnds(model: Model, flowId: string): FlowEnds {
	const flow = model.variables.find((v) => v.id === flowId);
	const from = model.variables.find((v) => v.kind === 'stock' && v.outflows.includes(flowId));
	const to = model.variables.find((v) => v.kind === 'stock' && v.inflows.includes(flowId));
	const clouds = (model.diagram?.clouds ?? []).filter((c) => c.flow === flowId);
	const valve = flow?.position ?? { x: 0, y: 0 };
	const points = flow?.kind === 'flow' ? (flow.points ?? []) : [];
	const first = points[0] ?? { x: valve.x - 90, y: valve.y };
	const last = points[points.length - 1] ?? { x: valve.x + 90, y: valve.y };
	const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
	const made: FlowEnds['clouds'] = [];
	let sourceCloud: string | undefined;
	let sinkCloud: string | undefined;
	if (!from) {
		const c = [...clouds].sort((a, b) => dist(a.position, first) - dist(b.position, first))[0];
		const cloud =
			c && (to || clouds.length > 1 || dist(c.position, first) <= dist(c.position, last))
				? c
				: undefined;
		sourceCloud = cloud?.id ?? `cloud:${flowId}:source`;
		made.push({ id: sourceCloud, position: cloud?.position ?? first });
	}
	if (!to) {
		const c = clouds
			.filter((k) => k.id !== sourceCloud)
			.sort((a, b) => dist(a.position, last) - dist(b.position, last))[0];
		sinkCloud = c?.id ?? `cloud:${flowId}:sink`;
		made.push({ id: sinkCloud, position: c?.position ?? last });
	}
	return {
		source: from ? { id: from.id, kind: 'stock' } : { id: sourceCloud!, kind: 'cloud' },
		sink: to ? { id: to.id, kind: 'stock' } : { id: sinkCloud!, kind: 'cloud' },
		clouds: made
	};
}

/** Nodes and edges for a model whose variables all have positions (see withLayout). */
export function modelToFlow(
	model: Model,
	warnings: ReadonlyMap<string, VariableWarnings> = new Map(),
	connectorProblems: ReadonlyMap<string, string> = new Map(),
	selected: ReadonlySet<string> = new Set(),
	collapsed: ReadonlySet<string> = new Set()
): { nodes: Node[]; edges: Edge[] } {
	const nodes: Node[] = [];
	const edges: Edge<EdgeData>[] = [];
	// Sectors first, so they lie beneath what they hold; a collapsed one hides its members.
	const hidden = new Set<string>();
	for (const sector of model.diagram?.sectors ?? []) {
		const members = sectorMembers(model, sector);
		const isCollapsed = collapsed.has(sector.id);
		if (isCollapsed) for (const id of members) hidden.add(id);
		const data: SectorNodeData = {
			name: sector.name,
			width: sector.width,
			height: sector.height,
			collapsed: isCollapsed,
			count: members.filter((id) => model.variables.some((v) => v.id === id)).length
		};
		nodes.push({
			id: sector.id,
			type: 'sector',
			position: {
				x: sector.position.x + sector.width / 2,
				y: sector.position.y + sector.height / 2
			},
			data,
			width: sector.width,
			height: sector.height,
			zIndex: -1,
			draggable: false,
			selectable: false,
			focusable: false,
			ariaLabel: `Sector ${sector.name}${isCollapsed ? ', collapsed' : ''}`
		});
	}
	const kindOf = new Map<string, ShapeKind>();
	// Each end's shape, stacked for an arrayed variable, so lines stop at the back of the stack.
	const shapeOf = new Map<string, Size>();
	const shape = (id: string, kind: ShapeKind): Size => shapeOf.get(id) ?? SHAPES[kind];
	for (const v of model.variables) {
		const kind: ShapeKind = v.kind === 'gf' ? 'aux' : v.kind;
		kindOf.set(v.id, kind);
		const dimensions = isArrayed(v) ? v.dimensions : undefined;
		shapeOf.set(v.id, dimensions ? { ...SHAPES[kind], stack: STACK } : SHAPES[kind]);
		const at = v.position ?? { x: 0, y: 0 };
		const perElement = isPerElement(v);
		const data: VariableNodeData = {
			variable: v,
			constant:
				v.kind === 'aux' &&
				!v.graphical &&
				!v.elements?.some((e) => e.graphical) &&
				(perElement ? v.elements!.every((e) => isNumber(e.equation ?? '')) : isNumber(v.equation)),
			warnings: warnings.get(v.id),
			at,
			...(dimensions && { dimensions })
		};
		nodes.push({
			id: v.id,
			type: kind,
			position: at,
			data,
			selected: selected.has(v.id),
			ariaLabel: describeNode(v.name, dimensions)
		});
	}
	const nameOf = (id: string) => model.variables.find((v) => v.id === id)?.name;
	for (const v of model.variables) {
		if (v.kind !== 'flow') continue;
		const ends = flowEnds(model, v.id);
		// Announced by what it joins, never by the ids of its ends.
		const ariaLabel = `Flow ${v.name} from ${nameOf(ends.source.id) ?? 'a cloud'} to ${nameOf(ends.sink.id) ?? 'a cloud'}`;
		for (const c of ends.clouds) {
			kindOf.set(c.id, 'cloud');
			const data: CloudNodeData = { flow: v.id, at: c.position };
			nodes.push({
				id: c.id,
				type: 'cloud',
				position: c.position,
				data,
				selected: selected.has(c.id),
				ariaLabel: `Cloud at an end of ${v.name}`
			});
		}
		edges.push({
			id: `pipe:${v.id}:in`,
			type: 'pipe',
			source: ends.source.id,
			target: v.id,
			selectable: false,
			focusable: false,
			ariaLabel,
			data: {
				sourceShape: shape(ends.source.id, ends.source.kind),
				targetShape: shape(v.id, 'flow'),
				half: 'in'
			}
		});
		edges.push({
			id: `pipe:${v.id}:out`,
			type: 'pipe',
			source: v.id,
			target: ends.sink.id,
			selectable: false,
			focusable: false,
			ariaLabel,
			data: {
				sourceShape: shape(v.id, 'flow'),
				targetShape: shape(ends.sink.id, ends.sink.kind),
				half: 'out'
			}
		});
	}
	const names = new Map(model.variables.map((v) => [v.id, v.name]));
	for (const a of model.diagram?.aliases ?? []) {
		const variable = model.variables.find((v) => v.id === a.of);
		if (!variable) continue;
		const kind = kindOf.get(variable.id)!;
		kindOf.set(a.id, kind);
		shapeOf.set(a.id, SHAPES[kind]);
		// The name an alias is announced by is also what a connector out of it is announced from.
		names.set(a.id, `${variable.name} (alias)`);
		const data: AliasNodeData = { variable, at: a.position };
		nodes.push({
			id: a.id,
			type: 'alias',
			position: a.position,
			data,
			selected: selected.has(a.id),
			ariaLabel: `Alias of ${variable.name}`
		});
	}
	for (const c of model.diagram?.connectors ?? []) {
		const from = kindOf.get(c.from);
		const to = kindOf.get(c.to);
		if (!from || !to) continue;
		edges.push({
			id: c.id,
			type: 'connector',
			source: c.from,
			target: c.to,
			selected: selected.has(c.id),
			ariaLabel: `Connector from ${names.get(c.from)} to ${names.get(c.to)}`,
			data: {
				sourceShape: shape(c.from, from),
				targetShape: shape(c.to, to),
				angle: c.angle,
				problem: connectorProblems.get(c.id)
			}
		});
	}
	// Module instances, and links for their connections, with each variable end stopping at its
	// shape (the back of a stack for an arrayed variable).
	nodes.push(...moduleNodes(model, selected));
	for (const link of moduleLinks(model)) {
		const data = link.data!;
		edges.push({
			...link,
			data: {
				...data,
				sourceShape: shapeOf.get(link.source) ?? data.sourceShape,
				targetShape: shapeOf.get(link.target) ?? data.targetShape
			}
		});
	}
	if (hidden.size === 0) return { nodes, edges };
	return {
		nodes: nodes.map((n) => (hidden.has(n.id) ? { ...n, hidden: true } : n)),
		edges: edges.map((e) =>
			hidden.has(e.source) || hidden.has(e.target) ? { ...e, hidden: true } : e
		)
	};
}
