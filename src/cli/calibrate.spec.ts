import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main as calibrateMain } from './calibrate';
import { main as optimiseMain } from './optimise';

// Decay S' = −k S from S0: data made by hand from the exact solution 200·e^(−0.3 t) at whole
// times, which Euler at dt 1/64 follows to within a few tenths of a percent.
const dir = mkdtempSync(join(tmpdir(), 'flowbook-calibrate-'));
const modelFile = join(dir, 'decay.flowbook.json');
writeFileSync(
	modelFile,
	JSON.stringify({
		schemaVersion: 1,
		title: 'Decay',
		model: {
			simSpecs: { start: 0, stop: 10, dt: 1 / 64, method: 'rk4' },
			variables: [
				{ id: 'S', kind: 'stock', name: 'S', initial: 'S0', inflows: [], outflows: ['out'] },
				{ id: 'out', kind: 'flow', name: 'out', equation: 'k * S' },
				{ id: 'k', kind: 'aux', name: 'k', equation: '0.1' },
				{ id: 'S0', kind: 'aux', name: 'S0', equation: '100' },
				{ id: 'a', kind: 'aux', name: 'a', equation: '0' },
				{ id: 'b', kind: 'aux', name: 'b', equation: '0' },
				{ id: 'score', kind: 'aux', name: 'score', equation: '(a - 3)^2 + (b - 5)^2' }
			]
		},
		levers: [
			{
				variable: 'a',
				label: 'a',
				min: 0,
				max: 10,
				step: 1,
				cost: { perYear: 1, currency: 'GBP' }
			},
			{ variable: 'b', label: 'b', min: 0, max: 10, step: 1, cost: { perYear: 1, currency: 'GBP' } }
		]
	})
);
const csv = join(dir, 'decay.csv');
writeFileSync(
	csv,
	'time,observed\n' +
		Array.from({ length: 11 }, (_, t) => `${t},${200 * Math.exp(-0.3 * t)}`).join('\n')
);

function captured() {
	const out: string[] = [];
	const err: string[] = [];
	vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
	vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
	return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('npm run calibrate', () => {
	it('fits the constants and prints JSON with values and statistics', async () => {
		const { out } = captured();
		const code = await calibrateMain([
			modelFile,
			'--data',
			csv,
			'--fit',
			'k=0..1',
			'--fit',
			'S0=1..1000',
			'--series',
			'observed=S',
			'--json'
		]);
		expect(code).toBe(0);
		const json = JSON.parse(out.join('\n'));
		expect(json.values.k).toBeCloseTo(0.3, 3);
		expect(json.values.S0).toBeCloseTo(200, 1);
		expect(json.statistics.observed.r2).toBeGreaterThan(0.9999);
		expect(Object.keys(json)).toEqual(expect.arrayContaining(['values', 'statistics']));
	});

	it('prints a table, and names a bad cell by row and column', async () => {
		const { out } = captured();
		expect(
			await calibrateMain([
				modelFile,
				'--data',
				csv,
				'--fit',
				'k=0..1',
				'--fit',
				'S0=1..1000',
				'--series',
				'observed=S'
			])
		).toBe(0);
		expect(out[0]).toMatch(/^fitted by least-squares/);
		expect(out.join('\n')).toMatch(/^k\t0\.3\t0\.[23]\d* to 0\.3\d*$/m);
		expect(out.join('\n')).toMatch(/^observed\t11\t/m);
		const bad = join(dir, 'bad.csv');
		writeFileSync(bad, 'time,S\n0,1\n1,two\n');
		const { err } = captured();
		expect(await calibrateMain([modelFile, '--data', bad, '--fit', 'k=0..1'])).toBe(1);
		expect(err.join('\n')).toMatch(/bad\.csv: row 3, column B \("S"\): "two" is not a number/);
	});

	it('refuses what it cannot use, saying why', async () => {
		const { err } = captured();
		expect(await calibrateMain([modelFile, '--data', csv, '--fit', 'k=1..0'])).toBe(1);
		expect(await calibrateMain([modelFile, '--data', csv, '--fit', 'nope=0..1'])).toBe(1);
		expect(await calibrateMain([modelFile, '--data', csv, '--fit', 'k=0..1'])).toBe(1);
		expect(err.join('\n')).toMatch(/low bound 1 must be below the high bound 0/);
		expect(err.join('\n')).toMatch(/"nope", which is not a constant/);
		expect(err.join('\n')).toMatch(/no data column is named like a model variable \("observed"\)/);
	});
});

describe('npm run optimise', () => {
	it('finds the analytic optimum under a budget and the frontier, as JSON', async () => {
		const { out } = captured();
		const code = await optimiseMain([
			modelFile,
			'--lever',
			'a=0..10',
			'--lever',
			'b=0..10',
			'--objective',
			'min score at 5',
			'--budget',
			'4',
			'--frontier',
			'2,10',
			'--json'
		]);
		expect(code).toBe(0);
		const json = JSON.parse(out.join('\n'));
		// The point of a + b = 4 nearest (3, 5) is (1, 3), where the score is 8 (Lagrange).
		expect(json.values.a).toBeCloseTo(1, 2);
		expect(json.values.b).toBeCloseTo(3, 2);
		expect(json.objective).toBeCloseTo(8, 3);
		expect(json.frontier.map((f: { objective: number }) => Math.round(f.objective))).toEqual([
			18, 0
		]);
	});

	it('says what is wrong with an objective', async () => {
		const { err } = captured();
		expect(await optimiseMain([modelFile, '--lever', 'a=0..10', '--objective', 'best score'])).toBe(
			1
		);
		expect(
			await optimiseMain([modelFile, '--lever', 'a=0..10', '--objective', 'min nothing_here'])
		).toBe(1);
		expect(err.join('\n')).toMatch(/must read "min EXPR at TIME"/);
		expect(err.join('\n')).toMatch(/cannot be worked out|nothing_here/);
	});
});
