/**
 * The stock-and-flow diagram: where each variable sits, the pipe of each flow, connectors and
 * clouds. Diagram data never stops a model from running, so this reader is forgiving: anything
 * it cannot place is left out, with at most a warning.
 *
 * Two layouts exist. XMILE 1.0 puts a <views><view> in the model, whose children name the
 * variables they draw. The pre-standard layout (Stella 10 .stmx) puts <display x y> inside
 * each variable and the connectors in a <display> directly under <model>.
 */
import { boxAround } from '../model/sectors';
import type { Alias, Cloud, Connector, Point, Sector, VariableKind } from '../model/types';
import { canonicalName } from '../model/names';
import { parseNumber } from './numbers';
import type { Report } from './report';
import { child, childrenNamed, type XmlElement } from './xml-tree';

export interface VariableRef {
	id: string;
	kind: VariableKind;
}

export interface Layout {
	/** Centre of each variable, by id. */
	positions: Map<string, Point>;
	/** Each flow's pipe, source end first, by id. */
	points: Map<string, Point[]>;
	connectors: Connector[];
	clouds: Cloud[];
	aliases: Alias[];
	sectors: Sector[];
}

export interface ViewInput {
	model: XmlElement;
	/** The variables' own elements, for the pre-standard <display> inside each one. */
	variables: Array<VariableRef & { name: string; element: XmlElement }>;
	/** Finds a variable by any spelling of its name. */
	lookup: (name: string) => VariableRef | undefined;
	/** Flows that drain a stock (their source end is attached) and flows that fill one. */
	drainsStock: Set<string>;
	fillsStock: Set<string>;
}

export function readViews(input: ViewInput, report: Report): Layout {
	const layout: Layout = {
		positions: new Map(),
		points: new Map(),
		connectors: [],
		clouds: [],
		aliases: [],
		sectors: []
	};
	const ids = new Set<string>();
	for (const view of diagramViews(input.model)) readView(view, input, layout, ids, report);
	for (const variable of input.variables) {
		const display = child(variable.element, 'display');
		if (display) place(variable, variable.name, display, layout, report);
	}
	// Stella never writes clouds; Flowbook's diagram draws them explicitly, so make them from
	// the free ends of each pipe when the file has none of its own.
	if (layout.clouds.length === 0) addCloudsAtFreeEnds(input, layout, ids);
	return layout;
}

/** Stock-and-flow views only: not interface pages or popups. */
function diagramViews(model: XmlElement): XmlElement[] {
	const views = childrenNamed(child(model, 'views') ?? model, 'view').filter((view) => {
		const type = view.attributes.type ?? view.attributes.view_type;
		// go-xmile marks its interface page by name only.
		return (type === undefined || type === 'stock_flow') && view.attributes.name !== 'interface';
	});
	// The pre-standard <display> under <model> holds the connectors.
	return [...views, ...childrenNamed(model, 'display')];
}

function readView(
	view: XmlElement,
	input: ViewInput,
	layout: Layout,
	ids: Set<string>,
	report: Report
): void {
	const flowsByUid = new Map<string, string>();
	// An alias's uid, as connectors name it (<from><alias uid="7"/></from>), to its id here.
	const aliasesByUid = new Map<string, Alias>();
	for (const element of childrenNamed(view, 'alias')) {
		const alias = readAlias(element, input, ids, report);
		if (!alias) continue;
		layout.aliases.push(alias);
		const uid = element.attributes.uid;
		if (uid !== undefined) aliasesByUid.set(uid, alias);
	}
	// Where each drawn thing sits, by uid, for a sector that names its members but not its box.
	const placedByUid = new Map<string, Point>();
	for (const [uid, alias] of aliasesByUid) placedByUid.set(uid, alias.position);
	for (const element of view.children) {
		const name = element.attributes.name;
		if (name === undefined) continue;
		const ref = input.lookup(name);
		if (!ref) continue;
		if (!DRAWN.has(element.name)) continue;
		place(ref, name, element, layout, report);
		const uid = element.attributes.uid;
		if (ref.kind === 'flow' && uid !== undefined) flowsByUid.set(uid, ref.id);
		const at = layout.positions.get(ref.id);
		if (uid !== undefined && at) placedByUid.set(uid, at);
	}
	for (const element of childrenNamed(view, 'group')) {
		const sector = readSector(element, placedByUid, ids, report);
		if (sector) layout.sectors.push(sector);
	}
	for (const element of childrenNamed(view, 'connector')) {
		const connector = readConnector(element, input, aliasesByUid, ids);
		if (connector) layout.connectors.push(connector);
	}
	// Flowbook writes its explicit clouds as <flowbook:cloud> (write-views.ts), since XMILE has none.
	const clouds = view.children.filter((c) => c.name === 'cloud' || c.name === 'flowbook:cloud');
	for (const element of clouds) {
		const cloud = readCloud(element, input, flowsByUid, ids);
		if (cloud) layout.clouds.push(cloud);
	}
}

/** View elements that draw a variable; a <gf> may be drawn like an aux. */
const DRAWN = new Set(['stock', 'flow', 'aux', 'gf']);

/** Position (and, for a flow, pipe) of one variable; the first view that draws it wins. */
function place(
	variable: VariableRef,
	name: string,
	element: XmlElement,
	layout: Layout,
	report: Report
): void {
	if (layout.positions.has(variable.id)) return;
	const point = readPoint(element);
	if (!point) {
		report.warning(`The diagram position is not a pair of numbers; it is left out`, element, name);
		return;
	}
	const width = parseNumber(element.attributes.width);
	const height = parseNumber(element.attributes.height);
	// A resized stock is placed by its top-left corner (as Simlin reads Stella's files).
	if (variable.kind === 'stock' && width !== undefined && height !== undefined) {
		point.x += width / 2;
		point.y += height / 2;
	}
	layout.positions.set(variable.id, point);
	const pts = child(element, 'pts');
	if (variable.kind === 'flow' && pts) {
		const points = childrenNamed(pts, 'pt').map(readPoint);
		if (points.length >= 2 && points.every((p) => p !== undefined)) {
			layout.points.set(variable.id, points);
		}
	}
}

