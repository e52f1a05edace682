/**
 * The arrays pass, feature by feature (XMILE 1.0 §3.7.1), each checked by running the model:
 * element names as Stella and Vensim label them, values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../model/diagnostics';
import type { Dimension, Model, Variable } from '../../model/types';
import { compileModel } from '../index';
import { aux, flow, stock, table } from '../test-models';
import { flattenArrays } from './arrays';

const REGION: Dimension = { name: 'Region', elements: ['North', 'South', 'East'] };
const AGE: Dimension = { name: 'Age', elements: ['Young', 'Old'] };
const STAGE: Dimension = { name: 'Stage', size: 4 };

/** A variable arrayed over the named dimensions. */
function over<V extends Variable>(variable: V, ...dimensions: string[]): V {
	return { ...variable, dimensions };
}

/** A variable defined element by element: [subscript, equation] pairs. */
function byElement<V extends Variable>(
	variable: V,
	dimensions: string[],
	elements: Array<[string[], string]>
): V {
	return {
		...variable,
		dimensions,
		elements: elements.map(([subscript, equation]) => ({ subscript, equation }))
	};
}

function arrayModel(
	variables: Variable[],
	dimensions: Dimension[] = [REGION, AGE, STAGE],
	stop = 0
): Model {
	return { simSpecs: { start: 0, stop, dt: 1, method: 'euler' }, dimensions, variables };
}

/** Runs the model and reads series by name (the first saved value with `at`). */
function run(m: Model) {
	const result = compileModel(m);
	if (!result.ok)
		throw new Error(result.diagnostics.map((d) => `${d.variable}: ${d.message}`).join('\n'));
	const out = result.simulation.run();
	const series = (name: string) => {
		const s = result.simulation.seriesOf(out, name);
		if (!s) throw new Error(`no output ${name}; outputs: ${out.names.join(', ')}`);
		return Array.from(s);
	};
	return {
		names: out.names,
		series,
		at: (name: string, row = 0) => series(name)[row],
		diagnostics: result.diagnostics,
		simulation: result.simulation
	};
}

function errorsOf(m: Model): Diagnostic[] {
	const result = compileModel(m);
	expect(result.ok, 'the model should not compile').toBe(false);
	return result.diagnostics.filter((d) => d.severity === 'error');
}

