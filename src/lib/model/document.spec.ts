/**
 * Reading a `.flowbook.json` document: unreadable input throws an InputError (with a line number
 * when the JSON is malformed); readable input with problems comes back as diagnostics.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from './diagnostics';
import { documentFromModel, readDocument, writeDocument } from './document';
import { SCHEMA_VERSION, type FlowbookDocument } from './types';

/** A document broken by hand, in any shape a file could have. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const minimal = {
	schemaVersion: SCHEMA_VERSION,
	title: 'Minimal',
	model: {
		simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' },
		variables: [{ id: 'a', kind: 'aux', name: 'A', equation: '1' }]
	}
};
const read = (doc: unknown) => readDocument(JSON.stringify(doc, null, '\t'));

function thrown(text: string): InputError {
	try {
		readDocument(text);
	} catch (e) {
		expect(e).toBeInstanceOf(InputError);
		return e as InputError;
	}
	throw new Error(`readDocument accepted ${JSON.stringify(text)}`);
}

describe('readDocument', () => {
	describe('invalid JSON', () => {
		it.each([
			// The line where the parser finds the next token, as JSON parsers report it.
			['a missing comma', '{\n\t"schemaVersion": 1\n\t"title": "x"\n}', 3],
			['a missing colon', '{\n\t"schemaVersion": 1,\n\t"title" "x"\n}', 3],
			['a trailing comma', '{\n\t"schemaVersion": 1,\n\t"title": "x",\n}', 4],
			['single quotes', "{\n\n\t'title': 1\n}", 3],
			['text after the document', '{"schemaVersion": 1}\n\nmore', 3],
			['a file cut off after a value', '{\n\t"schemaVersion": 1,\n\t"title": "x"', 3]
		])('throws an InputError with the line number for %s', (_what, text, line) => {
			const e = thrown(text);
			expect(e.message).toMatch(/not valid JSON/);
			expect(e.diagnostics).toHaveLength(1);
			expect(e.diagnostics[0].severity).toBe('error');
			expect(e.diagnostics[0].line).toBe(line);
		});

		it('gives the line number for an unexpected token too', () => {
			const e = thrown('{\n\t"schemaVersion": 1,\n\t"title": }\n');
			expect(e.diagnostics[0].line).toBe(3);
		});

		it('gives the line number for a file that ends too soon', () => {
			const e = thrown('{\n\t"schemaVersion": 1,\n\t"title": tr');
			expect(e.diagnostics[0].line).toBe(3);
		});

		it('throws an InputError for an empty file', () => {
			expect(thrown('').message).toMatch(/not valid JSON/);
		});
	});

	it.each([
		['an array', '[1, 2]'],
		['a number', '42'],
		['a string', '"flowbook"'],
		['null', 'null']
	])('throws an InputError when the document is %s', (_what, text) => {
		expect(thrown(text).message).toMatch(/must be a JSON object/);
	});

	it('reports a missing schemaVersion', () => {
		const { schemaVersion: _, ...rest } = minimal;
		const { diagnostics } = read(rest);
		expect(diagnostics).toHaveLength(1);
		expect(diagnostics[0].severity).toBe('error');
		expect(diagnostics[0].message).toMatch(/schemaVersion is missing/);
		expect(read({ ...minimal, schemaVersion: '1' }).diagnostics[0].message).toMatch(
			/schemaVersion/
		);
	});

	it('reports a schemaVersion newer than this Flowbook, with both versions', () => {
		const { diagnostics } = read({ ...minimal, schemaVersion: SCHEMA_VERSION + 1 });
		expect(diagnostics).toHaveLength(1);
		expect(diagnostics[0].message).toContain(`schemaVersion ${SCHEMA_VERSION + 1}`);
		expect(diagnostics[0].message).toContain(`(${SCHEMA_VERSION})`);
	});

	it('reports a missing title and model problems, naming the field or variable', () => {
		const { title: _, ...rest } = minimal;
		expect(read(rest).diagnostics.map((d) => d.message)).toEqual(['title must be text']);
		const bad = read({
			...minimal,
			model: { ...minimal.model, variables: [{ id: 'a', kind: 'aux', name: 'A' }] }
		});
		expect(bad.diagnostics.map((d) => d.message)).toEqual([
			'model.variables[0] ("A").equation must be text'
		]);
		expect(read({ ...minimal, model: undefined }).diagnostics[0].message).toMatch(
			/^model must be an object/
		);
	});

	it('reports scenarios, levers and cells that are not lists', () => {
		const { diagnostics } = read({ ...minimal, scenarios: {}, levers: 'none', cells: 3 });
		expect(diagnostics.map((d) => d.message)).toEqual([
			'scenarios must be a list (it is an object)',
			'levers must be a list (it is "none")',
			'cells must be a list (it is 3)'
		]);
	});

	describe('scenarios', () => {
		const scenario = (overrides: unknown, name: unknown = 'S1 more beds') => ({
			id: 's1',
			name,
			colour: '#123456',
			overrides
		});

		it('accepts number overrides', () => {
			expect(
				read({ ...minimal, scenarios: [scenario({ A: 2, 'Bed Capacity': 250.5 })] }).diagnostics
			).toEqual([]);
		});

		it.each([
			['a string', { A: '2' }],
			['null', { A: null }],
			['a list', { A: [2] }],
			['a boolean', { A: true }]
		])('reports an override that is %s, naming the scenario', (_what, overrides) => {
			const { diagnostics } = read({ ...minimal, scenarios: [scenario({ B: 1, ...overrides })] });
			expect(diagnostics).toHaveLength(1);
			expect(diagnostics[0].message).toMatch(
				/^scenarios\[0\] \("S1 more beds"\)\.overrides\["A"\] must be a number \(it is /
			);
		});

		it('reports overrides that are missing or not an object, a scenario without a name, and a repeated id', () => {
			const { diagnostics } = read({
				...minimal,
				scenarios: [
					scenario(undefined),
					scenario(5, 'Two'),
					{ id: 's3', colour: '#000', overrides: {} },
					null
				]
			});
			expect(diagnostics.map((d) => d.message)).toEqual([
				'scenarios[0] ("S1 more beds").overrides must be an object',
				'scenarios[1] ("Two").overrides must be an object (it is 5)',
				'scenarios[2].name must be text',
				'scenarios[3] must be an object (it is null)',
				'scenarios[1].id: "s1" is also the id of scenarios[0]'
			]);
		});

		it('keeps a reference that names a scenario, and names one that does not', () => {
			const scenarios = [scenario({})];
			expect(read({ ...minimal, scenarios, reference: 'S1' }).diagnostics).toEqual([]);
			expect(
				read({ ...minimal, scenarios, reference: 'S9' }).diagnostics.map((d) => d.message)
			).toEqual(['reference: there is no scenario "S9" to compare with']);
			expect(read({ ...minimal, scenarios, reference: 3 }).diagnostics).toHaveLength(1);
		});

		it('reports overrides given as a list', () => {
			expect(read({ ...minimal, scenarios: [scenario([2, 3])] }).diagnostics).toHaveLength(1);
		});
	});

	it('fills the defaults of a minimal valid document', () => {
		const { document, diagnostics } = read(minimal);
		expect(diagnostics).toEqual([]);
		expect(document).toEqual({ ...minimal, description: '', scenarios: [], levers: [], cells: [] });
	});

	it('keeps what the document gives over the defaults', () => {
		const scenarios = [{ id: 'b', name: 'Baseline', colour: '#000', overrides: {} }];
		const { document } = read({
			...minimal,
			description: 'About',
			scenarios,
			cells: [{ id: 't', kind: 'text', markdown: 'hi' }]
		});
		expect(document.description).toBe('About');
		expect(document.scenarios).toEqual(scenarios);
		expect(document.cells).toHaveLength(1);
		expect(document.levers).toEqual([]);
	});

	it('fills the integration method when the document leaves it out', () => {
		const { document, diagnostics } = read({
			...minimal,
			model: { ...minimal.model, simSpecs: { start: 0, stop: 10, dt: 1 } }
		});
		expect(diagnostics).toEqual([]);
		expect(document.model.simSpecs.method).toBe('euler');
	});

	describe('the example models', () => {
		const dir = fileURLToPath(new URL('../../../models/', import.meta.url));
		const files = readdirSync(dir).filter((f) => f.endsWith('.flowbook.json'));

		it('has at least one example', () => {
			expect(files.length).toBeGreaterThan(0);
		});

		it.each(files)('%s reads with no diagnostics', (file) => {
			const { document, diagnostics } = readDocument(readFileSync(dir + file, 'utf8'));
			expect(diagnostics).toEqual([]);
			expect(document.schemaVersion).toBe(SCHEMA_VERSION);
			expect(document.title).toBeTruthy();
			expect(document.model.variables.length).toBeGreaterThan(0);
		});
	});
});

/** A small notebook with every kind of cell, to break one field at a time. */
function notebook(): Loose {
	return {
		schemaVersion: SCHEMA_VERSION,
		title: 'Beds',
		description: 'A ward as a bathtub',
		display: { timeUnit: 'week', modelTimePerUnit: 7 },
		model: {
			simSpecs: {
				start: 0,
				stop: 10,
				dt: 0.25,
				saveStep: 1,
				method: 'rk4',
				timeUnits: 'day',
				seed: 3
			},
			units: [{ name: 'bed', equation: 'patient', aliases: ['beds'] }],
			variables: [
				{
					id: 'beds',
					kind: 'stock',
					name: 'Occupied Beds',
					initial: '100',
					inflows: ['in'],
					outflows: ['out'],
					nonNegative: true,
					position: { x: 1, y: 2 }
				},
				{
					id: 'in',
					kind: 'flow',
					name: 'Admissions',
					equation: '20',
					uniflow: true,
					points: [
						{ x: 0, y: 2 },
						{ x: 1, y: 2 }
					]
				},
				{
					id: 'out',
					kind: 'flow',
					name: 'Discharges',
					equation: 'Occupied_Beds / Stay',
					graphical: { type: 'continuous', xs: [0, 1], ys: [0, 1] }
				},
				{
					id: 'heat',
					kind: 'aux',
					name: 'Heat Loss',
					equation: '1',
					units: 'bed/day',
					documentation: 'doc'
				},
				{ id: 'stay', kind: 'aux', name: 'Stay', equation: '5' },
				{
					id: 'table',
					kind: 'gf',
					name: 'Table',
					graphical: { xs: [0, 1, 2], ys: [1, 2, 3], xScale: { min: 0, max: 2 } }
				},
				{
					id: 'ward',
					kind: 'aux',
					name: 'Ward Beds',
					equation: '',
					dimensions: ['Ward', 'Day'],
					elements: [
						{ subscript: ['A', '1'], equation: '1' },
						{ subscript: ['A', '2'], equation: '2' },
						{ subscript: ['B', '1'], equation: '3', graphical: { xs: [0, 1], ys: [0, 1] } },
						{ subscript: ['B', '2'], equation: '4' }
					]
				}
			],
			dimensions: [
				{ name: 'Ward', elements: ['A', 'B'] },
				{ name: 'Day', size: 2 }
			],
			diagram: {
				connectors: [{ id: 'c1', from: 'stay', to: 'out', angle: 45 }],
				clouds: [{ id: 'k1', flow: 'in', position: { x: 0, y: 2 } }]
			}
		},
		scenarios: [
			{ id: 'baseline', name: 'Baseline', colour: '#000', overrides: {} },
			{
				id: 'short',
				name: 'S2 shorter stays',
				colour: '#f00',
				description: 'stays of 4 days',
				overrides: { Stay: 4 }
			}
		],
		levers: [
			{ variable: 'stay', label: 'Length of stay', min: 1, max: 10, step: 0.5 },
			{
				variable: 'Ward Beds',
				label: 'Beds on each ward each day',
				min: 0,
				max: 10,
				step: 1,
				perElement: true
			}
		],
		cells: [
			{ id: 'intro', kind: 'text', markdown: '# Beds' },
			{ id: 'diagram', kind: 'diagram' },
			{
				id: 'chart',
				kind: 'chart',
				title: 'Beds',
				variables: [
					'beds',
					'Occupied Beds',
					'occupied_beds',
					'Ward Beds[B,2]',
					{ variable: 'Ward Beds', elements: ['A,1', 'B, 2'], sum: true }
				],
				scenarios: ['baseline', 'S2'],
				mode: 'difference',
				baseline: 'baseline',
				format: 'number'
			},
			{ id: 'levers', kind: 'levers', title: 'Levers', levers: ['stay'], charts: ['chart'] },
			{
				id: 'table',
				kind: 'scenario-table',
				outputs: [
					'beds',
					{ variable: 'Heat Loss', label: 'Heat', better: 'lower', format: 'percent' }
				],
				times: [1, 5],
				scenarios: ['short']
			},
			{ id: 'sens', kind: 'sensitivity', outputs: ['beds'] }
		]
	};
}