function readPoint(element: XmlElement): Point | undefined {
	const x = parseNumber(element.attributes.x);
	const y = parseNumber(element.attributes.y);
	return x === undefined || y === undefined ? undefined : { x, y };
}

/**
 * `<alias uid x y><of>name</of></alias>`: a second drawing of a variable. One of a variable the
 * model lacks (or of Time) is left out, with a warning naming it.
 */
function readAlias(
	element: XmlElement,
	input: ViewInput,
	ids: Set<string>,
	report: Report
): Alias | undefined {
	const name = child(element, 'of')?.text.trim() ?? element.attributes.of;
	const position = readPoint(element);
	if (!name) {
		report.warning(`An alias names no variable (it has no <of>); it is left out`, element);
		return undefined;
	}
	const of = input.lookup(name);
	if (!of) {
		if (canonicalName(name) !== 'time')
			report.warning(`An alias of "${name}", which the model does not have, is left out`, element);
		return undefined;
	}
	if (!position) {
		report.warning(
			`The position of an alias is not a pair of numbers; it is left out`,
			element,
			name
		);
		return undefined;
	}
	return {
		id: uniqueId(`alias-${element.attributes.uid ?? ids.size + 1}`, ids),
		of: of.id,
		position
	};
}

/**
 * `<group name x y width height>` with `<item uid>` children: a sector. Without a box of its
 * own, it is drawn around its items; with neither, it is left out with a warning.
 */
function readSector(
	element: XmlElement,
	placedByUid: ReadonlyMap<string, Point>,
	ids: Set<string>,
	report: Report
): Sector | undefined {
	const name = element.attributes.name?.trim() || 'Sector';
	const corner = readPoint(element);
	const width = parseNumber(element.attributes.width);
	const height = parseNumber(element.attributes.height);
	const id = uniqueId(`sector-${element.attributes.uid ?? ids.size + 1}`, ids);
	if (corner && width !== undefined && height !== undefined && width > 0 && height > 0)
		return { id, name, position: corner, width, height };
	const items = childrenNamed(element, 'item')
		.map((item) => placedByUid.get(item.attributes.uid ?? ''))
		.filter((p): p is Point => p !== undefined);
	if (items.length) return { id, name, ...boxAround(items) };
	report.warning(
		`The sector "${name}" has neither a size nor any items drawn in the view; it is left out`,
		element
	);
	return undefined;
}

/**
 * One end of a connector: a variable by name, or an alias by uid (`<alias uid="7"/>`). A connector
 * into an alias points nowhere new (an alias has no equation), so it is read as into its variable.
 */
function connectorEnd(
	end: XmlElement | undefined,
	input: ViewInput,
	aliasesByUid: ReadonlyMap<string, Alias>
): { id: string; of?: string } | undefined {
	if (!end) return undefined;
	const ref = child(end, 'alias');
	if (!ref) {
		const variable = input.lookup(end.text.trim());
		return variable && { id: variable.id };
	}
	const alias = aliasesByUid.get(ref.attributes.uid ?? '');
	return alias && { id: alias.id, of: alias.of };
}

/** A connector between two variables or from an alias; one ending at a module or Time is left out. */
function readConnector(
	element: XmlElement,
	input: ViewInput,
	aliasesByUid: ReadonlyMap<string, Alias>,
	ids: Set<string>
): Connector | undefined {
	const from = connectorEnd(child(element, 'from'), input, aliasesByUid);
	const to = connectorEnd(child(element, 'to'), input, aliasesByUid);
	if (!from || !to) return undefined;
	const connector: Connector = {
		id: uniqueId(`connector-${element.attributes.uid ?? ids.size + 1}`, ids),
		from: from.id,
		to: to.of ?? to.id
	};
	const angle = parseNumber(element.attributes.angle);
	if (angle !== undefined) connector.angle = angle;
	return connector;
}

/** `<cloud uid x y>` naming its flow by a <flow> child, a flow attribute or the flow's uid. */
function readCloud(
	element: XmlElement,
	input: ViewInput,
	flowsByUid: Map<string, string>,
	ids: Set<string>
): Cloud | undefined {
	const position = readPoint(element);
	const flowName = child(element, 'flow')?.text.trim() ?? element.attributes.flow;
	const byName = flowName === undefined ? undefined : input.lookup(flowName);
	const flow =
		byName?.kind === 'flow' ? byName.id : flowsByUid.get(element.attributes.flow_uid ?? '');
	if (!position || !flow) return undefined;
	return { id: uniqueId(`cloud-${element.attributes.uid ?? ids.size + 1}`, ids), flow, position };
}

function addCloudsAtFreeEnds(input: ViewInput, layout: Layout, ids: Set<string>): void {
	for (const [flow, points] of layout.points) {
		if (!input.drainsStock.has(flow)) {
			layout.clouds.push({ id: uniqueId(`cloud-${flow}-source`, ids), flow, position: points[0] });
		}
		if (!input.fillsStock.has(flow)) {
			const position = points[points.length - 1];
			layout.clouds.push({ id: uniqueId(`cloud-${flow}-sink`, ids), flow, position });
		}
	}
}

function uniqueId(wanted: string, ids: Set<string>): string {
	let id = wanted;
	for (let n = 2; ids.has(id); n++) id = `${wanted}-${n}`;
	ids.add(id);
	return id;
}
