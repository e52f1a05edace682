import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types';
import { checkUnits } from './check';

/** A clinic module whose stock drains at a rate set from outside. */
function withClinic(rateUnits: string, rootEquation = 'clinic.waiting * 2'): Model {
	return {
		simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler', timeUnits: 'day' },
		variables: [
			{ id: 'r', kind: 'aux', name: 'rate', units: rateUnits, equation: '0.1' },
			{ id: 'd', kind: 'aux', name: 'doubled', units: 'patient', equation: rootEquation },
			{ id: 'h', kind: 'aux', name: 'halved', equation: 'HALF(doubled)' }
		],
		modules: [{ id: 'm', name: 'clinic', connections: [{ to: 'rate', from: 'rate' }] }],
		submodels: [
			{
				name: 'clinic',
				variables: [
					{
						id: 'w',
						kind: 'stock',
						name: 'waiting',
						units: 'patient',
						initial: '100',
						inflows: [],
						outflows: ['seen']
					},
					{
						id: 'seen',
						kind: 'flow',
						name: 'seen',
						units: 'patient/day',
						equation: 'waiting * rate'
					},
					{ id: 'rate', kind: 'aux', name: 'rate', units: '1/day', equation: '', access: 'input' }
				]
			}
		],
		macros: [{ name: 'HALF', parameters: [{ name: 'x' }], equation: 'x / 2', variables: [] }]
	};
}

describe('units across modules and macros', () => {
	it('checks a module’s variables as they run, reading outputs and inputs across the boundary', () => {
		expect(checkUnits(withClinic('1/day'))).toEqual([]);
	});

	it('names the module input whose connected variable has other units', () => {
		expect(checkUnits(withClinic('1/week')).map((d) => `${d.variable}: ${d.message}`)).toEqual([
			expect.stringMatching(
				/^clinic\.rate: units: the equation gives 1\/week but "clinic\.rate" is declared as 1\/day/
			)
		]);
	});

	it('checks the root against a module output', () => {
		expect(checkUnits(withClinic('1/day', 'clinic.seen')).map((d) => d.variable)).toEqual([
			'doubled'
		]);
	});
});
