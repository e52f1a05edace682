/**
 * Aliases as edits: made of a variable, moved, a connector started from one, and deleted (alone,
 * or with the variable they draw), each leaving the model's references whole.
 */
import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types';
import { modelToFlow } from '../diagram/graph';
import { addAlias, addConnector, addFlow, addVariable, deleteItems, moveNodes } from './items';

const empty: Model = { simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' }, variables: [] };

/** Stock 1 drained by Flow 1, and Auxiliary 1 far away with an alias beside the flow. */
function ward() {
	let m = addVariable(empty, 'stock', { x: 100, y: 100 });
	const stock = m.id;
	m = addFlow(m.model, { stock, position: { x: 100, y: 100 } }, { position: { x: 300, y: 100 } });
	const flow = m.id;
	m = addVariable(m.model, 'aux', { x: 900, y: 700 });
	const aux = m.id;
	const a = addAlias(m.model, aux, { x: 220, y: 40 });
	return { model: addConnector(a.model, a.id, flow), stock, flow, aux, alias: a.id };
}

describe('alias edits', () => {
	it('makes an alias of a variable, with an id nothing else has, and a connector out of it', () => {
		const { model, aux, flow, alias } = ward();
		expect(model.diagram?.aliases).toEqual([{ id: alias, of: aux, position: { x: 220, y: 40 } }]);
		expect(model.variables.some((v) => v.id === alias)).toBe(false);
		expect(model.diagram?.connectors).toEqual([expect.objectContaining({ from: alias, to: flow })]);
		// None into an alias, none from an alias to its own variable, none of a variable not there.
		expect(addConnector(model, flow, alias)).toBe(model);
		expect(addConnector(model, alias, aux)).toBe(model);
		expect(addAlias(model, 'nothing', { x: 0, y: 0 }).model).toBe(model);
	});

	it('moves an alias without moving its variable', () => {
		const { model, aux, alias } = ward();
		const moved = moveNodes(model, new Map([[alias, { x: 250, y: 60 }]]));
		expect(moved.diagram?.aliases?.[0].position).toEqual({ x: 250, y: 60 });
		expect(moved.variables.find((v) => v.id === aux)?.position).toEqual({ x: 900, y: 700 });
	});

	it('deletes an alias with the connectors out of it, and keeps its variable', () => {
		const { model, aux, alias } = ward();
		const next = deleteItems(model, new Set([alias]));
		expect(next.diagram?.aliases).toEqual([]);
		expect(next.diagram?.connectors).toEqual([]);
		expect(next.variables.some((v) => v.id === aux)).toBe(true);
	});

	it('deletes a variable with its aliases and their connectors', () => {
		const { model, aux } = ward();
		const next = deleteItems(model, new Set([aux]));
		expect(next.diagram?.aliases).toEqual([]);
		expect(next.diagram?.connectors).toEqual([]);
	});

	it('draws an alias in its variable’s shape, named for people, with the connector out of it', () => {
		const { model, alias } = ward();
		const { nodes, edges } = modelToFlow(model);
		const node = nodes.find((n) => n.id === alias);
		expect(node).toMatchObject({
			type: 'alias',
			position: { x: 220, y: 40 },
			ariaLabel: 'Alias of Auxiliary 1'
		});
		expect(edges.find((e) => e.source === alias)).toMatchObject({
			type: 'connector',
			ariaLabel: 'Connector from Auxiliary 1 (alias) to Flow 1',
			data: { sourceShape: { width: 26, height: 26 } }
		});
	});

	it('announces a flow by what it joins, never by the ids of its ends', () => {
		const { model } = ward();
		const pipes = modelToFlow(model).edges.filter((e) => e.type === 'pipe');
		expect(pipes.map((e) => e.ariaLabel)).toEqual([
			'Flow Flow 1 from Stock 1 to a cloud',
			'Flow Flow 1 from Stock 1 to a cloud'
		]);
	});
});
