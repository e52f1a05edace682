import { describe, expect, it } from 'vitest';
import { analyseLoops, dominance } from './analyse';
import { aux, compiled, flow, model, stock } from '../test-models';
import type { Variable } from '../../model/types';

/** Logistic growth written as Stella's LTM examples write it: growth = N × fractional growth. */
function logistic() {
	return compiled(
		model(
			[
				stock('N', '1', { inflows: ['growth'] }),
				flow('growth', 'N * fraction'),
				aux('fraction', 'r * (1 - N / K)'),
				aux('r', '0.1'),
				aux('K', '1000')
			],
			{ stop: 150, dt: 0.125, saveStep: 0.125, timeUnits: 'day' }
		)
	);
}

describe('loops that matter: analytic cases', () => {
	it('a first-order drain has one balancing loop at −100% once it moves', () => {
		const sim = compiled(
			model([stock('S', '100', { outflows: ['drain'] }), flow('drain', 'S / 5')], { stop: 20 })
		);
		const { loops } = analyseLoops(sim);
		expect(loops).toHaveLength(1);
		expect(loops[0]).toMatchObject({ id: 'B1', polarity: 'B', variables: ['S', 'drain'] });
		// Row 0 has no step before it; every later row is the one loop, balancing.
		expect([...loops[0].relativeScore.slice(1)].every((x) => x === -1)).toBe(true);
		expect(loops[0].relativeScore[0]).toBe(0);
	});

	it('logistic growth passes from the reinforcing to the balancing loop at half the carrying capacity', () => {
		const sim = logistic();
		const analysis = analyseLoops(sim);
		const R = analysis.loops.find((l) => l.polarity === 'R')!;
		const B = analysis.loops.find((l) => l.polarity === 'B')!;
		expect(analysis.loops).toHaveLength(2);
		expect(R.variables).toEqual(['N', 'growth']);
		expect(B.variables).toEqual(['N', 'fraction', 'growth']);
		const N = sim.seriesOf(sim.run(), 'N')!;
		// With growth = N·f and f = r(1 − N/K), Δ_N(growth) = ΔN·f and Δ_f(growth) = N·Δf =
		// −N·r·ΔN/K, both with N and f a DT ago, so |B/R| = (N/K)/(1 − N/K) exactly at N a DT ago;
		// the two are equal where N = K/2, the inflection point.
		for (const row of [40, 300, 600, 900]) {
			const n = N[row - 1] / 1000;
			expect(Math.abs(B.relativeScore[row] / R.relativeScore[row])).toBeCloseTo(n / (1 - n), 9);
		}
		const switchRow = analysis.time.findIndex(
			(_, r) => r > 0 && Math.abs(B.relativeScore[r]) > Math.abs(R.relativeScore[r])
		);
		expect(N[switchRow - 1]).toBeGreaterThanOrEqual(500);
		expect(N[switchRow - 2]).toBeLessThan(500);
		const { sentence, phases } = dominance(analysis, 'N');
		expect(phases).toHaveLength(2);
		expect(phases[0].to).toBe(analysis.time[switchRow - 1]);
		expect(sentence).toBe(
			`Until day ${Math.round(analysis.time[switchRow - 1] * 100) / 100} the reinforcing loop R1 (the growth loop through N) dominates N; after that the balancing loop B1 (the fraction loop through N).`
		);
	});
});

describe('loops that matter: published figures', () => {
	// Schoenberg & Eberlein (2020), "Seamlessly integrating Loops that Matter into model
	// development and analysis": births and deaths with an average lifetime of 20 give
	// R1 +67%, B1 −33% (and a lifetime of 10, equilibrium, no active loop), which holds with a
	// birth rate of 0.1 a year: |Δbirths/Δnet| = 0.1/0.05 and |Δdeaths/Δnet| = 0.05/0.05.
	const population = (lifetime: number) =>
		compiled(
			model(
				[
					stock('Population', '100', { inflows: ['births'], outflows: ['deaths'] }),
					flow('births', 'Population * birth_rate'),
					flow('deaths', 'Population / average_lifetime'),
					aux('birth rate', '0.1'),
					aux('average lifetime', String(lifetime))
				],
				{ stop: 50, dt: 0.25 }
			)
		);

	it('births and deaths: R1 +67%, B1 −33%', () => {
		const { loops } = analyseLoops(population(20));
		expect(loops.map((l) => l.id)).toEqual(['R1', 'B1']);
		expect(loops[0].relativeScore[100]).toBeCloseTo(2 / 3, 12);
		expect(loops[1].relativeScore[100]).toBeCloseTo(-1 / 3, 12);
	});

	it('at equilibrium no loop is active', () => {
		const { loops } = analyseLoops(population(10));
		for (const loop of loops) expect(loop.score.every((x) => x === 0)).toBe(true);
	});
});

describe('loops that matter: structure', () => {
	it('finds the strongest loops by search when listing is cut short, and they agree', () => {
		const sim = logistic();
		const listed = analyseLoops(sim);
		const searched = analyseLoops(sim, { exhaustiveLimit: 1 });
		expect(searched.discovery.method).toBe('strongest-path');
		expect(searched.loops.map((l) => l.variables)).toEqual(listed.loops.map((l) => l.variables));
		expect(searched.loops[0].relativeScore).toEqual(listed.loops[0].relativeScore);
	});

	it('arrays: each element of an arrayed drain is its own loop, in its own partition', () => {
		const variables: Variable[] = [
			{ ...stock('S', '10', { outflows: ['out'] }), dimensions: ['place'] },
			{ ...flow('out', 'S / 4'), dimensions: ['place'] }
		];
		const sim = compiled({
			...model(variables, { stop: 5 }),
			dimensions: [{ name: 'place', elements: ['north', 'south'] }]
		});
		const { loops } = analyseLoops(sim);
		expect(loops.map((l) => l.variables).sort()).toEqual([
			['S[north]', 'out[north]'],
			['S[south]', 'out[south]']
		]);
		for (const loop of loops) expect(loop.relativeScore[2]).toBe(-1);
	});

	it('a loop through a DELAY3 is one loop named by the delay; the stages’ own drains are not loops', () => {
		const sim = compiled(
			model(
				[
					stock('Staff', '10', { inflows: ['hiring'] }),
					flow('hiring', 'DELAY3((target - Staff) / 4, 3)'),
					aux('target', '50')
				],
				{ stop: 40, dt: 0.25 }
			)
		);
		const { loops } = analyseLoops(sim);
		expect(loops).toHaveLength(1);
		expect(loops[0].variables).toEqual(['Staff', 'hiring']);
		expect(loops[0].polarity).toBe('B');
	});
});
