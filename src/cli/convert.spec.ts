/**
 * `npm run convert` end to end, as a process: XMILE to notebook and back, the formats told by
 * extension, and every failure as a message on stderr with exit code 1, no stack trace and no
 * file written. Runs go one at a time (see sim.spec.ts): side by side, tsx processes starve each
 * other on a busy machine.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './run-cli';
import { compileModel } from '../lib/engine';
import { readDocument } from '../lib/model/document';
import type { Model } from '../lib/model/types';
import { readXmile } from '../lib/xmile/read';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const TEACUP_DIR = join(repoRoot, '../shared/conformance/sdxorg/samples/teacup');
const haveTeacup = existsSync(join(TEACUP_DIR, 'teacup_w_diagram.xmile'));
const VENSIM_TEACUP_DIR = join(repoRoot, '../shared/conformance/vensim/sdxorg/samples/teacup');
const haveVensimTeacup = existsSync(join(VENSIM_TEACUP_DIR, 'teacup.mdl'));
const BATHTUB = join(repoRoot, 'models/bathtub-basics.flowbook.json');
const TIMEOUT = 60_000;

type Run = CliRun;

function convert(...args: string[]): Promise<Run> {
	return runCli('convert', args, TIMEOUT);
}

/** Exit 1 with a message on stderr, no stack trace, and the output file not written. */
function expectCleanFailure(run: Run, output?: string): void {
	expect(run.code).toBe(1);
	expect(run.stderr.trim()).not.toBe('');
	expect(run.stderr).not.toMatch(/^\s+at /m);
	expect(run.stderr).not.toMatch(/\.ts:\d/);
	if (output) expect(existsSync(output), `${output} is not written`).toBe(false);
}