describe('readDocument: every field checked, named by its path', () => {
	it('accepts a notebook that uses every field', () => {
		expect(read(notebook()).diagnostics).toEqual([]);
	});

	it.each<[string, (d: Loose) => void, string]>([
		[
			'a cell kind that does not exist',
			(d) => (d.cells[2].kind = 'chrat'),
			'cells[2].kind: unknown cell kind "chrat"; it must be "text", "diagram", "levers", "chart", "scenario-table", "sensitivity", "bars", "bridge", "tornado", "equal-cost", "data", "calibration", "optimisation" or "loops"'
		],
		[
			'a cell without a kind',
			(d) => delete d.cells[0].kind,
			'cells[0].kind: no kind; it must be "text", "diagram", "levers", "chart", "scenario-table", "sensitivity", "bars", "bridge", "tornado", "equal-cost", "data", "calibration", "optimisation" or "loops"'
		],
		[
			'an equation that is not text',
			(d) => (d.model.variables[3].equation = 42),
			'model.variables[3] ("Heat Loss").equation must be text (it is 42)'
		],
		[
			'a missing equation',
			(d) => delete d.model.variables[3].equation,
			'model.variables[3] ("Heat Loss").equation must be text'
		],
		[
			'a variable kind that does not exist',
			(d) => (d.model.variables[4].kind = 'stok'),
			'model.variables[4] ("Stay").kind: unknown variable kind "stok"; it must be stock, flow, aux or gf'
		],
		[
			'a stock without an initial value',
			(d) => delete d.model.variables[0].initial,
			'model.variables[0] ("Occupied Beds").initial must be text'
		],
		[
			'inflows that are not a list',
			(d) => (d.model.variables[0].inflows = 'in'),
			'model.variables[0] ("Occupied Beds").inflows must be a list (it is "in")'
		],
		[
			'an outflow that is not text',
			(d) => (d.model.variables[0].outflows = [3]),
			'model.variables[0] ("Occupied Beds").outflows[0] must be text (it is 3)'
		],
		[
			'a flag that is not true or false',
			(d) => (d.model.variables[1].uniflow = 'yes'),
			'model.variables[1] ("Admissions").uniflow must be true or false (it is "yes")'
		],
		[
			'a position without y',
			(d) => (d.model.variables[0].position = { x: 1 }),
			'model.variables[0] ("Occupied Beds").position.y must be a number'
		],
		[
			'a pipe point that is not a point',
			(d) => (d.model.variables[1].points[1] = [1, 2]),
			'model.variables[1] ("Admissions").points[1] must be an object (it is a list)'
		],
		[
			'a blank name',
			(d) => (d.model.variables[4].name = ' '),
			'model.variables[4].name must be text that is not blank'
		],
		[
			'units that are not text',
			(d) => (d.model.variables[3].units = ['bed']),
			'model.variables[3] ("Heat Loss").units must be text (it is a list)'
		],
		[
			'a graphical function x that is not a number',
			(d) => (d.model.variables[5].graphical.xs[1] = '1'),
			'model.variables[5] ("Table").graphical.xs[1] must be a number (it is "1")'
		],
		[
			'graphical x values that do not increase',
			(d) => (d.model.variables[5].graphical.xs = [0, 2, 1]),
			'model.variables[5] ("Table").graphical.xs must increase, but 1 follows 2'
		],
		[
			'a graphical function with fewer ys than xs',
			(d) => (d.model.variables[5].graphical.ys = [1]),
			'model.variables[5] ("Table").graphical has 3 x values but 1 y values'
		],
		[
			'a gf variable without points',
			(d) => delete d.model.variables[5].graphical,
			'model.variables[5] ("Table").graphical must be an object'
		],
		[
			'an unknown graphical type',
			(d) => (d.model.variables[2].graphical.type = 'smooth'),
			'model.variables[2] ("Discharges").graphical.type must be "continuous", "extrapolate" or "discrete" (it is "smooth")'
		],
		[
			'a dt that is text',
			(d) => (d.model.simSpecs.dt = '0.25'),
			'model.simSpecs.dt must be a number (it is "0.25")'
		],
		[
			'an infinite stop',
			(d) => (d.model.simSpecs.stop = Infinity),
			'model.simSpecs.stop must be a number (it is null)'
		],
		[
			'an unknown method',
			(d) => (d.model.simSpecs.method = 'gear'),
			'model.simSpecs.method must be "euler", "rk2" or "rk4" (it is "gear")'
		],
		[
			'missing sim specs',
			(d) => delete d.model.simSpecs,
			'model.simSpecs is missing: the model needs start, stop and dt'
		],
		[
			'variables that are not a list',
			(d) => (d.model.variables = {}),
			'model.variables must be a list (it is an object)'
		],
		[
			'a unit without a name',
			(d) => delete d.model.units[0].name,
			'model.units[0].name must be text'
		],
		[
			'a connector angle that is text',
			(d) => (d.model.diagram.connectors[0].angle = '45'),
			'model.diagram.connectors[0].angle must be a number (it is "45")'
		],
		[
			'a cloud without a position',
			(d) => delete d.model.diagram.clouds[0].position,
			'model.diagram.clouds[0].position must be an object'
		],
		[
			'a description that is not text',
			(d) => (d.description = 7),
			'description must be text (it is 7)'
		],
		[
			'a display time unit missing',
			(d) => delete d.display.timeUnit,
			'display.timeUnit must be text'
		],
		[
			'a display scale of zero',
			(d) => (d.display.modelTimePerUnit = 0),
			'display.modelTimePerUnit must be above 0 (it is 0)'
		],
		[
			'a scenario without a colour',
			(d) => delete d.scenarios[1].colour,
			'scenarios[1] ("S2 shorter stays").colour must be text'
		],
		[
			'a lever whose min is above its max',
			(d) => (d.levers[0].min = 20),
			'levers[0] ("Length of stay"): min 20 is above max 10'
		],
		[
			'a lever step of zero',
			(d) => (d.levers[0].step = 0),
			'levers[0] ("Length of stay").step must be above 0 (it is 0)'
		],
		[
			'a lever whose perElement is not true or false',
			(d) => (d.levers[0].perElement = 'yes'),
			'levers[0] ("Length of stay").perElement must be true or false (it is "yes")'
		],
		[
			'a text cell without markdown',
			(d) => delete d.cells[0].markdown,
			'cells[0].markdown must be text'
		],
		[
			'chart variables that are not a list',
			(d) => (d.cells[2].variables = 'beds'),
			'cells[2].variables must be a list (it is "beds")'
		],
		[
			'a chart variable that is neither a name nor an arrayed variable',
			(d) => d.cells[2].variables.push(3),
			"cells[2].variables[5] must be a variable's name or id, or an arrayed variable with its elements (it is 3)"
		],
		[
			'a chart sum that is not true or false',
			(d) => (d.cells[2].variables[4].sum = 'yes'),
			'cells[2].variables[4].sum must be true or false (it is "yes")'
		],
		[
			'an unknown chart mode',
			(d) => (d.cells[2].mode = 'ratio'),
			'cells[2].mode must be "values" or "difference" (it is "ratio")'
		],
		[
			'a table row of the wrong shape',
			(d) => (d.cells[4].outputs[1] = 5),
			"cells[4].outputs[1] must be a variable's name or id, or a row with a variable (it is 5)"
		],
		[
			'a table row direction that does not exist',
			(d) => (d.cells[4].outputs[1].better = 'more'),
			'cells[4].outputs[1].better must be "higher" or "lower" (it is "more")'
		],
		[
			'table times that are not numbers',
			(d) => (d.cells[4].times = [1, 'five']),
			'cells[4].times[1] must be a number (it is "five")'
		],
		[
			'two cells with one id',
			(d) => (d.cells[3].id = 'chart'),
			'cells[3].id: "chart" is also the id of cells[2]'
		],
		['a cell without an id', (d) => delete d.cells[1].id, 'cells[1].id must be text'],
		[
			'charts beside levers that are not a list',
			(d) => (d.cells[3].charts = 'chart'),
			'cells[3].charts must be a list (it is "chart")'
		],
		[
			'a dimension with both elements and a size',
			(d) => (d.model.dimensions[0].size = 2),
			'model.dimensions[0] ("Ward") needs either elements (a list of names) or a size, not both'
		],
		[
			'a dimension of size 1.5',
			(d) => (d.model.dimensions[1].size = 1.5),
			'model.dimensions[1] ("Day").size must be a whole number above 0 (it is 1.5)'
		],
		[
			'a dimension listing an element twice',
			(d) => d.model.dimensions[0].elements.push('a'),
			'model.dimensions[0] ("Ward").elements[2]: the element "a" is listed twice'
		],
		[
			'two dimensions of one name',
			(d) => d.model.dimensions.push({ name: 'ward', size: 1 }),
			'model.dimensions[2] ("ward").name: there is already a dimension "ward"'
		],
		[
			'a variable over a dimension the model lacks',
			(d) => (d.model.variables[6].dimensions[1] = 'Days'),
			'model.variables[6] ("Ward Beds").dimensions[1]: the model has no dimension "Days"'
		],
		[
			'an element its dimension lacks',
			(d) => (d.model.variables[6].elements[1].subscript[1] = '3'),
			'model.variables[6] ("Ward Beds").elements[1].subscript[1]: "3" is not an element of the dimension "Day"'
		],
		[
			'an element subscript of the wrong length',
			(d) => (d.model.variables[6].elements[0].subscript = ['A']),
			'model.variables[6] ("Ward Beds").elements[0].subscript names 1 element, but the variable has 2 dimensions'
		],
		[
			'an element equation that is not text',
			(d) => (d.model.variables[6].elements[3].equation = 4),
			'model.variables[6] ("Ward Beds").elements[3].equation must be text (it is 4)'
		],
		[
			'elements that are not a list',
			(d) => (d.model.variables[6].elements = {}),
			'model.variables[6] ("Ward Beds").elements must be a list (it is an object)'
		]
	])('reports %s as an error', (_what, breakIt, message) => {
		const doc = notebook();
		breakIt(doc);
		const { diagnostics } = read(doc);
		expect(diagnostics.map((d) => d.message)).toEqual([message]);
		expect(diagnostics[0].severity).toBe('error');
	});

	it.each<[string, (d: Loose) => void, string]>([
		[
			'a chart of a variable the model lacks',
			(d) => d.cells[2].variables.push('Beds Free'),
			'cells[2].variables[5]: the model has no variable "Beds Free"'
		],
		[
			'a chart of an element an arrayed variable lacks',
			(d) => d.cells[2].variables.push({ variable: 'ward_beds', elements: ['C,1'] }),
			'cells[2].variables[5]: Ward Beds has no element "C,1"'
		],
		[
			'a chart summing a variable that is not arrayed',
			(d) => d.cells[2].variables.push({ variable: 'beds', sum: true }),
			'cells[2].variables[5]: Occupied Beds is not arrayed, so it has no elements to choose or sum'
		],
		[
			'a chart of a scenario the notebook lacks',
			(d) => (d.cells[2].scenarios = ['S9']),
			'cells[2].scenarios[0]: there is no scenario "S9"'
		],
		[
			'a table row of a variable the model lacks',
			(d) => (d.cells[4].outputs[0] = 'nope'),
			'cells[4].outputs[0]: the model has no variable "nope"'
		],
		[
			'a levers cell naming a constant with no lever',
			(d) => d.cells[3].levers.push('heat'),
			'cells[3].levers[1]: no lever is set on "heat"'
		],
		[
			'a levers cell showing a chart cell that is not there',
			(d) => d.cells[3].charts.push('gone'),
			'cells[3].charts[1]: the levers cell "levers" shows the chart "gone" beside its sliders, but no chart cell has that id'
		],
		[
			'a levers cell showing a cell that is not a chart',
			(d) => (d.cells[3].charts = ['intro']),
			'cells[3].charts[0]: the levers cell "levers" shows the chart "intro" beside its sliders, but that is a text cell'
		],
		[
			'a lever on a variable the model lacks',
			(d) => ((d.levers[0].variable = 'gone'), (d.cells[3].levers = ['gone'])),
			'levers[0] ("Length of stay").variable: the model has no variable "gone"'
		],
		[
			'a connector from a variable that is not there',
			(d) => (d.model.diagram.connectors[0].from = 'gone'),
			'model.diagram.connectors[0].from: no variable has the id "gone"'
		],
		[
			'a slider for each element on a constant that is not arrayed',
			(d) => (d.levers[0].perElement = true),
			'levers[0] ("Length of stay"): a slider for each element needs an arrayed constant, and "Stay" is not arrayed, so it shows one slider'
		],
		[
			'a cloud on something that is not a flow',
			(d) => (d.model.diagram.clouds[0].flow = 'beds'),
			'model.diagram.clouds[0].flow: no flow has the id "beds"'
		]
	])('warns about %s', (_what, breakIt, message) => {
		const doc = notebook();
		breakIt(doc);
		expect(read(doc).diagnostics).toEqual([
			{ severity: 'warning', message, line: expect.any(Number) }
		]);
	});

	it("leaves the model's own rules to validateModel, once its shape is right", () => {
		const doc = notebook();
		doc.model.variables[4].name = 'occupied_beds';
		doc.model.variables[0].inflows = ['stay'];
		const messages = read(doc).diagnostics.map((d) => `${d.variable}: ${d.message}`);
		expect(messages).toEqual([
			expect.stringMatching(/^Occupied Beds: lists "stay" in its inflows, but there is no flow/),
			expect.stringMatching(/^occupied_beds: has the same name as "Occupied Beds"/)
		]);
	});

	it('reports every problem in one read, each with the line of its field', () => {
		const doc = notebook();
		doc.cells[2].kind = 'chrat';
		doc.model.variables[3].equation = 42;
		const text = JSON.stringify(doc, null, '\t');
		const { diagnostics } = readDocument(text);
		const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
		expect(diagnostics).toEqual([
			{
				severity: 'error',
				message: 'model.variables[3] ("Heat Loss").equation must be text (it is 42)',
				line: lineOf('"equation": 42')
			},
			{
				severity: 'error',
				message: expect.stringMatching(/^cells\[2\]\.kind: unknown cell kind "chrat"/),
				line: lineOf('"chrat"')
			}
		]);
		// A missing field points at the object that lacks it.
		delete doc.model.variables[3].equation;
		const missing = readDocument(JSON.stringify(doc, null, 2)).diagnostics[0];
		expect(missing.line).toBe(
			JSON.stringify(doc, null, 2)
				.split('\n')
				.findIndex((l) => l.includes('"id": "heat"'))
		);
	});

	it('reads a file that starts with a byte order mark', () => {
		expect(readDocument('\uFEFF' + JSON.stringify(minimal)).diagnostics).toEqual([]);
	});
});