describe('apply-to-all equations', () => {
	it('make one variable per element, named as Stella labels them, in row-major order', () => {
		const m = run(arrayModel([over(aux('Beds', '10'), 'Region', 'Age')]));
		expect(m.names).toEqual([
			'Beds[North,Young]',
			'Beds[North,Old]',
			'Beds[South,Young]',
			'Beds[South,Old]',
			'Beds[East,Young]',
			'Beds[East,Old]'
		]);
		expect(m.at('Beds[South,Old]')).toBe(10);
	});

	it('bind an array named without subscripts to the same element, and a dimension name to its position', () => {
		const m = run(
			arrayModel([
				over(aux('position', 'Region * 10 + Age'), 'Region', 'Age'),
				over(aux('same', 'position'), 'Age', 'Region'),
				over(aux('explicit', 'position[Region, Age] + 0.5'), 'Region', 'Age')
			])
		);
		expect(m.at('position[East,Old]')).toBe(32);
		// Bound by dimension name, whatever order the owner's dimensions come in.
		expect(m.at('same[Old,East]')).toBe(32);
		expect(m.at('explicit[South,Young]')).toBe(21.5);
	});

	it('name elements explicitly, by position, by arithmetic on positions, or qualified by their dimension', () => {
		const m = run(
			arrayModel([
				over(aux('x', 'Stage * Stage'), 'Stage'),
				aux('by name', 'x[3]'),
				aux('qualified', 'Region.East + Age.Old'),
				over(aux('previous', 'IF Stage = 1 THEN 0 ELSE x[Stage - 1]'), 'Stage'),
				over(aux('named', 'IF Region = Region.North THEN 1 ELSE 2'), 'Region')
			])
		);
		expect(m.at('by name')).toBe(9);
		expect(m.at('qualified')).toBe(5);
		// Element 1 takes the THEN branch only: x[0] does not exist, and is never asked for.
		expect([1, 2, 3, 4].map((i) => m.at(`previous[${i}]`))).toEqual([0, 1, 4, 9]);
		expect(['North', 'South', 'East'].map((r) => m.at(`named[${r}]`))).toEqual([1, 2, 2]);
	});

	it('up-dimension: a variable over fewer dimensions is the same for the others', () => {
		const m = run(
			arrayModel([
				over(aux('one', 'Region'), 'Region'),
				over(aux('two', 'one[Region]'), 'Region', 'Age'),
				over(aux('bare', 'one * 10'), 'Age', 'Region')
			])
		);
		expect(m.at('two[South,Young]')).toBe(2);
		expect(m.at('two[South,Old]')).toBe(2);
		expect(m.at('bare[Old,East]')).toBe(30);
	});

	it("transpose with ': the dimensions reversed, the same as binding them by name", () => {
		const m = run(
			arrayModel([
				over(aux('A', 'Region * 10 + Age'), 'Region', 'Age'),
				over(aux('B', "A'"), 'Age', 'Region'),
				over(aux('C', 'A'), 'Age', 'Region')
			])
		);
		expect(m.at('B[Old,East]')).toBe(32);
		expect(m.at('C[Old,East]')).toBe(32);
	});

	it('transpose by dimension position: @1 is the element of the owner’s first dimension', () => {
		const m = run(
			arrayModel([
				over(aux('A', 'Region * 10 + Age'), 'Region', 'Age'),
				over(aux('B', 'A[@2, @1]'), 'Age', 'Region'),
				over(aux('C', 'A[@1, 1]'), 'Region')
			])
		);
		expect(m.at('B[Old,East]')).toBe(32);
		expect(m.at('C[South]')).toBe(21);
		const [d] = errorsOf(
			arrayModel([over(aux('A', '1'), 'Region', 'Age'), over(aux('B', 'A[@1, @2]'), 'Region')])
		);
		expect(d.message).toBe(
			'"@2" in "A[@1, @2]" stands for the second dimension of "B", which has 1 dimension'
		);
	});

	it('read Vensim-style number lists (as xmutil leaves them) by rows', () => {
		const m = run(
			arrayModel([
				over(aux('list', '1, 2, 3'), 'Region'),
				over(aux('grid', '1, 2; 3, 4; 5, 6;'), 'Region', 'Age')
			])
		);
		expect(['North', 'South', 'East'].map((r) => m.at(`list[${r}]`))).toEqual([1, 2, 3]);
		expect(m.at('grid[South,Old]')).toBe(4);
	});
});

describe('element-by-element definitions', () => {
	it('give each element its own equation, which may name other elements', () => {
		const m = run(
			arrayModel([
				byElement(
					aux('rate', ''),
					['Region'],
					[
						[['North'], '1'],
						[['South'], '2'],
						[['East'], 'rate[North] + rate[South]']
					]
				)
			])
		);
		expect(['North', 'South', 'East'].map((r) => m.at(`rate[${r}]`))).toEqual([1, 2, 3]);
	});

	it('are constants that a scenario can override element by element', () => {
		const m = run(
			arrayModel([
				byElement(
					aux('rate', ''),
					['Age'],
					[
						[['Young'], '1'],
						[['Old'], '2']
					]
				),
				over(aux('double', 'rate * 2'), 'Age')
			])
		);
		expect(m.simulation.constants).toEqual(['rate[Young]', 'rate[Old]']);
		const result = m.simulation.run({ overrides: { 'rate[Old]': 5 } });
		expect(Array.from(m.simulation.seriesOf(result, 'double[Old]')!)).toEqual([10]);
		expect(Array.from(m.simulation.seriesOf(result, 'double[Young]')!)).toEqual([2]);
	});
});

