import { describe, expect, it } from 'vitest';
import { compileModel } from '../lib/engine';
import { arrayedChainModel, chainModel, handWrittenChain } from './bench';

// The benchmark compares speed only after both sides agree; this keeps the two honest.
describe('the benchmark chain', () => {
	it.each(['euler', 'rk4'] as const)(
		'gives the same stocks and flows from the engine and the hand-written loop (%s)',
		(method) => {
			const n = 12;
			const compiled = compileModel(chainModel(n, method));
			if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
			const result = compiled.simulation.run();
			const hand = handWrittenChain(n, method);
			expect(result.times.length).toBe(1001);
			for (const row of [0, 1, 500, 1000]) {
				for (let i = 1; i <= n; i++) {
					expect(compiled.simulation.seriesOf(result, `S${i}`)![row]).toBeCloseTo(
						hand.stocks[row * n + i - 1],
						9
					);
					expect(compiled.simulation.seriesOf(result, `f${i}`)![row]).toBeCloseTo(
						hand.flows[row * n + i - 1],
						9
					);
				}
			}
			// In the long run every stock holds inflow × k_i.
			expect(compiled.simulation.seriesOf(result, 'S3')![1000]).toBeCloseTo(10 * (2 + (3 % 5)), 6);
		}
	);

	it.each(['euler', 'rk4'] as const)(
		'as one arrayed stock gives the very same numbers as the scalar chain (%s)',
		(method) => {
			const n = 12;
			const scalar = compileModel(chainModel(n, method));
			const arrayed = compileModel(arrayedChainModel(n, method));
			if (!scalar.ok || !arrayed.ok) throw new Error('both chains compile');
			const a = scalar.simulation.run();
			const b = arrayed.simulation.run();
			for (let i = 1; i <= n; i++) {
				expect(Array.from(arrayed.simulation.seriesOf(b, `S[${i}]`)!)).toEqual(
					Array.from(scalar.simulation.seriesOf(a, `S${i}`)!)
				);
				expect(Array.from(arrayed.simulation.seriesOf(b, `f[${i}]`)!)).toEqual(
					Array.from(scalar.simulation.seriesOf(a, `f${i}`)!)
				);
			}
			expect(arrayed.simulation.seriesOf(b, 'into[1]')![500]).toBe(10);
			expect(Array.from(arrayed.simulation.seriesOf(b, 'into[5]')!)).toEqual(
				Array.from(scalar.simulation.seriesOf(a, 'f4')!)
			);
		}
	);
});
