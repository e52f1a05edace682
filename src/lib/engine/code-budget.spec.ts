/**
 * The budgets on code: element equations written out by the array pass, and the statements a
 * model compiles to. Each refusal names the variable that makes the most and the budget.
 */
import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types';
import { CodeBudget, CodeBudgetError, MAX_CODE_CHARACTERS } from './code-budget';
import { compileToNodes } from './compile';
import { flattenArrays } from './flatten/arrays';
import { generate } from './program';
import { aux, model } from './test-models';

/** y[i] = SUM(x[*]) * x: n × n names written out, the quadratic case the budgets stop. */
function sums(n: number): Model {
	return {
		...model([
			{ ...aux('x', '1 + TIME'), dimensions: ['D'] },
			{ ...aux('other', 'x * 2'), dimensions: ['D'] },
			{ ...aux('y', 'SUM(x[*]) * x'), dimensions: ['D'] }
		]),
		dimensions: [{ name: 'D', size: n }]
	};
}

describe('code budgets', () => {
	it('counts an array’s elements together and names the one that makes the most', () => {
		const budget = new CodeBudget(100);
		budget.add('a'.repeat(30), 'small');
		budget.add('b'.repeat(30), 'big[north]');
		expect(() => budget.add('c'.repeat(50), 'big[south]')).toThrow(CodeBudgetError);
		try {
			new CodeBudget(10).add('x'.repeat(11), 'y[1]');
		} catch (e) {
			expect(e).toBeInstanceOf(CodeBudgetError);
			expect((e as CodeBudgetError).variable).toBe('y');
			expect((e as Error).message).toBe(
				'the model would compile to more than 10 characters of code, the most a model may make; "y" makes 11 characters of it: shorten its equation or give it fewer elements'
			);
		}
	});

	it('stops the array pass as soon as the written-out equations pass their budget', () => {
		const result = flattenArrays(sums(200), 20_000);
		expect(result.ok).toBe(false);
		const [error] = result.diagnostics.filter((d) => d.severity === 'error');
		expect(error.variable).toBe('y');
		expect(error.message).toMatch(
			/^the model’s equations, written out element by element, would come to more than 20,000 characters of code, the most a model may make; "y" makes [\d,]+ characters of it/
		);
		// Within the budget the same model is written out.
		expect(flattenArrays(sums(20), 20_000).ok).toBe(true);
	});

	it('stops code generation at its budget, naming the variable', () => {
		const flat = flattenArrays(sums(40));
		expect(flat.ok).toBe(true);
		const compiled = compileToNodes((flat as { model: Model }).model);
		if (!compiled.ok) throw new Error('did not compile');
		expect(() => generate(compiled.compiled, new CodeBudget(5_000))).toThrow(/"y" makes/);
		expect(() => generate(compiled.compiled)).not.toThrow();
		expect(MAX_CODE_CHARACTERS).toBeGreaterThan(50 * 548_978);
	});
});
