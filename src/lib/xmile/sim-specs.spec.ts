import { describe, expect, it } from 'vitest';
import type { Model, SimSpecs } from '../model/types';
import { readXmile } from './read';
import { writeXmile } from './write';
import { Report } from './report';
import { readSimSpecs } from './sim-specs';
import { parseXmlTree } from './xml-tree';

function read(...blocks: string[]) {
	const report = new Report();
	const simSpecs = readSimSpecs(
		blocks.map((b) => parseXmlTree(b)),
		report
	);
	return { simSpecs, diagnostics: report.diagnostics };
}

describe('readSimSpecs', () => {
	it('reads start, stop, dt, method and time units', () => {
		const { simSpecs, diagnostics } = read(
			'<sim_specs method="Euler" time_units="Months"><start>0</start><stop>30</stop><dt>0.125</dt></sim_specs>'
		);
		expect(simSpecs).toEqual({
			start: 0,
			stop: 30,
			dt: 0.125,
			method: 'euler',
			timeUnits: 'Months'
		});
		expect(diagnostics).toEqual([]);
	});

	it('reads a reciprocal dt (test_delay_xmile: <dt reciprocal="true">8</dt>)', () => {
		const { simSpecs } = read(
			'<sim_specs><start>-20</start><stop>20</stop><dt reciprocal="true">8</dt></sim_specs>'
		);
		expect(simSpecs.dt).toBe(1 / 8);
		expect(simSpecs.start).toBe(-20);
	});

	it('reads the method case-insensitively and takes the first supported fallback', () => {
		const method = (m: string) =>
			read(`<sim_specs method="${m}"><start>0</start><stop>1</stop></sim_specs>`);
		expect(method('RK4').simSpecs.method).toBe('rk4');
		expect(method('rk2').simSpecs.method).toBe('rk2');
		expect(method('EULER').simSpecs.method).toBe('euler');
		expect(method('rk45, rk4').simSpecs.method).toBe('rk4');
		expect(method('rk45, rk4').diagnostics).toEqual([]);
	});

	it('uses RK4 with a warning for a method it does not have', () => {
		const { simSpecs, diagnostics } = read(
			'<sim_specs method="Gear"><start>0</start><stop>1</stop></sim_specs>'
		);
		expect(simSpecs.method).toBe('rk4');
		expect(diagnostics).toEqual([
			expect.objectContaining({ severity: 'warning', message: expect.stringContaining('Gear') })
		]);
	});

	it('defaults dt to 1 and the method to Euler (XMILE 1.0 §2.3)', () => {
		const { simSpecs, diagnostics } = read('<sim_specs><start>0</start><stop>5</stop></sim_specs>');
		expect(simSpecs).toEqual({ start: 0, stop: 5, dt: 1, method: 'euler' });
		expect(diagnostics).toEqual([]);
	});

	it('warns and falls back when start, stop or the whole block is missing', () => {
		const missing = read('<sim_specs><dt>0.5</dt></sim_specs>');
		expect(missing.simSpecs).toMatchObject({ start: 0, stop: 10, dt: 0.5 });
		expect(missing.diagnostics.map((d) => d.severity)).toEqual(['warning', 'warning']);
		const none = read();
		expect(none.simSpecs).toEqual({ start: 0, stop: 10, dt: 1, method: 'euler' });
		expect(none.diagnostics).toHaveLength(1);
	});

	it('reads the save interval from isee:save_interval or a <savestep> element', () => {
		const isee = read(
			'<sim_specs isee:save_interval="1.0"><start>0</start><stop>100</stop><dt>0.03125</dt></sim_specs>'
		);
		expect(isee.simSpecs.saveStep).toBe(1);
		expect(isee.diagnostics).toEqual([]);
		const element = read(
			'<sim_specs><start>0</start><stop>4</stop><dt>0.5</dt><savestep>2</savestep></sim_specs>'
		);
		expect(element.simSpecs.saveStep).toBe(2);
	});

	it('warns when the save interval is not a whole multiple of dt', () => {
		const { diagnostics } = read(
			'<sim_specs isee:save_interval="0.3"><start>0</start><stop>1</stop><dt>0.25</dt></sim_specs>'
		);
		expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning' })]);
	});

	it('reads a seed attribute when one is present', () => {
		const { simSpecs } = read('<sim_specs seed="42"><start>0</start><stop>1</stop></sim_specs>');
		expect(simSpecs.seed).toBe(42);
	});

	it('lets a model-level block override the file-level one field by field', () => {
		const { simSpecs } = read(
			'<sim_specs method="RK4" time_units="Day"><start>0</start><stop>10</stop><dt>1</dt></sim_specs>',
			'<sim_specs><stop>20</stop></sim_specs>'
		);
		expect(simSpecs).toEqual({ start: 0, stop: 20, dt: 1, method: 'rk4', timeUnits: 'Day' });
	});

	it('names the element and line of a bad number', () => {
		const { simSpecs, diagnostics } = read(
			'<sim_specs>\n<start>0</start>\n<stop>ten</stop>\n</sim_specs>'
		);
		expect(simSpecs.stop).toBe(10);
		expect(diagnostics).toContainEqual(
			expect.objectContaining({
				severity: 'error',
				line: 3,
				message: expect.stringContaining('<stop>')
			})
		);
	});

	it('rejects a dt that is not positive and a stop before the start', () => {
		const { diagnostics } = read('<sim_specs><start>5</start><stop>1</stop><dt>0</dt></sim_specs>');
		expect(diagnostics.filter((d) => d.severity === 'error')).toHaveLength(2);
	});
});

describe('run settings written to XMILE and read back', () => {
	const model = (simSpecs: SimSpecs): Model => ({ simSpecs, variables: [] });
	const again = (simSpecs: SimSpecs) => {
		const result = readXmile(writeXmile(model(simSpecs)));
		return { text: writeXmile(model(simSpecs)), specs: result.model?.simSpecs, result };
	};

	it('keeps every setting, the start date among them', () => {
		const specs: SimSpecs = {
			start: 2,
			stop: 30,
			dt: 0.25,
			saveStep: 1,
			method: 'rk2',
			timeUnits: 'days',
			seed: 7,
			startDate: '2026-04-01'
		};
		const { text, specs: read } = again(specs);
		expect(text).toContain('flowbook:start_date="2026-04-01"');
		expect(read).toEqual(specs);
	});

	it('writes a DT of 1/n as Stella does, reciprocal, so 1/3 stays exact', () => {
		const { text, specs } = again({ start: 0, stop: 1, dt: 1 / 3, method: 'euler' });
		expect(text).toContain('<dt reciprocal="true">3</dt>');
		expect(specs?.dt).toBe(1 / 3);
		expect(again({ start: 0, stop: 1, dt: 0.0625, method: 'euler' }).specs?.dt).toBe(0.0625);
		expect(again({ start: 0, stop: 1, dt: 0.3, method: 'euler' }).text).toContain('<dt>0.3</dt>');
		expect(again({ start: 0, stop: 10, dt: 2, method: 'euler' }).text).toContain('<dt>2</dt>');
	});

	it('warns about a start date that is not a date, and drops it', () => {
		const { simSpecs, diagnostics } = read(
			'<sim_specs flowbook:start_date="1 April 2026"><start>0</start><stop>1</stop></sim_specs>'
		);
		expect(simSpecs.startDate).toBeUndefined();
		expect(diagnostics[0].message).toMatch(/start_date.*"1 April 2026"/);
	});
});
