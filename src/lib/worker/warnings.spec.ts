import { describe, expect, it } from 'vitest';
import type { Flow, Model } from '../model/types';
import { modelWarnings } from './warnings';
import { checkModel } from '../engine';
import { SimulationHost } from './host';
import { teacupSketch } from '../engine/test-models';

const model = teacupSketch;

describe('modelWarnings', () => {
	const w = modelWarnings(model, checkModel(model));
	it('marks a variable with a compile error and names the unknown name', () => {
		expect(w.byVariable.get('loss')?.level).toBe('error');
		expect(w.byVariable.get('loss')?.messages.join('\n')).toMatch(/unknown name "tme"/);
	});
	it('flags an equation using a variable no connector brings in', () => {
		expect(w.byVariable.get('loss')?.messages).toContain(
			'uses "Tea" but no connector brings it in'
		);
	});
	it('flags a connector the equation does not use', () => {
		expect(w.connectors.get('c2')).toMatch(/"Time constant" but the equation does not use it/);
		expect(w.connectors.has('c1')).toBe(false);
	});
});

describe('modelWarnings, element by element', () => {
	it('reads the elements’ own equations for what a variable uses', () => {
		const arrayed: Model = {
			...model,
			dimensions: [{ name: 'Side', elements: ['Left', 'Right'] }],
			variables: [
				...model.variables.slice(2),
				{
					id: 'heat',
					kind: 'aux',
					name: 'Heat',
					equation: '0',
					dimensions: ['Side'],
					elements: [
						{ subscript: ['Left'], equation: 'Room * 2' },
						{ subscript: ['Right'], equation: 'Tea' }
					]
				}
			],
			diagram: {
				connectors: [
					{ id: 'c1', from: 'room', to: 'heat' },
					{ id: 'c2', from: 'time', to: 'heat' }
				],
				clouds: []
			}
		};
		const w = modelWarnings(arrayed, checkModel(arrayed));
		expect(w.connectors.has('c1')).toBe(false);
		expect(w.connectors.get('c2')).toMatch(/"Time constant" but the equation does not use it/);
	});
});

describe('the worker’s warnings', () => {
	// Loss is declared degree/minute but Tea / Room is a plain number: a unit warning.
	const mismatched: Model = {
		simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler', timeUnits: 'minute' },
		variables: [
			model.variables[0],
			{ ...(model.variables[1] as Flow), equation: 'Tea / Room' },
			model.variables[2]
		],
		diagram: { connectors: [{ id: 'c1', from: 'room', to: 'loss' }], clouds: [] }
	};

	it('come with the compile, from its own diagnostics, before any unit check', () => {
		const summary = new SimulationHost().compile(mismatched);
		expect(summary.ok).toBe(true);
		expect(summary.warnings.byVariable.get('loss')?.messages).toEqual([
			'uses "Tea" but no connector brings it in'
		]);
	});

	// The first call loads the units checker (mathjs): seconds on a busy machine.
	it('add the unit checks when asked, after the compile', async () => {
		const host = new SimulationHost();
		host.compile(mismatched);
		const withUnits = await host.unitWarnings();
		const messages = withUnits.byVariable.get('loss')?.messages ?? [];
		expect(messages).toContain('uses "Tea" but no connector brings it in');
		expect(messages.some((m) => /unit/i.test(m))).toBe(true);
	}, 30_000);

	it('mark an error in the equation from the compile that failed', () => {
		const summary = new SimulationHost().compile(model);
		expect(summary.ok).toBe(false);
		expect(summary.warnings.byVariable.get('loss')?.level).toBe('error');
	});
});
