import { describe, expect, it } from 'vitest';
import { parseVary } from './vary';

describe('parseVary', () => {
	it('reads the three distributions', () => {
		expect(parseVary('demand growth=uniform(0, 0.04)')).toEqual({
			ok: true,
			vary: { name: 'demand growth', distribution: { kind: 'uniform', min: 0, max: 0.04 } }
		});
		expect(parseVary('los=normal(5,0.5)')).toEqual({
			ok: true,
			vary: { name: 'los', distribution: { kind: 'normal', mean: 5, sd: 0.5 } }
		});
		expect(parseVary('Beds[North]=Triangular(90, 100, 130)')).toEqual({
			ok: true,
			vary: {
				name: 'Beds[North]',
				distribution: { kind: 'triangular', min: 90, mode: 100, max: 130 }
			}
		});
	});

	it.each([
		[
			'growth',
			'--vary needs name=uniform(a,b), normal(m,sd) or triangular(a,mode,b), not "growth"'
		],
		[
			'=uniform(0,1)',
			'--vary needs name=uniform(a,b), normal(m,sd) or triangular(a,mode,b), not "=uniform(0,1)"'
		],
		[
			'g=beta(1,2)',
			'--vary g: "beta" is not a distribution; use uniform(a,b), normal(m,sd) or triangular(a,mode,b)'
		],
		['g=uniform(1)', '--vary g: uniform takes 2 numbers (uniform(a,b)), not 1'],
		['g=normal(1,x)', '--vary g: sd of normal(m,sd) must be a number, not "x"'],
		['g=uniform(2,1)', '--vary g: min must not be above max'],
		['g=triangular(0,5,3)', '--vary g: min ≤ mode ≤ max'],
		['g=normal(1,-1)', '--vary g: the standard deviation must not be negative']
	])('refuses %s, saying why', (text, message) => {
		expect(parseVary(text)).toEqual({ ok: false, message });
	});
});
