import { describe, expect, it } from 'vitest';
import { compileModel } from '../../lib/engine';
import { loadModelFile } from '../load-model';
import {
	drawInputs,
	expandOutputs,
	runSamples,
	sweepColumns,
	timeRows,
	type SampleSpec
} from './samples';
import type { Vary } from './vary';

const BATHTUB = 'models/bathtub-basics.flowbook.json';

function moments(values: number[]) {
	const mean = values.reduce((s, x) => s + x, 0) / values.length;
	const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / values.length;
	return { mean, sd: Math.sqrt(variance) };
}

describe('drawInputs', () => {
	const varies: Vary[] = [
		{ name: 'u', distribution: { kind: 'uniform', min: 2, max: 4 } },
		{ name: 'n', distribution: { kind: 'normal', mean: 10, sd: 2 } },
		{ name: 't', distribution: { kind: 'triangular', min: 0, mode: 1, max: 5 } }
	];
	const draws = Array.from({ length: 20_000 }, (_, i) => drawInputs(varies, 42, i).values);

	it('matches each distribution’s analytic mean and standard deviation', () => {
		// uniform(a,b): mean (a+b)/2, sd (b−a)/√12
		const u = moments(draws.map((d) => d[0]));
		expect(u.mean).toBeCloseTo(3, 1);
		expect(u.sd).toBeCloseTo(2 / Math.sqrt(12), 2);
		// normal(m,sd)
		const n = moments(draws.map((d) => d[1]));
		expect(n.mean).toBeCloseTo(10, 1);
		expect(n.sd).toBeCloseTo(2, 1);
		// triangular(a,c,b): mean (a+b+c)/3, variance (a²+b²+c²−ab−ac−bc)/18
		const t = moments(draws.map((d) => d[2]));
		expect(t.mean).toBeCloseTo(2, 1);
		expect(t.sd).toBeCloseTo(Math.sqrt((0 + 25 + 1 - 0 - 0 - 5) / 18), 2);
		expect(Math.min(...draws.map((d) => d[2]))).toBeGreaterThanOrEqual(0);
		expect(Math.max(...draws.map((d) => d[2]))).toBeLessThanOrEqual(5);
	});

	it('depends on the seed and the sample index only', () => {
		expect(drawInputs(varies, 42, 777)).toEqual(drawInputs(varies, 42, 777));
		expect(drawInputs(varies, 42, 777).values).toEqual(draws[777]);
		expect(drawInputs(varies, 43, 777).values).not.toEqual(draws[777]);
	});
});

describe('runSamples', () => {
	const loaded = loadModelFile(BATHTUB);
	const compiled = compileModel(loaded.model);
	if (!compiled.ok) throw new Error('the bathtub example compiles');
	const sim = compiled.simulation;
	const varies: Vary[] = [
		{ name: 'Admissions per Day', distribution: { kind: 'uniform', min: 30, max: 50 } }
	];
	const times = sim.run().times;
	const spec: SampleSpec = {
		varies,
		seed: 5,
		outputs: ['Occupied Beds', 'Occupancy'],
		base: { 'Bed Capacity': 250 },
		rows: timeRows(times, [0, 100, 365])
	};

	it('writes sample, time, input and outputs, each row as a plain run with those overrides gives', () => {
		const table = runSamples(sim, spec, 3, 6);
		const width = sweepColumns(varies, spec.outputs).length;
		expect(table.length).toBe(3 * 3 * width);
		for (let r = 0; r < 9; r++) {
			const [sample, time, admissions, beds, occupancy] = table.subarray(
				r * width,
				r * width + width
			);
			expect(sample).toBe(3 + Math.floor(r / 3));
			const { values, runSeed } = drawInputs(varies, 5, sample);
			expect(admissions).toBe(values[0]);
			const run = sim.run({
				overrides: { 'Bed Capacity': 250, 'Admissions per Day': admissions },
				seed: runSeed
			});
			const row = run.times.indexOf(time);
			expect(beds).toBe(sim.seriesOf(run, 'Occupied Beds')![row]);
			expect(occupancy).toBe(sim.seriesOf(run, 'Occupancy')![row]);
		}
	});

	it('gives the same rows however the samples are split', () => {
		const whole = runSamples(sim, spec, 0, 7);
		const parts = [
			runSamples(sim, spec, 0, 2),
			runSamples(sim, spec, 2, 3),
			runSamples(sim, spec, 3, 7)
		];
		expect(Float64Array.from(parts.flatMap((p) => Array.from(p)))).toEqual(whole);
	});

	it('names a time the run does not save', () => {
		expect(() => timeRows(times, [100.1])).toThrow(
			/--times 100\.1: the run saves no such time \(it saves 0 to 365 every 0\.25\)/
		);
	});
});

describe('expandOutputs', () => {
	it('turns an arrayed variable named by its own name into its elements, in the saved order', () => {
		const saved = ['Beds[North]', 'Beds[South]', 'Total Beds', 'Occupancy'];
		expect(expandOutputs(saved, ['beds', 'Occupancy', 'Beds[South]', 'nope'])).toEqual([
			'Beds[North]',
			'Beds[South]',
			'Occupancy',
			'Beds[South]',
			'nope'
		]);
	});
});
