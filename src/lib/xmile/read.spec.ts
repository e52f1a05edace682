import { describe, expect, it } from 'vitest';
import { InputError } from '../model/diagnostics';
import type { Flow, Stock, Variable } from '../model/types';
import { readXmile } from './read';

const V1 = 'http://docs.oasis-open.org/xmile/ns/XMILE/v1.0';
const PRE_STANDARD = 'http://www.systemdynamics.org/XMILE';

/** A whole file around a model body; the sim_specs are the teacup's. */
function xmile(model: string, { ns = V1, before = '' } = {}): string {
	return `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="${ns}">
<header><name>Test</name><vendor>Flowbook</vendor></header>
<sim_specs method="Euler" time_units="Minutes"><start>0</start><stop>30</stop><dt>0.125</dt></sim_specs>
${before}
<model>
${model}
</model>
</xmile>`;
}

const TEACUP = `<variables>
	<stock name="Teacup Temperature"><eqn>180</eqn><outflow>"Heat Loss to Room"</outflow></stock>
	<flow name="Heat Loss to Room"><eqn>("Teacup Temperature"-"Room Temperature")/"Characteristic Time"</eqn></flow>
	<aux name="Room Temperature"><eqn>70</eqn></aux>
	<aux name="Characteristic Time"><eqn>10</eqn></aux>
</variables>`;

function byName(variables: Variable[], name: string): Variable {
	const v = variables.find((x) => x.name === name);
	if (!v) throw new Error(`no variable ${name}`);
	return v;
}

function inputError(text: string): InputError {
	try {
		readXmile(text);
	} catch (err) {
		if (err instanceof InputError) return err;
		throw err;
	}
	throw new Error('expected an InputError');
}

