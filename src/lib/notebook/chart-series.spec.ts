/** What a chart's variables draw: scalars, each element, chosen elements, one element, sums. */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../engine/api';
import type { Model } from '../model/types';
import { chartColumns, chartLines, lineValues, resolveSeries } from './chart-series';

const model: Model = {
	simSpecs: { start: 0, stop: 1, dt: 1, method: 'euler' },
	dimensions: [
		{ name: 'Locality', elements: ['North', 'Central', 'South'] },
		{ name: 'Band', size: 2 }
	],
	variables: [
		{ id: 'beds', kind: 'aux', name: 'Beds', equation: '1', dimensions: ['Locality'] },
		{ id: 'staff', kind: 'aux', name: 'Staff', equation: '1', dimensions: ['Locality', 'Band'] },
		{ id: 'total', kind: 'aux', name: 'Total Beds', equation: 'SUM(Beds[*])' },
		{ id: 'odd', kind: 'aux', name: 'Odd', equation: '1', dimensions: ['Nowhere'] }
	]
};

const result = (columns: Record<string, number[]>): RunResult =>
	({
		times: Float64Array.from([0, 1]),
		names: Object.keys(columns),
		series: Object.values(columns).map((v) => Float64Array.from(v))
	}) as unknown as RunResult;

describe('the lines of a chart entry', () => {
	it('draws a scalar variable as one line, by id or name', () => {
		expect(chartLines(model, ['total'])).toEqual([
			{ key: 'total', label: 'Total Beds', columns: ['Total Beds'] }
		]);
		expect(resolveSeries(model, 'total_beds').found).toBe(true);
	});

	it('draws an arrayed variable named alone as a line per element, last dimension fastest', () => {
		expect(chartLines(model, ['beds']).map((l) => l.label)).toEqual([
			'Beds[North]',
			'Beds[Central]',
			'Beds[South]'
		]);
		expect(chartLines(model, ['Staff']).map((l) => l.label)).toEqual([
			'Staff[North,1]',
			'Staff[North,2]',
			'Staff[Central,1]',
			'Staff[Central,2]',
			'Staff[South,1]',
			'Staff[South,2]'
		]);
		expect(resolveSeries(model, 'beds').dimensions).toEqual(['Locality']);
	});

	it('draws one element named with its subscript, as the model spells it', () => {
		expect(chartLines(model, ['beds[ north ]'])).toEqual([
			{ key: 'beds[ north ]', label: 'Beds[North]', columns: ['Beds[North]'] }
		]);
		expect(chartLines(model, ['Staff[South, 2]'])[0].columns).toEqual(['Staff[South,2]']);
	});

	it('draws only the chosen elements, in the dimension’s order', () => {
		expect(
			chartLines(model, [{ variable: 'beds', elements: ['South', 'north'] }]).map((l) => l.label)
		).toEqual(['Beds[North]', 'Beds[South]']);
	});

	it('draws one line summing every element, or the chosen ones, and says which', () => {
		expect(chartLines(model, [{ variable: 'beds', sum: true }])).toEqual([
			{
				key: 'sum:Beds[North]|Beds[Central]|Beds[South]',
				label: 'Beds (sum)',
				columns: ['Beds[North]', 'Beds[Central]', 'Beds[South]']
			}
		]);
		expect(
			chartLines(model, [{ variable: 'beds', elements: ['North', 'South'], sum: true }])[0].label
		).toBe('Beds (sum of North, South)');
	});

	it('says what it cannot find, and asks the run for none of it', () => {
		expect(
			resolveSeries(model, [{ variable: 'beds', elements: ['East', 'North'] }][0]).unknownElements
		).toEqual(['East']);
		expect(resolveSeries(model, 'Beds[East]')).toMatchObject({
			found: false,
			unknownElements: ['East']
		});
		expect(resolveSeries(model, 'Nothing')).toMatchObject({ found: false, variable: undefined });
		expect(resolveSeries(model, 'odd').found).toBe(false);
		expect(
			chartColumns(model, [
				'Nothing',
				'Beds[East]',
				'odd',
				{ variable: 'beds', elements: ['East'] },
				'total',
				'beds[North]',
				{ variable: 'beds', sum: true }
			])
		).toEqual(['Total Beds', 'Beds[North]', 'Beds[Central]', 'Beds[South]']);
	});
});

describe('a module’s variable in a chart', () => {
	it('is found by its dotted name, as the results name it', () => {
		const withModule: Model = {
			...model,
			modules: [{ id: 'm', name: 'hares', connections: [] }],
			submodels: [
				{
					name: 'hares',
					variables: [{ id: 'h', kind: 'aux', name: 'Hare Density', equation: '1' }]
				}
			]
		};
		expect(resolveSeries(withModule, 'hares.hare_density')).toMatchObject({
			found: true,
			name: 'hares.Hare Density'
		});
		expect(resolveSeries(withModule, 'hares.lynx').found).toBe(false);
	});
});

describe('a line’s values in a run', () => {
	const run = result({
		'Beds[North]': [1, 2],
		'Beds[Central]': [10, 20],
		'Beds[South]': [100, 200]
	});

	it('reads one column, or adds the columns of a sum', () => {
		const [north] = chartLines(model, ['Beds[North]']);
		expect(lineValues(run, north)).toBe(run.series[0]);
		const [sum] = chartLines(model, [{ variable: 'beds', sum: true }]);
		expect(Array.from(lineValues(run, sum)!)).toEqual([111, 222]);
	});

	it('gives the same array for the same run and line, so a chart need not redraw it', () => {
		const [sum] = chartLines(model, [{ variable: 'beds', sum: true }]);
		expect(lineValues(run, sum)).toBe(lineValues(run, { ...sum }));
	});

	it('gives nothing when a column is missing from the run', () => {
		const [sum] = chartLines(model, [{ variable: 'beds', sum: true }]);
		expect(lineValues(result({ 'Beds[North]': [1, 2] }), sum)).toBeUndefined();
		expect(lineValues(undefined, sum)).toBeUndefined();
	});
});

describe('names as charts show them', () => {
	it('uses the name as written, with spaces for underscores, and keeps the result columns', () => {
		const m: Model = {
			simSpecs: { start: 0, stop: 1, dt: 1, method: 'euler' },
			dimensions: [{ name: 'Area', elements: ['North_East', 'South'] }],
			variables: [
				{ id: 'wait', kind: 'aux', name: 'Waiting_in_A&E', equation: '1' },
				{ id: 'beds', kind: 'aux', name: 'Occupied_beds', equation: '1', dimensions: ['Area'] }
			]
		};
		const one = resolveSeries(m, 'wait');
		expect(one.name).toBe('Waiting in A&E');
		expect(one.lines).toEqual([
			{ key: 'wait', label: 'Waiting in A&E', columns: ['Waiting_in_A&E'] }
		]);
		const each = resolveSeries(m, 'beds');
		expect(each.lines.map((l) => l.label)).toEqual([
			'Occupied beds[North East]',
			'Occupied beds[South]'
		]);
		expect(each.lines[0].columns).toEqual(['Occupied_beds[North_East]']);
		expect(resolveSeries(m, { variable: 'beds', sum: true }).lines[0].label).toBe(
			'Occupied beds (sum)'
		);
	});
});
