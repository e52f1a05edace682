import { describe, expect, it } from 'vitest';
import { compileModel } from '../engine';
import { readXmile } from './read';
import { writeXmile } from './write';

/** XMILE 1.0 §4.8.1 and §4.8.2: an expression macro, and a smooth made of a stock and a flow. */
const MACROS = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
<header><vendor>test</vendor></header>
<sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
<model>
	<variables>
		<aux name="bits"><eqn>LOG(256, 2)</eqn></aux>
		<aux name="smoothed"><eqn>SMOOTH_OF(demand, 2)</eqn></aux>
		<aux name="demand"><eqn>10</eqn></aux>
	</variables>
</model>
<macro name="LOG">
	<parm>x</parm>
	<parm>base</parm>
	<eqn>LN(x)/LN(base)</eqn>
	<format><![CDATA[LOG(<value>, <base>)]]></format>
	<doc>The base-base logarithm.</doc>
</macro>
<macro name="SMOOTH OF">
	<parm>input</parm>
	<parm>averaging_time</parm>
	<parm default="0">initial</parm>
	<eqn>Smooth_of_Input</eqn>
	<variables>
		<stock name="Smooth of Input"><eqn>initial</eqn><inflow>change_in_smooth</inflow></stock>
		<flow name="change in smooth"><eqn>(input - Smooth_of_Input)/averaging_time</eqn></flow>
	</variables>
</macro>
</xmile>`;

describe('XMILE macros', () => {
	it('reads each macro: parameters with their defaults, equation, call format, documentation and variables', () => {
		const { model, diagnostics } = readXmile(MACROS);
		expect(diagnostics).toEqual([]);
		expect(
			model.macros?.map(({ variables, ...m }) => ({
				...m,
				variables: variables?.map((v) => [v.name, v.kind])
			}))
		).toEqual([
			{
				name: 'LOG',
				parameters: [{ name: 'x' }, { name: 'base' }],
				equation: 'LN(x)/LN(base)',
				format: 'LOG(<value>, <base>)',
				documentation: 'The base-base logarithm.',
				variables: undefined
			},
			{
				name: 'SMOOTH OF',
				parameters: [
					{ name: 'input' },
					{ name: 'averaging_time' },
					{ name: 'initial', default: '0' }
				],
				equation: 'Smooth_of_Input',
				variables: [
					['Smooth of Input', 'stock'],
					['change in smooth', 'flow']
				]
			}
		]);
	});

	it('runs them', () => {
		const compiled = compileModel(readXmile(MACROS).model);
		if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
		const result = compiled.simulation.run();
		expect(compiled.simulation.outputs).toEqual(['bits', 'smoothed', 'demand']);
		expect(compiled.simulation.seriesOf(result, 'bits')![0]).toBeCloseTo(8, 12);
		// From 0 toward 10 by half the gap each step.
		expect([...compiled.simulation.seriesOf(result, 'smoothed')!]).toEqual([0, 5, 7.5]);
	});

	it('writes them back and reads what it wrote unchanged', () => {
		const first = readXmile(MACROS).model;
		const text = writeXmile(first);
		expect(text).toContain('<uses_macros recursive_macros="false" option_filters="false"/>');
		expect(text).toContain('<parm default="0">initial</parm>');
		const again = readXmile(text);
		expect(again.diagnostics).toEqual([]);
		expect(again.model.macros).toEqual(first.macros);
	});

	it('reads a parameter that is also an equation-less flow of the macro (as xmutil writes INTEG)', () => {
		const text = MACROS.replace(
			'<stock name="Smooth of Input">',
			'<flow name="input"/><stock name="Smooth of Input">'
		);
		expect(readXmile(text).diagnostics).toEqual([]);
	});

	it('reports what it cannot run: a macro with its own clock, a macro without a name or equation', () => {
		const text = MACROS.replace(
			'<parm>x</parm>',
			'<parm>x</parm><sim_specs><stop>x</stop></sim_specs>'
		).replace(
			'</xmile>',
			'<macro><eqn>1</eqn></macro><macro name="EMPTY"/><macro name="NONNEG" filter="stock"><parm>value</parm><eqn>MAX(value, 0)</eqn></macro></xmile>'
		);
		const errors = readXmile(text).diagnostics.filter((d) => d.severity === 'error');
		expect(errors.map((d) => [d.line, d.message])).toEqual([
			[
				13,
				'Macro "LOG" has its own <sim_specs>: macros that run on a clock of their own are not supported'
			],
			[29, 'A <macro> has no name and is ignored'],
			[29, 'Macro "EMPTY" has no <eqn>: it must say what a call gives'],
			[29, 'Macro "NONNEG" is an option filter (filter="stock"): option filters are not supported']
		]);
	});
});
