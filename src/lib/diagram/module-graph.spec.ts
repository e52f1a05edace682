/** Module instances as diagram nodes, and their connections as links. */
import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types';
import { MODULE_SHAPE, moduleLinks, moduleNodes } from './module-graph';

const model: Model = {
	simSpecs: { start: 0, stop: 1, dt: 1, method: 'euler' },
	variables: [
		{ id: 'area', kind: 'aux', name: 'area', equation: '100', position: { x: 100, y: 168 } },
		{ id: 'seen', kind: 'aux', name: 'Hares Seen', equation: '0', position: { x: 300, y: 200 } }
	],
	modules: [
		{
			id: 'm_hares',
			name: 'hares',
			position: { x: 88, y: 85 },
			connections: [
				{ to: 'area', from: 'area' },
				{ to: 'lynxes', from: 'lynx pack.lynxes' },
				{ to: '.hares seen', from: 'hare density' }
			]
		},
		{
			id: 'm_lynx',
			name: 'lynx pack',
			model: 'lynxes',
			connections: [
				{ to: 'hare density', from: 'hares.hare density' },
				{ to: 'x', from: 'nowhere' }
			]
		}
	],
	submodels: [
		{ name: 'hares', variables: [] },
		{ name: 'lynxes', variables: [] }
	]
};

describe('modules on the diagram', () => {
	it('draws each module at its position, or in a row below the variables, naming its submodel when it differs', () => {
		const nodes = moduleNodes(model, new Set(['m_lynx']));
		expect(nodes.map((n) => [n.id, n.type, n.position, n.ariaLabel, n.selected])).toEqual([
			['m_hares', 'module', { x: 88, y: 85 }, 'Module hares', false],
			['m_lynx', 'module', { x: 210, y: 310 }, 'Module lynx pack, an instance of lynxes', true]
		]);
		expect((nodes[1].data as { submodel?: { name: string } }).submodel?.name).toBe('lynxes');
	});

	it('links what feeds each input to the module, and the module to what its outputs set, leaving out ends not drawn', () => {
		const links = moduleLinks(model);
		expect(links.map((l) => [l.source, l.target, l.ariaLabel])).toEqual([
			['area', 'm_hares', 'Module connection: area feeds hares.area'],
			['m_lynx', 'm_hares', 'Module connection: lynx pack.lynxes feeds hares.lynxes'],
			['m_hares', 'seen', 'Module connection: hares.hare density sets hares seen'],
			['m_hares', 'm_lynx', 'Module connection: hares.hare density feeds lynx pack.hare density']
		]);
		expect(links[0].data).toEqual({
			sourceShape: { width: 26, height: 26 },
			targetShape: MODULE_SHAPE
		});
	});
});
