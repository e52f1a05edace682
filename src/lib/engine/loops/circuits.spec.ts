import { describe, expect, it } from 'vitest';
import { elementaryCircuits } from './circuits';

describe("Johnson's elementary circuits", () => {
	it('the complete directed graph on 4 vertices has 20 circuits (6 of 2, 8 of 3, 6 of 4)', () => {
		// Σ over k of C(4, k)·(k − 1)!: 6·1 + 4·2 + 1·6.
		const all = [0, 1, 2, 3];
		const { circuits, complete } = elementaryCircuits(4, (v) => all.filter((w) => w !== v), {
			maxCircuits: 1000,
			deadline: Infinity
		});
		expect(complete).toBe(true);
		expect(circuits).toHaveLength(20);
		expect(circuits.map((c) => c.length).sort()).toEqual([
			...Array(6).fill(2),
			...Array(8).fill(3),
			...Array(6).fill(4)
		]);
		expect(new Set(circuits.map((c) => c.join(','))).size).toBe(20);
	});

	it('stops at the limit and says it did not finish', () => {
		const all = [0, 1, 2, 3];
		const { circuits, complete } = elementaryCircuits(4, (v) => all.filter((w) => w !== v), {
			maxCircuits: 5,
			deadline: Infinity
		});
		expect(complete).toBe(false);
		expect(circuits).toHaveLength(5);
	});

	it('a self-loop is a circuit of one; a chain has none', () => {
		expect(
			elementaryCircuits(2, (v) => (v === 0 ? [0, 1] : []), { maxCircuits: 9, deadline: Infinity })
				.circuits
		).toEqual([[0]]);
	});
});