describe('subranges', () => {
	const SUB: Dimension = { name: 'Sub', elements: ['South', 'East'] };

	it('bind by element name to the dimension they are part of', () => {
		const m = run(
			arrayModel(
				[
					over(aux('x', 'Region * 10'), 'Region'),
					over(aux('part', 'x[Sub]'), 'Sub'),
					over(aux('bare', 'x + 1'), 'Sub'),
					aux('total', 'SUM(x[Sub])')
				],
				[REGION, SUB]
			)
		);
		expect(m.names).toContain('part[East]');
		expect(m.at('part[South]')).toBe(20);
		expect(m.at('bare[East]')).toBe(31);
		expect(m.at('total')).toBe(50);
	});
});

describe('array functions', () => {
	const m = () =>
		run(
			arrayModel([
				byElement(
					aux('a', ''),
					['Region'],
					[
						[['North'], '2'],
						[['South'], '4'],
						[['East'], '9']
					]
				),
				over(aux('b', 'Region'), 'Region'),
				over(aux('m', 'Region * 10 + Age'), 'Region', 'Age'),
				aux('sum', 'SUM(a[*])'),
				aux('mean', 'MEAN(a[*])'),
				aux('min', 'MIN(a[*])'),
				aux('max', 'MAX(a[*])'),
				aux('min with zero', 'MIN(a[*], 0)'),
				aux('stddev', 'STDDEV(a[*])'),
				aux('size', 'SIZE(m[*, *])'),
				aux('rank', 'RANK(a[*], 3)'),
				aux('prod', 'PROD(a[*])'),
				aux('dot', 'SUM(a[*] * b[*])'),
				aux('whole', 'SUM(m)'),
				aux('smallest', 'LOOKUP(VMIN, a[*])'),
				over(aux('row sum', 'SUM(m[Region, *])'), 'Region'),
				over(aux('column max', 'MAX(m[*, Age])'), 'Age'),
				over(aux('share', 'a / SUM(a[*])'), 'Region')
			])
		);

	it('reduce over the elements a * or a whole array stands for', () => {
		const r = m();
		expect(r.at('sum')).toBe(15);
		expect(r.at('mean')).toBe(5);
		expect(r.at('min')).toBe(2);
		expect(r.at('max')).toBe(9);
		expect(r.at('min with zero')).toBe(0);
		// Population standard deviation of 2, 4, 9: mean 5, squares 9 + 1 + 16 = 26, / 3.
		expect(r.at('stddev')).toBeCloseTo(Math.sqrt(26 / 3), 12);
		expect(r.at('size')).toBe(6);
		expect(r.at('prod')).toBe(72);
		expect(r.at('dot')).toBe(2 * 1 + 4 * 2 + 9 * 3);
		expect(r.at('whole')).toBe(11 + 12 + 21 + 22 + 31 + 32);
		expect(r.at('smallest')).toBe(2);
	});

	it('SIZE counts the whole dimension inside an equation arrayed over it (SDEverywhere elmcount: b = 10*SIZE(DimA)+a is 33 for every element)', () => {
		const r = run(
			arrayModel([
				over(aux('share', '1 / SIZE(Region)'), 'Region'),
				over(aux('cells', 'SIZE(m)'), 'Region', 'Age'),
				over(aux('m', '1'), 'Region', 'Age'),
				aux('regions', 'SIZE(Region)')
			])
		);
		expect(['North', 'South', 'East'].map((e) => r.at(`share[${e}]`))).toEqual([
			1 / 3,
			1 / 3,
			1 / 3
		]);
		expect(r.at('cells[South,Old]')).toBe(6);
		expect(r.at('regions')).toBe(3);
	});

	it('RANK gives the position of the element of that rank, the smallest first', () => {
		expect(m().at('rank')).toBe(3);
	});

	it('take a range of elements, by position or by name (XMILE 3.7.1.2)', () => {
		const r = run(
			arrayModel([
				over(aux('x', 'Stage * 10'), 'Stage'),
				over(aux('y', 'Region'), 'Region'),
				aux('middle', 'SUM(x[2:3])'),
				aux('named', 'MAX(y[North:South]) + SIZE(y[South:East])'),
				over(aux('upto', 'SUM(x[1:Stage])'), 'Stage')
			])
		);
		expect(r.at('middle')).toBe(50);
		expect(r.at('named')).toBe(2 + 2);
		expect([1, 2, 3, 4].map((i) => r.at(`upto[${i}]`))).toEqual([10, 30, 60, 100]);
		const ds = errorsOf(
			arrayModel([
				over(aux('x', '1'), 'Stage'),
				aux('a', 'x[3:2] + 0'),
				aux('b', 'SUM(x[3:2])'),
				aux('c', 'x[1:2]')
			])
		);
		expect(ds.map((d) => [d.variable, d.message])).toEqual([
			[
				'a',
				'the range "3:2" in "x[3:2]" stands for several elements, which only an array function (SUM, MEAN, MIN, MAX, STDDEV, PROD, SIZE or RANK) can take'
			],
			[
				'b',
				'the range "3:2" in "x[3:2]" runs backwards: "3" comes after "2" in "Stage" (the first dimension of "x")'
			],
			[
				'c',
				'the range "1:2" in "x[1:2]" stands for several elements, which only an array function (SUM, MEAN, MIN, MAX, STDDEV, PROD, SIZE or RANK) can take'
			]
		]);
	});

	it('run over the dimensions a branch not taken leaves open too', () => {
		const r = run(
			arrayModel([
				over(aux('x', 'Stage'), 'Stage'),
				over(aux('y', 'SUM(IF Stage = 1 THEN 0 ELSE x[*])'), 'Stage')
			])
		);
		expect([1, 2].map((i) => r.at(`y[${i}]`))).toEqual([0, 10]);
	});

	it('reduce only the starred dimension, keeping the others bound', () => {
		const r = m();
		expect(r.at('row sum[South]')).toBe(21 + 22);
		expect(r.at('column max[Young]')).toBe(31);
		expect(r.at('share[East]')).toBe(9 / 15);
	});
});

