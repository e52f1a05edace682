/**
 * Documents with modules and macros: the fields are optional (a document without them is as
 * before), checked by their path when present, and a chart may name a module's variable.
 */
import { describe, expect, it } from 'vitest';
import { readDocument, writeDocument } from './document';
import { SCHEMA_VERSION, type FlowbookDocument } from './types';

/** A document broken by hand, in any shape a file could have. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

function notebook(): FlowbookDocument {
	return {
		schemaVersion: SCHEMA_VERSION,
		title: 'Tanks',
		description: '',
		model: {
			simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' },
			variables: [{ id: 'rate', kind: 'aux', name: 'rate', equation: 'HALF(1)' }],
			modules: [
				{
					id: 'm',
					name: 'left',
					model: 'tank',
					connections: [{ to: 'rate', from: 'rate' }],
					position: { x: 1, y: 2 }
				}
			],
			submodels: [
				{
					name: 'tank',
					variables: [
						{
							id: 'level',
							kind: 'stock',
							name: 'level',
							initial: '100',
							inflows: [],
							outflows: ['drain']
						},
						{ id: 'drain', kind: 'flow', name: 'drain', equation: 'level * rate' },
						{ id: 'rate', kind: 'aux', name: 'rate', equation: '', access: 'input' }
					]
				}
			],
			macros: [{ name: 'HALF', parameters: [{ name: 'x' }], equation: 'x / 2' }]
		},
		scenarios: [],
		levers: [],
		cells: [{ id: 'c', kind: 'chart', variables: ['left.level', 'rate'] }]
	};
}

const read = (doc: unknown) => readDocument(JSON.stringify(doc, null, '\t'));

describe('documents with modules and macros', () => {
	it('reads one without a problem, a chart of a module variable included, and writes it back the same', () => {
		const { document, diagnostics } = read(notebook());
		expect(diagnostics).toEqual([]);
		expect(readDocument(writeDocument(document)).document).toEqual(document);
	});

	it('names the field of a malformed module, connection, submodel or macro', () => {
		const doc = notebook() as unknown as { model: Loose };
		doc.model.modules[0].connections[0].from = 7;
		doc.model.submodels[0].variables[2].access = 'sideways';
		doc.model.macros[0].parameters = [{}];
		const messages = read(doc).diagnostics.map((d) => d.message);
		expect(messages).toEqual([
			'model.modules[0] ("left").connections[0].from must be text (it is 7)',
			'model.submodels[0] ("tank").variables[2] ("rate").access must be "input" or "output" (it is "sideways")',
			'model.macros[0] ("HALF").parameters[0].name must be text'
		]);
	});

	it('checks the model rules inside submodels, and that each module has its submodel', () => {
		const doc = notebook();
		doc.model.modules!.push({ id: 'n', name: 'right', model: 'pump', connections: [] });
		doc.model.submodels![0].variables[0] = {
			...doc.model.submodels![0].variables[0],
			kind: 'stock',
			initial: '1',
			inflows: ['nothing'],
			outflows: []
		} as never;
		const messages = read(doc).diagnostics.map((d) => d.message);
		expect(messages).toEqual([
			'model: the module "right" is an instance of "pump", which is not one of the submodels',
			'model.submodels[0] ("tank"): lists "nothing" in its inflows, but there is no flow with that id'
		]);
	});

	it('warns about a chart of a module variable that does not exist', () => {
		const doc = notebook();
		(doc.cells[0] as { variables: string[] }).variables.push('left.nothing');
		expect(read(doc).diagnostics.map((d) => [d.severity, d.message])).toEqual([
			['warning', 'cells[0].variables[2]: the model has no variable "left.nothing"']
		]);
	});
});
