import { describe, expect, it } from 'vitest';
import { compileModel } from '../engine';
import {
	DimensionError,
	dimensionNameProblem,
	elementNameProblem,
	newDimensionName
} from './dimension-checks';
import { addDimension, deleteDimension, moveDimension, renameDimension } from './dimensions';
import {
	addElement,
	elementUsers,
	moveElement,
	numberElements,
	nameElements,
	removeElement,
	renameElement,
	setDimensionSize,
	sizeUsers
} from './elements';
import {
	elementEquationsDiffer,
	equationsLost,
	setElementEquation,
	setVariableDimensions,
	useElementEquations,
	useOneEquation
} from './variable-dimensions';
import type { Model, Variable } from '../model/types';

function model(): Model {
	return {
		simSpecs: { start: 0, stop: 4, dt: 1, method: 'euler' },
		dimensions: [
			{ name: 'Locality', elements: ['North', 'Central', 'South'] },
			{ name: 'Cohort', size: 2 }
		],
		variables: [
			{
				id: 'beds',
				kind: 'aux',
				name: 'Community Beds',
				equation: '0',
				dimensions: ['Locality'],
				elements: [
					{ subscript: ['North'], equation: '110' },
					{ subscript: ['Central'], equation: '140' },
					{ subscript: ['South'], equation: '75' }
				]
			},
			{
				id: 'stay',
				kind: 'aux',
				name: 'Length of Stay',
				equation: '20 + Locality',
				dimensions: ['Locality']
			},
			{
				id: 'central',
				kind: 'aux',
				name: 'Central Beds',
				equation: 'Community_Beds[Central] + Community_Beds[Locality.South]'
			},
			{ id: 'total', kind: 'aux', name: 'Total', equation: 'SUM(Community_Beds[*])' }
		]
	};
}

const find = (m: Model, id: string) =>
	m.variables.find((v) => v.id === id)! as Variable & { equation: string };
