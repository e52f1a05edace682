import { describe, expect, it } from 'vitest';
import type { Dimension } from '../model/types';
import type { NonNegativeDefaults } from './behavior';
import { Report } from './report';
import { readVariable } from './variables';
import { parseXmlTree } from './xml-tree';

const OFF: NonNegativeDefaults = { stock: false, flow: false };

function read(xml: string, defaults = OFF, dimensions: Dimension[] = []) {
	const report = new Report();
	const result = readVariable(parseXmlTree(xml), 'v', 'V', defaults, report, dimensions);
	return { ...result, diagnostics: report.diagnostics };
}

describe('readVariable', () => {
	it('reads a stock: initial equation, flows as written, non-negative', () => {
		const { variable, inflows, outflows, diagnostics } = read(`<stock name="V">
			<eqn>180</eqn><inflow>"Heat Gain"</inflow><outflow>heat_loss</outflow><non_negative/>
			<units>degrees</units><doc>  The tea.  </doc></stock>`);
		expect(variable).toEqual({
			id: 'v',
			name: 'V',
			kind: 'stock',
			initial: '180',
			inflows: [],
			outflows: [],
			nonNegative: true,
			units: 'degrees',
			documentation: 'The tea.'
		});
		expect(inflows.map((r) => r.name)).toEqual(['"Heat Gain"']);
		expect(outflows.map((r) => r.name)).toEqual(['heat_loss']);
		expect(diagnostics).toEqual([]);
	});

	it('reads a flow, with <non_negative/> as uniflow and an embedded graphical function', () => {
		const { variable } = read(
			'<flow name="V"><eqn>x</eqn><non_negative/><gf><xpts>0,1</xpts><ypts>2,3</ypts></gf></flow>'
		);
		expect(variable).toMatchObject({
			kind: 'flow',
			equation: 'x',
			uniflow: true,
			graphical: { type: 'continuous', xs: [0, 1], ys: [2, 3] }
		});
	});

	it('keeps the equation text as written, entities decoded and outer whitespace trimmed', () => {
		const { variable } = read(
			'<aux name="V"><eqn>\n  IF a &lt;&gt; b\n  THEN 1 ELSE 0  \n</eqn></aux>'
		);
		expect(variable).toMatchObject({ kind: 'aux', equation: 'IF a <> b\n  THEN 1 ELSE 0' });
	});

	it('applies <behavior> defaults unless the variable says otherwise', () => {
		const on = { stock: true, flow: true };
		expect(read('<stock name="V"><eqn>1</eqn></stock>', on).variable).toMatchObject({
			nonNegative: true
		});
		expect(
			read('<stock name="V"><eqn>1</eqn><non_negative>false</non_negative></stock>', on).variable
		).toMatchObject({ nonNegative: false });
		expect(read('<flow name="V"><eqn>1</eqn></flow>', on).variable).toMatchObject({
			uniflow: true
		});
		expect(read('<flow name="V"><eqn>1</eqn></flow>').variable).toMatchObject({ uniflow: false });
	});

	it('reads an aux with a graphical function and an equation as an aux applying the table', () => {
		// test_lookups.stmx: xmutil writes a Vensim lookup as an aux with a placeholder eqn of 0.
		const { variable } = read(
			'<aux name="V"><eqn>0</eqn><gf><xpts>0,1</xpts><ypts>0,1</ypts></gf></aux>'
		);
		expect(variable).toMatchObject({ kind: 'aux', equation: '0', graphical: { xs: [0, 1] } });
	});

	it('reads a standalone <gf>, and an aux with a graphical function but no equation, as a table', () => {
		const standalone = read('<gf name="V"><xscale min="0" max="2"/><ypts>0,1,4</ypts></gf>');
		expect(standalone.variable).toEqual({
			id: 'v',
			name: 'V',
			kind: 'gf',
			graphical: { type: 'continuous', xs: [0, 1, 2], ys: [0, 1, 4], xScale: { min: 0, max: 2 } }
		});
		const noEquation = read('<aux name="V"><gf><xpts>0,1</xpts><ypts>0,1</ypts></gf></aux>');
		expect(noEquation.variable.kind).toBe('gf');
		expect(noEquation.diagnostics).toEqual([]);
	});

	it('reports a variable without an equation', () => {
		const { variable, diagnostics } = read('<aux name="V">\n<units>x</units></aux>');
		expect(variable).toMatchObject({ kind: 'aux', equation: '' });
		expect(diagnostics).toEqual([
			expect.objectContaining({
				severity: 'error',
				variable: 'V',
				line: 1,
				message: 'Has no equation'
			})
		]);
	});

	it('warns when a variable that is not arrayed has several equations, and uses the first', () => {
		const { variable, diagnostics } = read('<aux name="V"><eqn>1</eqn><eqn>2</eqn></aux>');
		expect(variable).toMatchObject({ equation: '1' });
		expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning' })]);
	});

	it('reads an arrayed variable: its dimensions and an apply-to-all equation', () => {
		const region = { name: 'Region', elements: ['North', 'South'] };
		const age = { name: 'Age', size: 3 };
		const { variable, diagnostics } = read(
			'<flow name="V">\n<eqn>b</eqn>\n<dimensions><dim name="Region"/><dim name="Age"/></dimensions></flow>',
			OFF,
			[region, age]
		);
		expect(variable).toMatchObject({ kind: 'flow', equation: 'b', dimensions: ['Region', 'Age'] });
		expect(variable.elements).toBeUndefined();
		expect(diagnostics).toEqual([]);
	});

	it('reports a dimension the file does not declare, with the variable and line', () => {
		const { variable, diagnostics } = read(
			'<flow name="V">\n<eqn>b</eqn>\n<dimensions><dim name="Region"/></dimensions></flow>'
		);
		expect(variable).toMatchObject({ kind: 'flow', equation: 'b', dimensions: ['Region'] });
		expect(diagnostics).toEqual([
			expect.objectContaining({
				severity: 'error',
				variable: 'V',
				line: 3,
				message: '"V" is arrayed over "Region", which the file does not declare in <dimensions>'
			})
		]);
	});

	it('reads element-by-element equations, with no error for the missing shared <eqn>', () => {
		const { variable, diagnostics } = read(
			'<stock name="V"><dimensions><dim name="D"/></dimensions><element subscript="a"><eqn>1</eqn></element><element subscript="b"><eqn>2</eqn></element></stock>',
			OFF,
			[{ name: 'D', elements: ['a', 'b'] }]
		);
		expect(variable).toMatchObject({
			initial: '',
			elements: [
				{ subscript: ['a'], equation: '1' },
				{ subscript: ['b'], equation: '2' }
			]
		});
		expect(diagnostics).toEqual([]);
	});

	it('reads each element its own graphical function under a shared equation', () => {
		const gf = (y: number) => `<gf><xscale min="0" max="1"/><ypts>0,${y}</ypts></gf>`;
		const { variable, diagnostics } = read(
			`<aux name="V"><dimensions><dim name="D"/></dimensions><eqn>TIME</eqn><element subscript="a">${gf(1)}</element><element subscript="b">${gf(2)}</element></aux>`,
			OFF,
			[{ name: 'D', elements: ['a', 'b'] }]
		);
		expect(variable).toMatchObject({ kind: 'aux', equation: 'TIME' });
		expect(variable.elements!.map((e) => [e.subscript, e.equation, e.graphical?.ys])).toEqual([
			[['a'], undefined, [0, 1]],
			[['b'], undefined, [0, 2]]
		]);
		expect(diagnostics).toEqual([]);
	});

	it('reads one bare <eqn> per element (as xmutil writes) as the elements in order', () => {
		const { variable, diagnostics } = read(
			'<aux name="V"><dimensions><dim name="D"/><dim name="E"/></dimensions><eqn>1</eqn><eqn>2</eqn><eqn>3</eqn><eqn>4</eqn></aux>',
			OFF,
			[
				{ name: 'D', elements: ['a', 'b'] },
				{ name: 'E', size: 2 }
			]
		);
		expect(variable.elements).toEqual([
			{ subscript: ['a', '1'], equation: '1' },
			{ subscript: ['a', '2'], equation: '2' },
			{ subscript: ['b', '1'], equation: '3' },
			{ subscript: ['b', '2'], equation: '4' }
		]);
		expect(diagnostics).toEqual([]);
	});

	it('reports an element that names no element of its dimension, and a subscript of the wrong length', () => {
		const { diagnostics } = read(
			'<aux name="V"><dimensions><dim name="D"/></dimensions>\n<element subscript="c"><eqn>1</eqn></element>\n<element subscript="a, b"><eqn>1</eqn></element></aux>',
			OFF,
			[{ name: 'D', elements: ['a', 'b'] }]
		);
		expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
			[2, 'The element [c] of "V": "c" is not an element of "D"'],
			[3, 'The element [a, b] of "V" needs 1 element name, one for each dimension']
		]);
	});

	it('does not treat an empty <dimensions/> as an array', () => {
		expect(read('<aux name="V"><eqn>1</eqn><dimensions/></aux>').diagnostics).toEqual([]);
	});

	it('reads a conveyor and a queue, and refuses an oven naming the stock', () => {
		const conveyor = read('<stock name="V"><eqn>1</eqn><conveyor><len>3</len></conveyor></stock>');
		expect(conveyor.diagnostics).toEqual([]);
		expect(conveyor.variable).toMatchObject({ conveyor: { transitTime: '3' } });
		expect(read('<stock name="V"><eqn>1</eqn><queue/></stock>').variable).toMatchObject({
			queue: true
		});
		expect(read('<stock name="V"><eqn>1</eqn><oven/></stock>').diagnostics[0]).toMatchObject({
			severity: 'error',
			variable: 'V',
			message:
				'"V" is an oven: ovens are not supported yet (a conveyor or a queue may do what it does)'
		});
	});
});
