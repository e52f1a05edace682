/**
 * Aliases (Stella's ghosts): `<alias uid x y><of>name</of></alias>` in a view, with connectors
 * out of them written `<from><alias uid="N"/></from>`, are read, written back, and count as
 * bringing their variable in, so the diagram gives no false "no connector brings it in".
 */
import { describe, expect, it } from 'vitest';
import { checkModel } from '../engine';
import type { Model } from '../model/types';
import { checkUnits } from '../units';
import { modelWarnings as warningsOf } from '../worker/warnings';

/** The marks the worker gives: from the compile and the unit checks. */
const modelWarnings = (model: Model) =>
	warningsOf(model, [...checkModel(model), ...checkUnits(model)]);
import { readXmile } from './read';
import { writeXmile } from './write';

/** Discharges uses Length of stay, drawn far away; a ghost of it sits beside Discharges. */
const WITH_ALIAS = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
	<header><name>Ward</name></header>
	<sim_specs><start>0</start><stop>10</stop><dt>0.25</dt></sim_specs>
	<model>
		<variables>
			<stock name="Beds"><eqn>100</eqn><outflow>Discharges</outflow></stock>
			<flow name="Discharges"><eqn>Beds / Length_of_stay</eqn></flow>
			<aux name="Length of stay"><eqn>5</eqn></aux>
		</variables>
		<views>
			<view type="stock_flow">
				<stock uid="1" name="Beds" x="100" y="100"/>
				<flow uid="2" name="Discharges" x="200" y="100"><pts><pt x="122.5" y="100"/><pt x="280" y="100"/></pts></flow>
				<aux uid="3" name="Length of stay" x="600" y="400"/>
				<alias uid="4" x="230" y="40"><of>Length_of_stay</of></alias>
				<connector uid="5" angle="240"><from><alias uid="4"/></from><to>Discharges</to></connector>
				<connector uid="6" angle="0"><from>Beds</from><to>Discharges</to></connector>
			</view>
		</views>
	</model>
</xmile>`;

describe('aliases', () => {
	it('reads an alias and a connector out of it', () => {
		const { model, diagnostics } = readXmile(WITH_ALIAS);
		expect(diagnostics).toEqual([]);
		expect(model.diagram?.aliases).toEqual([
			{ id: 'alias-4', of: 'length_of_stay', position: { x: 230, y: 40 } }
		]);
		expect(model.diagram?.connectors).toContainEqual({
			id: 'connector-5',
			from: 'alias-4',
			to: 'discharges',
			angle: 240
		});
	});

	it('gives no "no connector brings it in" warning for a variable brought in through its alias', () => {
		const { model } = readXmile(WITH_ALIAS);
		const warnings = modelWarnings(model);
		expect(warnings.byVariable.get('discharges')).toBeUndefined();
		expect(warnings.connectors.size).toBe(0);
		// Without the connector out of the alias, the warning is back: the check still looks.
		const bare = {
			...model,
			diagram: {
				...model.diagram!,
				connectors: model.diagram!.connectors.filter((c) => c.from !== 'alias-4')
			}
		};
		expect(modelWarnings(bare).byVariable.get('discharges')?.messages).toEqual([
			'uses "Length of stay" but no connector brings it in'
		]);
	});

	it('writes the alias and the connector out of it back, and reads them again the same', () => {
		const { model } = readXmile(WITH_ALIAS);
		const text = writeXmile(model);
		expect(text).toMatch(
			/<alias uid="(\d+)" x="230" y="40">\s*<of>Length_of_stay<\/of>\s*<\/alias>/
		);
		const uid = /<alias uid="(\d+)"/.exec(text)![1];
		expect(text).toMatch(new RegExp(`<from>\\s*<alias uid="${uid}"\\s*/>\\s*</from>`));
		const again = readXmile(text);
		expect(again.diagnostics).toEqual([]);
		expect(again.model.diagram?.aliases?.map(({ of, position }) => ({ of, position }))).toEqual([
			{ of: 'length_of_stay', position: { x: 230, y: 40 } }
		]);
		const fromAlias = again.model.diagram!.connectors.find(
			(c) => c.to === 'discharges' && c.angle === 240
		);
		expect(fromAlias?.from).toBe(again.model.diagram!.aliases![0].id);
		expect(modelWarnings(again.model).byVariable.get('discharges')).toBeUndefined();
	});

	it('warns about an alias of a variable the model lacks, and leaves it out', () => {
		const text = WITH_ALIAS.replace('<of>Length_of_stay</of>', '<of>Bed days</of>');
		const { model, diagnostics } = readXmile(text);
		expect(model.diagram?.aliases).toBeUndefined();
		expect(diagnostics.map((d) => d.message)).toContainEqual(
			expect.stringContaining('An alias of "Bed days", which the model does not have, is left out')
		);
	});

	it('reads a connector into an alias as into its variable', () => {
		const text = WITH_ALIAS.replace(
			'<connector uid="6" angle="0"><from>Beds</from><to>Discharges</to></connector>',
			'<connector uid="6" angle="0"><from>Beds</from><to><alias uid="4"/></to></connector>'
		);
		const { model } = readXmile(text);
		expect(model.diagram?.connectors).toContainEqual({
			id: 'connector-6',
			from: 'beds',
			to: 'length_of_stay',
			angle: 0
		});
	});
});
