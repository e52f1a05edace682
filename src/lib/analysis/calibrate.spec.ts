import { describe, expect, it } from 'vitest';
import { compiled, flow, model, stock, aux } from '../engine/test-models';
import { seededRandom } from './bounds';
import { calibrate, calibrationProblem } from './calibrate';
import { localRunner } from './runner';

// Growth P' = r P from P0: the data are the model's own run at r = 0.05, P0 = 100, with Gaussian
// noise of sd 3 (Box–Muller from a seeded generator), so the truth is known.
const growth = model(
	[
		stock('P', 'P0', { inflows: ['births'] }),
		flow('births', 'r * P'),
		aux('r', '0.02'),
		aux('P0', '80')
	],
	{ stop: 40, dt: 0.25 }
);

function noisyData(sd: number, seed: number) {
	const sim = compiled(growth);
	const run = sim.run({ overrides: { r: 0.05, P0: 100 } });
	const P = sim.seriesOf(run, 'P')!;
	const random = seededRandom(seed);
	const times: number[] = [];
	const values: number[] = [];
	for (let t = 0; t <= 40; t += 2) {
		const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
		times.push(t);
		values.push(P[Math.round(t / 0.25)] + sd * z);
	}
	return { times, values };
}

describe('calibrate', () => {
	const sim = compiled(growth);
	const data = noisyData(3, 7);
	const parameters = [
		{ name: 'r', min: 0, max: 0.2 },
		{ name: 'P0', min: 10, max: 500 }
	];
	const targets = [{ name: 'P data', variable: 'P', ...data }];

	for (const payoff of ['least-squares', 'gaussian'] as const)
		it(`recovers the growth rate and start within its intervals by ${payoff}, from several starts`, async () => {
			const fit = await calibrate({ parameters, targets, payoff, restarts: 4 }, localRunner(sim));
			for (const [name, truth] of [
				['r', 0.05],
				['P0', 100]
			] as const) {
				const interval = fit.intervals[name]!;
				expect(interval.low).toBeLessThan(truth);
				expect(interval.high).toBeGreaterThan(truth);
				expect(interval.high - interval.low).toBeLessThan(name === 'r' ? 0.01 : 20);
			}
			// Every start ends at the same optimum.
			for (const start of fit.starts) expect(start.payoff).toBeCloseTo(fit.payoff, 3);
			expect(fit.statistics['P data'].r2).toBeGreaterThan(0.99);
			expect(fit.statistics['P data'].rmse).toBeLessThan(4.5);
		});

	it('fits Poisson counts', async () => {
		const random = seededRandom(3);
		const run = sim.run({ overrides: { r: 0.05, P0: 100 } });
		const P = sim.seriesOf(run, 'P')!;
		// Poisson draws by inversion of the cumulative distribution.
		const draw = (mean: number) => {
			let k = 0;
			let p = Math.exp(-mean);
			let sum = p;
			const u = random();
			while (u > sum) {
				p *= mean / ++k;
				sum += p;
			}
			return k;
		};
		const times = [0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40];
		const counts = times.map((t) => draw(P[t * 4]));
		const fit = await calibrate(
			{
				parameters,
				targets: [{ name: 'counts', variable: 'P', times, values: counts }],
				payoff: 'poisson'
			},
			localRunner(sim)
		);
		const r = fit.intervals.r!;
		expect(r.low).toBeLessThan(0.05);
		expect(r.high).toBeGreaterThan(0.05);
	});

	it('names what is wrong with a set-up', () => {
		expect(calibrationProblem({ parameters: [], targets })).toMatch(/at least one constant/);
		expect(calibrationProblem({ parameters: [{ name: 'r', min: 1, max: 0 }], targets })).toMatch(
			/bounds of "r"/
		);
		expect(
			calibrationProblem({ parameters, targets: [{ ...targets[0], times: [0], values: [1] }] })
		).toMatch(/more points than constants/);
	});

	it('stops when cancelled', async () => {
		const abort = new AbortController();
		abort.abort();
		await expect(
			calibrate({ parameters, targets, signal: abort.signal }, localRunner(sim))
		).rejects.toThrow(/cancelled/);
	});
});
