import { describe, expect, it } from 'vitest';
import { aux, compiled, model } from '../engine/test-models';
import { parseObjective, withObjective } from './objective';
import { optimise, optimiseProblem } from './optimise';
import { localRunner } from './runner';

// The objective −((a − 3)² + (b − 5)²) is best at (3, 5). With each unit costing 1 and a budget
// B < 8, the best mix is the point of a + b = B nearest (3, 5): (3, 5) − ((8 − B)/2)(1, 1), worked
// by Lagrange multipliers; its value is −(8 − B)²/2.
const base = model([aux('a', '0'), aux('b', '0'), aux('score', '-((a - 3)^2 + (b - 5)^2)')]);
const levers = [
	{ name: 'a', min: 0, max: 10, cost: 1 },
	{ name: 'b', min: 0, max: 10, cost: 1 }
];

function prepared(text: string) {
	const objective = parseObjective(text);
	if (typeof objective === 'string') throw new Error(objective);
	return { objective, sim: compiled(withObjective(base, objective)) };
}

describe('optimise', () => {
	it('finds the unconstrained optimum (3, 5)', async () => {
		const { objective, sim } = prepared('max score at 10');
		const best = await optimise({ levers, objective }, localRunner(sim));
		expect(best.values.a).toBeCloseTo(3, 3);
		expect(best.values.b).toBeCloseTo(5, 3);
		expect(best.objective).toBeCloseTo(0, 5);
	});

	it('meets a budget on its boundary, and traces the frontier −(8 − B)²/2', async () => {
		const { objective, sim } = prepared('min (a - 3)^2 + (b - 5)^2 at 5');
		const best = await optimise(
			{ levers, objective, budget: 4, frontier: [2, 6, 10] },
			localRunner(sim)
		);
		expect(best.values.a).toBeCloseTo(1, 2);
		expect(best.values.b).toBeCloseTo(3, 2);
		expect(best.spend).toBeLessThanOrEqual(4 + 1e-9);
		expect(best.objective).toBeCloseTo(8, 3);
		expect(best.frontier.map((f) => f.budget)).toEqual([2, 6, 10]);
		expect(best.frontier[0].objective).toBeCloseTo(18, 2);
		expect(best.frontier[1].objective).toBeCloseTo(2, 2);
		expect(best.frontier[2].objective).toBeCloseTo(0, 3);
	});

	it('averages over samples for a robust optimum', async () => {
		// score + shift·a with shift ±2 on two samples averages back to the plain objective.
		const shifted = model([...base.variables, aux('shift', '0')]);
		const objective = parseObjective('max score + shift * a')!;
		if (typeof objective === 'string') throw new Error(objective);
		const sim = compiled(withObjective(shifted, objective));
		const best = await optimise(
			{ levers, objective, samples: [{ shift: 2 }, { shift: -2 }] },
			localRunner(sim)
		);
		expect(best.values.a).toBeCloseTo(3, 3);
	});

	it('refuses a budget below the cheapest mix and bad objectives', () => {
		const { objective } = prepared('max score');
		expect(optimiseProblem({ levers, objective, budget: -1 })).toMatch(/below the cheapest mix/);
		expect(parseObjective('best score')).toMatch(/must read "min EXPR at TIME"/);
		expect(parseObjective('min score at later')).toMatch(/time must be a number/);
		expect(parseObjective('maximise delayed bed days at 3')).toEqual({
			sense: 'max',
			expression: 'delayed bed days',
			at: 3
		});
	});
});
