import { describe, expect, it } from 'vitest';
import { findScenario, referenceFirst, referenceScenario } from './scenarios';
import type { Scenario } from './types';

const scenario = (id: string, name: string): Scenario => ({
	id,
	name,
	colour: '#000000',
	overrides: {}
});
const scenarios = [
	scenario('baseline', 'Baseline'),
	scenario('s1', 'S1 more beds'),
	scenario('s2', 'S2 shorter stays'),
	scenario('s3-community', 'S3 same money in community'),
	scenario('s10', 'S10 everything at once')
];

describe('findScenario', () => {
	it('finds a scenario by its full name', () => {
		expect(findScenario(scenarios, 'S3 same money in community')?.id).toBe('s3-community');
		expect(findScenario(scenarios, 'Baseline')?.id).toBe('baseline');
	});

	it('finds a scenario by its code, the first word of its name', () => {
		expect(findScenario(scenarios, 'S3')?.name).toBe('S3 same money in community');
		expect(findScenario(scenarios, 'S1')?.name).toBe('S1 more beds');
		expect(findScenario(scenarios, 'S10')?.name).toBe('S10 everything at once');
	});

	it('ignores case and surrounding spaces', () => {
		expect(findScenario(scenarios, 's3')?.id).toBe('s3-community');
		expect(findScenario(scenarios, 'BASELINE')?.id).toBe('baseline');
		expect(findScenario(scenarios, '  s2 SHORTER stays ')?.id).toBe('s2');
		expect(findScenario(scenarios, 'S3-Community')?.id).toBe('s3-community');
	});

	it('finds a scenario by its id', () => {
		expect(findScenario(scenarios, 's3-community')?.name).toBe('S3 same money in community');
	});

	it('prefers a full name over a code', () => {
		const list = [scenario('a', 'S1 first'), scenario('b', 'S1')];
		expect(findScenario(list, 'S1')?.id).toBe('b');
	});

	it('gives undefined when there is no such scenario', () => {
		expect(findScenario(scenarios, 'S4')).toBeUndefined();
		expect(findScenario(scenarios, 'S')).toBeUndefined();
		expect(findScenario(scenarios, 'same money')).toBeUndefined();
		expect(findScenario([], 'Baseline')).toBeUndefined();
	});
});

describe('the reference scenario', () => {
	it('is the one the notebook names, by id, name or code, else the first', () => {
		expect(referenceScenario({ scenarios, reference: 's2' })?.name).toBe('S2 shorter stays');
		expect(referenceScenario({ scenarios, reference: 'S3' })?.id).toBe('s3-community');
		expect(referenceScenario({ scenarios })?.id).toBe('baseline');
		// A reference that names nothing (document checks refuse it on load) falls back to the first.
		expect(referenceScenario({ scenarios, reference: 'gone' })?.id).toBe('baseline');
		expect(referenceScenario({ scenarios: [] })).toBeUndefined();
	});

	it('goes first among the scenarios shown, the others keeping their order', () => {
		const s2 = scenarios[2];
		expect(referenceFirst(scenarios, s2).map((s) => s.id)).toEqual([
			's2',
			'baseline',
			's1',
			's3-community',
			's10'
		]);
		expect(referenceFirst(scenarios.slice(0, 2), s2).map((s) => s.id)).toEqual(['baseline', 's1']);
	});
});
