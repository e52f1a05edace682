import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types';
import { autoLayout, withLayout } from './layout';

const model: Model = {
	simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' },
	variables: [
		{
			id: 'waiting',
			kind: 'stock',
			name: 'Waiting',
			initial: '0',
			inflows: ['referrals'],
			outflows: ['treated']
		},
		{
			id: 'in_care',
			kind: 'stock',
			name: 'In care',
			initial: '0',
			inflows: ['treated'],
			outflows: ['discharges']
		},
		{ id: 'referrals', kind: 'flow', name: 'Referrals', equation: 'demand' },
		{ id: 'treated', kind: 'flow', name: 'Treated', equation: 'Waiting / wait_time' },
		{ id: 'discharges', kind: 'flow', name: 'Discharges', equation: 'In_care / stay' },
		{ id: 'demand', kind: 'aux', name: 'Demand', equation: 'base * growth' },
		{ id: 'base', kind: 'aux', name: 'Base', equation: '10' },
		{ id: 'growth', kind: 'aux', name: 'Growth', equation: '1.1' },
		{ id: 'wait_time', kind: 'aux', name: 'Wait time', equation: '3' },
		{ id: 'stay', kind: 'aux', name: 'Stay', equation: '5' }
	]
};

describe('autoLayout', () => {
	const at = autoLayout(model);

	it('places every variable', () => {
		expect([...at.keys()].sort()).toEqual(model.variables.map((v) => v.id).sort());
	});

	it('puts a chain of stocks on one row in flow order, each flow between or beside its stocks', () => {
		const [w, c] = [at.get('waiting')!, at.get('in_care')!];
		expect(w.y).toBe(c.y);
		expect(w.x).toBeLessThan(c.x);
		expect(at.get('treated')!.x).toBeGreaterThan(w.x);
		expect(at.get('treated')!.x).toBeLessThan(c.x);
		expect(at.get('referrals')!.x).toBeLessThan(w.x);
		expect(at.get('discharges')!.x).toBeGreaterThan(c.x);
	});

	it('puts auxiliaries in layers above what they feed', () => {
		expect(at.get('demand')!.y).toBeLessThan(at.get('referrals')!.y);
		expect(at.get('base')!.y).toBeLessThan(at.get('demand')!.y);
	});

	it('keeps auxiliaries in one layer apart', () => {
		const pts = [...at.values()];
		for (let i = 0; i < pts.length; i++)
			for (let j = i + 1; j < pts.length; j++)
				expect(Math.hypot(pts[i].x - pts[j].x, pts[i].y - pts[j].y)).toBeGreaterThan(60);
	});
});

describe('withLayout', () => {
	it('keeps positions a model already has', () => {
		const placed: Model = {
			...model,
			variables: model.variables.map((v, i) => ({ ...v, position: { x: i, y: i } }))
		};
		expect(withLayout(placed)).toBe(placed);
	});
	it('places only what lacks a position, under the rest', () => {
		const some: Model = {
			...model,
			variables: model.variables.map((v, i) => (i === 0 ? v : { ...v, position: { x: i, y: 10 } }))
		};
		const out = withLayout(some);
		expect(out.variables[0].position!.y).toBeGreaterThan(10);
		expect(out.variables[1].position).toEqual({ x: 1, y: 10 });
	});
});