describe('arrayed stocks, flows, delays and graphical functions', () => {
	it('keep each element of a stock with its own elements of its flows', () => {
		const m = run(
			arrayModel(
				[
					over(
						stock('Patients', 'Region * 100', {
							inflows: ['admissions'],
							outflows: ['discharges']
						}),
						'Region'
					),
					over(flow('admissions', 'Region'), 'Region'),
					over(flow('discharges', 'Patients / 10'), 'Region')
				],
				[REGION],
				2
			)
		);
		// East: 300, then 300 + 3 − 30 = 273, then 273 + 3 − 27.3.
		expect(m.series('Patients[East]')).toEqual([300, 273, 273 + 3 - 27.3]);
		expect(m.series('Patients[North]')[1]).toBe(100 + 1 - 10);
	});

	it('give each element its own delay and smooth', () => {
		const m = run(
			arrayModel(
				[
					over(aux('input', 'Stage * 10'), 'Stage'),
					over(aux('smoothed', 'SMTH1(input, 2, 0)'), 'Stage'),
					over(aux('delayed', 'DELAY1(input, 4, 0)'), 'Stage')
				],
				[STAGE],
				3
			)
		);
		// SMTH1 with DT 1 and time 2 closes half the gap each step: 0, 20, 30, 35 for input 40.
		expect(m.series('smoothed[4]')).toEqual([0, 20, 30, 35]);
		expect(m.series('smoothed[1]')).toEqual([0, 5, 7.5, 8.75]);
		// DELAY1's outflow is its stock ÷ 4; the stock fills by the input less that outflow.
		expect(m.series('delayed[2]')).toEqual([
			0,
			5,
			5 + (20 - 5) / 4,
			5 + (20 - 5) / 4 + (20 - 5 - (20 - 5) / 4) / 4
		]);
	});

	it('read a shared graphical function, or each element its own', () => {
		const ramp = table('continuous', [
			[0, 0],
			[10, 100]
		]);
		const m = run(
			arrayModel([
				over(aux('shared', 'Stage', ramp), 'Stage'),
				{
					...over(aux('own', 'Region'), 'Region'),
					elements: [
						{
							subscript: ['South'],
							graphical: table('continuous', [
								[0, 5],
								[10, 5]
							])
						}
					],
					graphical: ramp
				}
			])
		);
		expect(m.at('shared[3]')).toBe(30);
		expect(m.at('own[North]')).toBe(10);
		expect(m.at('own[South]')).toBe(5);
		expect(m.at('own[East]')).toBe(30);
	});

	it('call an arrayed graphical function element by element', () => {
		const m = run(
			arrayModel([
				{
					kind: 'gf',
					id: 'curve',
					name: 'curve',
					dimensions: ['Age'],
					graphical: table('continuous', [
						[0, 0],
						[1, 1]
					]),
					elements: [
						{
							subscript: ['Old'],
							graphical: table('continuous', [
								[0, 0],
								[1, 2]
							])
						}
					]
				},
				over(aux('y', 'curve(0.5) + LOOKUP(curve, 0.25)'), 'Age')
			])
		);
		expect(m.at('y[Young]')).toBe(0.75);
		expect(m.at('y[Old]')).toBe(1.5);
	});
});