const dir = mkdtempSync(join(tmpdir(), 'flowbook-convert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const temp = (name: string, text?: string) => {
	const path = join(dir, name);
	if (text !== undefined) writeFileSync(path, text);
	return path;
};

/** Every saved value of two runs, compared exactly. */
function expectSameRun(a: Model, b: Model): void {
	const ca = compileModel(a);
	const cb = compileModel(b);
	expect(ca.ok && cb.ok).toBe(true);
	if (!ca.ok || !cb.ok) return;
	const ra = ca.simulation.run({ seed: 1 });
	const rb = cb.simulation.run({ seed: 1 });
	expect(rb.names).toEqual(ra.names);
	ra.series.forEach((s, i) =>
		expect(
			[...rb.series[i]].every((v, j) => Object.is(v, s[j])),
			ra.names[i]
		).toBe(true)
	);
}

/** The 1-based line of the first line holding `needle`. */
const lineOf = (text: string, needle: string) =>
	text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const xmile = (variables: string, specs = '<start>0</start><stop>4</stop><dt>1</dt>') =>
	`<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
	<header><vendor>Test</vendor><product version="1">Hand</product></header>
	<sim_specs>${specs}</sim_specs>
	<model>
		<variables>
${variables}
		</variables>
	</model>
</xmile>
`;

describe('convert', { timeout: TIMEOUT }, () => {
	it.skipIf(!haveTeacup)(
		'XMILE → notebook: the model with its diagram, a title from the model name, a diagram cell',
		async () => {
			const input = join(TEACUP_DIR, 'teacup_w_diagram.xmile');
			const output = temp('teacup.flowbook.json');
			const run = await convert(input, output);
			expect(run.stderr).toBe('');
			expect(run.code).toBe(0);
			expect(run.stdout).toContain('4 variables');
			const { document, diagnostics } = readDocument(readFileSync(output, 'utf8'));
			expect(diagnostics).toEqual([]);
			expect(document.title).toBe('teacup');
			expect(document.cells.map((c) => c.kind)).toEqual(['diagram']);
			const imported = readXmile(readFileSync(input, 'utf8')).model;
			expect(document.model).toEqual(imported);
			expect(document.model.variables.find((v) => v.id === 'teacup_temperature')?.position).toEqual(
				{ x: 132, y: 97 }
			);
		}
	);

	it.skipIf(!haveVensimTeacup)(
		'Vensim → XMILE: the .mdl read, written as XMILE that reads back to the same model',
		async () => {
			const input = join(VENSIM_TEACUP_DIR, 'teacup.mdl');
			const output = temp('teacup-from-vensim.xmile');
			const run = await convert(input, output);
			expect(run.code).toBe(0);
			expect(run.stdout).toContain('4 variables');
			const back = readXmile(readFileSync(output, 'utf8'));
			expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
			const stock = back.model.variables.find((v) => v.name === 'Teacup Temperature');
			expect(stock).toMatchObject({
				kind: 'stock',
				initial: '180',
				outflows: ['heat_loss_to_room']
			});
			expect(back.model.simSpecs).toMatchObject({ start: 0, stop: 30, dt: 0.125 });
		}
	);

	it('refuses to write a Vensim model', async () => {
		const input = temp('beds.stmx', xmile('<aux name="Beds"><eqn>230</eqn></aux>'));
		const output = temp('beds.mdl');
		const run = await convert(input, output);
		expectCleanFailure(run, output);
		expect(run.stderr).toMatch(/does not write them/);
	});

	it('XMILE → notebook: titled by the file name when the model has no name', async () => {
		const input = temp('Winter beds.stmx', xmile('<aux name="Beds"><eqn>230</eqn></aux>'));
		const output = temp('winter.flowbook.json');
		expect((await convert(input, output)).code).toBe(0);
		expect(readDocument(readFileSync(output, 'utf8')).document.title).toBe('Winter beds');
	});

	it('notebook → XMILE: the model, named by the title, running to the same numbers', async () => {
		const output = temp('bathtub.xmile');
		const run = await convert(BATHTUB, output);
		expect(run.code).toBe(0);
		expect(run.stderr).toBe('');
		const read = readXmile(readFileSync(output, 'utf8'));
		expect(read.diagnostics).toEqual([]);
		const notebook = readDocument(readFileSync(BATHTUB, 'utf8')).document;
		expect(read.name).toBe(notebook.title);
		expect(read.model.variables.map((v) => [v.name, v.units, v.documentation, v.position])).toEqual(
			notebook.model.variables.map((v) => [v.name, v.units, v.documentation, v.position])
		);
		expectSameRun(notebook.model, read.model);
	});

	it.skipIf(!haveTeacup)(
		'Stella file → notebook → XMILE → notebook keeps the model',
		async () => {
			const first = temp('chain-1.flowbook.json');
			const middle = temp('chain-2.stmx');
			const last = temp('chain-3.flowbook.json');
			expect((await convert(join(TEACUP_DIR, 'teacup.stmx'), first)).code).toBe(0);
			expect((await convert(first, middle)).code).toBe(0);
			expect((await convert(middle, last)).code).toBe(0);
			const a = readDocument(readFileSync(first, 'utf8')).document;
			const b = readDocument(readFileSync(last, 'utf8')).document;
			expect(b.title).toBe(a.title);
			expect(b.model.variables).toEqual(a.model.variables);
			expect(b.model.simSpecs).toEqual(a.model.simSpecs);
			expectSameRun(a.model, b.model);
		},
		3 * TIMEOUT
	);

	it('notebook → notebook brings an old schema version up to date', async () => {
		const old = {
			schemaVersion: 0,
			title: 'Old',
			model: {
				simSpecs: { start: 0, stop: 2, dt: 1, savePer: 1 },
				variables: [{ id: 'k', kind: 'aux', name: 'K', eqn: '2' }]
			}
		};
		const output = temp('migrated.flowbook.json');
		const run = await convert(temp('old.flowbook.json', JSON.stringify(old)), output);
		expect(run.code).toBe(0);
		const written = JSON.parse(readFileSync(output, 'utf8'));
		expect(written.schemaVersion).toBe(1);
		expect(written.model.variables[0].equation).toBe('2');
		expect(written.model.simSpecs.saveStep).toBe(1);
	});

	describe('refuses, with a message and nothing written', () => {
		it('a file that does not exist', async () => {
			const output = temp('never-1.flowbook.json');
			const run = await convert(join(dir, 'missing.xmile'), output);
			expectCleanFailure(run, output);
			expect(run.stderr).toContain('no such file');
		});

		it.each([
			['an input', 'model.txt', 'out.xmile'],
			['an output', 'model.xmile', 'out.csv']
		])('%s of a format it cannot tell', async (_what, input, output) => {
			const run = await convert(
				temp(input, xmile('<aux name="A"><eqn>1</eqn></aux>')),
				temp(output)
			);
			expectCleanFailure(run, join(dir, output));
			expect(run.stderr).toMatch(/cannot tell the format of .*\.(txt|csv)/);
		});

		it('one file instead of two', async () => {
			const run = await convert(temp('lonely.xmile', xmile('<aux name="A"><eqn>1</eqn></aux>')));
			expectCleanFailure(run);
			expect(run.stderr).toContain('usage: flowbook convert IN OUT');
		});

		it('an output folder that does not exist', async () => {
			const run = await convert(
				temp('fine.xmile', xmile('<aux name="A"><eqn>1</eqn></aux>')),
				join(dir, 'no/such/folder/out.flowbook.json')
			);
			expectCleanFailure(run);
			expect(run.stderr).toMatch(/cannot write .*out\.flowbook\.json/);
		});

		it('a notebook with a field of the wrong type, naming the field and its line', async () => {
			const doc = {
				schemaVersion: 1,
				title: 'T',
				model: {
					simSpecs: { start: 0, stop: 1, dt: 1 },
					variables: [{ id: 'h', kind: 'aux', name: 'Heat Loss', equation: 5 }]
				}
			};
			const text = JSON.stringify(doc, null, '\t');
			const input = temp('wrong.flowbook.json', text);
			const output = temp('never-2.xmile');
			const run = await convert(input, output);
			expectCleanFailure(run, output);
			expect(run.stderr).toContain(
				`error: ${input}:${lineOf(text, '"equation": 5')}: model.variables[0] ("Heat Loss").equation must be text (it is 5)`
			);
		});

		it('a notebook that is not JSON, with the line and column', async () => {
			const output = temp('never-3.xmile');
			const run = await convert(
				temp('broken.flowbook.json', '{\n\t"title": "x",\n\t"schemaVersion": 1\n\t"model": {}\n}'),
				output
			);
			expectCleanFailure(run, output);
			expect(run.stderr).toMatch(
				/broken\.flowbook\.json:4:2: the file is not valid JSON: a comma is expected between two values/
			);
		});

		it('an arrayed variable over a dimension the file does not declare', async () => {
			const input = temp(
				'arrays.xmile',
				xmile('<aux name="A"><dimensions><dim name="Region"/></dimensions><eqn>1</eqn></aux>')
			);
			const output = temp('never-4.flowbook.json');
			const run = await convert(input, output);
			expectCleanFailure(run, output);
			expect(run.stderr).toMatch(
				/"A" is arrayed over "Region", which the file does not declare in <dimensions>/
			);
			expect(run.stderr).toContain('has 1 error; nothing written');
		});
	});

	describe('bad XMILE: an error naming the line or the element, never a crash', () => {
		it('malformed XML: the line and column', async () => {
			const text = xmile('<aux name="A"><eqn>1</eqn>\n</variables>');
			const input = temp('malformed.xmile', text);
			const output = temp('never-5.flowbook.json');
			const run = await convert(input, output);
			expectCleanFailure(run, output);
			// The parser stops at the first </variables>, which closes the unclosed <aux>.
			expect(run.stderr).toContain(
				`malformed.xmile:${lineOf(text, '</variables>')}:12: Not well-formed XML: unexpected close tag`
			);
		});

		it('an unknown element: a warning naming it and its line, and the rest converted', async () => {
			const text = xmile('<aux name="A"><eqn>1</eqn></aux>\n<thermostat name="T"/>');
			const input = temp('unknown.xmile', text);
			const output = temp('unknown.flowbook.json');
			const run = await convert(input, output);
			expect(run.code).toBe(0);
			expect(run.stderr).toContain(
				`unknown.xmile:${lineOf(text, '<thermostat')}:1: Unknown element <thermostat> in <variables> is ignored\n`
			);
			expect(run.stderr).toMatch(/^warning: /);
			expect(
				readDocument(readFileSync(output, 'utf8')).document.model.variables.map((v) => v.name)
			).toEqual(['A']);
		});

		it('a stock whose flow is missing: the stock, the flow and the line', async () => {
			const text = xmile('<stock name="Beds"><eqn>1</eqn>\n<outflow>Discharges</outflow></stock>');
			const input = temp('no-flow.xmile', text);
			const output = temp('never-6.flowbook.json');
			const run = await convert(input, output);
			expectCleanFailure(run, output);
			expect(run.stderr).toContain(
				`error: ${input}:${lineOf(text, '<outflow>')}:1: Beds: Stock "Beds" names "Discharges" as an outflow, but there is no flow "Discharges"\n`
			);
		});

		it('a bad number: the element and its line', async () => {
			const text = xmile('<aux name="A"><eqn>1</eqn></aux>', '<start>0</start>\n<stop>ten</stop>');
			const input = temp('bad-number.xmile', text);
			const output = temp('never-7.flowbook.json');
			const run = await convert(input, output);
			expectCleanFailure(run, output);
			expect(run.stderr).toContain(
				`error: ${input}:${lineOf(text, '<stop>')}:1: <stop> in <sim_specs> is not a number: "ten"\n`
			);
		});
	});
});
