/**
 * ALLOCATE AVAILABLE: shares worked by hand for the piecewise-linear rectangular curve, the normal
 * curve's error function against tabulated values (Abramowitz and Stegun, table 7.1), and the
 * XMILE form (request[R], profile[R, first], supply) against the same shares computed directly.
 * SDEverywhere's allocate model, in the wide conformance suite, checks the normal curve against
 * Vensim's own output.
 */
import { describe, expect, it } from 'vitest';
import type { Dimension, Model } from '../../model/types';
import { compileModel } from '../index';
import { aux, byElement } from '../test-models';
import { allocateAvailable, vensimErfc } from './allocation';

const RECTANGULAR = 1;
const NORMAL = 3;

describe('allocateAvailable', () => {
	it('gives everyone their request when there is enough, and nothing when there is none', () => {
		const profiles = [
			[RECTANGULAR, 1, 2, 0],
			[RECTANGULAR, 2, 2, 0]
		];
		expect(allocateAvailable([1, 1], profiles, 5)).toEqual([1, 1]);
		expect(allocateAvailable([1, 1], profiles, 0)).toEqual([0, 0]);
	});

	it('shares by the rectangular curves, worked by hand', () => {
		// Curves fall linearly over [0, 2] and [1, 3]; for a cut-off x in (1, 2) the total is
		// (1 − x/2) + (1 − (x − 1)/2) = 2.5 − x, which meets a supply of 1 at x = 1.5.
		const shares = allocateAvailable(
			[1, 1],
			[
				[RECTANGULAR, 1, 2, 0],
				[RECTANGULAR, 2, 2, 0]
			],
			1
		);
		expect(shares[0]).toBeCloseTo(0.25, 12);
		expect(shares[1]).toBeCloseTo(0.75, 12);
	});

	it('shares out exactly what is available, and more to the higher priority', () => {
		const shares = allocateAvailable(
			[3, 2, 4],
			[
				[NORMAL, 1, 1, 0],
				[NORMAL, 2, 1, 0],
				[NORMAL, 3, 1, 0]
			],
			1.979167
		);
		expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1.979167, 10);
		expect(shares[2] / 4).toBeGreaterThan(shares[1] / 2);
		expect(shares[1] / 2).toBeGreaterThan(shares[0] / 3);
	});

	it('refuses a profile of no width with NaN rather than a guess', () => {
		expect(
			allocateAvailable(
				[1, 1],
				[
					[RECTANGULAR, 1, 0, 0],
					[RECTANGULAR, 2, 1, 0]
				],
				1
			)
		).toEqual([NaN, NaN]);
	});
});

describe('vensimErfc', () => {
	it('is within 2.5e-5 of the tabulated complementary error function', () => {
		const table: [number, number][] = [
			[0, 1],
			[0.5, 0.4795001222],
			[1, 0.1572992071],
			[2, 0.004677735],
			[-1, 1.8427007929]
		];
		for (const [x, expected] of table)
			expect(Math.abs(vensimErfc(x) - expected)).toBeLessThan(2.5e-5);
	});
});

describe('ALLOCATE AVAILABLE in an arrayed XMILE equation', () => {
	const regions = ['Boston', 'Dayton', 'Fresno'];
	const region: Dimension = { name: 'region', elements: regions };
	const field: Dimension = {
		name: 'XPriority',
		elements: ['ptype', 'ppriority', 'pwidth', 'pextra']
	};
	const demand = { Boston: 3, Dayton: 2, Fresno: 4 };
	const profile: Record<string, number> = {};
	for (const [i, r] of regions.entries())
		for (const [f, value] of Object.entries({
			ptype: NORMAL,
			ppriority: i + 1,
			pwidth: 1,
			pextra: 0
		}))
			profile[`${r},${f}`] = value;

	it('shares out over the request’s dimension, each requester reading its own profile', () => {
		const m: Model = {
			simSpecs: { start: 0, stop: 0, dt: 1, method: 'euler' },
			dimensions: [region, field],
			variables: [
				byElement('demand', ['region'], demand),
				byElement('priority_vector', ['region', 'XPriority'], profile),
				aux('supply', '2'),
				{
					...aux(
						'shipments',
						'ALLOCATE AVAILABLE(demand[region], priority_vector[region, ptype], supply)'
					),
					dimensions: ['region']
				}
			]
		};
		const compiled = compileModel(m);
		if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
		const result = compiled.simulation.run();
		const expected = allocateAvailable(
			[3, 2, 4],
			[1, 2, 3].map((p) => [NORMAL, p, 1, 0]),
			2
		);
		for (const [i, r] of regions.entries())
			expect(compiled.simulation.seriesOf(result, `shipments[${r}]`)?.[0]).toBeCloseTo(
				expected[i],
				12
			);
	});

	it('names the problem when the profile has no field dimension', () => {
		const m: Model = {
			simSpecs: { start: 0, stop: 0, dt: 1, method: 'euler' },
			dimensions: [region],
			variables: [
				byElement('demand', ['region'], demand),
				byElement('width', ['region'], demand),
				{
					...aux('shipments', 'ALLOCATE AVAILABLE(demand[region], width[region], 2)'),
					dimensions: ['region']
				}
			]
		};
		const compiled = compileModel(m);
		expect(compiled.ok).toBe(false);
		if (!compiled.ok)
			expect(compiled.diagnostics.map((d) => d.message).join('\n')).toMatch(
				/requester and a field dimension/
			);
	});
});
