import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './loops';

// Population with births (0.1 a year) and deaths (lifetime 20): R1 +2/3, B1 −1/3, the figures
// of Schoenberg & Eberlein (2020) also checked in engine/loops/analyse.spec.ts.
const dir = mkdtempSync(join(tmpdir(), 'flowbook-loops-'));
const modelFile = join(dir, 'population.flowbook.json');
writeFileSync(
	modelFile,
	JSON.stringify({
		schemaVersion: 1,
		title: 'Population',
		model: {
			simSpecs: { start: 0, stop: 10, dt: 0.5, method: 'euler', timeUnits: 'year' },
			variables: [
				{
					id: 'P',
					kind: 'stock',
					name: 'Population',
					initial: '100',
					inflows: ['births'],
					outflows: ['deaths']
				},
				{ id: 'births', kind: 'flow', name: 'births', equation: 'Population * 0.1' },
				{ id: 'deaths', kind: 'flow', name: 'deaths', equation: 'Population / lifetime' },
				{ id: 'lifetime', kind: 'aux', name: 'lifetime', equation: '20' }
			]
		},
		scenarios: [{ id: 'long', name: 'Long lives', colour: '#117733', overrides: { lifetime: 40 } }]
	})
);

function capture() {
	const out: string[] = [];
	const err: string[] = [];
	vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
	vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
	return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('flowbook loops', () => {
	it('--json prints time, and each loop with id, polarity, variables and signed relative scores', async () => {
		const { out } = capture();
		expect(await main([modelFile, '--json'])).toBe(0);
		const json = JSON.parse(out.join(''));
		expect(json.time).toHaveLength(21);
		expect(json.loops.map((l: { id: string }) => l.id)).toEqual(['R1', 'B1']);
		expect(json.loops[0]).toMatchObject({ polarity: 'R', variables: ['Population', 'births'] });
		expect(json.loops[1]).toMatchObject({ polarity: 'B', variables: ['Population', 'deaths'] });
		expect(json.loops[0].relativeScore[5]).toBeCloseTo(2 / 3, 12);
		expect(json.loops[1].relativeScore[5]).toBeCloseTo(-1 / 3, 12);
	});

	it('--scenario runs the scenario: lifetime 40 gives R1 4/5, B1 −1/5', async () => {
		const { out } = capture();
		expect(await main([modelFile, '--json', '--scenario', 'long lives'])).toBe(0);
		const json = JSON.parse(out.join(''));
		expect(json.loops[0].relativeScore[5]).toBeCloseTo(0.8, 12);
		expect(json.loops[1].relativeScore[5]).toBeCloseTo(-0.2, 12);
	});

	it('lists the loops and a sentence for --for', async () => {
		const { out } = capture();
		expect(await main([modelFile, '--for', 'Population'])).toBe(0);
		expect(out[1]).toBe('R1\tthe births loop through Population\n\tPopulation → births');
		expect(out).toContain(
			'Throughout the run the reinforcing loop R1 (the births loop through Population) dominates Population.'
		);
	});

	it('names an unknown scenario and what there is', async () => {
		const { err } = capture();
		expect(await main([modelFile, '--scenario', 'nope'])).toBe(1);
		expect(err.join('\n')).toContain('there is no scenario "nope"');
		expect(err.join('\n')).toContain('"Long lives"');
	});
});
