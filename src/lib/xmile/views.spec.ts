import { describe, expect, it } from 'vitest';
import { canonicalName } from '../model/names';
import type { VariableKind } from '../model/types';
import { Report } from './report';
import { readViews, type ViewInput } from './views';
import { parseXmlTree, type XmlElement } from './xml-tree';

/** A model with a stock S filled by flow F, and an aux A; plus whatever the test adds. */
function input(modelXml: string, flows: { drains?: string[]; fills?: string[] } = {}): ViewInput {
	const model = parseXmlTree(modelXml);
	const kinds: Record<string, VariableKind> = { s: 'stock', f: 'flow', a: 'aux' };
	const elements = new Map<string, XmlElement>();
	for (const element of model.children) {
		const name = element.attributes.name;
		if (name && canonicalName(name) in kinds) elements.set(canonicalName(name), element);
	}
	return {
		model,
		variables: [...elements].map(([id, element]) => ({ id, kind: kinds[id], name: id, element })),
		lookup: (name) => {
			const id = canonicalName(name);
			return id in kinds ? { id, kind: kinds[id] } : undefined;
		},
		drainsStock: new Set(flows.drains ?? []),
		fillsStock: new Set(flows.fills ?? ['f'])
	};
}

const VIEW = `<model><views>
	<style><stock color="blue"/><aux color="blue"/></style>
	<view type="stock_flow">
		<stock name="S" x="200" y="100"/>
		<flow name="F" x="150" y="100" uid="7"><pts><pt x="100" y="100"/><pt x="177.5" y="100"/></pts></flow>
		<aux name="A" x="150" y="40"/>
		<aux name="Not A Variable" x="1" y="1"/>
		<connector uid="3" angle="45"><from>A</from><to>F</to></connector>
		<connector uid="4" angle="90"><from>Time</from><to>F</to></connector>
		<connector uid="5"><from><alias uid="9"/></from><to>F</to></connector>
	</view>
	<view type="interface"><aux name="A" x="999" y="999"/></view>
</views></model>`;

describe('readViews', () => {
	it('reads positions, flow pipes and connectors between variables', () => {
		const report = new Report();
		const layout = readViews(input(VIEW), report);
		expect(layout.positions).toEqual(
			new Map([
				['s', { x: 200, y: 100 }],
				['f', { x: 150, y: 100 }],
				['a', { x: 150, y: 40 }]
			])
		);
		expect(layout.points.get('f')).toEqual([
			{ x: 100, y: 100 },
			{ x: 177.5, y: 100 }
		]);
		// Connectors from Time or from an alias no <alias> declares are left out.
		expect(layout.connectors).toEqual([{ id: 'connector-3', from: 'a', to: 'f', angle: 45 }]);
		expect(report.diagnostics).toEqual([]);
	});

	it('puts a cloud at each free end of a pipe when the file has none', () => {
		const layout = readViews(input(VIEW), new Report());
		// F fills S, so only its source end is free.
		expect(layout.clouds).toEqual([
			{ id: 'cloud-f-source', flow: 'f', position: { x: 100, y: 100 } }
		]);
	});

	it('reads explicit clouds, naming the flow by name or by its uid', () => {
		const xml = VIEW.replace(
			'</view>',
			'<cloud uid="20" x="90" y="100"><flow>F</flow></cloud><cloud uid="21" x="1" y="2" flow_uid="7"/></view>'
		);
		const layout = readViews(input(xml), new Report());
		expect(layout.clouds).toEqual([
			{ id: 'cloud-20', flow: 'f', position: { x: 90, y: 100 } },
			{ id: 'cloud-21', flow: 'f', position: { x: 1, y: 2 } }
		]);
	});

	it('reads the pre-standard layout: <display> in each variable and connectors under <model>', () => {
		const layout = readViews(
			input(`<model>
				<stock name="S"><eqn>1</eqn><display x="132" y="97"/></stock>
				<flow name="F"><eqn>1</eqn><display x="243" y="92"><pts><pt x="154" y="92"/><pt x="332" y="92"/></pts></display></flow>
				<aux name="A"><eqn>1</eqn><display x="285" y="43"/></aux>
				<display><connector uid="0"><from>A</from><to>F</to></connector></display>
			</model>`),
			new Report()
		);
		expect(layout.positions.get('s')).toEqual({ x: 132, y: 97 });
		expect(layout.points.get('f')).toHaveLength(2);
		expect(layout.connectors).toEqual([{ id: 'connector-0', from: 'a', to: 'f' }]);
	});

	it('centres a resized stock given by its top-left corner', () => {
		const layout = readViews(
			input(
				'<model><views><view><stock name="S" x="100" y="50" width="60" height="40"/></view></views></model>'
			),
			new Report()
		);
		expect(layout.positions.get('s')).toEqual({ x: 130, y: 70 });
	});

	it('leaves out a position that is not numeric, with a warning naming the variable', () => {
		const report = new Report();
		const layout = readViews(
			input('<model><views><view><aux name="A" x="left" y="1"/></view></views></model>'),
			report
		);
		expect(layout.positions.size).toBe(0);
		expect(report.diagnostics).toEqual([
			expect.objectContaining({ severity: 'warning', variable: 'A' })
		]);
	});
});
