import { describe, expect, it } from 'vitest';
import { SimulationHost } from '../worker/host';
import type { FlowbookDocument } from '../model/types';
import { loopVariableIds, loopsView, passesThrough } from './loops-cell';

// Population with births (0.1) and deaths (lifetime 20): R1 +2/3 and B1 −1/3 throughout
// (Schoenberg & Eberlein 2020, checked in engine/loops/analyse.spec.ts), in years shown as years.
const document: FlowbookDocument = {
	schemaVersion: 1,
	title: 'Population',
	model: {
		simSpecs: { start: 0, stop: 10, dt: 0.5, method: 'euler', timeUnits: 'year' },
		variables: [
			{
				id: 'P',
				kind: 'stock',
				name: 'Population',
				initial: '100',
				inflows: ['b'],
				outflows: ['d']
			},
			{ id: 'b', kind: 'flow', name: 'births', equation: 'Population * 0.1' },
			{ id: 'd', kind: 'flow', name: 'deaths', equation: 'Population / 20' }
		]
	},
	scenarios: [],
	levers: [],
	cells: []
} as unknown as FlowbookDocument;

function analysed() {
	const host = new SimulationHost();
	expect(host.compile(document.model).ok).toBe(true);
	const reply = host.loops({ overrides: {} });
	if (!reply.ok) throw new Error(reply.diagnostics[0].message);
	return reply;
}

describe('a loops cell', () => {
	it('gets the loops from the worker and says which dominates the output', () => {
		const reply = analysed();
		expect(reply.loops.map((l) => [l.id, l.polarity])).toEqual([
			['R1', 'R'],
			['B1', 'B']
		]);
		const view = loopsView(document, reply.time, reply.loops, 'P', 4);
		expect(view.dominant).toBe(0);
		expect(view.sentence).toBe(
			'Throughout the run the reinforcing loop R1 (the births loop through Population) dominates Population.'
		);
		expect(view.loops[1].relativeScore[4]).toBeCloseTo(-1 / 3, 12);
	});

	it('keeps the loops through the output and names their variables for the diagram', () => {
		const reply = analysed();
		expect(reply.loops.every((l) => passesThrough(l, 'Population'))).toBe(true);
		expect(loopsView(document, reply.time, reply.loops, 'b', 4).loops.map((l) => l.id)).toEqual([
			'R1'
		]);
		expect(loopVariableIds(document, reply.loops[1])).toEqual(['P', 'd']);
	});
});
