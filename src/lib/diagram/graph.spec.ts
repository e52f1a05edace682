import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types';
import {
	describeNode,
	modelToFlow,
	nodeTitle,
	type EdgeData,
	type VariableNodeData
} from './graph';
import { STACK } from './shapes';

const model: Model = {
	simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' },
	dimensions: [{ name: 'Locality', elements: ['North', 'South'] }],
	variables: [
		{
			id: 'beds',
			kind: 'stock',
			name: 'Beds',
			initial: '0',
			inflows: ['admit'],
			outflows: [],
			dimensions: ['Locality'],
			position: { x: 0, y: 0 }
		},
		{
			id: 'admit',
			kind: 'flow',
			name: 'Admit',
			equation: 'Rate',
			dimensions: ['Locality'],
			position: { x: -120, y: 0 }
		},
		{
			id: 'rate',
			kind: 'aux',
			name: 'Rate',
			equation: '0',
			dimensions: ['Locality'],
			elements: [
				{ subscript: ['North'], equation: '2' },
				{ subscript: ['South'], equation: '3' }
			],
			position: { x: -120, y: -80 }
		},
		{ id: 'start', kind: 'aux', name: 'Start', equation: '5', position: { x: 60, y: -80 } }
	],
	diagram: {
		connectors: [
			{ id: 'c1', from: 'rate', to: 'admit' },
			{ id: 'c2', from: 'start', to: 'beds' }
		],
		clouds: []
	}
};

describe('arrayed variables on the diagram', () => {
	const { nodes, edges } = modelToFlow(model);
	const data = (id: string) => nodes.find((n) => n.id === id)!.data as VariableNodeData;

	it('names the dimensions in the node, its accessible name and its hover text', () => {
		expect(data('beds').dimensions).toEqual(['Locality']);
		expect(data('start').dimensions).toBeUndefined();
		expect(nodes.find((n) => n.id === 'beds')!.ariaLabel).toBe('Beds, arrayed by Locality');
		expect(nodes.find((n) => n.id === 'start')!.ariaLabel).toBe('Start');
		expect(nodeTitle(data('beds'))).toBe('Beds, arrayed by Locality');
		expect(nodeTitle(data('start'))).toBeUndefined();
		expect(describeNode('Flow', ['Region', 'Age', 'Sex'])).toBe(
			'Flow, arrayed by Region, Age and Sex'
		);
	});

	it('marks a constant whose elements are all numbers', () => {
		expect(data('rate').constant).toBe(true);
	});

	it('gives edges the stacked shape of an arrayed end, and the plain shape of another', () => {
		const edge = (id: string) => edges.find((e) => e.id === id)!.data as EdgeData;
		expect(edge('c1').sourceShape.stack).toEqual(STACK);
		expect(edge('c1').targetShape.stack).toEqual(STACK);
		expect(edge('c2').sourceShape.stack).toBeUndefined();
		expect(edge('pipe:admit:out').targetShape).toMatchObject({
			width: 72,
			height: 46,
			stack: STACK
		});
		expect(edge('pipe:admit:in').sourceShape.stack).toBeUndefined();
	});
});
