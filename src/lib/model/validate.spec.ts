/**
 * Shape checks of a model: each problem is reported once, as an error, and names the variable
 * (Diagnostic.variable) or, when there is no variable to name, the field (in the message).
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostics';
import { isValidModel, validateModel } from './validate';

const simSpecs = { start: 0, stop: 10, dt: 0.25, method: 'euler' };

/** A small valid model: a stock filled by a flow, an aux, a constant and a graphical function. */
function goodModel() {
	return {
		simSpecs: { ...simSpecs, saveStep: 1, timeUnits: 'day' },
		variables: [
			{
				id: 'beds',
				kind: 'stock',
				name: 'Occupied Beds',
				units: 'bed',
				initial: '100',
				inflows: ['admissions'],
				outflows: ['discharges'],
				nonNegative: true,
				position: { x: 10, y: 20 }
			},
			{
				id: 'admissions',
				kind: 'flow',
				name: 'Admissions',
				equation: 'Admission_Rate',
				uniflow: true
			},
			{ id: 'discharges', kind: 'flow', name: 'Discharges', equation: 'Occupied_Beds / Stay' },
			{
				id: 'rate',
				kind: 'aux',
				name: 'Admission Rate',
				equation: 'Seasonal(TIME)',
				documentation: 'per day'
			},
			{ id: 'stay', kind: 'aux', name: 'Stay', equation: '5' },
			{
				id: 'seasonal',
				kind: 'gf',
				name: 'Seasonal',
				graphical: { type: 'continuous', xs: [0, 5, 10], ys: [20, 30, 20] }
			}
		]
	};
}

type Model = ReturnType<typeof goodModel>;
/** The good model with one variable replaced (or appended, when no id matches). */
function withVariable(v: Record<string, unknown>, model: Model = goodModel()) {
	const i = model.variables.findIndex((x) => x.id === v.id);
	const variables: unknown[] = [...model.variables];
	if (i >= 0) variables[i] = v;
	else variables.push(v);
	return { ...model, variables };
}

function only(problems: Diagnostic[]): Diagnostic {
	expect(problems).toHaveLength(1);
	expect(problems[0].severity).toBe('error');
	return problems[0];
}

