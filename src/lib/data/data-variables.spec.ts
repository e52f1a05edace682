import { describe, expect, it } from 'vitest';
import { aux, compiled, model } from '../engine/test-models';
import type { DataSeries } from '../model/types';
import { linkByName, linkByPairs } from './link';
import { modelWithData } from './data-variables';

const observed: DataSeries = {
	id: 'arrivals',
	name: 'arrivals',
	times: [0, 2, 4],
	values: [10, 20, 40]
};

describe('data series in equations', () => {
	const base = model([aux('doubled', 'arrivals * 2')], { stop: 5, dt: 1 });

	it('interpolates between points and holds the ends', () => {
		const sim = compiled(modelWithData(base, [{ ...observed, use: 'interpolate' }]).model);
		// Straight lines between (0,10), (2,20), (4,40); after 4 the last value.
		expect([...sim.seriesOf(sim.run(), 'doubled')!]).toEqual([20, 30, 40, 60, 80, 80]);
	});

	it('holds each value until the next point', () => {
		const sim = compiled(modelWithData(base, [{ ...observed, use: 'hold' }]).model);
		expect([...sim.seriesOf(sim.run(), 'doubled')!]).toEqual([20, 20, 40, 40, 80, 80]);
	});

	it('leaves out a series named like a model variable, and one not used in equations', () => {
		const clash = modelWithData(base, [{ ...observed, name: 'Doubled', use: 'hold' }]);
		expect(clash.clashes).toEqual(['Doubled']);
		expect(clash.model.variables).toHaveLength(1);
		expect(modelWithData(base, [observed]).model).toBe(base);
	});

	it('links series to variables by name or by explicit pairs', () => {
		const m = model([aux('A&E attendances', '1'), aux('beds', '2')]);
		const series = [
			{ ...observed, name: 'a&e_attendances' },
			{ ...observed, id: 'occ', name: 'occupied' }
		];
		expect(linkByName(series, m).map((s) => s.variable)).toEqual(['A&E attendances', undefined]);
		const paired = linkByPairs(series, m, new Map([['occupied', 'beds']]));
		expect(Array.isArray(paired) && paired[1].variable).toBe('beds');
		expect(linkByPairs(series, m, new Map([['nope', 'beds']]))).toMatch(/no column "nope"/);
		expect(linkByPairs(series, m, new Map([['occupied', 'cots']]))).toMatch(/no variable "cots"/);
	});
});