describe('bad input names the variable and the subscript', () => {
	it('a subscript out of range', () => {
		const [d] = errorsOf(arrayModel([over(aux('x', '1'), 'Stage'), aux('y', 'x[5]')]));
		expect(d).toMatchObject({
			variable: 'y',
			message:
				'the subscript "5" in "x[5]" is out of range: "Stage" (the first dimension of "x") has elements 1 to 4'
		});
		expect('x[5]'.slice(d.start, d.end)).toBe('5');
	});

	it('a computed subscript out of range, with the elements it happens for', () => {
		const [d] = errorsOf(
			arrayModel([over(aux('x', '1'), 'Stage'), over(aux('next', 'x[Stage + 1]'), 'Stage')])
		);
		expect(d.variable).toBe('next');
		expect(d.message).toBe(
			'the subscript "Stage + 1" in "x[Stage + 1]" gives 5, which is out of range: "Stage" (the first dimension of "x") has elements 1 to 4 (element [4])'
		);
	});

	it('an element its dimension does not have, with the closest', () => {
		const [d] = errorsOf(arrayModel([over(aux('x', '1'), 'Region'), aux('y', 'x[Nroth]')]));
		expect(d).toMatchObject({
			variable: 'y',
			message:
				'"Nroth" in "x[Nroth]" is not an element of "Region", the first dimension of "x"; did you mean "North"?'
		});
	});

	it('a dimension mismatch', () => {
		const [d] = errorsOf(
			arrayModel([over(aux('x', '1'), 'Region'), over(aux('y', 'x * 2'), 'Age')])
		);
		expect(d.variable).toBe('y');
		expect(d.message).toMatch(
			/^"x" is arrayed over "Region" but "y" is arrayed over "Age", so it is not clear which element of "x" to use: give a subscript, as in x\[North\]/
		);
		expect('x * 2'.slice(d.start, d.end)).toBe('x');
	});

	it('a whole array where one number is wanted', () => {
		const [d] = errorsOf(arrayModel([over(aux('x', '1'), 'Region'), aux('y', 'x + 1')]));
		expect(d.message).toBe(
			'"x" is arrayed over "Region": give a subscript, as in x[North], or take the whole array in an array function such as SUM(x[*])'
		);
	});

	it('the wrong number of subscripts, a subscript on a scalar, a * outside an array function', () => {
		const ds = errorsOf(
			arrayModel([
				over(aux('x', '1'), 'Region', 'Age'),
				aux('s', '1'),
				aux('a', 'x[North]'),
				aux('b', 's[North]'),
				aux('c', 'x[*, Old]')
			])
		);
		expect(ds.map((d) => [d.variable, d.message])).toEqual([
			[
				'a',
				'"x" is arrayed over 2 dimensions ("Region" × "Age"), but "x[North]" gives 1 subscript'
			],
			['b', '"s" is not arrayed, so "s[North]" cannot take a subscript'],
			[
				'c',
				'"*" stands for every element, which only the subscript of an array function (SUM, MEAN, MIN, MAX, STDDEV, PROD, SIZE or RANK) can take'
			]
		]);
	});

	it('a subscript that changes during the run inside an array function', () => {
		const [d] = errorsOf(arrayModel([over(aux('x', '1'), 'Stage'), aux('y', 'SUM(x[TIME + 1])')]));
		expect(d.message).toMatch(
			/^the subscript "TIME \+ 1" in "x\[TIME \+ 1\]" is not fixed before the run; inside an array function/
		);
	});

	it('a dimension the model does not declare; element equations that leave some out (0, with a warning)', () => {
		const ds = errorsOf(
			arrayModel([
				over(aux('x', '1'), 'Regions'),
				byElement(aux('y', ''), ['Age'], [[['Young'], '1']])
			])
		);
		expect(ds.map((d) => d.message)).toEqual([
			'"x" is arrayed over "Regions", which is not a dimension of the model (it has "Region", "Age", "Stage")'
		]);
		// As Vensim and SDEverywhere run a partial definition: the element left out is 0, with a warning.
		const partial = run(arrayModel([byElement(aux('y', ''), ['Age'], [[['Young'], '1']])]));
		expect(partial.at('y[Old]')).toBe(0);
		expect(partial.diagnostics).toContainEqual(
			expect.objectContaining({
				severity: 'warning',
				variable: 'y',
				message: '"y" gives equations element by element, but none for [Old]: that element is 0'
			})
		);
	});

	it('an arrayed stock with a flow that is not arrayed', () => {
		const [d] = errorsOf(
			arrayModel([over(stock('S', '0', { inflows: ['f'] }), 'Region'), flow('f', '1')])
		);
		expect(d).toMatchObject({
			variable: 'S',
			message:
				'"S" is arrayed over "Region", but its flow "f" is not arrayed: give the flow the same dimensions, so each element of the stock has its own'
		});
	});

	it('an arrayed stock whose flow is arrayed over other dimensions', () => {
		const [d] = errorsOf(
			arrayModel([over(stock('S', '0', { inflows: ['f'] }), 'Region'), over(flow('f', '1'), 'Age')])
		);
		expect(d).toMatchObject({
			variable: 'S',
			message:
				'the flow "f" of "S": "f" is arrayed over "Age" but "S" is arrayed over "Region", so it is not clear which element of "f" to use'
		});
	});

	it('a mistake in an apply-to-all equation is one message on the array, pointing into its equation', () => {
		const ds = errorsOf(arrayModel([over(aux('x', 'Stage + nope'), 'Stage')]));
		expect(ds).toHaveLength(1);
		expect(ds[0]).toMatchObject({ variable: 'x', start: 8, end: 12 });
		expect(ds[0].message).toMatch(/^unknown name "nope"/);
	});

	it('a mistake beside an array function in a scalar equation still points at what the user wrote', () => {
		const [d] = errorsOf(
			arrayModel([over(aux('x', '1'), 'Stage'), aux('total', 'SUM(x[*]) + nope')])
		);
		expect(d).toMatchObject({ variable: 'total', start: 12, end: 16 });
	});

	it('a dimension with the same name as a variable, or declared twice', () => {
		const ds = errorsOf(
			arrayModel([aux('Region', '1')], [REGION, { name: 'Age', size: 2 }, { name: 'age', size: 3 }])
		);
		expect(ds.map((d) => d.message)).toEqual([
			'the dimension "Region" has the same name as a variable; rename one of them',
			'the dimension "age" is declared twice'
		]);
	});
});

