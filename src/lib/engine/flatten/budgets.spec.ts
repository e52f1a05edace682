import { describe, expect, it } from 'vitest';
import type { Model } from '../../model/types';
import { compileModel } from '../index';
import { aux, model } from '../test-models';
import { MAX_ARRAY_ELEMENTS } from './array-budget';
import { MAX_MODULE_INSTANCES } from './module-budget';

const errors = (m: Model) => compileModel(m).diagnostics.filter((d) => d.severity === 'error');

/** `depth` models, each holding the next `copies` times. */
function nested(depth: number, copies: number): Model {
	return {
		...model([aux('x', '1')]),
		modules: [{ id: 'top', name: 'top', model: 'L0', connections: [] }],
		submodels: Array.from({ length: depth }, (_, i) => ({
			name: `L${i}`,
			variables: [aux('y', '1')],
			modules:
				i + 1 < depth
					? Array.from({ length: copies }, (_, c) => ({
							id: `c${c}`,
							name: `c${c}`,
							model: `L${i + 1}`,
							connections: []
						}))
					: []
		}))
	};
}

describe('budgets', () => {
	it('refuses a dimension larger than the array budget before listing its elements', () => {
		const m = {
			...model([{ ...aux('x', '1'), dimensions: ['Big'] }]),
			dimensions: [{ name: 'Big', size: 1e9 }]
		};
		expect(errors(m)[0].message).toBe(
			`the dimension "Big" has 1,000,000,000 elements, more than the ${MAX_ARRAY_ELEMENTS.toLocaleString('en-GB')} all the model's arrays may hold together`
		);
	});

	it('refuses arrays that together pass the budget, naming the variable and its dimensions', () => {
		const m = {
			...model([{ ...aux('x', '1'), dimensions: ['A', 'B'] }]),
			dimensions: [
				{ name: 'A', size: 20_000 },
				{ name: 'B', size: 1_000 }
			]
		};
		const [error] = errors(m);
		expect(error.variable).toBe('x');
		expect(error.message).toMatch(
			/^"x" has 20,000,000 elements \("A" 20,000 × "B" 1,000\).*more than the 10,000,000/
		);
	});

	it('refuses a module tree past the instance budget, naming the module and the budget', () => {
		const [error] = errors(nested(20, 2));
		expect(error.message).toMatch(
			new RegExp(
				`^module "top" expands to more than ${MAX_MODULE_INSTANCES.toLocaleString('en-GB')} module instances`
			)
		);
	});

	it('expands a module tree within the budget', () => {
		// 1 + 2 + 4 + … + 512 = 1,023 instances.
		const result = compileModel(nested(10, 2));
		expect(result.ok).toBe(true);
		if (result.ok)
			expect(result.simulation.outputs.filter((n) => n.endsWith('.y'))).toHaveLength(1_023);
	});
});
