import { describe, expect, it } from 'vitest';
import { compileModel } from '../lib/engine';
import { chainModel, handWrittenChain } from './bench';

// The benchmark compares speed only after both sides agree; this keeps the two honest.
describe('the benchmark chain', () => {
	it.each(['euler', 'rk4'] as const)('gives the same stocks and flows from the engine and the hand-written loop (%s)', (method) => {
		const n = 12;
		const compiled = compileModel(chainModel(n, method));
		if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
		const result = compiled.simulation.run();
		const hand = handWrittenChain(n, method);
		expect(result.times.length).toBe(1001);
		for (const row of [0, 1, 500, 1000]) {
			for (let i = 1; i <= n; i++) {
				expect(compiled.simulation.seriesOf(result, `S${i}`)![row]).toBeCloseTo(hand.stocks[row * n + i - 1], 9);
				expect(compiled.simulation.seriesOf(result, `f${i}`)![row]).toBeCloseTo(hand.flows[row * n + i - 1], 9);
			}
		}
		// In the long run every stock holds inflow × k_i.
		expect(compiled.simulation.seriesOf(result, 'S3')![1000]).toBeCloseTo(10 * (2 + (3 % 5)), 6);
	});
});
