import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types';
import { sectorMembers } from '../model/sectors';
import { addVariable } from './items';
import { addSector, removeSector, renameSector } from './sectors';

const empty: Model = { simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' }, variables: [] };

function twoStocks() {
	const a = addVariable(empty, 'stock', { x: 100, y: 100 });
	const b = addVariable(a.model, 'stock', { x: 300, y: 160 });
	const c = addVariable(b.model, 'aux', { x: 900, y: 900 });
	return { model: c.model, a: a.id, b: b.id, c: c.id };
}

describe('sector edits', () => {
	it('draws a numbered sector around the chosen variables, holding them and nothing else', () => {
		const { model, a, b, c } = twoStocks();
		const r = addSector(model, [a, b]);
		const sector = r.model.diagram!.sectors![0];
		expect(sector).toEqual({
			id: r.id,
			name: 'Sector 1',
			position: { x: 40, y: 40 },
			width: 320,
			height: 180
		});
		expect(sectorMembers(r.model, sector)).toEqual([a, b]);
		expect(sectorMembers(r.model, sector)).not.toContain(c);
		expect(addSector(r.model, [c]).model.diagram!.sectors![1].name).toBe('Sector 2');
		// Nothing drawn chosen: no sector.
		expect(addSector(model, []).model).toBe(model);
	});

	it('renames a sector, refusing a blank name, and removes one leaving what it held', () => {
		const { model, a } = twoStocks();
		const r = addSector(model, [a]);
		const renamed = renameSector(r.model, r.id, '  Acute hospital ');
		expect(renamed.diagram!.sectors![0].name).toBe('Acute hospital');
		expect(renameSector(renamed, r.id, '   ')).toBe(renamed);
		const removed = removeSector(renamed, r.id);
		expect(removed.diagram!.sectors).toEqual([]);
		expect(removed.variables).toEqual(model.variables);
	});
});
