/**
 * Overrides on arrayed constants, as scenarios and levers set them: one element by its subscript
 * ("Length of Stay[North]"), or every element at once by the variable's own name.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../model/diagnostics';
import type { Model, Variable } from '../model/types';
import { aux, compiled, model, stock, flow } from './test-models';

const over = <V extends Variable>(variable: V, ...dimensions: string[]): V => ({
	...variable,
	dimensions
});

const beds: Model = {
	...model(
		[
			over(
				stock('Patients', 'Referrals * Length_of_Stay', {
					inflows: ['admit'],
					outflows: ['leave']
				}),
				'Locality'
			),
			over(flow('admit', 'Referrals'), 'Locality'),
			over(flow('leave', 'Patients / Length_of_Stay'), 'Locality'),
			{
				...over(aux('Referrals', '0'), 'Locality'),
				elements: [
					{ subscript: ['North'], equation: '4' },
					{ subscript: ['South'], equation: '3' }
				]
			},
			over(aux('Length of Stay', '21'), 'Locality'),
			{
				...over(aux('Mixed', '0'), 'Locality'),
				elements: [
					{ subscript: ['North'], equation: '1' },
					{ subscript: ['South'], equation: 'TIME' }
				]
			}
		],
		{ stop: 2, dt: 1 }
	),
	dimensions: [{ name: 'Locality', elements: ['North', 'South'] }]
};

describe('overriding arrayed constants', () => {
	const sim = compiled(beds);
	const first = (run: ReturnType<typeof sim.run>, name: string) => sim.seriesOf(run, name)![0];

	it('sets one element by its subscript and leaves the others', () => {
		const run = sim.run({ overrides: { 'Length of Stay[South]': 10 } });
		expect(first(run, 'Patients[North]')).toBe(84);
		expect(first(run, 'Patients[South]')).toBe(30);
	});

	it('sets every element by the variable’s own name', () => {
		const run = sim.run({ overrides: { length_of_stay: 10 } });
		expect(first(run, 'Length of Stay[North]')).toBe(10);
		expect(first(run, 'Patients[North]')).toBe(40);
		expect(first(run, 'Patients[South]')).toBe(30);
	});

	it('lets one element differ from a whole-variable override, whichever order they come in', () => {
		for (const overrides of [
			{ 'Length of Stay': 10, 'Length of Stay[South]': 20 },
			{ 'Length of Stay[South]': 20, 'Length of Stay': 10 }
		]) {
			const run = sim.run({ overrides });
			expect(first(run, 'Patients[North]')).toBe(40);
			expect(first(run, 'Patients[South]')).toBe(60);
		}
	});

	it('refuses a whole-variable override when an element is not a constant, naming the element', () => {
		expect(() => sim.run({ overrides: { Mixed: 2 } })).toThrow(InputError);
		expect(() => sim.run({ overrides: { Mixed: 2 } })).toThrow(
			/"Mixed" cannot be set as a whole: its element Mixed\[South\] is not a constant/
		);
		expect(() => sim.run({ overrides: { 'Length of Stay[East]': 2 } })).toThrow(
			/there is no constant called "Length of Stay\[East\]"/
		);
	});
});
