/**
 * Vensim's VECTOR functions in arrayed models, against values worked by hand (the same shapes as
 * SDEverywhere's vector reference, which the wide conformance suite compares in full).
 */
import { describe, expect, it } from 'vitest';
import type { Dimension, Model, Variable } from '../../model/types';
import { compileModel } from '../index';
import { aux, byElement } from '../test-models';

const A: Dimension = { name: 'DimA', elements: ['A1', 'A2', 'A3'] };
const B: Dimension = { name: 'DimB', elements: ['B1', 'B2'] };
const over = (v: Variable, ...dimensions: string[]): Variable => ({ ...v, dimensions });

function run(variables: Variable[]) {
	const m: Model = {
		simSpecs: { start: 0, stop: 0, dt: 1, method: 'euler' },
		dimensions: [A, B],
		variables
	};
	const compiled = compileModel(m);
	if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
	const result = compiled.simulation.run();
	return (name: string) => compiled.simulation.seriesOf(result, name)?.[0];
}

describe('VECTOR functions', () => {
	const d = byElement('d', ['DimA', 'DimB'], {
		'A1,B1': 1,
		'A1,B2': 4,
		'A2,B1': 2,
		'A2,B2': 5,
		'A3,B1': 3,
		'A3,B2': 6
	});

	it('VECTOR ELM MAP reads the element an offset further on, the array read row by row', () => {
		const at = run([
			d,
			byElement('a', ['DimA'], { A1: 0, A2: 1, A3: 1 }),
			over(aux('f', 'VECTOR ELM MAP(d[DimA, B1], a[DimA])'), 'DimA')
		]);
		// d[A1,B1] + 0; d[A2,B1] + 1 = d[A2,B2]; d[A3,B1] + 1 = d[A3,B2].
		expect(['A1', 'A2', 'A3'].map((e) => at(`f[${e}]`))).toEqual([1, 5, 6]);
	});

	it('VECTOR SELECT sums, multiplies or takes the least or most of the selected values', () => {
		const at = run([
			d,
			byElement('pick', ['DimA'], { A1: 1, A2: 0, A3: 1 }),
			over(aux('sum', 'VECTOR SELECT(pick[*], d[*, DimB], -1, 0, 0)'), 'DimB'),
			over(aux('max', 'VECTOR SELECT(pick[*], d[*, DimB], -1, 3, 0)'), 'DimB'),
			aux('none', 'VECTOR SELECT(pick[*] * 0, d[*, B1], -1, 0, 0)')
		]);
		expect([at('sum[B1]'), at('sum[B2]')]).toEqual([1 + 3, 4 + 6]);
		expect(at('max[B2]')).toBe(6);
		expect(at('none')).toBe(-1);
	});

	it('VECTOR SORT ORDER gives, for each place, which element sorts there (from 0, along the last dimension)', () => {
		const at = run([
			byElement('h', ['DimA'], { A1: 2100, A2: 2010, A3: 2020 }),
			over(aux('up', 'VECTOR SORT ORDER(h[DimA], 1)'), 'DimA'),
			over(aux('down', 'VECTOR SORT ORDER(h[DimA], 0)'), 'DimA')
		]);
		expect(['A1', 'A2', 'A3'].map((e) => at(`up[${e}]`))).toEqual([1, 2, 0]);
		expect(['A1', 'A2', 'A3'].map((e) => at(`down[${e}]`))).toEqual([0, 2, 1]);
	});
});
