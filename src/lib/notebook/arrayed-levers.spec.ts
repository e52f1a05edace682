import { describe, expect, it } from 'vitest';
import { aux, model as scalarModel, simulate, stock } from '../engine/test-models';
import type { Lever, Model, Variable } from '../model/types';
import {
	constantValues,
	describeOverrides,
	elementValues,
	findSlider,
	isLeverCandidate,
	leverOverrides,
	leverSliders,
	positionsFromOverrides
} from './arrayed-levers';
import { constantValue } from './runs.svelte';

const arrayed = (name: string, equation: string, elements?: [string, string][]): Variable => ({
	...aux(name, equation),
	dimensions: ['Locality'],
	...(elements ? { elements: elements.map(([e, eq]) => ({ subscript: [e], equation: eq })) } : {})
});

function beds(): Model {
	return {
		...scalarModel([
			arrayed('Community Beds', '0', [
				['North', '110'],
				['Central', '140'],
				['South', '75']
			]),
			arrayed('Length of Stay', '21'),
			arrayed('Listed', '1, 2; 3'),
			arrayed('Occupancy', 'Community_Beds / Length_of_Stay'),
			arrayed('Half Given', '0', [
				['North', '1'],
				['Central', 'Length_of_Stay * 2'],
				['South', '3']
			]),
			aux('Start', '90'),
			stock('Tank', '5')
		]),
		dimensions: [{ name: 'Locality', elements: ['North', 'Central', 'South'] }]
	};
}
const variable = (name: string) => beds().variables.find((v) => v.name === name)!;
const lever = (id: string, perElement?: boolean): Lever => ({
	variable: id,
	label: id,
	min: 0,
	max: 300,
	step: 1,
	...(perElement === undefined ? {} : { perElement })
});

describe('arrayed constants as levers', () => {
	it("reads each element's value: element by element, apply-to-all, or a list of numbers", () => {
		expect(elementValues(beds(), variable('Community Beds'))).toEqual([
			{ subscript: ['North'], label: 'North', name: 'Community Beds[North]', value: 110 },
			{ subscript: ['Central'], label: 'Central', name: 'Community Beds[Central]', value: 140 },
			{ subscript: ['South'], label: 'South', name: 'Community Beds[South]', value: 75 }
		]);
		expect(constantValues(beds(), variable('Length of Stay'))).toEqual([21, 21, 21]);
		expect(constantValues(beds(), variable('Listed'))).toEqual([1, 2, 3]);
		expect(constantValues(beds(), variable('Start'))).toEqual([90]);
	});

	it('offers only constants: not an element given by an equation, nor a stock, nor a formula', () => {
		const candidates = beds()
			.variables.filter((v) => isLeverCandidate(beds(), v))
			.map((v) => v.name);
		expect(candidates).toEqual(['Community Beds', 'Length of Stay', 'Listed', 'Start']);
		// The unused shared equation ("0") of an element-by-element constant is not its value.
		expect(constantValue(variable('Community Beds'))).toBeUndefined();
		expect(constantValue(variable('Length of Stay'))).toBe(21);
	});

	it('names elements over two dimensions "North, Adult"', () => {
		const m: Model = {
			...beds(),
			dimensions: [...beds().dimensions!, { name: 'Age', elements: ['Child', 'Adult'] }]
		};
		const both: Variable = { ...aux('Rate', '2'), dimensions: ['Locality', 'Age'] };
		expect(elementValues(m, both)?.map((e) => [e.label, e.name])[1]).toEqual([
			'North, Adult',
			'Rate[North,Adult]'
		]);
	});
});

