/**
 * writeXmile: the shape of the file (checked against XMILE 1.0 and what Stella and Simlin read),
 * escaping of everything the model gives, exact numbers, and a faithful read back.
 */
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../engine';
import type { Model, Variable } from '../model/types';
import { readXmile } from './read';
import { FLOWBOOK_NAMESPACE, ISEE_NAMESPACE, writeXmile, XMILE_NAMESPACE } from './write';
import { straightAngle } from './write-views';
import { child, childrenNamed, parseXmlTree, type XmlElement } from './xml-tree';

const specs = { start: 0, stop: 4, dt: 0.25, method: 'euler' as const };
const model = (variables: Variable[], extra: Partial<Model> = {}): Model => ({
	simSpecs: specs,
	variables,
	...extra
});
const tree = (m: Model, name?: string) => parseXmlTree(writeXmile(m, { name }));
const path = (root: XmlElement, ...names: string[]) =>
	names.reduce<XmlElement | undefined>((e, n) => e && child(e, n), root);

/** Every prefix declared and every namespace right, as a namespace-aware reader (Simlin's) sees it. */
function namespacesOf(text: string): Map<string, string> {
	const parser = new SaxesParser({ xmlns: true });
	const seen = new Map<string, string>();
	parser.on('opentag', (tag) => {
		seen.set(tag.name, tag.uri);
		for (const attribute of Object.values(tag.attributes))
			if (attribute.prefix) seen.set(attribute.name, attribute.uri);
	});
	parser.on('error', (e) => {
		throw e;
	});
	parser.write(text).close();
	return seen;
}

const teacup: Model = model(
	[
		{
			id: 'tt',
			kind: 'stock',
			name: 'Teacup Temperature',
			initial: '180',
			inflows: [],
			outflows: ['hl'],
			units: 'degrees',
			position: { x: 132, y: 97 }
		},
		{
			id: 'hl',
			kind: 'flow',
			name: 'Heat Loss',
			equation: '(Teacup_Temperature - Room_Temperature) / Characteristic_Time',
			uniflow: true,
			units: 'degrees/minute',
			documentation: 'Heat lost to the room\nper minute',
			position: { x: 243, y: 92 },
			points: [
				{ x: 154, y: 92 },
				{ x: 332, y: 92 }
			]
		},
		{
			id: 'rt',
			kind: 'aux',
			name: 'Room Temperature',
			equation: '70',
			position: { x: 283, y: 139 }
		},
		{
			id: 'ct',
			kind: 'aux',
			name: 'Characteristic Time',
			equation: '10',
			units: 'minutes',
			position: { x: 285, y: 43 }
		}
	],
	{
		simSpecs: { ...specs, stop: 30, timeUnits: 'minute' },
		diagram: {
			connectors: [
				{ id: 'c1', from: 'rt', to: 'hl', angle: 130.4 },
				{ id: 'c2', from: 'tt', to: 'hl' }
			],
			clouds: [{ id: 'k', flow: 'hl', position: { x: 332, y: 92 } }]
		}
	}
);

