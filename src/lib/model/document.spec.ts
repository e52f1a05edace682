/**
 * Reading a `.flowbook.json` document: unreadable input throws an InputError (with a line number
 * when the JSON is malformed); readable input with problems comes back as diagnostics.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from './diagnostics';
import { readDocument } from './document';
import { SCHEMA_VERSION } from './types';

const minimal = {
	schemaVersion: SCHEMA_VERSION,
	title: 'Minimal',
	model: { simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' }, variables: [{ id: 'a', kind: 'aux', name: 'A', equation: '1' }] }
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
		expect(read({ ...minimal, schemaVersion: '1' }).diagnostics[0].message).toMatch(/schemaVersion/);
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
		const bad = read({ ...minimal, model: { ...minimal.model, variables: [{ id: 'a', kind: 'aux', name: 'A' }] } });
		expect(bad.diagnostics).toHaveLength(1);
		expect(bad.diagnostics[0].variable).toBe('A');
		expect(read({ ...minimal, model: undefined }).diagnostics[0].message).toMatch(/^model must be an object/);
	});

	it('reports scenarios, levers and cells that are not lists', () => {
		const { diagnostics } = read({ ...minimal, scenarios: {}, levers: 'none', cells: 3 });
		expect(diagnostics.map((d) => d.message)).toEqual(['scenarios must be a list', 'levers must be a list', 'cells must be a list']);
	});

	describe('scenarios', () => {
		const scenario = (overrides: unknown, name: unknown = 'S1 more beds') => ({ id: 's1', name, colour: '#123456', overrides });

		it('accepts number overrides', () => {
			expect(read({ ...minimal, scenarios: [scenario({ A: 2, 'Bed Capacity': 250.5 })] }).diagnostics).toEqual([]);
		});

		it.each([
			['a string', { A: '2' }],
			['null', { A: null }],
			['a list', { A: [2] }],
			['a boolean', { A: true }]
		])('reports an override that is %s, naming the scenario', (_what, overrides) => {
			const { diagnostics } = read({ ...minimal, scenarios: [scenario({ B: 1, ...overrides })] });
			expect(diagnostics).toHaveLength(1);
			expect(diagnostics[0].message).toContain('"S1 more beds"');
			expect(diagnostics[0].message).toMatch(/overrides/);
		});

		it('reports overrides that are missing or not an object, and a scenario without a name', () => {
			const { diagnostics } = read({ ...minimal, scenarios: [scenario(undefined), scenario(5, 'Two'), { overrides: {} }, null] });
			expect(diagnostics.map((d) => d.message)).toEqual([
				expect.stringContaining('"S1 more beds"'),
				expect.stringContaining('"Two"'),
				'scenarios[2] needs a name',
				'scenarios[3] needs a name'
			]);
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
		const { document } = read({ ...minimal, description: 'About', scenarios, cells: [{ id: 't', kind: 'text', markdown: 'hi' }] });
		expect(document.description).toBe('About');
		expect(document.scenarios).toEqual(scenarios);
		expect(document.cells).toHaveLength(1);
		expect(document.levers).toEqual([]);
	});

	it('fills the integration method when the document leaves it out', () => {
		const { document, diagnostics } = read({ ...minimal, model: { ...minimal.model, simSpecs: { start: 0, stop: 10, dt: 1 } } });
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
