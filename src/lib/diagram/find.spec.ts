import { describe, expect, it } from 'vitest';
import type { Variable } from '../model/types';
import { findVariable, suggestions } from './find';

const aux = (id: string, name: string): Variable => ({ id, kind: 'aux', name, equation: '1' });
const model = {
	variables: [
		aux('los', 'Length of stay'),
		aux('beds', 'Extra acute beds'),
		aux('bed_days', 'Bed days')
	],
	labels: new Map([['beds', 'Extra acute (general and acute) beds']])
};

describe('findVariable', () => {
	it('finds by name written any way the engine reads it, exact before partial', () => {
		expect(findVariable(model, 'length_of_stay')?.id).toBe('los');
		expect(findVariable(model, '  LENGTH OF STAY ')?.id).toBe('los');
		expect(findVariable(model, 'bed days')?.id).toBe('bed_days');
		// "Bed" starts "Bed days" and is only inside "Extra acute beds".
		expect(findVariable(model, 'bed')?.id).toBe('bed_days');
		expect(findVariable(model, 'stay')?.id).toBe('los');
	});

	it('finds by the label of its lever, and nothing for what no variable is called', () => {
		expect(findVariable(model, 'general and acute')?.id).toBe('beds');
		expect(findVariable(model, 'waiting list')).toBeUndefined();
		expect(findVariable(model, '   ')).toBeUndefined();
	});

	it('suggests every name and each lever label', () => {
		expect(suggestions(model)).toEqual([
			'Bed days',
			'Extra acute (general and acute) beds',
			'Extra acute beds',
			'Length of stay'
		]);
	});
});