describe('the pass itself', () => {
	it('leaves a model without arrays untouched, the very same object', () => {
		const m: Model = {
			simSpecs: { start: 0, stop: 1, dt: 1, method: 'euler' },
			variables: [aux('x', '1')]
		};
		const result = flattenArrays(m);
		expect(result.ok && result.model).toBe(m);
	});

	it('writes element equations the compiler reads: quoted element names, sums written flat', () => {
		const m = arrayModel([over(aux('x', 'Stage'), 'Stage'), aux('total', 'SUM(x[*]) + x[2]')]);
		const result = flattenArrays(m);
		if (!result.ok) throw new Error('flattens');
		const total = result.model.variables.find((v) => v.name === 'total');
		expect(total).toMatchObject({ equation: '(SUM("x[1]", "x[2]", "x[3]", "x[4]") + "x[2]")' });
		expect(result.model.dimensions).toBeUndefined();
	});
});

describe('subscripts that change during the run', () => {
	const stages = byElement(
		aux('x', ''),
		['Stage'],
		[
			[['1'], '10'],
			[['2'], '20'],
			[['3'], '30'],
			[['4'], '40']
		]
	);

	it('pick the element their value names at each step', () => {
		const r = run(arrayModel([stages, aux('y', 'x[TIME + 1]')], [STAGE], 3));
		expect(r.series('y')).toEqual([10, 20, 30, 40]);
		expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	});

	it('may be a constant, so a lever or scenario chooses the element', () => {
		const z = byElement(
			aux('z', ''),
			['Region', 'Age'],
			[
				[['North', 'Young'], '1'],
				[['North', 'Old'], '2'],
				[['South', 'Young'], '3'],
				[['South', 'Old'], '4'],
				[['East', 'Young'], '5'],
				[['East', 'Old'], '6']
			]
		);
		const m = arrayModel([z, aux('Age Band', '2'), aux('w', 'z[South, Age_Band]')], [REGION, AGE]);
		const r = run(m);
		expect(r.at('w')).toBe(4);
		const out = r.simulation.run({ overrides: { 'Age Band': 1 } });
		expect(r.simulation.seriesOf(out, 'w')![0]).toBe(3);
	});

	it('stop the run, naming the variable and the time, when the value is not a whole number within the dimension', () => {
		const beyond = compileModel(arrayModel([stages, aux('y', 'x[TIME + 1]')], [STAGE], 6));
		expect(beyond.ok).toBe(true);
		const out = beyond.ok ? beyond.simulation.run() : undefined;
		expect(out?.error).toMatchObject({ variable: 'y', time: 4 });
		expect(out?.error?.message).toMatch(/a subscript outside its dimension/);
		const between = compileModel(arrayModel([stages, aux('y', 'x[TIME / 2 + 1]')], [STAGE], 2));
		expect(between.ok && between.simulation.run().error).toMatchObject({ variable: 'y', time: 1 });
	});
});