const values = (m: Model) => {
	const sim = compileModel(m);
	expect(sim.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	if (!sim.ok) throw new Error('does not compile');
	const run = sim.simulation.run();
	return Object.fromEntries(run.names.map((n, i) => [n, run.series[i][0]]));
};

describe('checking names', () => {
	it('refuses empty, duplicate (in any spelling), bracketed and variable-like dimension names', () => {
		const m = model();
		expect(dimensionNameProblem(m, '  ')).toBe('A dimension needs a name.');
		expect(dimensionNameProblem(m, 'locality')).toBe(
			'There is already a dimension called "Locality".'
		);
		expect(dimensionNameProblem(m, 'Locality', 'Locality')).toBeUndefined();
		expect(dimensionNameProblem(m, 'Region[1]')).toMatch(/has "\[" in it/);
		expect(dimensionNameProblem(m, 'length_of stay')).toBe(
			'"Length of Stay" is a variable; a dimension cannot have the same name, as both stand alone in equations.'
		);
		expect(dimensionNameProblem(m, 'Age Band')).toBeUndefined();
		expect(newDimensionName(m)).toBe('Dimension 1');
	});

	it('refuses empty, duplicate and subscript-breaking element names', () => {
		const locality = model().dimensions![0];
		expect(elementNameProblem(locality, '')).toBe('An element of "Locality" needs a name.');
		expect(elementNameProblem(locality, 'north')).toBe(
			'"Locality" already has an element called "North".'
		);
		expect(elementNameProblem(locality, 'North', 'North')).toBeUndefined();
		expect(elementNameProblem(locality, 'East, West')).toMatch(/has "," in it/);
		expect(elementNameProblem(locality, 'East]')).toMatch(/has "\]" in it/);
	});
});

describe('dimensions', () => {
	it('adds a dimension with named elements or a size, and refuses a bad one', () => {
		const m = addDimension(model(), { name: ' Age ', elements: ['Young', 'Old'] });
		expect(m.dimensions![2]).toEqual({ name: 'Age', elements: ['Young', 'Old'] });
		expect(addDimension(model(), { name: 'Year', size: 3 }).dimensions![2]).toEqual({
			name: 'Year',
			size: 3
		});
		expect(() => addDimension(model(), { name: 'Year', size: 0 })).toThrow(
			'The size of "Year" must be a whole number from 1 to 100000.'
		);
		expect(() => addDimension(model(), { name: 'Age', elements: ['A', 'a'] })).toThrow(
			'"Age" already has an element called "A".'
		);
		expect(() => addDimension(model(), { name: 'Total', size: 2 })).toThrow(DimensionError);
	});

	it('renames a dimension: variables arrayed over it and equations naming it follow, and the model runs as before', () => {
		const before = values(model());
		const m = renameDimension(model(), 'locality', 'Care Area');
		expect(m.dimensions![0].name).toBe('Care Area');
		expect(find(m, 'beds').dimensions).toEqual(['Care Area']);
		expect(find(m, 'stay').equation).toBe('20 + Care_Area');
		expect(find(m, 'central').equation).toBe(
			'Community_Beds[Central] + Community_Beds[Care_Area.South]'
		);
		expect(values(m)).toEqual(before);
		expect(() => renameDimension(model(), 'Locality', 'Cohort')).toThrow(
			'There is already a dimension called "Cohort".'
		);
	});

	it('refuses to delete a dimension in use, naming the variables, or un-arrays them when asked', () => {
		expect(() => deleteDimension(model(), 'Locality')).toThrow(
			'"Locality" is used by "Community Beds" and "Length of Stay"; take it off those variables first.'
		);
		const m = deleteDimension(model(), 'Locality', { unarray: true });
		expect(m.dimensions!.map((d) => d.name)).toEqual(['Cohort']);
		// Un-arrayed, a variable keeps its first element's equation.
		expect(find(m, 'beds')).toMatchObject({ equation: '110' });
		expect(find(m, 'beds').elements).toBeUndefined();
		expect(find(m, 'beds').dimensions).toBeUndefined();
		expect(deleteDimension(model(), 'Cohort').dimensions!.map((d) => d.name)).toEqual(['Locality']);
		expect(moveDimension(model(), 'Cohort', -1).dimensions!.map((d) => d.name)).toEqual([
			'Cohort',
			'Locality'
		]);
	});
});

describe('elements', () => {
	it('renames an element: element subscripts and subscripts in equations follow, other names stay', () => {
		const before = values(model());
		const m = renameElement(model(), 'Locality', 'central', 'City Centre');
		expect(m.dimensions![0].elements).toEqual(['North', 'City Centre', 'South']);
		expect(find(m, 'beds').elements!.map((e) => e.subscript[0])).toEqual([
			'North',
			'City Centre',
			'South'
		]);
		expect(find(m, 'central').equation).toBe(
			'Community_Beds[City_Centre] + Community_Beds[Locality.South]'
		);
		expect(values(m)['Central Beds']).toBe(before['Central Beds']);
		const south = renameElement(model(), 'Locality', 'South', 'Coast');
		expect(find(south, 'central').equation).toBe(
			'Community_Beds[Central] + Community_Beds[Locality.Coast]'
		);
	});

	it('adds, moves and removes elements; removing drops the definitions that name it', () => {
		let m = addElement(model(), 'Locality', 'East');
		expect(m.dimensions![0].elements).toEqual(['North', 'Central', 'South', 'East']);
		expect(() => addElement(model(), 'Cohort', 'Third')).toThrow(
			'"Cohort" has numbered elements; change its size instead.'
		);
		m = moveElement(model(), 'Locality', 'South', -1);
		expect(m.dimensions![0].elements).toEqual(['North', 'South', 'Central']);
		expect(elementUsers(model(), 'Locality', 'North').map((v) => v.name)).toEqual([
			'Community Beds'
		]);
		m = removeElement(model(), 'Locality', 'North');
		expect(m.dimensions![0].elements).toEqual(['Central', 'South']);
		expect(find(m, 'beds').elements!.map((e) => e.subscript[0])).toEqual(['Central', 'South']);
		expect(values(m)['Community Beds[Central]']).toBe(140);
		const only = addDimension(model(), { name: 'One', elements: ['Only'] });
		expect(() => removeElement(only, 'One', 'Only')).toThrow(
			'"Only" is the only element of "One"; a dimension needs at least one. Delete the dimension instead.'
		);
	});

	it('resizes a numbered dimension, and switches between numbered and named elements', () => {
		let m = setVariableDimensions(model(), 'stay', ['Cohort']);
		m = useElementEquations(m, 'stay');
		m = setElementEquation(m, 'stay', ['2'], '30');
		expect(sizeUsers(m, 'Cohort', 1).map((v) => v.name)).toEqual(['Length of Stay']);
		const smaller = setDimensionSize(m, 'Cohort', 1);
		expect(find(smaller, 'stay').elements!.map((e) => e.subscript)).toEqual([['1']]);
		const named = nameElements(m, 'Cohort');
		expect(named.dimensions![1]).toEqual({ name: 'Cohort', elements: ['1', '2'] });
		const numbered = numberElements(model(), 'Locality');
		expect(numbered.dimensions![0]).toEqual({ name: 'Locality', size: 3 });
		expect(find(numbered, 'beds').elements!.map((e) => e.subscript[0])).toEqual(['1', '2', '3']);
		expect(find(numbered, 'central').equation).toBe(
			'Community_Beds[2] + Community_Beds[Locality.3]'
		);
		expect(values(numbered)['Community Beds[2]']).toBe(140);
	});
});

describe('arraying a variable', () => {
	it('arrays, re-orders and un-arrays a variable, its element definitions following by name', () => {
		let m = setVariableDimensions(model(), 'beds', ['Locality', 'Cohort']);
		expect(find(m, 'beds').elements!.map((e) => [e.subscript.join(','), e.equation])).toEqual([
			['North,1', '110'],
			['North,2', '110'],
			['Central,1', '140'],
			['Central,2', '140'],
			['South,1', '75'],
			['South,2', '75']
		]);
		m = setElementEquation(m, 'beds', ['North', '2'], '111');
		m = setVariableDimensions(m, 'beds', ['Cohort', 'Locality']);
		expect(
			find(m, 'beds')
				.elements!.slice(0, 3)
				.map((e) => [e.subscript.join(','), e.equation])
		).toEqual([
			['1,North', '110'],
			['1,Central', '140'],
			['1,South', '75']
		]);
		expect(find(m, 'beds').elements!.find((e) => e.subscript.join() === '2,North')!.equation).toBe(
			'111'
		);
		// Equations subscripting it with one dimension are the compiler's to flag; without them it runs.
		expect(compileModel(m).diagnostics.map((d) => d.variable)).toEqual(['Central Beds', 'Total']);
		expect(
			values({ ...m, variables: m.variables.filter((v) => v.id === 'beds') })[
				'Community Beds[2,North]'
			]
		).toBe(111);
		expect(() => setVariableDimensions(model(), 'total', ['Locality', 'locality'])).toThrow(
			'A variable can be arrayed over "locality" only once.'
		);
		expect(() => setVariableDimensions(model(), 'total', ['Region'])).toThrow(
			'The model has no dimension called "Region".'
		);
	});

	it('says which element equations taking a dimension off would drop', () => {
		expect(equationsLost(model(), 'beds', [])).toEqual(['[Central]', '[South]']);
		expect(equationsLost(model(), 'beds', ['Locality', 'Cohort'])).toEqual([]);
		expect(equationsLost(model(), 'stay', [])).toEqual([]);
		const two = setVariableDimensions(model(), 'beds', ['Locality', 'Cohort']);
		expect(
			equationsLost(setElementEquation(two, 'beds', ['North', '2'], '1'), 'beds', ['Locality'])
		).toEqual(['[North, 2]']);
	});

	it('switches between one equation and an equation for each element', () => {
		let m = useElementEquations(model(), 'stay');
		expect(find(m, 'stay').elements!.map((e) => e.equation)).toEqual([
			'20 + Locality',
			'20 + Locality',
			'20 + Locality'
		]);
		expect(elementEquationsDiffer(find(m, 'stay'))).toBe(false);
		m = setElementEquation(m, 'stay', ['Central'], '25');
		expect(elementEquationsDiffer(find(m, 'stay'))).toBe(true);
		expect(values(m)['Length of Stay[Central]']).toBe(25);
		expect(values(m)['Length of Stay[South]']).toBe(23);
		m = useOneEquation(m, 'stay');
		expect(find(m, 'stay')).toMatchObject({ equation: '20 + Locality' });
		expect(find(m, 'stay').elements).toBeUndefined();
		expect(values(m)['Length of Stay[Central]']).toBe(22);
	});

	it('keeps elements’ own graphical functions across the switch', () => {
		const gf = { type: 'continuous' as const, xs: [0, 1], ys: [0, 2] };
		let m = model();
		m = {
			...m,
			variables: [
				...m.variables,
				{
					id: 'g',
					kind: 'aux',
					name: 'G',
					equation: 'TIME',
					dimensions: ['Locality'],
					elements: [{ subscript: ['North'], graphical: gf }]
				}
			]
		};
		m = useElementEquations(m, 'g');
		expect(find(m, 'g').elements![0]).toEqual({
			subscript: ['North'],
			graphical: gf,
			equation: 'TIME'
		});
		m = useOneEquation(m, 'g');
		expect(find(m, 'g').elements).toEqual([{ subscript: ['North'], graphical: gf }]);
		// Un-arrayed, the first element's table becomes the variable's own.
		expect(setVariableDimensions(m, 'g', []).variables.find((v) => v.id === 'g')).toMatchObject({
			equation: 'TIME',
			graphical: gf
		});
	});
});
