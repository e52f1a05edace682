/**
 * A model imported from a file keeps its own layout: the positions, pipes, connectors and clouds
 * of its stock-and-flow <view>, checked against the files themselves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readXmile } from './read';

const teacupDir = resolve(
	fileURLToPath(new URL('.', import.meta.url)),
	'../../../../shared/conformance/sdxorg/samples/teacup'
);
const haveTeacup = existsSync(join(teacupDir, 'teacup_w_diagram.xmile'));
const read = (file: string) => readXmile(readFileSync(join(teacupDir, file), 'utf8'));

describe.skipIf(!haveTeacup)('diagram import', () => {
	it('teacup_w_diagram.xmile: stock, flow and aux positions, the pipe, connectors and the sink cloud', () => {
		const { model, diagnostics } = read('teacup_w_diagram.xmile');
		expect(diagnostics).toEqual([]);
		const byId = Object.fromEntries(model.variables.map((v) => [v.id, v]));
		// <stock x="132" y="97" name="teacup_temperature"> and <flow x="243" y="92" name="heat_loss_to_room">
		expect(byId.teacup_temperature.position).toEqual({ x: 132, y: 97 });
		expect(byId.heat_loss_to_room.position).toEqual({ x: 243, y: 92 });
		expect(byId.characteristic_time.position).toEqual({ x: 285, y: 43 });
		expect(byId.room_temperature.position).toEqual({ x: 283, y: 139 });
		expect(byId.heat_loss_to_room.kind === 'flow' && byId.heat_loss_to_room.points).toEqual([
			{ x: 154, y: 92 },
			{ x: 332, y: 92 }
		]);
		expect(model.diagram?.connectors.map((c) => [c.from, c.to])).toEqual([
			['room_temperature', 'heat_loss_to_room'],
			['characteristic_time', 'heat_loss_to_room'],
			['teacup_temperature', 'heat_loss_to_room']
		]);
		// The flow drains the stock, so only its sink end is free: one cloud, at the pipe's end.
		expect(model.diagram?.clouds).toEqual([
			{ id: expect.any(String), flow: 'heat_loss_to_room', position: { x: 332, y: 92 } }
		]);
	});

	it('teacup.stmx (Stella Architect): display names in the view, and connector angles', () => {
		const { model, diagnostics } = read('teacup.stmx');
		expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		const byId = Object.fromEntries(model.variables.map((v) => [v.id, v]));
		expect(byId.teacup_temperature.position).toEqual({ x: 132, y: 97 });
		expect(byId.heat_loss_to_room.position).toEqual({ x: 231.25, y: 92 });
		expect(model.diagram?.connectors.map((c) => c.angle)).toEqual([139.399, 220.601, 37.6942]);
	});
});

describe('diagram import of what Flowbook writes', () => {
	const file = (
		view: string,
		inflow = 'Pour'
	) => `<xmile xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" xmlns:flowbook="urn:flowbook:xmile:1">
		<header><vendor>Flowbook</vendor><product version="0">Flowbook</product></header>
		<sim_specs><start>0</start><stop>1</stop></sim_specs>
		<model><variables>
			<stock name="Tub &quot;A&quot;"><eqn>0</eqn><inflow>${inflow}</inflow></stock>
			<flow name="Pour"><eqn>1</eqn></flow>
		</variables><views><view>${view}</view></views></model></xmile>`;

	it('reads <flowbook:cloud> by the flow it names, or by the flow uid', () => {
		const { model } = readXmile(
			file(`<flow uid="4" name="Pour" x="50" y="10"><pts><pt x="0" y="10"/><pt x="90" y="10"/></pts></flow>
				<flowbook:cloud uid="5" flow="Pour" x="0" y="10"/>
				<flowbook:cloud uid="6" flow_uid="4" x="-5" y="10"/>`)
		);
		expect(model.diagram?.clouds.map((c) => [c.flow, c.position.x])).toEqual([
			['pour', 0],
			['pour', -5]
		]);
	});

	it('resolves quoted references with XMILE escapes in inflows, connectors and views', () => {
		const { model, diagnostics } = readXmile(
			file(
				`<stock name="Tub &quot;A&quot;" x="1" y="2"/><connector uid="1" angle="0"><from>"Tub \\"A\\""</from><to>Pour</to></connector>`,
				'"Pour"'
			)
		);
		expect(diagnostics).toEqual([]);
		const tub = model.variables[0];
		expect(tub.kind === 'stock' && tub.inflows).toEqual(['pour']);
		expect(tub.position).toEqual({ x: 1, y: 2 });
		expect(model.diagram?.connectors.map((c) => [c.from, c.to])).toEqual([[tub.id, 'pour']]);
	});
});