describe('one dimension twice, mapped dimensions and subranges', () => {
	const CATS: Dimension = { name: 'Cats', elements: ['Home', 'Ward', 'Care'] };

	it('runs a transition matrix over Cats × Cats, each place its own (@2 the second)', () => {
		const r = run(
			arrayModel(
				[
					over(aux('position', 'Cats'), 'Cats'),
					over(aux('m', 'Cats * 10 + position[@2]'), 'Cats', 'Cats'),
					over(aux('from each', 'SUM(m[Cats, *])'), 'Cats'),
					over(aux('diagonal', 'm[Cats, Cats]'), 'Cats')
				],
				[CATS]
			)
		);
		expect(r.at('m[Home,Care]')).toBe(13);
		expect(r.at('m[Care,Home]')).toBe(31);
		// Hand-summed rows: 11 + 12 + 13, …
		expect(r.at('from each[Ward]')).toBe(21 + 22 + 23);
		expect(r.at('diagonal[Care]')).toBe(33);
	});

	it('reads a dimension through one mapped to it, element by element in order (isee:maps_to)', () => {
		const r = run(
			arrayModel(
				[over(aux('a', 'Region * 100'), 'Region'), over(aux('b', 'a[Region] + 1'), 'Side')],
				[REGION, { name: 'Side', elements: ['Left', 'Middle', 'Right'], mapsTo: 'Region' }]
			)
		);
		expect(['Left', 'Middle', 'Right'].map((e) => r.at(`b[${e}]`))).toEqual([101, 201, 301]);
	});

	it('sums over a subrange with *:SubRegion', () => {
		const r = run(
			arrayModel(
				[over(aux('a', 'Region * 100'), 'Region'), aux('south and east', 'SUM(a[*:Lower])')],
				[REGION, { name: 'Lower', elements: ['South', 'East'] }]
			)
		);
		expect(r.at('south and east')).toBe(200 + 300);
	});
});
