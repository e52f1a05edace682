/**
 * loadModelFile picks the reader by the file's extension: XMILE for .xmile/.stmx/.xml, Vensim
 * for .mdl, the notebook document for .json (.flowbook.json); anything else, or a file that cannot be read,
 * is an InputError that says what is wrong.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../lib/model/diagnostics';
import { loadModelFile } from './load-model';

const XMILE = `<?xml version="1.0" encoding="UTF-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
	<header><name>Teacup</name></header>
	<sim_specs><start>0</start><stop>30</stop><dt>0.125</dt></sim_specs>
	<model>
		<variables>
			<flow name="Heat Loss to Room"><eqn>("Teacup Temperature" - "Room Temperature") / 10</eqn></flow>
			<aux name="Room Temperature"><eqn>70</eqn></aux>
			<stock name="Teacup Temperature"><outflow>"Heat Loss to Room"</outflow><eqn>180</eqn></stock>
		</variables>
	</model>
</xmile>
`;

const MDL = `{UTF-8}
Heat Loss to Room = (Teacup Temperature - Room Temperature) / 10 ~ Degrees/Minute ~ |
Room Temperature = 70 ~ Degrees ~ |
Teacup Temperature = INTEG(-Heat Loss to Room, 180) ~ Degrees ~ |
FINAL TIME = 30 ~ Minute ~ |
INITIAL TIME = 0 ~ Minute ~ |
SAVEPER = TIME STEP ~ Minute ~ |
TIME STEP = 0.125 ~ Minute ~ |
`;

const DOCUMENT = JSON.stringify({
	schemaVersion: 1,
	title: 'Tiny notebook',
	model: {
		simSpecs: { start: 0, stop: 5, dt: 1, method: 'euler' },
		variables: [{ id: 'k', kind: 'aux', name: 'Knob', equation: '3' }]
	},
	scenarios: [{ id: 'up', name: 'Up', colour: '#f00', overrides: { Knob: 4 } }]
});

const dir = mkdtempSync(join(tmpdir(), 'flowbook-load-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
}

function inputError(path: string): InputError {
	try {
		loadModelFile(path);
	} catch (e) {
		expect(e).toBeInstanceOf(InputError);
		return e as InputError;
	}
	throw new Error(`loadModelFile accepted ${path}`);
}

describe('loadModelFile', () => {
	it.each(['teacup.xmile', 'teacup.stmx', 'teacup.xml', 'TEACUP.XMILE', 'Teacup.Stmx'])(
		'reads %s as XMILE',
		(name) => {
			const loaded = loadModelFile(file(name, XMILE));
			expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
			expect(loaded.title).toBe('Teacup');
			expect(loaded.scenarios).toEqual([]);
			expect(loaded.model.simSpecs).toMatchObject({ start: 0, stop: 30, dt: 0.125 });
			expect(loaded.model.variables.map((v) => v.name).sort()).toEqual([
				'Heat Loss to Room',
				'Room Temperature',
				'Teacup Temperature'
			]);
		}
	);

	it.each(['tiny.flowbook.json', 'tiny.json', 'TINY.FLOWBOOK.JSON'])(
		'reads %s as a notebook document, with its scenarios',
		(name) => {
			const loaded = loadModelFile(file(name, DOCUMENT));
			expect(loaded.diagnostics).toEqual([]);
			expect(loaded.title).toBe('Tiny notebook');
			expect(loaded.model.variables[0].name).toBe('Knob');
			expect(loaded.scenarios.map((s) => s.name)).toEqual(['Up']);
		}
	);

	it('goes by the extension, not the content', () => {
		// A document in a .xmile file is read as XMILE (and so is not well-formed XML) ...
		const asXml = inputError(file('misnamed.xmile', DOCUMENT));
		expect(asXml.diagnostics[0].message).toMatch(/XML/);
		// ... and XMILE in a .json file is read as JSON.
		expect(inputError(file('misnamed.json', XMILE)).message).toMatch(/not valid JSON/);
	});

	it.each(['teacup.mdl', 'TEACUP.MDL'])('reads %s as a Vensim model', (name) => {
		const loaded = loadModelFile(file(name, MDL));
		expect(loaded.diagnostics).toEqual([]);
		expect(loaded.model.simSpecs).toMatchObject({ start: 0, stop: 30, dt: 0.125 });
		expect(loaded.model.variables.find((v) => v.name === 'Teacup Temperature')).toMatchObject({
			kind: 'stock',
			outflows: ['heat_loss_to_room']
		});
	});

	it.each(['model.txt', 'model', 'model.json.bak'])(
		'refuses %s, saying which formats it reads',
		(name) => {
			const e = inputError(file(name, XMILE));
			expect(e.message).toMatch(/cannot tell the format/);
			expect(e.message).toContain(name);
			expect(e.message).toMatch(/\.xmile.*\.stmx.*\.mdl.*\.flowbook\.json/);
		}
	);

	it('says "no such file" for a missing file', () => {
		const path = join(dir, 'absent.xmile');
		expect(inputError(path).message).toBe(`no such file: ${path}`);
	});

	it('says when the path is a folder', () => {
		const folder = join(dir, 'folder.xmile');
		mkdirSync(folder);
		expect(inputError(folder).message).toMatch(/is a folder/);
	});

	it('passes document problems back as diagnostics, not exceptions', () => {
		const loaded = loadModelFile(
			file('old.flowbook.json', JSON.stringify({ ...JSON.parse(DOCUMENT), schemaVersion: 99 }))
		);
		expect(loaded.diagnostics).toHaveLength(1);
		expect(loaded.diagnostics[0].message).toMatch(/schemaVersion 99/);
	});
});