describe('validateModel', () => {
	it('gives no diagnostics for a valid model', () => {
		expect(validateModel(goodModel())).toEqual([]);
		expect(isValidModel(goodModel())).toBe(true);
	});

	it('accepts a model without the optional fields (method, saveStep, units, positions)', () => {
		const model = {
			simSpecs: { start: 0, stop: 1, dt: 1 },
			variables: [{ id: 'a', kind: 'aux', name: 'A', equation: '1' }]
		};
		expect(validateModel(model)).toEqual([]);
	});

	it('refuses something that is not an object, naming where', () => {
		for (const bad of [null, 42, 'model', [], undefined]) {
			const d = only(validateModel(bad));
			expect(d.message).toMatch(/^model must be an object/);
		}
		expect(only(validateModel(7, 'document.model')).message).toContain('document.model');
		expect(isValidModel(null)).toBe(false);
	});

	it('refuses variables that are not a list', () => {
		const d = only(validateModel({ simSpecs, variables: { a: 1 } }));
		expect(d.message).toContain('model.variables');
	});

	it('names the index of a variable that is not an object', () => {
		const d = only(validateModel({ simSpecs, variables: [3] }));
		expect(d.message).toContain('model.variables[0]');
	});

	describe('ids and names', () => {
		it('reports a duplicate id on the second variable, naming both', () => {
			const model = goodModel();
			model.variables.push({ id: 'stay', kind: 'aux', name: 'Length of Stay', equation: '6' });
			const d = only(validateModel(model));
			expect(d.variable).toBe('Length of Stay');
			expect(d.message).toContain('"stay"');
			expect(d.message).toContain('"Stay"');
		});

		it.each([
			['different case', 'ADMISSION RATE'],
			['underscores for spaces', 'Admission_Rate'],
			['extra spaces', '  Admission   Rate '],
			['mixed', 'admission__RATE']
		])('reports names that differ only by %s', (_how, name) => {
			const model = withVariable({ id: 'rate2', kind: 'aux', name, equation: '1' });
			const d = only(validateModel(model));
			expect(d.variable).toBe(name);
			expect(d.message).toContain('"Admission Rate"');
		});

		it('does not confuse names that really differ', () => {
			const model = withVariable({
				id: 'rate2',
				kind: 'aux',
				name: 'Admission Rates',
				equation: '1'
			});
			expect(validateModel(model)).toEqual([]);
		});

		it('reports a missing id and a missing name, naming the variable or its index', () => {
			const noId = only(
				validateModel(withVariable({ kind: 'aux', name: 'Lonely', equation: '1' }))
			);
			expect(noId.variable).toBe('Lonely');
			expect(noId.message).toMatch(/no id/);

			const noName = only(
				validateModel({
					simSpecs,
					variables: [{ id: 'x', kind: 'aux', name: '   ', equation: '1' }]
				})
			);
			expect(noName.variable).toBeUndefined();
			expect(noName.message).toContain('model.variables[0]');
			expect(noName.message).toMatch(/no name/);
		});
	});

	it('reports an unknown kind, naming the variable and the kind', () => {
		const d = only(
			validateModel(withVariable({ id: 'stay', kind: 'constant', name: 'Stay', equation: '5' }))
		);
		expect(d.variable).toBe('Stay');
		expect(d.message).toContain('"constant"');
		expect(d.message).toMatch(/stock, flow, aux or gf/);

		// No name and no kind: both problems name the variable by its index.
		const unnamed = validateModel({
			simSpecs,
			variables: [{ id: 'q' }, { id: 'a', kind: 'aux', name: 'A', equation: '1' }]
		});
		expect(unnamed.map((d) => d.message)).toEqual([
			expect.stringMatching(/^model\.variables\[0\]: has no name/),
			expect.stringMatching(/^model\.variables\[0\]: has kind undefined/)
		]);
	});

	describe('stocks', () => {
		it('reports an inflow or outflow id that is not a flow', () => {
			const model = goodModel();
			const beds = model.variables[0] as { inflows: unknown[]; outflows: unknown[] };
			beds.inflows = ['admissions', 'transfers'];
			beds.outflows = ['stay']; // an aux, not a flow
			const problems = validateModel(model);
			expect(problems).toHaveLength(2);
			for (const d of problems) expect(d.variable).toBe('Occupied Beds');
			expect(problems[0].message).toContain('"transfers"');
			expect(problems[0].message).toContain('inflows');
			expect(problems[1].message).toContain('"stay"');
			expect(problems[1].message).toContain('outflows');
		});

		it('reports missing inflow lists and a missing initial value', () => {
			const d = validateModel(
				withVariable({ id: 'beds', kind: 'stock', name: 'Occupied Beds', outflows: [] })
			);
			expect(d.map((x) => x.variable)).toEqual(['Occupied Beds', 'Occupied Beds']);
			expect(d.some((x) => /initial/.test(x.message))).toBe(true);
			expect(d.some((x) => /inflows/.test(x.message))).toBe(true);
		});
	});

	it.each(['flow', 'aux'])('reports a %s without an equation', (kind) => {
		const d = only(validateModel(withVariable({ id: 'extra', kind, name: 'No Equation' })));
		expect(d.variable).toBe('No Equation');
		expect(d.message).toMatch(/equation/);
	});

	it('reports an equation that is not text', () => {
		const d = only(
			validateModel(withVariable({ id: 'stay', kind: 'aux', name: 'Stay', equation: 5 }))
		);
		expect(d.variable).toBe('Stay');
	});

	describe('graphical functions', () => {
		const gf = (graphical: unknown) =>
			withVariable({ id: 'seasonal', kind: 'gf', name: 'Seasonal', graphical });

		it('reports mismatched lengths with both counts', () => {
			const d = only(validateModel(gf({ type: 'continuous', xs: [0, 5, 10], ys: [1, 2] })));
			expect(d.variable).toBe('Seasonal');
			expect(d.message).toMatch(/3 x values but 2 y values/);
		});

		it.each([
			['a string', ['1', 2, 3]],
			['null', [1, null, 3]],
			['an object', [1, { y: 2 }, 3]]
		])('reports a point that is %s', (_what, ys) => {
			const d = only(validateModel(gf({ type: 'continuous', xs: [0, 5, 10], ys })));
			expect(d.variable).toBe('Seasonal');
			expect(d.message).toMatch(/numbers/);
		});

		it('reports a gf without points, without lists, and with an unknown type', () => {
			expect(
				only(validateModel(withVariable({ id: 'seasonal', kind: 'gf', name: 'Seasonal' }))).variable
			).toBe('Seasonal');
			expect(only(validateModel(gf({ type: 'continuous', xs: [0, 1] }))).message).toMatch(
				/xs and ys/
			);
			expect(only(validateModel(gf([1, 2]))).message).toMatch(/graphical/);
			const d = only(validateModel(gf({ type: 'smooth', xs: [0, 1], ys: [0, 1] })));
			expect(d.variable).toBe('Seasonal');
			expect(d.message).toMatch(/continuous, extrapolate or discrete/);
		});

		it('checks the graphical of a flow or aux too', () => {
			const d = only(
				validateModel(
					withVariable({
						id: 'stay',
						kind: 'aux',
						name: 'Stay',
						equation: 'TIME',
						graphical: { xs: [0], ys: [] }
					})
				)
			);
			expect(d.variable).toBe('Stay');
		});
	});

	it('reports bad units, documentation and position, naming the variable', () => {
		const d = validateModel(
			withVariable({
				id: 'stay',
				kind: 'aux',
				name: 'Stay',
				equation: '5',
				units: 3,
				documentation: {},
				position: { x: 'a', y: 1 }
			})
		);
		expect(d).toHaveLength(3);
		for (const x of d) expect(x.variable).toBe('Stay');
		expect(d.map((x) => x.message).join('\n')).toMatch(/units[\s\S]*documentation[\s\S]*position/);
	});

	describe('simSpecs', () => {
		const specs = (s: unknown) => ({ ...goodModel(), simSpecs: s });

		it('reports missing simSpecs', () => {
			const d = only(validateModel(specs(undefined)));
			expect(d.message).toContain('model.simSpecs');
		});

		it('reports a missing dt, naming the field', () => {
			const d = only(validateModel(specs({ start: 0, stop: 10 })));
			expect(d.variable).toBeUndefined();
			expect(d.message).toContain('model.simSpecs.dt');
		});

		it('reports non-numeric start and stop, saying what they are', () => {
			const d = validateModel(specs({ start: '0', stop: null, dt: 1 }));
			expect(d.map((x) => x.message)).toEqual([
				expect.stringContaining('model.simSpecs.start'),
				expect.stringContaining('model.simSpecs.stop')
			]);
			expect(d[0].message).toContain('"0"');
		});

		it('reports method "gear", naming the field and value', () => {
			const d = only(validateModel(specs({ ...simSpecs, method: 'gear' })));
			expect(d.message).toContain('model.simSpecs.method');
			expect(d.message).toContain('"gear"');
		});

		it('accepts rk2 and rk4, refuses a non-numeric saveStep', () => {
			expect(validateModel(specs({ ...simSpecs, method: 'rk2' }))).toEqual([]);
			expect(validateModel(specs({ ...simSpecs, method: 'rk4' }))).toEqual([]);
			expect(only(validateModel(specs({ ...simSpecs, saveStep: '1' }))).message).toContain(
				'model.simSpecs.saveStep'
			);
		});
	});

	it('names every problem: each diagnostic has a variable or names a field in its message', () => {
		const model = {
			simSpecs: { start: 0, method: 'gear' },
			variables: [
				{ id: 'a', kind: 'stock', name: 'A', inflows: ['nope'], outflows: [] },
				{ id: 'a', kind: 'aux', name: 'a' },
				{ id: 'c', kind: 'what', name: 'C' },
				{ kind: 'aux', equation: '1' },
				{ id: 'g', kind: 'gf', name: 'G', graphical: { xs: [1, 'x'], ys: [1] } }
			]
		};
		const problems = validateModel(model);
		expect(problems.length).toBeGreaterThanOrEqual(10);
		for (const d of problems) {
			expect(d.severity).toBe('error');
			if (!d.variable) expect(d.message).toMatch(/model\.(simSpecs|variables\[\d+\])/);
		}
	});
});