describe('the sliders a lever shows', () => {
	it('one per element, labelled by element, each overriding its element', () => {
		expect(leverSliders(beds(), lever('Community Beds', true))).toEqual([
			{
				key: 'Community Beds[North]',
				override: 'Community Beds[North]',
				subscript: ['North'],
				element: 'North',
				own: 110,
				start: 110
			},
			{
				key: 'Community Beds[Central]',
				override: 'Community Beds[Central]',
				subscript: ['Central'],
				element: 'Central',
				own: 140,
				start: 140
			},
			{
				key: 'Community Beds[South]',
				override: 'Community Beds[South]',
				subscript: ['South'],
				element: 'South',
				own: 75,
				start: 75
			}
		]);
	});

	it('one for all: the whole constant by its name, starting at the first element, with each differing value to show', () => {
		const [one] = leverSliders(beds(), lever('Community Beds'));
		expect(one).toMatchObject({
			key: 'Community Beds',
			override: 'Community Beds',
			own: undefined,
			start: 110
		});
		expect(one.differing?.map((e) => e.value)).toEqual([110, 140, 75]);
		expect(leverSliders(beds(), lever('Length of Stay'))).toEqual([
			{ key: 'Length of Stay', override: 'Length of Stay', own: 21, start: 21 }
		]);
	});

	it('one slider for a scalar constant even if marked per element; none for a variable the model lacks', () => {
		expect(leverSliders(beds(), lever('Start', true))).toEqual([
			{ key: 'Start', override: 'Start', own: 90, start: 90 }
		]);
		expect(leverSliders(beds(), lever('Gone'))).toEqual([]);
		expect(findSlider(beds(), lever('Community Beds', true), ['central'])?.key).toBe(
			'Community Beds[Central]'
		);
		expect(findSlider(beds(), lever('Community Beds', true))).toBeUndefined();
		expect(findSlider(beds(), lever('Community Beds'))?.key).toBe('Community Beds');
	});
});

describe('the overrides the sliders make', () => {
	const levers = [lever('Community Beds', true), lever('Length of Stay'), lever('Start')];

	it('only where a slider moves a constant from its own value', () => {
		expect(
			leverOverrides(beds(), levers, {
				'Community Beds[North]': 110,
				'Community Beds[Central]': 150,
				'Length of Stay': 21,
				Start: 120
			})
		).toEqual({ 'Community Beds[Central]': 150, Start: 120 });
		expect(leverOverrides(beds(), levers, { 'Length of Stay': 19 })).toEqual({
			'Length of Stay': 19
		});
	});

	it('always, once moved, for one slider over elements that differ (even to the first one’s value)', () => {
		expect(leverOverrides(beds(), [lever('Community Beds')], { 'Community Beds': 110 })).toEqual({
			'Community Beds': 110
		});
	});

	it('runs as the engine reads them: a whole constant sets every element, an element only itself', () => {
		const m: Model = {
			...beds(),
			variables: beds().variables.filter((v) => v.name !== 'Half Given')
		};
		const run = simulate(m, {
			overrides: leverOverrides(m, levers, { 'Community Beds[South]': 90, 'Length of Stay': 19 })
		});
		expect(run.get('Occupancy[North]')[0]).toBeCloseTo(110 / 19);
		expect(run.get('Occupancy[South]')[0]).toBeCloseTo(90 / 19);
		const all = simulate(m, {
			overrides: leverOverrides(m, [lever('Community Beds')], { 'Community Beds': 100 })
		});
		expect([all.get('Community Beds[North]')[0], all.get('Community Beds[Central]')[0]]).toEqual([
			100, 100
		]);
	});

	it('gives the slider positions back from a scenario: whole constants, elements, and one value for all', () => {
		expect(
			positionsFromOverrides(beds(), levers, {
				'community beds': 120,
				'Community Beds[South]': 80,
				length_of_stay: 19
			})
		).toEqual({
			'Community Beds[North]': 120,
			'Community Beds[Central]': 120,
			'Community Beds[South]': 80,
			'Length of Stay': 19
		});
		const one = [lever('Community Beds')];
		expect(
			positionsFromOverrides(beds(), one, {
				'Community Beds[North]': 90,
				'Community Beds[Central]': 90,
				'Community Beds[South]': 90
			})
		).toEqual({ 'Community Beds': 90 });
		expect(positionsFromOverrides(beds(), one, { 'Community Beds[North]': 90 })).toEqual({});
	});

	it('reads a scenario’s overrides back in words, one constant at a time', () => {
		expect(
			describeOverrides(beds(), {
				'Community Beds[North]': 150,
				'Community Beds[Central]': 160,
				'Length of Stay': 19,
				Start: 120
			})
		).toBe(
			'Community Beds 150 in North, 160 in Central; Length of Stay 19 in every Locality; Start 120'
		);
		expect(describeOverrides(beds(), { 'Length of Stay': 19, 'Length of Stay[South]': 25 })).toBe(
			'Length of Stay 25 in South, 19 in every other Locality'
		);
		expect(describeOverrides(beds(), {})).toBe('');
	});
});
