import { describe, expect, it } from 'vitest';
import { compileModel } from '../engine';
import { readXmile } from './read';
import { writeXmile } from './write';

/** A root model with two modules of one submodel, in XMILE 1.0 with Stella's spelling of <connect>. */
const TWO_TANKS = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
<header><vendor>test</vendor></header>
<sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
<model>
	<variables>
		<aux name="fast rate"><eqn>0.5</eqn></aux>
		<aux name="both"><eqn>left.level + right.level</eqn></aux>
		<module name="left" flowbook:model="tank">
			<connect to="left.rate" from=".fast_rate"/>
			<doc>the fast one</doc>
		</module>
		<module name="right" model_name="tank"/>
	</variables>
	<views><view><module name="left" x="10" y="20"/><aux name="both" x="1" y="2"/></view></views>
</model>
<model name="tank">
	<variables>
		<stock name="level"><eqn>100</eqn><outflow>drain</outflow></stock>
		<flow name="drain"><eqn>level * rate</eqn></flow>
		<aux name="rate" access="input"><eqn>0.1</eqn></aux>
	</variables>
</model>
</xmile>`;

/** XMILE 1.0 §4.7.1's example, with equations: the module reads one root variable and sets another. */
const SPEC_EXAMPLE = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
<header><product version="1.0">Product</product><vendor>sample</vendor><options><uses_submodels/></options></header>
<sim_specs method="Euler" time_units="Months"><start>1</start><stop>13</stop><dt>0.25</dt></sim_specs>
<model>
	<variables>
		<module name="Sub_Model">
			<connect to="Input" from=".Root_Model_Output"/>
			<connect to=".Root_Model_Input" from="Sub_Model.Output"/>
		</module>
		<aux name="Root_Model_Output" access="output"><eqn>TIME</eqn></aux>
		<aux name="Root_Model_Input" access="input"><eqn>{set by the module}</eqn></aux>
	</variables>
</model>
<model name="Sub_Model">
	<variables>
		<aux name="Input" access="input"><eqn>{from the root}</eqn></aux>
		<aux name="Output" access="output"><eqn>Input * 10</eqn></aux>
	</variables>
</model>
</xmile>`;

describe('XMILE modules', () => {
	it('reads and runs the example of XMILE 1.0 §4.7.1, where the module also sets a root variable', () => {
		const { model, diagnostics } = readXmile(SPEC_EXAMPLE);
		expect(diagnostics).toEqual([]);
		expect(model.modules?.[0].connections).toEqual([
			{ to: 'Input', from: 'Root Model Output' },
			{ to: '.Root Model Input', from: 'Sub Model.Output' }
		]);
		const compiled = compileModel(model);
		if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
		const result = compiled.simulation.run();
		expect(compiled.simulation.seriesOf(result, 'Root_Model_Input')!.at(-1)).toBe(130);
		const again = readXmile(writeXmile(model));
		expect(again.diagnostics).toEqual([]);
		expect(again.model.modules).toEqual(model.modules);
	});

	it('reads the submodels and the module instances with their connections', () => {
		const { model, diagnostics } = readXmile(TWO_TANKS);
		expect(diagnostics).toEqual([]);
		expect(model.variables.map((v) => v.name)).toEqual(['fast rate', 'both']);
		expect(model.modules).toEqual([
			{
				id: 'module_left',
				name: 'left',
				model: 'tank',
				connections: [{ to: 'rate', from: 'fast rate' }],
				documentation: 'the fast one',
				position: { x: 10, y: 20 }
			},
			{ id: 'module_right', name: 'right', model: 'tank', connections: [] }
		]);
		expect(
			model.submodels?.map((s) => [s.name, s.variables.map((v) => [v.name, v.kind, v.access])])
		).toEqual([
			[
				'tank',
				[
					['level', 'stock', undefined],
					['drain', 'flow', undefined],
					['rate', 'aux', 'input']
				]
			]
		]);
	});

	it('runs them: each instance its own stock, the unconnected input on its own equation', () => {
		const compiled = compileModel(readXmile(TWO_TANKS).model);
		if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
		const result = compiled.simulation.run();
		const get = (name: string) => [...compiled.simulation.seriesOf(result, name)!];
		expect(get('left.level')).toEqual([100, 50, 25]);
		expect(get('right.level')).toEqual([100, 90, 81].map((x) => expect.closeTo(x, 12)));
		expect(get('both')).toEqual([200, 140, 106].map((x) => expect.closeTo(x, 12)));
	});

	it('writes them back as Stella does, and reads what it wrote unchanged', () => {
		const first = readXmile(TWO_TANKS).model;
		const text = writeXmile(first);
		expect(text).toContain('<uses_submodels/>');
		expect(text).toContain('<module name="left" flowbook:model="tank">');
		expect(text).toContain('<connect to="left.rate" from=".fast_rate"/>');
		expect(text).toContain('<model name="tank">');
		expect(text).toContain('<aux name="rate" access="input">');
		const again = readXmile(text);
		expect(again.diagnostics).toEqual([]);
		expect(again.model.modules).toEqual(first.modules);
		expect(again.model.submodels).toEqual(first.submodels);
	});

	it('reports a module whose model the file lacks, or that comes from another file, at its line', () => {
		const text = TWO_TANKS.replace(
			'<module name="right" model_name="tank"/>',
			'<module name="pump"/>\n<module name="remote" resource="other.stmx"/>'
		);
		const errors = readXmile(text).diagnostics.filter((d) => d.severity === 'error');
		expect(errors).toEqual([
			expect.objectContaining({
				line: 13,
				variable: 'pump',
				message:
					'Module "pump" is an instance of the model "pump", but the file has no <model name="pump">'
			}),
			expect.objectContaining({
				line: 14,
				variable: 'remote',
				message:
					'Module "remote" comes from another file (other.stmx): modules from other files are not supported'
			})
		]);
	});

	it('names the module and the input when an input is left unconnected with no equation', () => {
		const text = TWO_TANKS.replace(
			'<aux name="rate" access="input"><eqn>0.1</eqn></aux>',
			'<aux name="rate" access="input"><eqn>{Enter equation for use when not hooked up}</eqn></aux>'
		);
		const { model, diagnostics } = readXmile(text);
		expect(diagnostics).toEqual([]);
		const compiled = compileModel(model);
		expect(compiled.ok).toBe(false);
		expect(compiled.diagnostics).toEqual([
			expect.objectContaining({
				severity: 'error',
				variable: 'right.rate',
				message:
					'"right.rate" is an input of module "right" and is not connected: connect it to a variable outside the module, or give it an equation'
			})
		]);
	});
});

