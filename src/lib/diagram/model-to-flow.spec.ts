import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types';
import { flowEnds, modelToFlow } from './graph';

const model: Model = {
	simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' },
	variables: [
		{
			id: 'tea',
			kind: 'stock',
			name: 'Tea',
			initial: '80',
			inflows: [],
			outflows: ['loss'],
			units: 'degree',
			position: { x: 100, y: 100 }
		},
		{
			id: 'loss',
			kind: 'flow',
			name: 'Loss',
			equation: '(Tea - Room) / tme',
			units: 'degree/minute',
			position: { x: 200, y: 100 }
		},
		{
			id: 'room',
			kind: 'aux',
			name: 'Room',
			equation: '20',
			units: 'degree',
			position: { x: 200, y: 40 }
		},
		{
			id: 'time',
			kind: 'aux',
			name: 'Time constant',
			equation: '10',
			units: 'minute',
			position: { x: 250, y: 40 }
		}
	],
	diagram: {
		connectors: [
			{ id: 'c1', from: 'room', to: 'loss' },
			{ id: 'c2', from: 'time', to: 'loss' }
		],
		clouds: []
	}
};

describe('modelToFlow', () => {
	it('draws a flow as a valve with pipes from its stock and to a cloud at its free end', () => {
		const { nodes, edges } = modelToFlow(model);
		expect(nodes.map((n) => n.type)).toEqual(['stock', 'flow', 'aux', 'aux', 'cloud']);
		const ends = flowEnds(model, 'loss');
		expect(ends.source).toEqual({ id: 'tea', kind: 'stock' });
		expect(ends.sink.kind).toBe('cloud');
		expect(edges.filter((e) => e.type === 'pipe').map((e) => [e.source, e.target])).toEqual([
			['tea', 'loss'],
			['loss', ends.sink.id]
		]);
		expect(edges.filter((e) => e.type === 'connector')).toHaveLength(2);
	});
});
