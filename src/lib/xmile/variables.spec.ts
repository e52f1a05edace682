import { describe, expect, it } from 'vitest';
import type { NonNegativeDefaults } from './behavior';
import { Report } from './report';
import { readVariable } from './variables';
import { parseXmlTree } from './xml-tree';

const OFF: NonNegativeDefaults = { stock: false, flow: false };

function read(xml: string, defaults = OFF) {
	const report = new Report();
	const result = readVariable(parseXmlTree(xml), 'v', 'V', defaults, report);
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

	it('reports arrays with the dimensions, and reads the rest of the variable', () => {
		const { variable, diagnostics } = read(
			'<flow name="V">\n<eqn>b</eqn>\n<dimensions><dim name="Region"/><dim name="Age"/></dimensions></flow>'
		);
		expect(variable).toMatchObject({ kind: 'flow', equation: 'b' });
		expect(diagnostics).toEqual([
			expect.objectContaining({
				severity: 'error',
				variable: 'V',
				line: 3,
				message: '"V" is arrayed over "Region" × "Age": arrays are not supported yet'
			})
		]);
	});

	it('reports per-element equations as arrays, without a second error for the missing <eqn>', () => {
		const { variable, diagnostics } = read(
			'<stock name="V"><element subscript="a"><eqn>1</eqn></element><element subscript="b"><eqn>2</eqn></element></stock>'
		);
		expect(variable).toMatchObject({ initial: '1' });
		expect(diagnostics).toHaveLength(1);
		expect(diagnostics[0].message).toMatch(/arrays are not supported yet/);
	});

	it('does not treat an empty <dimensions/> as an array', () => {
		expect(read('<aux name="V"><eqn>1</eqn><dimensions/></aux>').diagnostics).toEqual([]);
	});

	it('reports conveyors and queues', () => {
		const { diagnostics } = read(
			'<stock name="V"><eqn>1</eqn><conveyor><len>3</len></conveyor></stock>'
		);
		expect(diagnostics[0]).toMatchObject({
			severity: 'error',
			message: '"V" is a conveyor: conveyors are not supported yet'
		});
	});
});