describe('writeXmile', () => {
	it('writes XMILE 1.0 in the standard namespace, with a header naming Flowbook', () => {
		const text = writeXmile(teacup, { name: 'Teacup' });
		expect(
			text.startsWith(
				'<?xml version="1.0" encoding="utf-8"?>\n<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"'
			)
		).toBe(true);
		const root = parseXmlTree(text);
		expect(root.children.map((c) => c.name)).toEqual(['header', 'sim_specs', 'model']);
		const header = root.children[0];
		expect(child(header, 'name')?.text).toBe('Teacup');
		expect(child(header, 'vendor')?.text).toBe('Flowbook');
		expect(child(header, 'product')?.attributes).toMatchObject({
			version: expect.any(String),
			lang: 'en'
		});
		// §2.2.1: a file with a diagram lists has_model_view.
		expect(path(header, 'options', 'has_model_view')).toBeDefined();
		expect(path(root, 'model')!.children.map((c) => c.name)).toEqual(['variables', 'views']);
	});

	it('declares isee: only when the save interval needs it, and flowbook: only for a seed or clouds', () => {
		const plain = writeXmile(model([{ id: 'a', kind: 'aux', name: 'A', equation: '1' }]));
		expect(plain).not.toContain('xmlns:isee');
		expect(plain).not.toContain('xmlns:flowbook');
		expect(plain).not.toContain('<views');

		const full = writeXmile(
			model([{ id: 'a', kind: 'aux', name: 'A', equation: '1' }], {
				simSpecs: { ...specs, saveStep: 0.5, seed: 7 }
			})
		);
		const ns = namespacesOf(full);
		expect(ns.get('xmile')).toBe(XMILE_NAMESPACE);
		expect(ns.get('isee:save_interval')).toBe(ISEE_NAMESPACE);
		expect(ns.get('flowbook:seed')).toBe(FLOWBOOK_NAMESPACE);
		expect(namespacesOf(writeXmile(teacup)).get('flowbook:cloud')).toBe(FLOWBOOK_NAMESPACE);
	});

	it('writes the sim specs: start, stop, dt, method, time units, save interval', () => {
		const specsElement = child(
			tree(
				model([], {
					simSpecs: {
						start: 1,
						stop: 13,
						dt: 0.125,
						method: 'rk4',
						timeUnits: 'month',
						saveStep: 0.5
					}
				})
			),
			'sim_specs'
		)!;
		expect(specsElement.attributes).toEqual({
			method: 'rk4',
			time_units: 'month',
			'isee:save_interval': '0.5'
		});
		expect(specsElement.children.map((c) => [c.name, c.text])).toEqual([
			['start', '1'],
			['stop', '13'],
			// 1/8, written as Stella writes a DT of 1/n
			['dt', '8']
		]);
		expect(child(specsElement, 'dt')!.attributes).toEqual({ reciprocal: 'true' });
	});

	it('writes each variable with its name, equation, flows, flags, units and documentation', () => {
		const variables = path(tree(teacup), 'model', 'variables')!;
		const [stock, flow, room] = variables.children;
		expect(stock.name).toBe('stock');
		expect(stock.attributes.name).toBe('Teacup Temperature');
		expect(stock.children.map((c) => [c.name, c.text])).toEqual([
			['eqn', '180'],
			['outflow', 'Heat_Loss'],
			['units', 'degrees']
		]);
		expect(flow.children.map((c) => c.name)).toEqual(['eqn', 'non_negative', 'units', 'doc']);
		expect(child(flow, 'doc')?.text).toBe('Heat lost to the room\nper minute');
		expect(room.name).toBe('aux');
		expect(room.children.map((c) => c.name)).toEqual(['eqn']);
	});

	it('writes non-negative stocks and uniflows, and keeps the order of inflows and outflows', () => {
		const flows = ['f3', 'f1', 'f2'].map((id): Variable => ({
			id,
			kind: 'flow',
			name: `Flow ${id}`,
			equation: '1'
		}));
		const stock: Variable = {
			id: 's',
			kind: 'stock',
			name: 'S',
			initial: '0',
			inflows: ['f2'],
			outflows: ['f3', 'f1'],
			nonNegative: true
		};
		const s = path(tree(model([stock, ...flows])), 'model', 'variables', 'stock')!;
		expect(s.children.map((c) => `${c.name} ${c.text}`.trim())).toEqual([
			'eqn 0',
			'inflow Flow_f2',
			'outflow Flow_f3',
			'outflow Flow_f1',
			'non_negative'
		]);
		const read = readXmile(writeXmile(model([stock, ...flows])));
		expect(read.model.variables[0]).toMatchObject({
			inflows: ['flow_f2'],
			outflows: ['flow_f3', 'flow_f1'],
			nonNegative: true
		});
	});

	it('escapes names, equations, units and documentation, and reads them back unchanged', () => {
		const variables: Variable[] = [
			{
				id: 'a',
				kind: 'aux',
				name: 'A & B <c>',
				equation: '3',
				units: 'people/(bed & "chair")',
				documentation: `5 < 6 && 7 > 6; it's "quoted"\r\nCRLF kept\ttab`
			},
			{
				id: 'b',
				kind: 'aux',
				name: `Joe's "best" guess`,
				equation: '"A & B <c>" * 2 {a comment with </eqn> in it}'
			},
			{
				id: 'c',
				kind: 'stock',
				name: 'C]]>',
				initial: `IF "Joe's \\"best\\" guess" > 5 THEN 1 ELSE 0`,
				inflows: ['d'],
				outflows: []
			},
			{ id: 'd', kind: 'flow', name: 'D "in"', equation: '"A & B <c>"' }
		];
		const text = writeXmile(model(variables), { name: 'R&D <model>' });
		expect(text).not.toMatch(/<c>|<\/eqn> in it|]]>/);
		const read = readXmile(text);
		expect(read.diagnostics).toEqual([]);
		expect(read.name).toBe('R&D <model>');
		expect(read.model.variables.map((v) => v.name)).toEqual(variables.map((v) => v.name));
		expect(
			read.model.variables.map((v) =>
				'equation' in v ? v.equation : 'initial' in v ? v.initial : ''
			)
		).toEqual([
			'3',
			'"A & B <c>" * 2 {a comment with </eqn> in it}',
			`IF "Joe's \\"best\\" guess" > 5 THEN 1 ELSE 0`,
			'"A & B <c>"'
		]);
		expect(read.model.variables[0]).toMatchObject({
			units: variables[0].units,
			documentation: variables[0].documentation
		});
		// The stock's inflow is written quoted, with XMILE's \" escape, and still finds its flow.
		expect(text).toContain('<inflow>"D \\"in\\""</inflow>');
		expect(read.model.variables[2]).toMatchObject({ inflows: [read.model.variables[3].id] });
		const before = compileModel(model(variables));
		const after = compileModel(read.model);
		expect(before.ok && after.ok).toBe(true);
		if (before.ok && after.ok)
			expect(after.simulation.run().series).toEqual(before.simulation.run().series);
	});

	it('keeps names that a reader would tidy (underscores, double spaces) exactly, as flowbook:name', () => {
		const names = ['Students_Y1', 'NQ  Nurses', 'Plain Name', 'Line\nbreak'];
		const m = model(
			names.map((name, i): Variable => ({ id: `v${i}`, kind: 'aux', name, equation: '1' }))
		);
		const text = writeXmile(m);
		const elements = path(parseXmlTree(text), 'model', 'variables')!.children;
		expect(elements.map((e) => [e.attributes.name, e.attributes['flowbook:name']])).toEqual([
			['Students_Y1', 'Students_Y1'],
			['NQ  Nurses', 'NQ  Nurses'],
			['Plain Name', undefined],
			['Line\\nbreak', 'Line\nbreak']
		]);
		expect(namespacesOf(text).get('flowbook:name')).toBe(FLOWBOOK_NAMESPACE);
		expect(readXmile(text).model.variables.map((v) => v.name)).toEqual(names);
		// Another tool that renames the variable but keeps our attribute: the new name wins.
		const renamed = text.replace('name="Students_Y1" flowbook:name', 'name="Pupils" flowbook:name');
		expect(readXmile(renamed).model.variables[0].name).toBe('Pupils');
	});

	it('writes characters XML cannot hold as U+FFFD, so the file still parses', () => {
		const text = writeXmile(
			model([
				{
					id: 'a',
					kind: 'aux',
					name: 'Bell\u0007',
					equation: '1',
					documentation: 'lone \uD800 surrogate'
				}
			])
		);
		const read = readXmile(text);
		expect(read.model.variables[0]).toMatchObject({
			name: 'Bell\uFFFD',
			documentation: 'lone \uFFFD surrogate'
		});
	});

	it('writes numbers that read back as the same doubles', () => {
		const awkward = [
			0.1,
			1 / 3,
			1e-7,
			1e21,
			-0,
			2 ** -1074,
			Number.MAX_VALUE,
			123456789.12345679,
			-2.5e-300
		];
		const m = model(
			[
				{
					id: 'g',
					kind: 'gf',
					name: 'G',
					graphical: { type: 'extrapolate', xs: awkward.map((_, i) => i + 1 / 3), ys: awkward },
					position: { x: -0, y: 1 / 7 }
				}
			],
			{
				simSpecs: {
					start: 1 / 3,
					stop: 10 / 3,
					dt: 1 / 48,
					saveStep: 1 / 12,
					method: 'rk2',
					seed: 2 ** 32 - 1
				}
			}
		);
		const back = readXmile(writeXmile(m)).model;
		expect(back.simSpecs).toEqual(m.simSpecs);
		const gf = back.variables[0];
		expect(gf.kind === 'gf' && gf.graphical.ys.every((y, i) => Object.is(y, awkward[i]))).toBe(
			true
		);
		expect(gf.kind === 'gf' && gf.graphical.xs).toEqual(
			m.variables[0].kind === 'gf' && m.variables[0].graphical.xs
		);
		expect(Object.is(gf.position?.x, -0)).toBe(true);
		expect(gf.position?.y).toBe(1 / 7);
	});

	describe('graphical functions', () => {
		const gfOf = (graphical: Variable & { kind: 'aux' }) =>
			path(tree(model([graphical])), 'model', 'variables', 'aux', 'gf')!;
		const aux = (graphical: object): Variable & { kind: 'aux' } => ({
			id: 'a',
			kind: 'aux',
			name: 'A',
			equation: 'TIME',
			graphical: graphical as never
		});

		it('writes evenly spaced points as <xscale> and <ypts>', () => {
			const gf = gfOf(
				aux({
					type: 'continuous',
					xs: [0, 0.5, 1, 1.5, 2],
					ys: [1, 2, 3, 2, 1],
					xScale: { min: 0, max: 2 },
					yScale: { min: 0, max: 3 }
				})
			);
			expect(gf.attributes).toEqual({ type: 'continuous' });
			expect(gf.children.map((c) => c.name)).toEqual(['xscale', 'yscale', 'ypts']);
			expect(child(gf, 'xscale')?.attributes).toEqual({ min: '0', max: '2' });
			expect(child(gf, 'ypts')?.text).toBe('1,2,3,2,1');
		});

		it('writes other points as <xpts>, keeping a display range beside them', () => {
			const gf = gfOf(
				aux({ type: 'discrete', xs: [0, 1, 5], ys: [0, 2, 2], xScale: { min: 0, max: 10 } })
			);
			expect(gf.children.map((c) => `${c.name} ${c.text}`.trim())).toEqual([
				'xscale',
				'xpts 0,1,5',
				'ypts 0,2,2'
			]);
			expect(
				gfOf(aux({ type: 'continuous', xs: [0, 1, 2], ys: [3, 4, 5] })).children.map((c) => c.name)
			).toEqual(['xpts', 'ypts']);
		});

		it('writes a standalone table as a named <gf>, and a graphical flow with its <gf>', () => {
			const m = model([
				{
					id: 't',
					kind: 'gf',
					name: 'Effect Table',
					units: 'dimensionless',
					graphical: { type: 'continuous', xs: [0, 1], ys: [1, 0] }
				},
				{
					id: 'f',
					kind: 'flow',
					name: 'F',
					equation: 'TIME',
					graphical: { type: 'continuous', xs: [0, 4], ys: [0, 8] }
				},
				{
					id: 'u',
					kind: 'aux',
					name: 'U',
					equation: 'Effect_Table(0.25) + LOOKUP(Effect_Table, 0.5)'
				}
			]);
			const variables = path(tree(m), 'model', 'variables')!;
			expect(variables.children.map((c) => c.name)).toEqual(['gf', 'flow', 'aux']);
			expect(variables.children[0].attributes).toEqual({
				name: 'Effect Table',
				type: 'continuous'
			});
			expect(child(variables.children[1], 'gf')).toBeDefined();
			const back = readXmile(writeXmile(m));
			expect(back.diagnostics).toEqual([]);
			expect(back.model.variables.map((v) => v.kind)).toEqual(['gf', 'flow', 'aux']);
			expect(back.model.variables[0]).toMatchObject({
				units: 'dimensionless',
				graphical: m.variables[0].kind === 'gf' && m.variables[0].graphical
			});
		});
	});

	it('writes model units with their equations and aliases', () => {
		const units = [
			{ name: 'patient' },
			{ name: 'bed', equation: 'patient', aliases: ['beds', 'cot'] }
		];
		const unitsElement = child(tree(model([], { units })), 'model_units')!;
		expect(childrenNamed(unitsElement, 'unit').map((u) => u.attributes.name)).toEqual([
			'patient',
			'bed'
		]);
		expect(readXmile(writeXmile(model([], { units }))).model.units).toEqual(units);
	});

	describe('the diagram', () => {
		const view = path(tree(teacup), 'model', 'views', 'view')!;

		it('places stocks, flows and auxes by their centres and display names (as Stella does), each with a uid', () => {
			expect(view.attributes).toEqual({ type: 'stock_flow' });
			const drawn = view.children.filter((c) => ['stock', 'flow', 'aux'].includes(c.name));
			expect(drawn.map((c) => [c.name, c.attributes.name, c.attributes.x, c.attributes.y])).toEqual(
				[
					['stock', 'Teacup Temperature', '132', '97'],
					['flow', 'Heat Loss', '243', '92'],
					['aux', 'Room Temperature', '283', '139'],
					['aux', 'Characteristic Time', '285', '43']
				]
			);
			const uids = view.children.map((c) => c.attributes.uid);
			expect(new Set(uids).size).toBe(uids.length);
			expect(uids.every((u) => /^\d+$/.test(u))).toBe(true);
		});

		it('writes each flow pipe as <pts>, source end first', () => {
			const pts = path(view, 'flow', 'pts')!;
			expect(childrenNamed(pts, 'pt').map((p) => p.attributes)).toEqual([
				{ x: '154', y: '92' },
				{ x: '332', y: '92' }
			]);
		});

		it('writes connectors with their angle, or the straight one when the model has none', () => {
			const connectors = childrenNamed(view, 'connector');
			expect(
				connectors.map((c) => [c.attributes.angle, child(c, 'from')?.text, child(c, 'to')?.text])
			).toEqual([
				['130.4', 'Room_Temperature', 'Heat_Loss'],
				[
					String(straightAngle({ x: 132, y: 97 }, { x: 243, y: 92 })),
					'Teacup_Temperature',
					'Heat_Loss'
				]
			]);
		});

		it('measures angles counter-clockwise from 3 o’clock, with y growing downwards (XMILE §6.1.6)', () => {
			expect(straightAngle({ x: 0, y: 0 }, { x: 10, y: 0 })).toBe(0);
			expect(straightAngle({ x: 0, y: 0 }, { x: 0, y: -10 })).toBe(90);
			expect(straightAngle({ x: 0, y: 0 }, { x: -10, y: 0 })).toBe(180);
			expect(straightAngle({ x: 0, y: 0 }, { x: 10, y: 10 })).toBe(315);
			expect(straightAngle({ x: 0, y: 0 }, { x: 0, y: 0 })).toBeUndefined();
			expect(straightAngle(undefined, { x: 0, y: 0 })).toBeUndefined();
		});

		it('writes clouds in the flowbook: namespace, naming their flow, and reads them back', () => {
			const clouds = childrenNamed(view, 'flowbook:cloud');
			expect(clouds.map((c) => ({ ...c.attributes, uid: undefined }))).toEqual([
				{ uid: undefined, flow: 'Heat_Loss', flow_uid: '2', x: '332', y: '92' }
			]);
			const back = readXmile(writeXmile(teacup)).model;
			expect(back.diagram?.clouds).toEqual([
				{ id: expect.any(String), flow: 'heat_loss', position: { x: 332, y: 92 } }
			]);
			expect(back.diagram?.connectors.map((c) => [c.from, c.to])).toEqual([
				['room_temperature', 'heat_loss'],
				['teacup_temperature', 'heat_loss']
			]);
		});

		it('leaves out connectors and clouds that name no variable, and variables with no position', () => {
			const m = model([{ id: 'a', kind: 'aux', name: 'A', equation: '1' }], {
				diagram: {
					connectors: [{ id: 'x', from: 'a', to: 'gone' }],
					clouds: [{ id: 'k', flow: 'a', position: { x: 0, y: 0 } }]
				}
			});
			expect(writeXmile(m)).not.toContain('<views');
		});
	});
});

