/**
 * Sectors (XMILE <group> in a view, Stella's sectors): read with their box, or sized around the
 * items they list; written back with a box and the uids of what lies inside it.
 */
import { describe, expect, it } from 'vitest';
import { sectorMembers } from '../model/sectors';
import { readXmile } from './read';
import { writeXmile } from './write';

const file = (groups: string) => `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
	<header><name>Ward</name></header>
	<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>
	<model>
		<variables>
			<stock name="Beds"><eqn>100</eqn><outflow>Discharges</outflow></stock>
			<flow name="Discharges"><eqn>Beds / Length_of_stay</eqn></flow>
			<aux name="Length of stay"><eqn>5</eqn></aux>
			<aux name="Cost"><eqn>Beds * 400</eqn></aux>
		</variables>
		<views>
			<view type="stock_flow">
				<stock uid="1" name="Beds" x="100" y="100"/>
				<flow uid="2" name="Discharges" x="200" y="100"><pts><pt x="122.5" y="100"/><pt x="280" y="100"/></pts></flow>
				<aux uid="3" name="Length of stay" x="220" y="40"/>
				<aux uid="4" name="Cost" x="600" y="400"/>
				${groups}
			</view>
		</views>
	</model>
</xmile>`;

describe('sectors', () => {
	it('reads a sector with its box, and what lies inside it belongs to it', () => {
		const { model, diagnostics } = readXmile(
			file(
				'<group uid="9" name="Ward" x="40" y="0" width="300" height="160"><item uid="1"/></group>'
			)
		);
		expect(diagnostics).toEqual([]);
		const sector = model.diagram!.sectors![0];
		expect(sector).toEqual({
			id: 'sector-9',
			name: 'Ward',
			position: { x: 40, y: 0 },
			width: 300,
			height: 160
		});
		expect(sectorMembers(model, sector).filter((id) => !id.startsWith('cloud'))).toEqual([
			'beds',
			'discharges',
			'length_of_stay'
		]);
	});

	it('sizes a sector that lists only its items around them', () => {
		const { model } = readXmile(file('<group name="Money"><item uid="4"/><item uid="3"/></group>'));
		expect(model.diagram!.sectors![0]).toMatchObject({
			name: 'Money',
			position: { x: 160, y: -20 },
			width: 500,
			height: 480
		});
	});

	it('warns about a sector with neither a box nor items, and leaves it out', () => {
		const { model, diagnostics } = readXmile(file('<group name="Empty"/>'));
		expect(model.diagram?.sectors).toBeUndefined();
		expect(diagnostics.map((d) => d.message)).toContainEqual(
			expect.stringContaining('The sector "Empty" has neither a size nor any items')
		);
	});

	it('writes a sector back with its box and the uids of what it holds', () => {
		const { model } = readXmile(
			file('<group uid="9" name="Ward" x="40" y="0" width="300" height="160"/>')
		);
		const text = writeXmile(model);
		const group = /<group [^>]*>[\s\S]*?<\/group>/.exec(text)![0];
		expect(group).toMatch(/name="Ward" x="40" y="0" width="300" height="160"/);
		expect(group.match(/<item uid="\d+"\s*\/>/g)).toHaveLength(3);
		const again = readXmile(text);
		expect(again.model.diagram?.sectors?.map(({ name, width }) => ({ name, width }))).toEqual([
			{ name: 'Ward', width: 300 }
		]);
	});
});
