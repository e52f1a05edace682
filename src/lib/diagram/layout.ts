/**
 * An automatic layout for models that come without positions: a small layered layout in the way
 * people draw stock-and-flow diagrams. Stocks joined by flows form a chain along a row, each flow
 * between its stocks; auxiliaries sit in layers above the row, each over what it feeds, layer by
 * layer away from the flows, so connectors point down towards the stocks and flows they drive.
 */
import { nameSpans } from '../engine/parse/equation-names';
import { canonicalName } from '../model/names';
import type { Model, Point, Stock, Variable } from '../model/types';

const STOCK_GAP = 240;
const LAYER_GAP = 90;
const AUX_GAP = 130;
const BAND_GAP = 120;

/** Stocks in chains: each chain is the stocks joined by flows, in flow order. */
function stockChains(stocks: Stock[]): Stock[][] {
	const byId = new Map(stocks.map((s) => [s.id, s]));
	const next = new Map<string, string[]>();
	const hasUpstream = new Set<string>();
	for (const s of stocks) {
		for (const f of s.outflows) {
			for (const t of stocks) {
				if (t.inflows.includes(f)) {
					next.set(s.id, [...(next.get(s.id) ?? []), t.id]);
					hasUpstream.add(t.id);
				}
			}
		}
	}
	const seen = new Set<string>();
	const chains: Stock[][] = [];
	const roots = [...stocks.filter((s) => !hasUpstream.has(s.id)), ...stocks];
	for (const root of roots) {
		if (seen.has(root.id)) continue;
		const chain: Stock[] = [];
		const queue = [root.id];
		while (queue.length) {
			const id = queue.shift()!;
			if (seen.has(id)) continue;
			seen.add(id);
			chain.push(byId.get(id)!);
			queue.push(...(next.get(id) ?? []));
		}
		chains.push(chain);
	}
	return chains;
}

function usesOf(v: Variable, ids: Map<string, string>): string[] {
	const equation = v.kind === 'stock' ? '' : v.kind === 'gf' ? '' : v.equation;
	return [
		...new Set(
			nameSpans(equation)
				.map((s) => ids.get(s.canonical))
				.filter((id): id is string => !!id && id !== v.id)
		)
	];
}

/** Centres for every variable, and for each flow's pipe, for a model laid out from scratch. */
export function autoLayout(model: Model): Map<string, Point> {
	const at = new Map<string, Point>();
	const vars = model.variables;
	const stocks = vars.filter((v): v is Stock => v.kind === 'stock');
	const flows = vars.filter((v) => v.kind === 'flow');
	const others = vars.filter((v) => v.kind === 'aux' || v.kind === 'gf');
	const ids = new Map(vars.map((v) => [canonicalName(v.name), v.id]));

	// Depth of each auxiliary: 1 + the least depth of what it feeds (stocks and flows are 0).
	const users = new Map<string, string[]>();
	for (const v of vars)
		for (const u of usesOf(v, ids)) users.set(u, [...(users.get(u) ?? []), v.id]);
	const depth = new Map<string, number>(
		vars.filter((v) => v.kind === 'stock' || v.kind === 'flow').map((v) => [v.id, 0])
	);
	for (let pass = 0; pass < others.length; pass++) {
		let changed = false;
		for (const a of others) {
			const d = Math.min(...(users.get(a.id) ?? []).map((u) => depth.get(u) ?? Infinity)) + 1;
			if (Number.isFinite(d) && d !== depth.get(a.id)) {
				depth.set(a.id, d);
				changed = true;
			}
		}
		if (!changed) break;
	}
	const maxDepth = Math.max(1, ...others.map((a) => depth.get(a.id) ?? 1));
	const bandHeight = maxDepth * LAYER_GAP + BAND_GAP;

	// Stocks in rows, one chain per row, flows between or beside their stocks.
	const chains = stockChains(stocks);
	chains.forEach((chain, row) => {
		const y = maxDepth * LAYER_GAP + row * bandHeight;
		chain.forEach((s, col) => at.set(s.id, { x: STOCK_GAP / 2 + col * STOCK_GAP, y }));
	});
	const source = (f: string) => stocks.find((s) => s.outflows.includes(f));
	const sink = (f: string) => stocks.find((s) => s.inflows.includes(f));
	let loose = 0;
	for (const f of flows) {
		const from = source(f.id) && at.get(source(f.id)!.id);
		const to = sink(f.id) && at.get(sink(f.id)!.id);
		if (from && to) at.set(f.id, { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 });
		else if (from) at.set(f.id, { x: from.x + STOCK_GAP / 2, y: from.y });
		else if (to) at.set(f.id, { x: to.x - STOCK_GAP / 2, y: to.y });
		else
			at.set(f.id, {
				x: STOCK_GAP / 2 + loose++ * STOCK_GAP,
				y: maxDepth * LAYER_GAP + chains.length * bandHeight
			});
	}

	// Auxiliaries by layer, nearest the flows first, each over the mean of what it feeds.
	const ordered = [...others].sort(
		(a, b) => (depth.get(a.id) ?? maxDepth) - (depth.get(b.id) ?? maxDepth)
	);
	const rows = new Map<number, Array<{ id: string; x: number }>>();
	for (const a of ordered) {
		const placedUsers = (users.get(a.id) ?? [])
			.map((u) => at.get(u))
			.filter((p): p is Point => !!p);
		const d = depth.get(a.id) ?? maxDepth;
		const x = placedUsers.length
			? placedUsers.reduce((t, p) => t + p.x, 0) / placedUsers.length
			: STOCK_GAP / 2;
		const y = placedUsers.length
			? Math.min(...placedUsers.map((p) => p.y)) - LAYER_GAP
			: maxDepth * LAYER_GAP - d * LAYER_GAP;
		const key = Math.round(y);
		rows.set(key, [...(rows.get(key) ?? []), { id: a.id, x }]);
		at.set(a.id, { x, y });
		// Spread the row so no two circles (and their labels) overlap.
		const row = rows.get(key)!.sort((p, q) => p.x - q.x);
		for (let i = 1; i < row.length; i++) row[i].x = Math.max(row[i].x, row[i - 1].x + AUX_GAP);
		for (const p of row) at.set(p.id, { x: p.x, y });
	}
	return at;
}

/**
 * The model with a position for every variable: its own where it has them; where none has one,
 * the automatic layout; where only some lack one, those go in a row under the rest.
 */
export function withLayout(model: Model): Model {
	const missing = model.variables.filter((v) => !v.position);
	if (missing.length === 0) return model;
	let at: Map<string, Point>;
	if (missing.length === model.variables.length) at = autoLayout(model);
	else {
		const maxY = Math.max(...model.variables.filter((v) => v.position).map((v) => v.position!.y));
		at = new Map(missing.map((v, i) => [v.id, { x: 60 + i * AUX_GAP, y: maxY + BAND_GAP }]));
	}
	return {
		...model,
		variables: model.variables.map((v) => (v.position ? v : { ...v, position: at.get(v.id) }))
	};
}
