/**
 * A sensitivity cell's settings in the document: the constants it varies and how, its number of
 * runs and its seed. They are optional, so notebooks saved before they existed still open.
 */
import { describe, expect, it } from 'vitest';
import { readDocument, writeDocument } from './document';
import { SCHEMA_VERSION, type FlowbookDocument } from './types';

/** A document broken by hand, in any shape a file could have. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

function notebook(): Loose {
	return {
		schemaVersion: SCHEMA_VERSION,
		title: 'Beds',
		description: '',
		model: {
			simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' },
			variables: [
				{
					id: 'beds',
					kind: 'stock',
					name: 'Occupied Beds',
					initial: '10',
					inflows: [],
					outflows: ['out']
				},
				{ id: 'out', kind: 'flow', name: 'Discharges', equation: 'Occupied_Beds / Stay' },
				{ id: 'stay', kind: 'aux', name: 'Stay', equation: '5' },
				{ id: 'growth', kind: 'aux', name: 'Growth', equation: '0.02' }
			]
		},
		scenarios: [],
		levers: [],
		cells: [
			{ id: 'intro', kind: 'text', markdown: '# Beds' },
			{
				id: 'sens',
				kind: 'sensitivity',
				outputs: ['beds'],
				parameters: [
					{ variable: 'stay', distribution: { kind: 'triangular', min: 3, mode: 5, max: 9 } },
					{ variable: 'Growth', distribution: { kind: 'normal', mean: 0.02, sd: 0.005 } },
					{ variable: 'out', distribution: { kind: 'uniform', min: 0, max: 1 } }
				],
				runs: 500,
				seed: 42
			}
		]
	};
}
const read = (doc: unknown) => readDocument(JSON.stringify(doc, null, '\t'));

describe('sensitivity settings in the document', () => {
	it('are read and written back unchanged', () => {
		const { document, diagnostics } = read(notebook());
		expect(diagnostics).toEqual([]);
		const again = readDocument(writeDocument(document));
		expect(again.diagnostics).toEqual([]);
		expect(again.document).toEqual(document);
		expect(again.document.cells[1]).toEqual(notebook().cells[1]);
	});

	it('are optional: a cell with outputs only, as notebooks were saved before, is still valid', () => {
		const doc = notebook();
		doc.cells[1] = { id: 'sens', kind: 'sensitivity', outputs: ['beds'] };
		expect(read(doc).diagnostics).toEqual([]);
		expect((read(doc).document as FlowbookDocument).cells[1]).toEqual({
			id: 'sens',
			kind: 'sensitivity',
			outputs: ['beds']
		});
	});

	it.each<[string, (cell: Loose) => void, string]>([
		[
			'no runs',
			(c) => (c.runs = 0),
			'cells[1].runs must be a whole number from 1 to 10,000 (it is 0)'
		],
		[
			'a fraction of a run',
			(c) => (c.runs = 2.5),
			'cells[1].runs must be a whole number from 1 to 10,000 (it is 2.5)'
		],
		[
			'more runs than the page can hold',
			(c) => (c.runs = 1e6),
			'cells[1].runs must be a whole number from 1 to 10,000 (it is 1000000)'
		],
		[
			'runs written as text',
			(c) => (c.runs = '200'),
			'cells[1].runs must be a number (it is "200")'
		],
		[
			'a negative seed',
			(c) => (c.seed = -1),
			'cells[1].seed must be a whole number from 0 to 4,294,967,295 (it is -1)'
		],
		[
			'a seed with a fraction',
			(c) => (c.seed = 0.5),
			'cells[1].seed must be a whole number from 0 to 4,294,967,295 (it is 0.5)'
		],
		[
			'parameters that are not a list',
			(c) => (c.parameters = 'stay'),
			'cells[1].parameters must be a list (it is "stay")'
		],
		[
			'a parameter that is not an object',
			(c) => (c.parameters[0] = 'stay'),
			'cells[1].parameters[0] must be an object (it is "stay")'
		],
		[
			'a parameter without a variable',
			(c) => delete c.parameters[0].variable,
			'cells[1].parameters[0].variable must be text'
		],
		[
			'a parameter without a distribution',
			(c) => delete c.parameters[0].distribution,
			'cells[1].parameters[0] ("stay").distribution must be an object'
		],
		[
			'a distribution that does not exist',
			(c) => (c.parameters[1].distribution.kind = 'beta'),
			'cells[1].parameters[1] ("Growth").distribution.kind: unknown distribution "beta"; it must be "uniform", "normal" or "triangular"'
		],
		[
			'a distribution without a kind',
			(c) => delete c.parameters[1].distribution.kind,
			'cells[1].parameters[1] ("Growth").distribution.kind: no kind; it must be "uniform", "normal" or "triangular"'
		],
		[
			'a bound that is not a number',
			(c) => (c.parameters[2].distribution.max = 'one'),
			'cells[1].parameters[2] ("out").distribution.max must be a number (it is "one")'
		],
		[
			'a missing mode',
			(c) => delete c.parameters[0].distribution.mode,
			'cells[1].parameters[0] ("stay").distribution.mode must be a number'
		],
		[
			'a uniform min above its max',
			(c) => (c.parameters[2].distribution.min = 2),
			'cells[1].parameters[2] ("out").distribution: min 2 is above max 1'
		],
		[
			'a negative standard deviation',
			(c) => (c.parameters[1].distribution.sd = -0.1),
			'cells[1].parameters[1] ("Growth").distribution.sd must not be negative (it is -0.1)'
		],
		[
			'a triangular mode outside its range',
			(c) => (c.parameters[0].distribution.mode = 12),
			'cells[1].parameters[0] ("stay").distribution: mode 12 must lie from min 3 to max 9'
		]
	])('report %s as an error, named by its path', (_what, breakIt, message) => {
		const doc = notebook();
		breakIt(doc.cells[1]);
		const { diagnostics } = read(doc);
		expect(diagnostics.map((d) => d.message)).toEqual([message]);
		expect(diagnostics[0].severity).toBe('error');
		expect(diagnostics[0].line).toEqual(expect.any(Number));
	});

	it.each<[string, (cell: Loose) => void, string]>([
		[
			'a constant the model lacks',
			(c) => (c.parameters[0].variable = 'Beds Free'),
			'cells[1].parameters[0] ("Beds Free").variable: the model has no variable "Beds Free"'
		],
		[
			'a constant varied twice',
			(c) => (c.parameters[2].variable = 'growth'),
			'cells[1].parameters[2] ("growth").variable: "growth" is already varied by cells[1].parameters[1] ("Growth")'
		]
	])('warn about %s', (_what, breakIt, message) => {
		const doc = notebook();
		breakIt(doc.cells[1]);
		expect(read(doc).diagnostics).toEqual([
			{ severity: 'warning', message, line: expect.any(Number) }
		]);
	});
});