/**
 * As Stella 1.9 and later save modules: each <connect> written in both modules it joins (and
 * again as <connect2>), `to` naming the input with its module in front; an input inside a
 * module inside a module, fed through its parent; names with a slash and a quoted dot.
 */
const STELLA_19 = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" xmlns:isee="http://iseesystems.com/XMILE">
<sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
<model>
	<variables>
		<aux name="beds/ward"><eqn>4</eqn></aux>
		<module name="supply">
			<connect to="supply.beds/ward" from=".beds/ward"/>
			<connect2 to="supply.beds/ward" from="beds/ward"/>
			<connect to="demand.&quot;free.beds&quot;" from="supply.free"/>
		</module>
		<module name="demand">
			<connect to="demand.&quot;free.beds&quot;" from="supply.free"/>
			<connect2 to="demand.&quot;free.beds&quot;" from="supply.free"/>
		</module>
	</variables>
</model>
<model name="supply">
	<variables>
		<aux name="beds/ward" access="input"><eqn>0</eqn></aux>
		<aux name="free" access="output"><eqn>inner.doubled</eqn></aux>
		<module name="inner"><connect to="inner.x" from=".beds/ward"/></module>
	</variables>
</model>
<model name="inner">
	<variables>
		<aux name="x" access="input"><eqn>0</eqn></aux>
		<aux name="doubled" access="output"><eqn>x * 2</eqn></aux>
	</variables>
</model>
<model name="demand">
	<variables>
		<aux name="&quot;free.beds&quot;" access="input"><eqn>0</eqn></aux>
		<aux name="seen"><eqn>"free.beds" + 1</eqn></aux>
	</variables>
</model>
</xmile>`;

describe('modules as Stella 1.9 and later write them', () => {
	it('gives each connection to the module whose input it sets, once, and runs', () => {
		const { model, diagnostics } = readXmile(STELLA_19);
		expect(diagnostics).toEqual([]);
		expect(model.modules?.map((m) => [m.name, m.connections])).toEqual([
			['supply', [{ to: 'beds/ward', from: 'beds/ward' }]],
			['demand', [{ to: 'free.beds', from: 'supply.free' }]]
		]);
		const compiled = compileModel(model);
		if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
		const result = compiled.simulation.run();
		// 4 beds a ward, doubled two modules down, plus one in the module beside it.
		expect(compiled.simulation.seriesOf(result, 'demand.seen')![0]).toBe(9);
		expect(compiled.simulation.seriesOf(result, 'supply.inner.doubled')![0]).toBe(8);
	});

	it('names both ends of a connection that cannot be made, and what to check', () => {
		const { model } = readXmile(STELLA_19.replaceAll('supply.free', 'supply.fre'));
		const compiled = compileModel(model);
		expect(compiled.ok).toBe(false);
		expect(compiled.diagnostics.map((d) => d.message)).toContain(
			'the connection from "supply.fre" to "demand.free.beds" cannot be made: there is no "supply.fre" around module "demand"; check the spelling, and that it is a variable of the model around the module or an output of a module beside it (written module.variable)'
		);
	});
});