describe('arrays', () => {
	const gf = (y: number) => ({ type: 'continuous' as const, xs: [0, 1], ys: [0, y] });
	const wards: Model = model(
		[
			{
				id: 'p',
				kind: 'stock',
				name: 'Patients',
				initial: '10 * Ward',
				inflows: ['a'],
				outflows: [],
				dimensions: ['Ward', 'Band']
			},
			{
				id: 'a',
				kind: 'flow',
				name: 'Admissions',
				equation: '',
				dimensions: ['Ward', 'Band'],
				elements: [
					{ subscript: ['North', '1'], equation: '1' },
					{ subscript: ['North', '2'], equation: '2' },
					{ subscript: ['South', '1'], equation: 'Admissions[North, 1] * 3' },
					{ subscript: ['South', '2'], equation: '4' }
				]
			},
			{
				id: 'e',
				kind: 'aux',
				name: 'Effect',
				equation: 'TIME / 4',
				dimensions: ['Ward'],
				graphical: gf(1),
				elements: [{ subscript: ['South'], graphical: gf(2) }]
			},
			{
				id: 't',
				kind: 'gf',
				name: 'Curve',
				graphical: gf(3),
				dimensions: ['Band'],
				elements: [{ subscript: ['2'], graphical: gf(4) }]
			},
			{
				id: 's',
				kind: 'aux',
				name: 'Total',
				equation: 'SUM(Patients[*, *]) + LOOKUP(Curve[2], 0.5)'
			}
		],
		{
			dimensions: [
				{ name: 'Ward', elements: ['North', 'South'] },
				{ name: 'Band', size: 2 }
			]
		}
	);

	it('writes <dimensions> after the units, named elements and sizes, as XMILE 3.7.1 has them', () => {
		const root = tree(wards);
		expect(root.children.map((c) => c.name)).toEqual([
			'header',
			'sim_specs',
			'dimensions',
			'model'
		]);
		const dims = childrenNamed(child(root, 'dimensions')!, 'dim');
		expect(
			dims.map((d) => [
				d.attributes.name,
				d.attributes.size,
				childrenNamed(d, 'elem').map((e) => e.attributes.name)
			])
		).toEqual([
			['Ward', undefined, ['North', 'South']],
			['Band', '2', []]
		]);
	});

	it('writes each arrayed variable its dimensions, then its shared <eqn> or its elements', () => {
		const variables = path(tree(wards), 'model', 'variables')!.children;
		const [stock, flow, effect, curve] = variables;
		expect(stock.children.map((c) => c.name)).toEqual(['dimensions', 'eqn', 'inflow']);
		expect(childrenNamed(child(stock, 'dimensions')!, 'dim').map((d) => d.attributes.name)).toEqual(
			['Ward', 'Band']
		);
		expect(childrenNamed(flow, 'eqn')).toEqual([]);
		expect(
			childrenNamed(flow, 'element').map((e) => [e.attributes.subscript, child(e, 'eqn')!.text])
		).toEqual([
			['North, 1', '1'],
			['North, 2', '2'],
			['South, 1', 'Admissions[North, 1] * 3'],
			['South, 2', '4']
		]);
		expect(effect.children.map((c) => c.name)).toEqual(['dimensions', 'eqn', 'element', 'gf']);
		// An arrayed table is an <aux> with no equation: its shared points, and its own per element.
		expect([curve.name, curve.children.map((c) => c.name)]).toEqual([
			'aux',
			['dimensions', 'gf', 'element']
		]);
	});

	it('reads back the same model, which runs to the same numbers', () => {
		const back = readXmile(writeXmile(wards));
		expect(back.diagnostics).toEqual([]);
		expect(back.model.dimensions).toEqual(wards.dimensions);
		for (const [i, v] of wards.variables.entries()) {
			const read = back.model.variables[i];
			expect([read.kind, read.name, read.dimensions, read.elements]).toEqual([
				v.kind,
				v.name,
				v.dimensions,
				v.elements
			]);
		}
		const run = (m: Model) => {
			const compiled = compileModel(m);
			if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
			const result = compiled.simulation.run();
			return Object.fromEntries(result.names.map((n, i) => [n, Array.from(result.series[i])]));
		};
		const before = run(wards);
		expect(run(back.model)).toEqual(before);
		expect(before['Admissions[South,1]'][0]).toBe(3);
		expect(before['Effect[South]'].at(-1)).toBe(2);
		expect(before['Total'][0]).toBe(10 + 10 + 20 + 20 + 2);
	});
});
