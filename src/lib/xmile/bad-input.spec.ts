/**
 * Bad XMILE gets an error naming the line (and the element or variable), never a crash: the four
 * kinds the issue names (malformed XML, an unknown element, a missing stock or flow, a bad
 * number), then random damage to a file Flowbook wrote.
 */
import { describe, expect, it } from 'vitest';
import { InputError, type Diagnostic } from '../model/diagnostics';
import type { Model } from '../model/types';
import { readXmile } from './read';
import { writeXmile } from './write';

const file = (
	variables: string,
	specs = '<start>0</start><stop>4</stop><dt>1</dt>'
) => `<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
<header><vendor>Test</vendor><product version="1">Hand</product></header>
<sim_specs>${specs}</sim_specs>
<model><variables>
${variables}
</variables></model>
</xmile>`;

/** Line 5 is the first line of `variables`. */
const FIRST = 5;

function thrown(text: string): InputError {
	try {
		readXmile(text);
	} catch (e) {
		expect(e).toBeInstanceOf(InputError);
		return e as InputError;
	}
	throw new Error('readXmile accepted it');
}

const only = (diagnostics: Diagnostic[], severity: Diagnostic['severity']) =>
	diagnostics.filter((d) => d.severity === severity);

describe('bad XMILE', () => {
	describe('malformed XML throws an InputError with the line and column', () => {
		it.each([
			['an unclosed element', '<aux name="A"><eqn>1</eqn>', FIRST + 1, /unexpected close tag/],
			[
				'a bare ampersand',
				'<aux name="A"><eqn>1</eqn><doc>Beds & chairs</doc></aux>',
				FIRST,
				/a bare "&" \(write it as &amp;\)/
			],
			[
				'an entity without its semicolon',
				'<aux name="A &amp B"><eqn>1</eqn></aux>',
				FIRST,
				/a bare "&"/
			],
			['an unquoted attribute', '<aux name=A><eqn>1</eqn></aux>', FIRST, /quote|attribute/i],
			['a second root', '</variables></model></xmile><xmile>', FIRST, /./]
		])('%s', (_what, variables, line, detail) => {
			const e = thrown(file(variables));
			expect(e.diagnostics).toHaveLength(1);
			expect(e.diagnostics[0]).toMatchObject({ severity: 'error', line });
			expect(e.diagnostics[0].column).toBeGreaterThan(0);
			expect(e.diagnostics[0].message).toMatch(/^Not well-formed XML: /);
			expect(e.diagnostics[0].message).toMatch(detail);
		});
	});

	it('an "&" in a comment or CDATA is text, not the error', () => {
		const e = thrown(
			file(
				'<!-- R&D -->\n<aux name="A"><eqn><![CDATA[IF a & b THEN 1 ELSE 0]]></eqn>\n<doc>unclosed'
			)
		);
		expect(e.diagnostics[0].message).not.toMatch(/bare/);
		expect(
			readXmile(file('<!-- R&D --><aux name="A"><eqn><![CDATA[1 & 2]]></eqn></aux>')).model
				.variables[0]
		).toMatchObject({ equation: '1 & 2' });
	});

	it('an unknown element: a warning naming it and its line; the model still reads', () => {
		const { model, diagnostics } = readXmile(
			file('<aux name="A"><eqn>1</eqn></aux>\n<thermostat name="T"><eqn>2</eqn></thermostat>')
		);
		expect(diagnostics).toEqual([
			{
				severity: 'warning',
				message: 'Unknown element <thermostat> in <variables> is ignored',
				line: FIRST + 1,
				column: 1
			}
		]);
		expect(model.variables.map((v) => v.name)).toEqual(['A']);
	});

	it('a stock whose flow is missing, or is not a flow: an error naming the stock, the flow and the line', () => {
		const { diagnostics } = readXmile(
			file(
				'<stock name="Beds"><eqn>1</eqn>\n<inflow>Admissions</inflow>\n<outflow>Stay</outflow></stock>\n<aux name="Stay"><eqn>5</eqn></aux>'
			)
		);
		expect(diagnostics).toEqual([
			{
				severity: 'error',
				variable: 'Beds',
				message: 'Stock "Beds" names "Admissions" as an inflow, but there is no flow "Admissions"',
				line: FIRST + 1,
				column: 1
			},
			{
				severity: 'error',
				variable: 'Beds',
				message: 'Stock "Beds" names "Stay" as an outflow, but "Stay" is not a flow',
				line: FIRST + 2,
				column: 1
			}
		]);
	});

	describe('a bad number: an error (or, in the diagram, a warning) naming the element and its line', () => {
		it.each([
			[
				'a stop time',
				'<start>0</start>\n<stop>ten</stop>',
				'<stop> in <sim_specs> is not a number: "ten"'
			],
			[
				'a dt written with a comma',
				'<start>0</start><stop>1</stop>\n<dt>0,5</dt>',
				'<dt> in <sim_specs> is not a number: "0,5"'
			],
			[
				'a zero dt',
				'<start>0</start><stop>1</stop>\n<dt>0</dt>',
				'<dt> must be a positive number, not "0"'
			]
		])('%s', (_what, specs, message) => {
			const errors = only(
				readXmile(file('<aux name="A"><eqn>1</eqn></aux>', specs)).diagnostics,
				'error'
			);
			expect(errors).toEqual([{ severity: 'error', message, line: 4, column: 1 }]);
		});

		it('a graphical function point', () => {
			const errors = only(
				readXmile(
					file(
						'<aux name="Effect"><eqn>TIME</eqn><gf>\n<xscale min="0" max="2"/>\n<ypts>1,two,3</ypts></gf></aux>'
					)
				).diagnostics,
				'error'
			);
			expect(errors).toEqual([
				{
					severity: 'error',
					variable: 'Effect',
					message: '<ypts> must be numbers separated by ",": "1,two,3"',
					line: FIRST + 2,
					column: 1
				}
			]);
		});

		it('a graphical function scale', () => {
			const errors = only(
				readXmile(
					file(
						'<aux name="Effect"><eqn>TIME</eqn><gf>\n<xscale min="0" max="lots"/><ypts>1,2</ypts></gf></aux>'
					)
				).diagnostics,
				'error'
			);
			expect(errors[0]).toMatchObject({
				variable: 'Effect',
				line: FIRST + 1,
				message: expect.stringMatching(/<xscale> needs numeric min and max/)
			});
		});

		it('a diagram position (the model still runs, so a warning)', () => {
			const text = file('<aux name="A"><eqn>1</eqn></aux>').replace(
				'</variables>',
				'</variables><views><view>\n<aux name="A" x="1O" y="2"/></view></views>'
			);
			expect(readXmile(text).diagnostics).toEqual([
				{
					severity: 'warning',
					variable: 'A',
					message: 'The diagram position is not a pair of numbers; it is left out',
					line: FIRST + 2,
					column: 1
				}
			]);
		});
	});

	it('random damage to a file Flowbook wrote: an InputError or diagnostics, never anything else', () => {
		const model: Model = {
			simSpecs: {
				start: 0,
				stop: 10,
				dt: 0.5,
				saveStep: 1,
				method: 'rk4',
				timeUnits: 'day',
				seed: 4
			},
			units: [{ name: 'bed', equation: 'patient', aliases: ['beds'] }],
			variables: [
				{
					id: 's',
					kind: 'stock',
					name: 'Beds & "Cots"',
					initial: '10',
					inflows: ['f'],
					outflows: [],
					nonNegative: true,
					position: { x: 1, y: 2 }
				},
				{
					id: 'f',
					kind: 'flow',
					name: 'In <flow>',
					equation: 'T(TIME)',
					uniflow: true,
					position: { x: 3, y: 4 },
					points: [
						{ x: 0, y: 4 },
						{ x: 5, y: 4 }
					]
				},
				{
					id: 't',
					kind: 'gf',
					name: 'T',
					graphical: {
						type: 'continuous',
						xs: [0, 5, 10],
						ys: [1, 2, 1],
						xScale: { min: 0, max: 10 }
					}
				}
			],
			diagram: {
				connectors: [{ id: 'c', from: 's', to: 'f', angle: 10 }],
				clouds: [{ id: 'k', flow: 'f', position: { x: 0, y: 4 } }]
			}
		};
		const text = writeXmile(model, { name: 'Damaged' });
		// A small deterministic generator, so a failure can be replayed.
		let state = 12345;
		const random = (n: number) => {
			state = (state * 1103515245 + 12345) % 2 ** 31;
			return state % n;
		};
		const damage = [
			'<',
			'>',
			'&',
			'"',
			'/',
			'=',
			' ',
			'x',
			'1',
			'-',
			'\n',
			'<aux>',
			'</eqn>',
			'&amp;',
			''
		];
		for (let trial = 0; trial < 400; trial++) {
			let damaged = text;
			for (let cut = 0; cut <= random(3); cut++) {
				const at = random(damaged.length);
				damaged =
					damaged.slice(0, at) + damage[random(damage.length)] + damaged.slice(at + random(4));
			}
			try {
				const { diagnostics } = readXmile(damaged);
				for (const d of diagnostics) expect(d.message.length, damaged).toBeGreaterThan(0);
			} catch (e) {
				expect(e, damaged).toBeInstanceOf(InputError);
			}
		}
	});
});
