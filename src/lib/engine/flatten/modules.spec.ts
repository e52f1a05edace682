import { describe, expect, it } from 'vitest';
import type { Model, ModuleInstance, SubModel } from '../../model/types';
import { aux, compileErrors, flow, model, simulate, stock } from '../test-models';
import { flattenModel } from './index';
import { flattenModules } from './modules';

/** A decaying stock: level(t) = initial × (1 − rate)^t with Euler and DT 1. */
const decay: SubModel = {
	name: 'decay',
	variables: [
		stock('level', 'initial', { outflows: ['loss'] }),
		flow('loss', 'level * rate'),
		{ ...aux('rate', ''), access: 'input' },
		aux('initial', '100')
	]
};

function withModules(
	variables: Model['variables'],
	modules: ModuleInstance[],
	submodels: SubModel[],
	specs = {}
): Model {
	return { ...model(variables, specs), modules, submodels };
}

describe('modules', () => {
	it('joins an instance to the model under a dotted prefix, its input the connected variable', () => {
		const m = withModules(
			[aux('decay rate', '0.1')],
			[{ id: 'm', name: 'decay', connections: [{ to: 'rate', from: '.decay rate' }] }],
			[decay],
			{ stop: 3 }
		);
		const { get, sim } = simulate(m);
		expect(sim.outputs).toEqual([
			'decay rate',
			'decay.level',
			'decay.loss',
			'decay.rate',
			'decay.initial'
		]);
		expect([...get('decay.level')]).toEqual([100, 90, 81, 72.9].map((x) => expect.closeTo(x, 12)));
		expect(get('decay.rate')[0]).toBe(0.1);
	});

	it('runs two instances of one submodel apart, each with its own input', () => {
		const m = withModules(
			[aux('slow', '0.1'), aux('fast', '0.5'), aux('total', 'a.level + b.level')],
			[
				{ id: 'a', name: 'a', model: 'decay', connections: [{ to: 'a.rate', from: 'slow' }] },
				{ id: 'b', name: 'b', model: 'decay', connections: [{ to: 'rate', from: 'fast' }] }
			],
			[decay],
			{ stop: 2 }
		);
		const { get } = simulate(m);
		expect(get('a.level')[2]).toBeCloseTo(81, 12);
		expect(get('b.level')[2]).toBeCloseTo(25, 12);
		expect(get('total')[2]).toBeCloseTo(106, 12);
	});

	it('wires one module to another, both ways (hares and lynxes)', () => {
		// prey.stock grows by 10% and loses what predator.eat says; predator.eat reads prey.stock.
		const prey: SubModel = {
			name: 'prey',
			variables: [
				stock('stock', '100', { inflows: ['growth'], outflows: ['eaten'] }),
				flow('growth', 'stock * 0.1'),
				flow('eaten', 'loss'),
				aux('loss', '')
			]
		};
		const predator: SubModel = {
			name: 'predator',
			variables: [aux('food', ''), aux('eat', 'food * 0.05')]
		};
		const m = withModules(
			[],
			[
				{ id: 'p', name: 'prey', connections: [{ to: 'loss', from: 'predator.eat' }] },
				{ id: 'q', name: 'predator', connections: [{ to: 'food', from: 'prey.stock' }] }
			],
			[prey, predator],
			{ stop: 2 }
		);
		const { get } = simulate(m);
		// Each step the stock changes by 10% − 5%: 100, 105, 110.25.
		expect([...get('prey.stock')]).toEqual([100, 105, 110.25].map((x) => expect.closeTo(x, 12)));
		expect(get('predator.eat')[1]).toBeCloseTo(5.25, 12);
	});

	it('flattens modules inside modules, and reads an inner output from the root', () => {
		const outer: SubModel = {
			name: 'outer',
			variables: [aux('k', ''), aux('twice', 'inner.level * 2')],
			modules: [
				{ id: 'i', name: 'inner', model: 'decay', connections: [{ to: 'rate', from: '.k' }] }
			]
		};
		const m = withModules(
			[aux('r', '0.5'), aux('seen', 'o.inner.level')],
			[{ id: 'o', name: 'o', model: 'outer', connections: [{ to: 'k', from: 'r' }] }],
			[outer, decay],
			{ stop: 1 }
		);
		const { get, sim } = simulate(m);
		expect(sim.outputs).toContain('o.inner.level');
		expect([...get('o.inner.level')]).toEqual([100, 50]);
		expect([...get('o.twice')]).toEqual([200, 100]);
		expect([...get('seen')]).toEqual([100, 50]);
	});

	it('sets a variable around the module from one of its outputs (XMILE 1.0 §4.7.1: to=".Root_Model_Input")', () => {
		const m = withModules(
			[aux('rate in', '0.5'), aux('level seen', ''), aux('twice', 'level_seen * 2')],
			[
				{
					id: 'm',
					name: 'decay',
					connections: [
						{ to: 'rate', from: 'rate in' },
						{ to: '.level seen', from: 'decay.level' }
					]
				}
			],
			[decay],
			{ stop: 1 }
		);
		const { get } = simulate(m);
		expect([...get('level seen')]).toEqual([100, 50]);
		expect([...get('twice')]).toEqual([200, 100]);
	});

	it('connects an input of a module inside the module, from the top (the lowest common ancestor)', () => {
		const outer: SubModel = {
			name: 'outer',
			variables: [aux('x', '1')],
			modules: [{ id: 'i', name: 'inner', model: 'decay', connections: [] }]
		};
		const m = withModules(
			[aux('r', '0.5')],
			[{ id: 'o', name: 'o', model: 'outer', connections: [{ to: 'inner.rate', from: '.r' }] }],
			[outer, decay],
			{ stop: 1 }
		);
		expect([...simulate(m).get('o.inner.level')]).toEqual([100, 50]);
	});

	it('reports an input connected twice', () => {
		const outer: SubModel = {
			name: 'outer',
			variables: [aux('x', '1')],
			modules: [
				{ id: 'i', name: 'inner', model: 'decay', connections: [{ to: 'rate', from: 'x' }] }
			]
		};
		const errors = compileErrors(
			withModules(
				[aux('r', '0.5')],
				[{ id: 'o', name: 'o', model: 'outer', connections: [{ to: 'inner.rate', from: 'r' }] }],
				[outer, decay]
			)
		);
		expect(errors.map((d) => d.message)).toEqual([
			'"o.inner.rate" is connected twice, by module "o" and by module "o.inner"'
		]);
	});

	it('keeps an unconnected input’s own equation', () => {
		const withDefault: SubModel = {
			...decay,
			variables: decay.variables.map((v) => (v.name === 'rate' ? { ...v, equation: '0.2' } : v))
		};
		const { get } = simulate(
			withModules([], [{ id: 'm', name: 'decay', connections: [] }], [withDefault], { stop: 1 })
		);
		expect([...get('decay.level')]).toEqual([100, 80]);
	});

	it('reports an unconnected input with no equation, naming the module and the input', () => {
		const errors = compileErrors(
			withModules(
				[],
				[{ id: 'm', name: 'decay', connections: [] }],
				[
					{
						...decay,
						variables: decay.variables.map((v) =>
							v.name === 'rate'
								? { ...v, equation: '{Enter equation for use when not hooked up}' }
								: v
						)
					}
				]
			)
		);
		expect(errors).toEqual([
			expect.objectContaining({
				severity: 'error',
				variable: 'decay.rate',
				message:
					'"decay.rate" is an input of module "decay" and is not connected: connect it to a variable outside the module, or give it an equation'
			})
		]);
	});

	it('reports connections to and from names that do not exist, and a missing submodel', () => {
		const errors = compileErrors(
			withModules(
				[aux('x', '1')],
				[
					{
						id: 'm',
						name: 'decay',
						connections: [
							{ to: 'rate', from: 'nothing' },
							{ to: 'speed', from: 'x' }
						]
					},
					{ id: 'n', name: 'growth', connections: [] }
				],
				[decay]
			)
		).map((d) => d.message);
		expect(errors).toContain(
			'the connection from "nothing" to "decay.rate" cannot be made: there is no "nothing" around module "decay"; check the spelling, and that it is a variable of the model around the module or an output of a module beside it (written module.variable)'
		);
		expect(errors).toContain(
			'the connection from "x" to "decay.speed" cannot be made: the model "decay" of module "decay" has no variable "speed"; check the spelling, and that the input is a variable of that model'
		);
		expect(errors).toContain(
			'module "growth" is an instance of the model "growth", which is not defined (the file defines "decay")'
		);
	});

	it('reports a module that contains itself rather than recursing forever', () => {
		const loop: SubModel = {
			name: 'loop',
			variables: [aux('x', '1')],
			modules: [{ id: 'l', name: 'again', model: 'loop', connections: [] }]
		};
		const errors = compileErrors(
			withModules([], [{ id: 'm', name: 'loop', connections: [] }], [loop])
		).map((d) => d.message);
		expect(errors).toEqual([
			'module "loop.again" contains itself: "loop" → "loop". A model cannot be a module of itself'
		]);
	});

	it('prefixes every name of the submodel, graphical functions and LOOKUP included, and leaves builtins alone', () => {
		const sub: SubModel = {
			name: 's',
			variables: [
				{
					kind: 'gf',
					id: 't',
					name: 'table',
					graphical: { type: 'continuous', xs: [0, 10], ys: [0, 100] }
				},
				aux('a', 'table(TIME) + LOOKUP(table, 5) + MAX(DT, 0) + "b c"'),
				aux('b c', '(1)'),
				aux('wrong', 'unknown + 1')
			]
		};
		const flat = flattenModules(
			withModules(
				[aux('unknown', '7')],
				[{ id: 'm', name: 'm', model: 's', connections: [] }],
				[sub]
			)
		);
		expect(flat.ok).toBe(true);
		if (!flat.ok) return;
		const equation = (name: string) =>
			flat.model.variables.find((v) => v.name === name) as { equation: string };
		expect(equation('m.a').equation).toBe(
			'm.table(TIME) + LOOKUP(m.table, 5) + MAX(DT, 0) + m.b_c'
		);
		// A name the submodel lacks is not read from outside it: the compiler will call it unknown.
		expect(equation('m.wrong').equation).toBe('m.unknown + 1');
		expect(compileErrors(flat.model).map((d) => d.message)).toEqual([
			expect.stringMatching(/^unknown name "m.unknown"/)
		]);
	});

	it('takes any name as a name: quotes, braces and code in module and variable names stay text', () => {
		const hostile = 'x"); globalThis.hacked = 1; ("{';
		const sub: SubModel = {
			name: 's',
			variables: [aux(hostile, '2'), aux('y', `"${hostile.replace(/"/g, '\\"')}" * 3`)]
		};
		const m = withModules(
			[aux('z', `"m } ${hostile.replace(/"/g, '\\"')}.y"`)],
			[{ id: 'm', name: `m } ${hostile}`, model: 's', connections: [] }],
			[sub],
			{ stop: 0 }
		);
		const { get } = simulate(m);
		expect(get(`m } ${hostile}.y`)[0]).toBe(6);
		expect(get('z')[0]).toBe(6);
		expect((globalThis as { hacked?: number }).hacked).toBeUndefined();
	});

	it('passes a model without modules through untouched', () => {
		const m = model([aux('x', '1')]);
		const flat = flattenModel(m);
		expect(flat.ok && flat.model).toBe(m);
	});
});
