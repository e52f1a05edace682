/**
 * <init_eqn> (how xmutil and Simlin carry Vensim's ACTIVE INITIAL) is read, never dropped, and
 * written back; the run it gives is checked against SDEverywhere's active_initial reference in
 * the wide conformance suite and against a hand-worked case in builtins/memory.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { readXmile } from './read';
import { writeXmile } from './write';
import { child, childrenNamed, parseXmlTree } from './xml-tree';

const file = (variables: string) => `<xmile xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
	<sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
	<model><variables>${variables}</variables></model></xmile>`;

describe('<init_eqn>', () => {
	it('of an aux becomes ACTIVE_INITIAL(equation, initial), and is written back as two elements', () => {
		const { model, diagnostics } = readXmile(
			file(
				'<aux name="target"><eqn>capacity*2</eqn><init_eqn>100</init_eqn></aux><aux name="capacity"><eqn>5</eqn></aux>'
			)
		);
		expect(diagnostics).toEqual([]);
		const target = model.variables.find((v) => v.name === 'target');
		expect(target).toMatchObject({ kind: 'aux', equation: 'ACTIVE_INITIAL(capacity*2, 100)' });
		const written = parseXmlTree(writeXmile(model));
		const aux = childrenNamed(child(child(written, 'model')!, 'variables')!, 'aux').find(
			(a) => a.attributes.name === 'target'
		)!;
		expect(child(aux, 'eqn')!.text).toBe('capacity*2');
		expect(child(aux, 'init_eqn')!.text).toBe('100');
	});

	it('of a stock is its initial value; one that disagrees with its <eqn> is an error naming it', () => {
		const only = readXmile(file('<stock name="beds"><init_eqn>40</init_eqn></stock>'));
		expect(only.diagnostics).toEqual([]);
		expect(only.model.variables[0]).toMatchObject({ kind: 'stock', initial: '40' });
		const both = readXmile(file('<stock name="beds"><eqn>10</eqn><init_eqn>40</init_eqn></stock>'));
		expect(both.diagnostics.map((d) => [d.severity, d.variable, d.message])).toEqual([
			[
				'error',
				'beds',
				'Stock "beds" has two initial values, <eqn> "10" and <init_eqn> "40": keep one'
			]
		]);
	});

	it('of an array element is read with it', () => {
		const { model } = readXmile(
			`<xmile xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"><dimensions><dim name="D"><elem name="a"/><elem name="b"/></dim></dimensions>
			<model><variables><aux name="x"><dimensions><dim name="D"/></dimensions>
			<element subscript="a"><eqn>1</eqn><init_eqn>2</init_eqn></element><element subscript="b"><eqn>3</eqn></element></aux></variables></model></xmile>`
		);
		expect(model.variables[0].elements?.map((e) => e.equation)).toEqual([
			'ACTIVE_INITIAL(1, 2)',
			'3'
		]);
	});
});
