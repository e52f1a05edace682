import { describe, expect, it } from 'vitest';
import { teacupSketch } from '../engine/test-models';
import { flowEnds, modelToFlow } from './graph';

const model = teacupSketch;

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
