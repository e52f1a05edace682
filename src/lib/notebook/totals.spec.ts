import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types';
import { daysIn } from '../model/time-units';
import { perTime, rowPeriod, treatmentOf } from './totals';

const model: Model = {
	simSpecs: { start: 0, stop: 3650, dt: 0.25, method: 'euler', timeUnits: 'days' },
	variables: [
		{
			id: 'beds',
			kind: 'stock',
			name: 'Beds',
			initial: '0',
			inflows: ['admissions'],
			outflows: ['discharges']
		},
		{
			id: 'cost_so_far',
			kind: 'stock',
			name: 'Cost so far',
			initial: '0',
			inflows: ['spend'],
			outflows: []
		},
		{ id: 'admissions', kind: 'flow', name: 'Admissions', equation: '300', units: 'patient/day' },
		{ id: 'discharges', kind: 'flow', name: 'Discharges', equation: 'Beds / 5' },
		{ id: 'spend', kind: 'flow', name: 'Spend', equation: '1', units: 'GBP/day' },
		{
			id: 'annual_cost',
			kind: 'aux',
			name: 'Annual cost',
			equation: 'spend * 365',
			units: 'GBP per year'
		},
		{ id: 'occupancy', kind: 'aux', name: 'Occupancy', equation: 'Beds / 1000', units: 'dmnl' },
		{ id: 'los', kind: 'aux', name: 'Length of stay', equation: '5', units: 'days' }
	]
};

describe('how a table sums an output up over its period', () => {
	it('totals rates, averages levels, reads running totals at the end', () => {
		expect(treatmentOf(model, 'admissions')).toBe('total');
		expect(treatmentOf(model, 'discharges')).toBe('total');
		expect(treatmentOf(model, 'annual_cost')).toBe('total');
		expect(treatmentOf(model, 'beds')).toBe('average');
		expect(treatmentOf(model, 'occupancy')).toBe('average');
		expect(treatmentOf(model, 'los')).toBe('average');
		expect(treatmentOf(model, 'cost_so_far')).toBe('end');
		// Shown as a percentage, a rate of change is still a level to average, never a sum of per cents.
		expect(treatmentOf(model, 'admissions', 'percent')).toBe('average');
	});

	it('reads units that are an amount per time, and the days in a time unit', () => {
		expect(perTime('patient/day')).toEqual({ amount: 'patient', per: 'day' });
		expect(perTime('GBP per year')).toEqual({ amount: 'GBP', per: 'year' });
		expect(perTime('1/year')).toEqual({ amount: '1', per: 'year' });
		expect(perTime('patient/bed')).toBeUndefined();
		expect(perTime(undefined)).toBeUndefined();
		expect([daysIn('days'), daysIn('Year'), daysIn('weeks'), daysIn('bed')]).toEqual([
			1,
			365,
			7,
			undefined
		]);
	});

	it('labels a total with the units its integral has, and scales a rate per year to a model of days', () => {
		expect(rowPeriod(model, { variable: 'admissions' })).toEqual({
			treatment: 'total',
			factor: 1,
			label: 'Total (patient)'
		});
		const annual = rowPeriod(model, { variable: 'annual_cost' });
		expect(annual.label).toBe('Total (GBP)');
		expect(annual.factor).toBeCloseTo(1 / 365, 15);
		expect(rowPeriod(model, { variable: 'occupancy' }).label).toBe('Average');
		expect(rowPeriod(model, { variable: 'cost_so_far' }).label).toBe('At the end');
		// The row's own choice wins.
		expect(rowPeriod(model, { variable: 'beds', over: 'end' }).treatment).toBe('end');
	});
});
