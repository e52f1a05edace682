/**
 * Vensim writes a stock as INTEG(rate, initial), with any expression as the rate; Flowbook (as
 * XMILE) names the flows in and out. A rate that adds and subtracts auxiliaries over the stock's
 * own subscripts (`births - deaths`) makes those auxiliaries the stock's flows, as Vensim's
 * sketch draws them; any other rate becomes one flow of its own, "<stock> net flow".
 */
import { canonicalName, idFromName } from '../model/names';
import type { Flow, Variable } from '../model/types';
import type { VExpr } from './ast';
import type { StockRate } from './variables';
import { emit } from './xmile-text';

interface Term {
	sign: 1 | -1;
	expr: VExpr;
}

function terms(expr: VExpr, sign: 1 | -1 = 1): Term[] {
	if (expr.type === 'binary' && (expr.op === '+' || expr.op === '-'))
		return [
			...terms(expr.left, sign),
			...terms(expr.right, expr.op === '-' ? (-sign as 1 | -1) : sign)
		];
	if (expr.type === 'unary' && expr.op === '-') return terms(expr.arg, -sign as 1 | -1);
	if (expr.type === 'unary' && expr.op === '+') return terms(expr.arg, sign);
	return [{ sign, expr }];
}

/** Turns auxiliaries into flows, or adds net flows, and connects them to their stocks. */
export function connectStocks(variables: Variable[], stocks: StockRate[]): Variable[] {
	const byKey = new Map(variables.map((v) => [canonicalName(v.name), v]));
	const taken = new Set(variables.map((v) => canonicalName(v.name)));
	const flows = new Map<string, Flow>();
	const added: Variable[] = [];

	for (const s of stocks) {
		const { stock } = s;
		const split = s.rate ? asFlows(s, byKey, flows) : undefined;
		if (split) {
			for (const { sign, variable } of split) {
				const flow = flows.get(canonicalName(variable.name)) ?? toFlow(variable, flows);
				(sign > 0 ? stock.inflows : stock.outflows).push(flow.id);
			}
			continue;
		}
		let name = `${stock.name} net flow`;
		for (let n = 2; taken.has(canonicalName(name)); n++) name = `${stock.name} net flow ${n}`;
		taken.add(canonicalName(name));
		const flow: Flow = {
			id: idFromName(name),
			name,
			kind: 'flow',
			equation: s.rate ? emit(s.rate, s.ctx) : '',
			...(stock.dimensions && { dimensions: stock.dimensions })
		};
		if (s.perElement) {
			flow.elements = s.perElement.map((e) => ({
				subscript: e.subscript,
				equation: emit(e.rate, e.ctx)
			}));
			flow.equation = flow.elements[0].equation!;
		}
		stock.inflows.push(flow.id);
		added.push(flow);
	}
	return [...variables.map((v) => flows.get(canonicalName(v.name)) ?? v), ...added];
}

function toFlow(variable: Variable, flows: Map<string, Flow>): Flow {
	const aux = variable as Variable & { kind: 'aux' };
	const flow: Flow = { ...aux, kind: 'flow' };
	flows.set(canonicalName(variable.name), flow);
	return flow;
}

/**
 * The rate's terms as flows, when every term is an auxiliary over exactly the stock's subscripts
 * (or a flow already); undefined when the rate is anything else.
 */
function asFlows(
	s: StockRate,
	byKey: Map<string, Variable>,
	flows: Map<string, Flow>
): { sign: 1 | -1; variable: Variable }[] | undefined {
	const own = s.lhsSubscripts.map(canonicalName);
	const out: { sign: 1 | -1; variable: Variable }[] = [];
	for (const term of terms(s.rate!)) {
		if (term.expr.type !== 'name') return undefined;
		const subs = term.expr.subscripts;
		if (
			subs.length !== own.length ||
			subs.some((x, i) => x.bang || canonicalName(x.name) !== own[i])
		)
			return undefined;
		const key = canonicalName(term.expr.name);
		const variable = flows.get(key) ?? byKey.get(key);
		if (!variable || (variable.kind !== 'aux' && variable.kind !== 'flow')) return undefined;
		if (variable.kind === 'aux' && variable.graphical) return undefined;
		const sameDims =
			(variable.dimensions ?? []).map(canonicalName).join() ===
			(s.stock.dimensions ?? []).map(canonicalName).join();
		if (!sameDims) return undefined;
		if (out.some((o) => o.variable === variable)) return undefined;
		out.push({ sign: term.sign, variable });
	}
	return out;
}
