import { resolveSeries, seriesRef } from './chart-series';
import { describe, expect, it } from 'vitest';
import { canonicalName } from '../model/names';
import { SCHEMA_VERSION, type FlowbookDocument } from '../model/types';
import {
	exampleNotebookFiles,
	loadExampleLibrary,
	summariseLibrary,
	summariseNotebook
} from './library';

const notebook = (title: unknown, description?: unknown) =>
	JSON.stringify({ schemaVersion: 1, title, description });

describe('summariseNotebook', () => {
	it('reads the title and description of a notebook', () => {
		expect(
			summariseNotebook('/models/care-homes.flowbook.json', notebook(' Care homes ', 'Beds.'))
		).toEqual({
			ok: true,
			file: 'care-homes.flowbook.json',
			slug: 'care-homes',
			title: 'Care homes',
			description: 'Beds.'
		});
	});

	it('treats a missing description as empty', () => {
		const entry = summariseNotebook('/models/a.flowbook.json', notebook('A'));
		expect(entry).toMatchObject({ ok: true, description: '' });
	});

	it('names the file and says why when the JSON is malformed', () => {
		const entry = summariseNotebook('/models/broken.flowbook.json', '{ "title": ');
		expect(entry).toMatchObject({ ok: false, file: 'broken.flowbook.json', slug: 'broken' });
		expect(!entry.ok && entry.message).toBe(
			'This file is not valid JSON: the file ends where a value is expected (line 1, column 12).'
		);
	});

	it('says so when there is no title, or an empty one', () => {
		for (const text of [notebook(undefined, 'x'), notebook('   '), notebook(42)]) {
			expect(summariseNotebook('/models/untitled.flowbook.json', text)).toEqual({
				ok: false,
				file: 'untitled.flowbook.json',
				slug: 'untitled',
				message: 'This notebook has no title.'
			});
		}
	});

	it('rejects JSON that is not an object', () => {
		for (const text of ['[]', 'null', '"Bathtub"']) {
			expect(summariseNotebook('/models/x.flowbook.json', text)).toMatchObject({
				ok: false,
				message: 'This file does not contain a Flowbook notebook.'
			});
		}
	});
});

describe('summariseLibrary', () => {
	it('lists notebooks by title, then problem files by name', () => {
		const entries = summariseLibrary({
			'/models/z.flowbook.json': notebook('alpha'),
			'/models/c.flowbook.json': 'not json',
			'/models/a.flowbook.json': notebook('Waiting lists'),
			'/models/b.flowbook.json': notebook(''),
			'/models/m.flowbook.json': notebook('Beds')
		});
		expect(entries.map((e) => (e.ok ? e.title : e.file))).toEqual([
			'alpha',
			'Beds',
			'Waiting lists',
			'b.flowbook.json',
			'c.flowbook.json'
		]);
	});

	it('returns an empty list for an empty folder', () => {
		expect(summariseLibrary({})).toEqual([]);
	});
});

describe('the example notebooks in models/', () => {
	it('include the bathtub tutorial', () => {
		const titles = loadExampleLibrary().map((e) => (e.ok ? e.title : e.file));
		expect(titles).toContain('Bathtub basics: admissions, length of stay and beds');
	});

	for (const [path, text] of Object.entries(exampleNotebookFiles())) {
		it(`${path} is a readable notebook whose references resolve`, () => {
			expect(summariseNotebook(path, text)).toMatchObject({ ok: true });
			expect(referenceProblems(JSON.parse(text) as FlowbookDocument)).toEqual([]);
		});
	}

	it('bathtub-basics gives every variable units, documentation and a position', () => {
		const doc = JSON.parse(
			exampleNotebookFiles()['/models/bathtub-basics.flowbook.json']
		) as FlowbookDocument;
		expect(doc.model.simSpecs).toEqual({
			start: 0,
			stop: 365,
			dt: 0.25,
			method: 'euler',
			timeUnits: 'day'
		});
		expect(doc.model.variables).toHaveLength(8);
		for (const v of doc.model.variables) {
			expect(v.units, v.name).toBeTruthy();
			expect(v.documentation, v.name).toBeTruthy();
			expect(v.position, v.name).toEqual({ x: expect.any(Number), y: expect.any(Number) });
		}
		expect(doc.scenarios.map((s) => [s.name, s.overrides])).toEqual([
			['Baseline', {}],
			['Shorter stays', { 'Average Length of Stay': 4 }]
		]);
	});
});

/**
 * What in a document points at something that is not there, one sentence each. A structural
 * check of the example files only; the model layer owns full validation.
 */
function referenceProblems(doc: FlowbookDocument): string[] {
	const problems: string[] = [];
	const variables = doc.model.variables;
	const byId = new Map(variables.map((v) => [v.id, v]));
	const names = new Set(variables.map((v) => canonicalName(v.name)));
	const scenarioKeys = new Set(doc.scenarios.flatMap((s) => [s.id, s.name]));

	if (doc.schemaVersion !== SCHEMA_VERSION) problems.push(`schemaVersion is ${doc.schemaVersion}`);
	if (byId.size !== variables.length) problems.push('two variables share an id');
	for (const v of variables) {
		if (v.kind !== 'stock') continue;
		for (const f of [...v.inflows, ...v.outflows]) {
			if (byId.get(f)?.kind !== 'flow') problems.push(`${v.name}: no flow with id "${f}"`);
		}
	}
	for (const c of doc.model.diagram?.connectors ?? []) {
		if (!byId.has(c.from) || !byId.has(c.to)) problems.push(`connector ${c.id}: unknown end`);
	}
	for (const c of doc.model.diagram?.clouds ?? []) {
		if (byId.get(c.flow)?.kind !== 'flow') problems.push(`cloud ${c.id}: no flow "${c.flow}"`);
	}
	for (const lever of doc.levers) {
		if (byId.get(lever.variable)?.kind !== 'aux')
			problems.push(`lever: no constant "${lever.variable}"`);
		if (!(lever.min <= lever.max && lever.step > 0))
			problems.push(`lever ${lever.variable}: bad range`);
	}
	for (const s of doc.scenarios) {
		for (const name of Object.keys(s.overrides)) {
			if (!names.has(canonicalName(name)))
				problems.push(`scenario ${s.name}: no variable "${name}"`);
		}
	}
	for (const cell of doc.cells) {
		if (cell.kind === 'levers') {
			for (const id of cell.levers ?? []) {
				if (!doc.levers.some((l) => l.variable === id))
					problems.push(`cell ${cell.id}: no lever "${id}"`);
			}
		}
		if (cell.kind === 'chart') {
			for (const entry of cell.variables) {
				if (!resolveSeries(doc.model, entry).found)
					problems.push(`cell ${cell.id}: no variable "${seriesRef(entry)}"`);
			}
			for (const ref of cell.scenarios ?? []) {
				if (!scenarioKeys.has(ref)) problems.push(`cell ${cell.id}: no scenario "${ref}"`);
			}
		}
	}
	return problems;
}
