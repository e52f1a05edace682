import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Cell, FlowbookDocument } from '../model/types';
import { calibrationSpec, optimisationSpec } from './fit-specs';
import { newCell } from './new-cell';

const doc = JSON.parse(
	readFileSync('tests/fixtures/decay-fit.flowbook.json', 'utf8')
) as FlowbookDocument;
const cellOf = <K extends Cell['kind']>(kind: K) =>
	doc.cells.find((c) => c.kind === kind) as Extract<Cell, { kind: K }>;

describe('calibration and optimisation cells as the analysis takes them', () => {
	it('a calibration needs data linked to a variable', () => {
		expect(calibrationSpec(doc, cellOf('calibration'))).toMatch(/no data series is linked/);
		const withData: FlowbookDocument = {
			...doc,
			data: [
				{ id: 'obs', name: 'observed', times: [0, 1], values: [200, 148], variable: 'S' },
				{ id: 'loose', name: 'loose', times: [0], values: [1] }
			]
		};
		const spec = calibrationSpec(withData, cellOf('calibration'));
		expect(spec).toMatchObject({
			parameters: [
				{ name: 'k', min: 0, max: 1 },
				{ name: 'S0', min: 1, max: 1000 }
			],
			targets: [{ name: 'observed', variable: 'S', weight: 1 }],
			payoff: 'least-squares'
		});
		const weighted = calibrationSpec(withData, {
			...cellOf('calibration'),
			series: [{ series: 'obs', weight: 2 }]
		});
		expect(typeof weighted !== 'string' && weighted.targets.map((t) => t.weight)).toEqual([2]);
		expect(calibrationSpec(withData, { ...cellOf('calibration'), parameters: [] })).toMatch(
			/choose constants/
		);
	});

	it('an optimisation takes lever costs and model values from the notebook', () => {
		const spec = optimisationSpec(doc, cellOf('optimisation'));
		expect(spec).toMatchObject({
			levers: [
				{ name: 'a', cost: 1, base: 0 },
				{ name: 'b', cost: 1, base: 0 }
			],
			objective: { sense: 'min', expression: 'score' },
			output: 'score',
			budget: 4
		});
		expect(optimisationSpec(doc, { ...cellOf('optimisation'), objective: 'min a + b' })).toMatch(
			/not a variable of the model/
		);
	});

	it('a robust optimisation averages over a sensitivity cell’s samples, the scenario beneath', () => {
		const withSensitivity: FlowbookDocument = {
			...doc,
			scenarios: [...doc.scenarios, { id: 'up', name: 'Up', colour: '#000', overrides: { k: 0.5 } }]
			// The fixture's sensitivity cell varies S0 uniformly from 50 to 150.
		};
		const spec = optimisationSpec(withSensitivity, {
			...cellOf('optimisation'),
			scenario: 'up',
			robust: { sensitivity: 'sens', runs: 5 }
		});
		if (typeof spec === 'string') throw new Error(spec);
		expect(spec.samples).toHaveLength(5);
		for (const sample of spec.samples!) {
			expect(sample.k).toBe(0.5);
			expect(sample.S0).toBeGreaterThanOrEqual(50);
			expect(sample.S0).toBeLessThanOrEqual(150);
		}
		expect(
			optimisationSpec(withSensitivity, {
				...cellOf('optimisation'),
				robust: { sensitivity: 'nope' }
			})
		).toMatch(/no sensitivity cell has the id "nope"/);
	});

	it('new cells start from the notebook’s levers', () => {
		expect(newCell(doc, 'calibration')).toMatchObject({
			parameters: [
				{ variable: 'k', min: 0, max: 1 },
				{ variable: 'S0', min: 1, max: 1000 }
			]
		});
		expect(newCell(doc, 'optimisation')).toMatchObject({
			levers: [{ variable: 'a' }, { variable: 'b' }],
			objective: 'min S'
		});
	});
});