describe('readXmile', () => {
	it('reads the teacup', () => {
		const { model, diagnostics, name } = readXmile(xmile(TEACUP));
		expect(diagnostics).toEqual([]);
		expect(name).toBe('Test');
		expect(model.simSpecs).toEqual({
			start: 0,
			stop: 30,
			dt: 0.125,
			method: 'euler',
			timeUnits: 'Minutes'
		});
		expect(model.variables.map((v) => [v.id, v.kind])).toEqual([
			['teacup_temperature', 'stock'],
			['heat_loss_to_room', 'flow'],
			['room_temperature', 'aux'],
			['characteristic_time', 'aux']
		]);
		expect(byName(model.variables, 'Teacup Temperature')).toMatchObject({
			initial: '180',
			inflows: [],
			outflows: ['heat_loss_to_room'],
			nonNegative: false
		});
		expect(model.diagram).toEqual({ connectors: [], clouds: [] });
	});

	it('reads both XMILE namespaces alike', () => {
		const standard = readXmile(xmile(TEACUP));
		const preStandard = readXmile(xmile(TEACUP, { ns: PRE_STANDARD }));
		expect(preStandard).toEqual(standard);
	});

	it('warns about a namespace that is not XMILE, and still reads the model', () => {
		const { model, diagnostics } = readXmile(xmile(TEACUP, { ns: 'urn:other' }));
		expect(model.variables).toHaveLength(4);
		expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: 2 })]);
	});

	it('reads a file that uses the isee: prefix without declaring it (xmutil output)', () => {
		const text = xmile(
			TEACUP.replace(
				'</variables>',
				'<isee:dependencies><var name="x"/></isee:dependencies></variables>'
			),
			{
				before: '<isee:prefs show_module_prefix="true"/>'
			}
		).replace('<sim_specs ', '<sim_specs isee:simulation_delay="0" ');
		const { model, diagnostics } = readXmile(text);
		expect(diagnostics).toEqual([]);
		expect(model.variables).toHaveLength(4);
	});

	it('reads variables written directly under <model> (pre-standard .stmx)', () => {
		const bare = TEACUP.replace('<variables>', '').replace('</variables>', '');
		const { model, diagnostics } = readXmile(
			xmile(bare + '<display page_width="0"/><interface/>', { ns: PRE_STANDARD })
		);
		expect(diagnostics).toEqual([]);
		expect(model.variables).toEqual(readXmile(xmile(TEACUP)).model.variables);
	});

	it('reads a reciprocal dt (builtin_int.xmile)', () => {
		const text = xmile(TEACUP).replace('<dt>0.125</dt>', '<dt reciprocal="true">8</dt>');
		expect(readXmile(text).model.simSpecs.dt).toBe(0.125);
	});

	it('reads CRLF and CR line endings and a byte order mark, with the same lines', () => {
		const lf = xmile(TEACUP + '\n<bogus/>');
		for (const text of [lf, lf.replace(/\n/g, '\r\n'), '\uFEFF' + lf.replace(/\n/g, '\r')]) {
			const { model, diagnostics } = readXmile(text);
			expect(model.variables).toHaveLength(4);
			expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: 13 })]);
		}
	});

	it('resolves <behavior> defaults into explicit flags, with per-variable overrides (test_non_negative_all)', () => {
		const model = `<variables>
			<flow name="Out"><eqn>Time-20</eqn></flow>
			<flow name="Biflow"><eqn>1</eqn><non_negative>false</non_negative></flow>
			<stock name="S0"><outflow>Out</outflow><eqn>25</eqn></stock>
			<stock name="S3"><outflow>Out</outflow><eqn>10</eqn><non_negative>false</non_negative></stock>
		</variables>`;
		const all = readXmile(xmile(model, { before: '<behavior><non_negative/></behavior>' })).model
			.variables;
		expect(all.map((v) => (v as Stock).nonNegative ?? (v as Flow).uniflow)).toEqual([
			true,
			false,
			true,
			false
		]);
		const stocksOnly = readXmile(
			xmile(model, { before: '<behavior><stock><non_negative/></stock></behavior>' })
		).model.variables;
		expect(stocksOnly.map((v) => (v as Stock).nonNegative ?? (v as Flow).uniflow)).toEqual([
			false,
			false,
			true,
			false
		]);
	});

	it('reads graphical functions in their three forms (test_lookups variants)', () => {
		const { model, diagnostics } = readXmile(
			xmile(`<variables>
				<gf name="table"><xpts sep=";">0;5;10</xpts><ypts>0,1,0</ypts></gf>
				<gf name="spread"><xscale min="0" max="10"/><ypts>0,1,0</ypts></gf>
				<aux name="embedded"><eqn>Time</eqn><gf><xpts>0,5,10</xpts><ypts sep=";">0;1;0</ypts></gf></aux>
				<aux name="call"><eqn>table(Time)</eqn></aux>
			</variables>`)
		);
		expect(diagnostics).toEqual([]);
		const points = { xs: [0, 5, 10], ys: [0, 1, 0] };
		expect(byName(model.variables, 'table')).toMatchObject({ kind: 'gf', graphical: points });
		expect(byName(model.variables, 'spread')).toMatchObject({ kind: 'gf', graphical: points });
		expect(byName(model.variables, 'embedded')).toMatchObject({
			kind: 'aux',
			equation: 'Time',
			graphical: points
		});
	});

	it('keeps names readable and ids unique (names with underscores and literal \\n)', () => {
		const { model, diagnostics } = readXmile(
			xmile(`<variables>
				<aux name="hares_killed\\nper_lynx"><eqn>1</eqn></aux>
				<aux name="a-b"><eqn>1</eqn></aux>
				<aux name="a+b"><eqn>1</eqn></aux>
			</variables>`)
		);
		expect(diagnostics).toEqual([]);
		expect(model.variables.map((v) => [v.id, v.name])).toEqual([
			['hares_killed_per_lynx', 'hares killed per lynx'],
			['a_b', 'a-b'],
			// "a-b" and "a+b" are different names that make the same id.
			['a_b_2', 'a+b']
		]);
	});

	it('reports names used twice with both lines, and keeps the first', () => {
		const { model, diagnostics } = readXmile(
			xmile(
				'<variables>\n<aux name="Room Temperature"><eqn>70</eqn></aux>\n<aux name="room_temperature"><eqn>20</eqn></aux>\n</variables>'
			)
		);
		expect(model.variables).toEqual([expect.objectContaining({ equation: '70' })]);
		expect(diagnostics).toEqual([
			expect.objectContaining({
				severity: 'error',
				line: 9,
				message: expect.stringMatching(/lines 8 and 9/)
			})
		]);
	});

	it('reports a stock naming a flow that does not exist, or a variable that is not a flow', () => {
		const { model, diagnostics } = readXmile(
			xmile(
				'<variables>\n<stock name="Beds">\n<eqn>5</eqn>\n<inflow>Admissions</inflow>\n<outflow>Capacity</outflow>\n</stock>\n<aux name="Capacity"><eqn>1</eqn></aux>\n</variables>'
			)
		);
		expect((model.variables[0] as Stock).inflows).toEqual([]);
		expect(diagnostics).toEqual([
			expect.objectContaining({
				severity: 'error',
				variable: 'Beds',
				line: 10,
				message: 'Stock "Beds" names "Admissions" as an inflow, but there is no flow "Admissions"'
			}),
			expect.objectContaining({
				severity: 'error',
				line: 11,
				message: expect.stringMatching(/"Capacity" is not a flow/)
			})
		]);
	});

	it('reads arrayed variables and their dimensions with the rest (modules and macros: modules.spec.ts, macros.spec.ts)', () => {
		const { model, diagnostics } = readXmile(
			xmile(
				`<variables>
					<flow name="Births"><eqn>1</eqn><dimensions><dim name="Region"/></dimensions></flow>
					<aux name="Plain"><eqn>1</eqn><dimensions/></aux>
				</variables>`,
				{
					before: '<dimensions><dim name="Region"><elem name="North"/></dim></dimensions>'
				}
			)
		);
		expect(model.variables.map((v) => v.name)).toEqual(['Births', 'Plain']);
		expect(model.dimensions).toEqual([{ name: 'Region', elements: ['North'] }]);
		expect(model.variables[0].dimensions).toEqual(['Region']);
		const errors = diagnostics.filter((d) => d.severity === 'error');
		expect(errors.map((d) => d.message)).toEqual([]);
		expect(errors.every((d) => d.line !== undefined)).toBe(true);
	});

	it('reads the root model of a file with module models, and the model name as a fallback name', () => {
		const text = xmile(TEACUP).replace(
			'</xmile>',
			'<model name="sub"><variables><aux name="x"><eqn>1</eqn></aux></variables></model></xmile>'
		);
		expect(readXmile(text).model.variables).toHaveLength(4);
		const named = xmile(TEACUP)
			.replace('<model>', '<model name="default">')
			.replace('<name>Test</name>', '');
		expect(readXmile(named).name).toBe('default');
	});

	it('warns about unknown elements in <model> and <variables> but not vendor ones', () => {
		const { diagnostics } = readXmile(
			xmile(
				TEACUP.replace('</variables>', '<conveyor_belt/><group name="g"/><isee:x/></variables>') +
					'<foo/><isee:y/>'
			)
		);
		expect(diagnostics.map((d) => [d.severity, d.message])).toEqual([
			['warning', 'Unknown element <foo> in <model> is ignored'],
			['warning', 'Unknown element <conveyor_belt> in <variables> is ignored']
		]);
	});

	it('reads units definitions', () => {
		const { model } = readXmile(
			xmile(TEACUP, {
				before:
					'<model_units><unit name="bed"><eqn>patient</eqn><alias>beds</alias></unit></model_units>'
			})
		);
		expect(model.units).toEqual([{ name: 'bed', equation: 'patient', aliases: ['beds'] }]);
	});

	it('throws an InputError with the line and column for malformed XML', () => {
		const err = inputError(xmile(TEACUP).replace('</flow>', '</flw>'));
		expect(err.diagnostics).toEqual([
			expect.objectContaining({ severity: 'error', line: 9, column: expect.any(Number) })
		]);
	});

	it('throws an InputError for a file that is not XMILE or has no model', () => {
		expect(inputError('<html><body/></html>').diagnostics[0].message).toMatch(
			/root element is <html>/
		);
		expect(inputError('<xmile>\n<header/>\n</xmile>').diagnostics[0]).toMatchObject({ line: 1 });
		expect(inputError('not xml at all').diagnostics[0].line).toBe(1);
	});

	it('throws nothing but InputError, whatever the input (every prefix of a file)', () => {
		const text = xmile(TEACUP, { before: '<behavior><non_negative/></behavior>' });
		for (let end = 0; end <= text.length; end += 3) {
			try {
				readXmile(text.slice(0, end));
			} catch (err) {
				expect(err).toBeInstanceOf(InputError);
			}
		}
	});
});
