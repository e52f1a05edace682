import { describe, expect, it } from 'vitest';
import type { Macro, Model, SubModel } from '../../model/types';
import { aux, compileErrors, flow, model, simulate, stock } from '../test-models';
import { expandMacros } from './macros';

function withMacros(variables: Model['variables'], macros: Macro[], specs = {}): Model {
	return { ...model(variables, specs), macros };
}

const LOG: Macro = {
	name: 'LOG',
	parameters: [{ name: 'x' }, { name: 'base' }],
	equation: 'LN(x)/LN(base)'
};

/** A first-order smooth written as a macro (XMILE 1.0 §4.8.2), with an initial value that defaults to the input. */
const SMOOTHED: Macro = {
	name: 'SMOOTHED',
	parameters: [
		{ name: 'input' },
		{ name: 'averaging time' },
		{ name: 'initial', default: 'input' }
	],
	equation: 'level',
	variables: [
		stock('level', 'initial', { inflows: ['change'] }),
		flow('change', '(input - level) / averaging_time')
	]
};

describe('macros', () => {
	it('expands a macro that is an expression of its parameters', () => {
		const { get, sim } = simulate(
			withMacros([aux('bits', 'LOG(256, 2)'), aux('digits', '1 + log(1000, 10)')], [LOG], {
				stop: 0
			})
		);
		expect(get('bits')[0]).toBeCloseTo(8, 12);
		expect(get('digits')[0]).toBeCloseTo(4, 12);
		// The copies run but are not results.
		expect(sim.outputs).toEqual(['bits', 'digits']);
	});

	it('expands a macro of several variables, one depending on another', () => {
		const macro: Macro = {
			name: 'EXPRESSION MACRO',
			parameters: [{ name: 'input' }, { name: 'parameter' }],
			equation: 'EXPRESSION MACRO',
			variables: [aux('EXPRESSION MACRO', 'input*intermediate'), aux('intermediate', 'parameter*3')]
		};
		const { get } = simulate(
			withMacros(
				[aux('p', '1.1'), aux('out', 'EXPRESSION_MACRO(in, p)'), aux('in', '5')],
				[macro],
				{ stop: 0 }
			)
		);
		expect(get('out')[0]).toBeCloseTo(16.5, 12);
	});

	it('gives each call its own stock: two smooths of different inputs, and the default initial value', () => {
		// level(t) = input + (initial − input)(1 − DT/T)^t with Euler.
		const m = withMacros(
			[aux('a', 'SMOOTHED(10, 2)'), aux('b', 'SMOOTHED(step_input, 4, 0)'), aux('step input', '8')],
			[SMOOTHED],
			{ stop: 3 }
		);
		const { get } = simulate(m);
		expect([...get('a')]).toEqual([10, 10, 10, 10]);
		const expected = [0, 1, 2, 3].map((t) => 8 + (0 - 8) * (1 - 1 / 4) ** t);
		expect([...get('b')]).toEqual(expected.map((x) => expect.closeTo(x, 12)));
	});

	it('runs the macro stock of the simlin test case: a parameter that is also the inflow', () => {
		// xmutil writes INTEG(input, parameter) as a stock whose inflow is a flow named like the parameter.
		const macro: Macro = {
			name: 'EXPRESSION MACRO',
			parameters: [{ name: 'input' }, { name: 'parameter' }],
			equation: 'EXPRESSION MACRO',
			variables: [flow('input', ''), stock('EXPRESSION MACRO', 'parameter', { inflows: ['input'] })]
		};
		const { get } = simulate(
			withMacros([aux('out', 'EXPRESSION_MACRO(5, 1.1)')], [macro], { stop: 3 })
		);
		expect([...get('out')]).toEqual([1.1, 6.1, 11.1, 16.1].map((x) => expect.closeTo(x, 12)));
	});

	it('expands calls in arguments and inside macros, and a call as a stock’s initial value', () => {
		const twice: Macro = { name: 'TWICE', parameters: [{ name: 'x' }], equation: 'x * 2' };
		const quad: Macro = { name: 'QUAD', parameters: [{ name: 'x' }], equation: 'TWICE(TWICE(x))' };
		const m = withMacros(
			[aux('a', 'TWICE(TWICE(3))'), aux('b', 'QUAD(1) + 1'), stock('s', 'TWICE(5)')],
			[twice, quad],
			{ stop: 0 }
		);
		const { get } = simulate(m);
		expect(get('a')[0]).toBe(12);
		expect(get('b')[0]).toBe(5);
		expect(get('s')[0]).toBe(10);
	});

	it('expands macros called inside a submodel, before the module is flattened', () => {
		const sub: SubModel = { name: 's', variables: [aux('x', ''), aux('y', 'SMOOTHED(x, 2, 0)')] };
		const m: Model = {
			...withMacros([aux('source', '4')], [SMOOTHED], { stop: 1 }),
			modules: [{ id: 'm', name: 'm', model: 's', connections: [{ to: 'x', from: 'source' }] }],
			submodels: [sub]
		};
		const { get, sim } = simulate(m);
		expect([...get('m.y')]).toEqual([0, 2]);
		expect(sim.outputs).toEqual(['source', 'm.x', 'm.y']);
	});

	it('rewrites only the call, keeping the rest of the equation as written', () => {
		const flat = expandMacros(withMacros([aux('a', '{note} 2 *  LOG(8, 2)+1')], [LOG]));
		expect(
			flat.ok && flat.model.variables.map((v) => [v.name, 'equation' in v ? v.equation : undefined])
		).toEqual([
			['a', '{note} 2 *  "a → LOG"+1'],
			['a → LOG → x', '8'],
			['a → LOG → base', '2'],
			['a → LOG', 'LN("a → LOG → x")/LN("a → LOG → base")']
		]);
	});

	it('reports a call with the wrong number of arguments, at the call', () => {
		const errors = compileErrors(withMacros([aux('a', '1 + LOG(8)')], [LOG]));
		expect(errors).toEqual([
			expect.objectContaining({
				variable: 'a',
				start: 4,
				end: 10,
				message: 'LOG takes 2 arguments (x, base), not 1'
			})
		]);
		const smooth = compileErrors(withMacros([aux('a', 'SMOOTHED(1, 2, 3, 4)')], [SMOOTHED]));
		expect(smooth[0].message).toBe(
			'SMOOTHED takes 2 to 3 arguments (input, averaging time, initial), not 4'
		);
	});

	it('points an error after a call at the equation as written', () => {
		const errors = compileErrors(withMacros([aux('a', '2 * LOG(8, 2) + unknwn')], [LOG]));
		expect(errors).toEqual([
			expect.objectContaining({
				variable: 'a',
				start: 16,
				end: 22,
				message: expect.stringMatching(/^unknown name "unknwn"/)
			})
		]);
	});

	it('reports a macro that calls itself instead of expanding forever', () => {
		const fact: Macro = {
			name: 'FACT',
			parameters: [{ name: 'x' }],
			equation: 'IF x <= 1 THEN 1 ELSE x * FACT(x - 1)'
		};
		const errors = compileErrors(withMacros([aux('a', 'FACT(3)')], [fact]));
		expect(errors.map((d) => d.message)).toEqual([
			'macro "FACT" calls itself (FACT → FACT): recursive macros are not supported'
		]);
	});

	it('reports a macro whose equations use names it does not have, or cannot be read', () => {
		const bad: Macro = {
			name: 'BAD',
			parameters: [{ name: 'x' }],
			equation: 'x + outside',
			variables: [aux('y', 'x +')]
		};
		const errors = compileErrors(withMacros([aux('a', '1')], [bad])).map((d) => d.message);
		expect(errors).toEqual([
			'macro "BAD": its equation uses "outside", which is neither a parameter nor a variable of the macro',
			'macro "BAD": cannot read the equation of "y": the equation ends too soon: a value is missing'
		]);
	});

	it('lets a graphical function of the model win over a macro of the same name', () => {
		const m = withMacros(
			[
				{
					kind: 'gf',
					id: 'log',
					name: 'log',
					graphical: { type: 'continuous', xs: [0, 1], ys: [0, 10] }
				},
				aux('a', 'log(0.5)')
			],
			[{ name: 'LOG', parameters: [{ name: 'x' }], equation: 'LN(x)' }],
			{ stop: 0 }
		);
		expect(simulate(m).get('a')[0]).toBe(5);
	});
});
