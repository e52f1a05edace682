import { describe, expect, it } from 'vitest';
import { readDocument, writeDocument } from './document';
import { SCHEMA_VERSION, type FlowbookDocument } from './types';

const notebook = (data: unknown): FlowbookDocument =>
	({
		schemaVersion: SCHEMA_VERSION,
		title: 'Winter',
		description: '',
		model: {
			simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' },
			variables: [{ id: 'a', kind: 'aux', name: 'attendances', equation: '1' }]
		},
		scenarios: [],
		levers: [],
		cells: [],
		data
	}) as FlowbookDocument;

describe('data series in the document', () => {
	it('save and read back unchanged', () => {
		const doc = notebook([
			{
				id: 'att',
				name: 'attendances',
				times: [0, 7],
				values: [1, 2],
				variable: 'attendances',
				use: 'hold',
				source: 'w.csv'
			}
		]);
		const back = readDocument(writeDocument(doc));
		expect(back.diagnostics).toEqual([]);
		expect(back.document.data).toEqual(doc.data);
	});

	it('are checked, each problem named by its path', () => {
		const { diagnostics } = readDocument(
			writeDocument(
				notebook([
					{
						id: 'a',
						name: 'x',
						times: [0, 2, 1],
						values: [1, 2],
						variable: 'nothing',
						use: 'smooth'
					},
					{ id: 'a', name: 'X', times: [0], values: ['1'] }
				])
			)
		);
		expect(diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
			'error: data[0] ("x") has 3 times but 2 values',
			'error: data[0] ("x").times[2]: times must increase (1 follows 2)',
			'warning: data[0] ("x").variable: the model has no variable "nothing"',
			'error: data[0] ("x").use must be "interpolate" or "hold" (it is "smooth")',
			'error: data[1] ("X").id: the id "a" is used twice',
			'error: data[1] ("X").name: two data series are named "X"',
			'error: data[1] ("X").values[0] must be a number (it is "1")',
			'error: data[1] ("X") has 1 times but 0 values'
		]);
	});
});
