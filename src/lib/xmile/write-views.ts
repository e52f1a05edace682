/**
 * The stock-and-flow diagram as one XMILE <view> (§5, §6.1): each placed variable by its centre,
 * each flow with the points of its pipe, and the connectors with their takeoff angles.
 *
 * Every display object gets a uid, unique in the view. XMILE has no cloud element (Stella and
 * Simlin infer clouds from a pipe's free ends), so Flowbook's explicit clouds are written as
 * <flowbook:cloud>, which other tools skip and views.ts reads back.
 */
import type { Model, Point, Variable } from '../model/types';
import { sectorMembers } from '../model/sectors';
import { toNameAttribute, toReference } from './identifiers';
import { element, type XmlNode } from './xml-writer';

export interface ViewsWritten {
	/** The <view>, or undefined when the model has no diagram at all. */
	node?: XmlNode;
	/** Whether the view uses the flowbook: namespace (for explicit clouds). */
	usesFlowbook: boolean;
}

/** A model's diagram, a submodel's or a macro's: its variables, connectors and clouds, and where its modules sit. */
export function writeViews(model: Pick<Model, 'variables' | 'diagram' | 'modules'>): ViewsWritten {
	const byId = new Map(model.variables.map((v) => [v.id, v]));
	const connectors = model.diagram?.connectors ?? [];
	const clouds = model.diagram?.clouds ?? [];
	let uid = 0;
	const uids = new Map<string, number>();
	const children: XmlNode[] = [];

	for (const variable of model.variables) {
		if (!variable.position) continue;
		uids.set(variable.id, ++uid);
		children.push(drawVariable(variable, variable.position, uid));
	}
	for (const module of model.modules ?? []) {
		if (!module.position) continue;
		children.push(
			element('module', {
				uid: ++uid,
				name: toNameAttribute(module.name),
				x: module.position.x,
				y: module.position.y
			})
		);
	}
	// Aliases (Stella's ghosts) by uid, which connectors out of them name.
	const aliases = new Map<string, { uid: number; position: Point }>();
	for (const alias of model.diagram?.aliases ?? []) {
		const of = byId.get(alias.of);
		if (!of) continue;
		aliases.set(alias.id, { uid: ++uid, position: alias.position });
		children.push(
			element(
				'alias',
				{ uid, x: alias.position.x, y: alias.position.y },
				element('of', {}, toReference(of.name))
			)
		);
	}
	for (const connector of connectors) {
		const alias = aliases.get(connector.from);
		const from = byId.get(connector.from);
		const to = byId.get(connector.to);
		if (!(from || alias) || !to) continue;
		const angle = connector.angle ?? straightAngle(alias?.position ?? from?.position, to.position);
		children.push(
			element(
				'connector',
				{ uid: ++uid, angle },
				element('from', {}, alias ? element('alias', { uid: alias.uid }) : toReference(from!.name)),
				element('to', {}, toReference(to.name))
			)
		);
	}
	// Sectors last, so each can list the uids of what it holds.
	for (const sector of model.diagram?.sectors ?? []) {
		const items = sectorMembers(model, sector)
			.map((id) => uids.get(id) ?? aliases.get(id)?.uid)
			.filter((u) => u !== undefined)
			.map((u) => element('item', { uid: u }));
		children.push(
			element(
				'group',
				{
					uid: ++uid,
					name: sector.name,
					x: sector.position.x,
					y: sector.position.y,
					width: sector.width,
					height: sector.height
				},
				items
			)
		);
	}
	let usesFlowbook = false;
	for (const cloud of clouds) {
		const flow = byId.get(cloud.flow);
		if (flow?.kind !== 'flow') continue;
		usesFlowbook = true;
		children.push(
			element('flowbook:cloud', {
				uid: ++uid,
				flow: toReference(flow.name),
				flow_uid: uids.get(flow.id),
				x: cloud.position.x,
				y: cloud.position.y
			})
		);
	}
	if (children.length === 0) return { usesFlowbook: false };
	return { node: element('view', { type: 'stock_flow' }, children), usesFlowbook };
}

function drawVariable(variable: Variable, position: Point, uid: number): XmlNode {
	// A standalone graphical function is drawn as an aux, as the spec has no display tag for it.
	const tag = variable.kind === 'gf' ? 'aux' : variable.kind;
	// Stella names drawn variables by display name, and connector ends by reference.
	const attributes = { uid, name: toNameAttribute(variable.name), x: position.x, y: position.y };
	if (variable.kind !== 'flow' || !variable.points || variable.points.length < 2) {
		return element(tag, attributes);
	}
	return element(
		tag,
		attributes,
		element(
			'pts',
			{},
			variable.points.map((p) => element('pt', { x: p.x, y: p.y }))
		)
	);
}

/**
 * XMILE requires a connector's angle: degrees at the start, 0 at 3 o'clock and increasing
 * counter-clockwise, in a diagram whose y grows downwards. Without one from the model, the
 * connector is drawn straight from one centre to the other.
 */
export function straightAngle(from: Point | undefined, to: Point | undefined): number | undefined {
	if (!from || !to || (from.x === to.x && from.y === to.y)) return undefined;
	const degrees = (Math.atan2(-(to.y - from.y), to.x - from.x) * 180) / Math.PI;
	// In [0, 360), to three decimals as Stella writes them.
	const rounded = Math.round((((degrees % 360) + 360) % 360) * 1000) / 1000;
	return rounded === 360 ? 0 : rounded;
}