describe('readDocument: older schema versions', () => {
	/** The draft schema (version 0) named two fields as XMILE does: savePer and eqn. */
	const version0 = {
		schemaVersion: 0,
		title: 'Written by the draft schema',
		model: {
			simSpecs: { start: 0, stop: 4, dt: 0.5, savePer: 1, method: 'euler' },
			variables: [
				{ id: 's', kind: 'stock', name: 'S', eqn: '10', inflows: ['f'], outflows: [] },
				{ id: 'f', kind: 'flow', name: 'F', eqn: 'S * 0.1' },
				{ id: 'k', kind: 'aux', name: 'K', eqn: '3' }
			]
		}
	};

	it('migrates a version 0 document to the current schema, and says it did', () => {
		const { document, diagnostics, migratedFrom } = read(version0);
		expect(diagnostics).toEqual([]);
		expect(migratedFrom).toBe(0);
		expect(document.schemaVersion).toBe(SCHEMA_VERSION);
		expect(document.model.simSpecs).toEqual({
			start: 0,
			stop: 4,
			dt: 0.5,
			saveStep: 1,
			method: 'euler'
		});
		expect(document.model.variables).toEqual([
			{ id: 's', kind: 'stock', name: 'S', initial: '10', inflows: ['f'], outflows: [] },
			{ id: 'f', kind: 'flow', name: 'F', equation: 'S * 0.1' },
			{ id: 'k', kind: 'aux', name: 'K', equation: '3' }
		]);
	});

	it('checks the migrated document like any other', () => {
		const broken = structuredClone(version0);
		(broken.model.variables[2] as Record<string, unknown>).eqn = 3;
		expect(read(broken).diagnostics.map((d) => d.message)).toEqual([
			'model.variables[2] ("K").equation must be text (it is 3)'
		]);
	});

	it('does not say a current document was migrated', () => {
		expect(read(minimal).migratedFrom).toBeUndefined();
	});

	it.each([-1, 0.5])('reports a schemaVersion of %s', (version) => {
		expect(read({ ...minimal, schemaVersion: version }).diagnostics.map((d) => d.message)).toEqual([
			`schemaVersion must be a whole number from 0 to ${SCHEMA_VERSION} (it is ${version})`
		]);
	});
});

