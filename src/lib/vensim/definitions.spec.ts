import { describe, expect, it } from 'vitest';
import { readDefinition } from './definitions';
import type { Entry } from './entries';

const entry = (equation: string): Entry => ({ equation, units: '', comment: '', line: 7 });
const read = (equation: string) => readDefinition(entry(equation));

describe('what an entry defines', () => {
	it('a range with numbered elements and a mapping', () => {
		expect(read('Cohort: (c01-c03), old -> (Other: x, y, z, w)')).toMatchObject({
			kind: 'range',
			name: 'Cohort',
			members: ['c01', 'c02', 'c03', 'old'],
			mappings: [{ to: 'Other', elements: ['x', 'y', 'z', 'w'] }]
		});
		expect(read('Sub: a -> Parent, Other')).toMatchObject({
			mappings: [{ to: 'Parent' }, { to: 'Other' }]
		});
	});

	it('an equivalence', () => {
		expect(read('Zone <-> Region')).toMatchObject({
			kind: 'equivalence',
			name: 'Zone',
			other: 'Region'
		});
	});

	it('an equation with subscripts and EXCEPT lists', () => {
		expect(read('x[Region, Age] :EXCEPT: [North, Old], [South, Young] = 1')).toMatchObject({
			kind: 'equation',
			lhs: {
				name: 'x',
				subscripts: ['Region', 'Age'],
				except: [
					['North', 'Old'],
					['South', 'Young']
				]
			}
		});
	});

	it('a list of constants, row by row', () => {
		expect(read('m[a, b] = 1, 2, 3; -4, 5, 6;')).toMatchObject({
			kind: 'constants',
			rows: [
				[1, 2, 3],
				[-4, 5, 6]
			]
		});
	});

	it('a lookup, as points or as the older x list then y list', () => {
		expect(read('t([(0,0)-(2,2)], (0,1), (2,2))')).toMatchObject({
			kind: 'lookup',
			table: { xs: [0, 2], ys: [1, 2] }
		});
		expect(read('t(0, 1, 2, 10, 20, 30)')).toMatchObject({
			kind: 'lookup',
			table: { xs: [0, 1, 2], ys: [10, 20, 30] }
		});
	});

	it('data, with or without an equation', () => {
		expect(read('d')).toMatchObject({ kind: 'data', lhs: { name: 'd' } });
		expect(read("d := GET XLS DATA('f.xlsx', 's', 'A', 'B2')")).toMatchObject({ kind: 'data' });
	});

	it('a reality check, which is not a variable', () => {
		expect(read('check :THE CONDITION: a = 0 :IMPLIES: b = 0')).toMatchObject({
			kind: 'reality-check'
		});
	});

	it('an unchangeable constant (==) as an equation', () => {
		expect(read('k == 3')).toMatchObject({ kind: 'equation', rhs: { type: 'number', value: 3 } });
	});

	it('refuses a numbered range that does not run between two numbered names', () => {
		expect(() => read('D: (a1-b3)')).toThrow(/numbered range/);
	});
});
