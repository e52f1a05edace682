import { describe, expect, it } from 'vitest';
import type { Model, Stock } from '../model/types';
import {
	addConnector,
	addFlow,
	addVariable,
	copyItems,
	deleteItems,
	moveNodes,
	pasteItems,
	updateVariable
} from './items';

const empty: Model = { simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' }, variables: [] };

function teacup() {
	let m = addVariable(empty, 'stock', { x: 100, y: 100 });
	const stock = m.id;
	m = addFlow(m.model, { stock, position: { x: 100, y: 100 } }, { position: { x: 300, y: 100 } });
	const flow = m.id;
	m = addVariable(m.model, 'aux', { x: 200, y: 40 });
	const aux = m.id;
	return { model: addConnector(m.model, aux, flow), stock, flow, aux };
}

describe('model edits', () => {
	it('numbers new variables and joins a flow to its stock with a cloud at the free end', () => {
		const { model, stock, flow } = teacup();
		expect(model.variables.map((v) => v.name)).toEqual(['Stock 1', 'Flow 1', 'Auxiliary 1']);
		expect((model.variables.find((v) => v.id === stock) as Stock).outflows).toEqual([flow]);
		expect(model.diagram?.clouds).toEqual([
			expect.objectContaining({ flow, position: { x: 300, y: 100 } })
		]);
		expect(model.variables.find((v) => v.id === flow)?.position).toEqual({ x: 200, y: 100 });
	});

	it('adds a connector once, never to itself', () => {
		const { model, aux, flow } = teacup();
		expect(addConnector(model, aux, flow)).toBe(model);
		expect(addConnector(model, aux, aux)).toBe(model);
		expect(model.diagram?.connectors).toHaveLength(1);
	});

	it('deleting a stock leaves its flow ending in a cloud where it was, and drops its connectors', () => {
		const { model, stock, flow, aux } = teacup();
		const withLink = addConnector(model, stock, flow);
		const after = deleteItems(withLink, new Set([stock]));
		expect(after.variables.map((v) => v.id)).toEqual([flow, aux]);
		expect(after.diagram?.connectors.map((c) => c.from)).toEqual([aux]);
		expect(after.diagram?.clouds.filter((c) => c.flow === flow)).toHaveLength(2);
	});

	it('deleting a flow removes it from its stock and takes its clouds', () => {
		const { model, stock, flow } = teacup();
		const after = deleteItems(model, new Set([flow]));
		expect((after.variables.find((v) => v.id === stock) as Stock).outflows).toEqual([]);
		expect(after.diagram?.clouds).toEqual([]);
		expect(after.diagram?.connectors).toEqual([]);
	});

	it('moves variables and clouds, and a flow pipe with its valve', () => {
		const { model, flow } = teacup();
		const cloud = model.diagram!.clouds[0].id;
		const after = moveNodes(
			model,
			new Map([
				[flow, { x: 210, y: 110 }],
				[cloud, { x: 400, y: 100 }]
			])
		);
		expect(after.variables.find((v) => v.id === flow)).toMatchObject({
			position: { x: 210, y: 110 },
			points: [
				{ x: 110, y: 110 },
				{ x: 310, y: 110 }
			]
		});
		expect(after.diagram?.clouds[0].position).toEqual({ x: 400, y: 100 });
	});

	it('moves a module instance, and leaves a model without modules without a list of them', () => {
		const { model } = teacup();
		expect(moveNodes(model, new Map([['m', { x: 1, y: 2 }]])).modules).toBeUndefined();
		const withModule = {
			...model,
			modules: [{ id: 'm', name: 'hares', connections: [], position: { x: 0, y: 0 } }]
		};
		expect(moveNodes(withModule, new Map([['m', { x: 1, y: 2 }]])).modules).toEqual([
			{ id: 'm', name: 'hares', connections: [], position: { x: 1, y: 2 } }
		]);
	});

	it('deletes a module instance, keeping its submodel', () => {
		const { model } = teacup();
		const withModule = {
			...model,
			modules: [{ id: 'm', name: 'hares', connections: [] }],
			submodels: [{ name: 'hares', variables: [] }]
		};
		const after = deleteItems(withModule, new Set(['m']));
		expect(after.modules).toEqual([]);
		expect(after.submodels).toEqual(withModule.submodels);
		expect(after.variables).toEqual(model.variables);
	});

	it('renames through updateVariable so equations follow', () => {
		const { model, flow, aux } = teacup();
		let m = updateVariable(model, flow, { equation: 'Auxiliary_1 * 2' });
		m = updateVariable(m, aux, { name: 'Rate' });
		expect(m.variables.find((v) => v.id === flow)).toMatchObject({ equation: 'Rate * 2' });
	});

	it('copies and pastes with fresh names and ids, keeping connectors among the copies', () => {
		const { model, flow, aux } = teacup();
		const clip = copyItems(model, new Set([flow, aux]));
		const { model: after, ids } = pasteItems(model, clip, { x: 20, y: 20 });
		expect(ids).toHaveLength(2);
		expect(after.variables.map((v) => v.name)).toEqual([
			'Stock 1',
			'Flow 1',
			'Auxiliary 1',
			'Flow 2',
			'Auxiliary 2'
		]);
		expect(after.diagram?.connectors).toHaveLength(2);
		expect(after.diagram?.connectors[1]).toMatchObject({ from: ids[1], to: ids[0] });
		// The pasted flow's stock stayed behind: it flows from a cloud.
		expect(after.diagram?.clouds.filter((c) => c.flow === ids[0])).toHaveLength(2);
	});
});