describe('writeDocument', () => {
	it('writes a document that reads back the same, numbers exact', () => {
		const doc = notebook() as unknown as FlowbookDocument;
		doc.model.simSpecs.dt = 1 / 3;
		const text = writeDocument(doc);
		expect(text.endsWith('}\n')).toBe(true);
		expect(text).toContain('\n\t"title": "Beds"');
		const back = readDocument(text);
		expect(back.diagnostics).toEqual([]);
		expect(back.document).toEqual(doc);
	});

	it('stamps the current schema version', () => {
		const doc = { ...(notebook() as unknown as FlowbookDocument), schemaVersion: 0 };
		expect(JSON.parse(writeDocument(doc)).schemaVersion).toBe(SCHEMA_VERSION);
	});
});

describe('documentFromModel', () => {
	it('makes a valid notebook: the model, a baseline scenario and a diagram cell', () => {
		const doc = documentFromModel(minimal.model as FlowbookDocument['model'], 'Teacup');
		expect(doc).toMatchObject({
			schemaVersion: SCHEMA_VERSION,
			title: 'Teacup',
			description: '',
			levers: []
		});
		expect(doc.scenarios.map((s) => s.name)).toEqual(['Baseline']);
		expect(doc.cells).toEqual([{ id: 'diagram', kind: 'diagram' }]);
		expect(readDocument(writeDocument(doc)).diagnostics).toEqual([]);
	});
});

describe('slider positions in a notebook file', () => {
	const base = () => JSON.parse(JSON.stringify(minimal));
	it('keeps them, and names a position that is not a number or belongs to no lever', () => {
		const doc = base();
		doc.levers = [{ variable: doc.model.variables[0].id, label: 'x', min: 0, max: 10, step: 1 }];
		doc.positions = { [doc.model.variables[0].id]: 4, gone: 3 };
		const read = readDocument(JSON.stringify(doc));
		expect(read.document.positions?.[doc.model.variables[0].id]).toBe(4);
		expect(read.diagnostics.map((d) => d.message)).toContain(
			'positions.gone: the notebook has no lever "gone"'
		);
		doc.positions = { [doc.model.variables[0].id]: 'four' };
		expect(readDocument(JSON.stringify(doc)).diagnostics.map((d) => d.message)).toContainEqual(
			expect.stringMatching(/^positions\..* must be a number/)
		);
	});
});
