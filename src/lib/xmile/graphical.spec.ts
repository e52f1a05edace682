import { describe, expect, it } from 'vitest';
import { readGraphicalFunction } from './graphical';
import { Report } from './report';
import { parseXmlTree } from './xml-tree';

function read(xml: string) {
	const report = new Report();
	const gf = readGraphicalFunction(parseXmlTree(xml), 'Table', report);
	return { gf, diagnostics: report.diagnostics };
}

describe('readGraphicalFunction', () => {
	it('reads explicit x and y points (test_lookups.xmile)', () => {
		const { gf, diagnostics } = read(
			'<gf><yscale min="-1" max="1"/><xpts>0,5,10</xpts><ypts>0,1,-1</ypts></gf>'
		);
		expect(gf).toEqual({
			type: 'continuous',
			xs: [0, 5, 10],
			ys: [0, 1, -1],
			yScale: { min: -1, max: 1 }
		});
		expect(diagnostics).toEqual([]);
	});

	it('spreads y points evenly over <xscale> when there are no <xpts> (test_lookups_xscale.xmile)', () => {
		const { gf } = read('<gf><xscale min="0" max="45"/><ypts>0,0,1,1,0,0,-1,-1,0,0</ypts></gf>');
		expect(gf?.xs).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45]);
		expect(gf?.xScale).toEqual({ min: 0, max: 45 });
	});

	it('honours the sep attribute on either list (test_lookups_xpts_sep / _ypts_sep)', () => {
		expect(read('<gf><xpts sep=";">0;5;10</xpts><ypts>1,2,3</ypts></gf>').gf?.xs).toEqual([
			0, 5, 10
		]);
		expect(read('<gf><xpts>0,5,10</xpts><ypts sep=";">1;2;3</ypts></gf>').gf?.ys).toEqual([
			1, 2, 3
		]);
	});

	it('prefers <xpts> over a placeholder <xscale min="0" max="0"> (hares and lynxes model.xmile)', () => {
		const { gf, diagnostics } = read(
			'<gf discrete="false"><xpts>0,50,100</xpts><ypts>0,5,10</ypts><xscale min="0" max="0"/></gf>'
		);
		expect(gf).toEqual({ type: 'continuous', xs: [0, 50, 100], ys: [0, 5, 10] });
		expect(diagnostics).toEqual([]);
	});

	it('reads the type attribute, and the pre-standard discrete attribute', () => {
		const type = (attrs: string) => read(`<gf ${attrs}><xpts>0,1</xpts><ypts>0,1</ypts></gf>`);
		expect(type('').gf?.type).toBe('continuous');
		expect(type('type="extrapolate"').gf?.type).toBe('extrapolate');
		expect(type('type="Discrete"').gf?.type).toBe('discrete');
		expect(type('discrete="true"').gf?.type).toBe('discrete');
		expect(type('type="extrapolation"').gf?.type).toBe('extrapolate');
		expect(type('type="extrapolation"').diagnostics[0].severity).toBe('warning');
		expect(type('type="spline"').gf?.type).toBe('continuous');
		expect(type('type="spline"').diagnostics[0].severity).toBe('warning');
	});

	it('reports mismatched lengths with the variable and line', () => {
		const { gf, diagnostics } = read('<gf>\n<xpts>0,1,2</xpts>\n<ypts>0,1</ypts>\n</gf>');
		expect(gf).toBeUndefined();
		expect(diagnostics).toEqual([
			expect.objectContaining({
				severity: 'error',
				variable: 'Table',
				line: 2,
				message: expect.stringMatching(/3 x values but 2 y values/)
			})
		]);
	});

	it('reports points that are not numbers, naming the element', () => {
		const { gf, diagnostics } = read('<gf><xpts>0,1</xpts>\n<ypts>0,one</ypts></gf>');
		expect(gf).toBeUndefined();
		expect(diagnostics[0]).toMatchObject({ severity: 'error', variable: 'Table', line: 2 });
		expect(diagnostics[0].message).toContain('<ypts>');
		// A comma list under sep=";" is one bad item, not three numbers.
		expect(read('<gf><xscale min="0" max="1"/><ypts sep=";">0,1</ypts></gf>').gf).toBeUndefined();
	});

	it('reports missing points, missing x values and x values that do not increase', () => {
		expect(read('<gf><xpts>0,1</xpts></gf>').diagnostics[0].message).toMatch(/no <ypts>/);
		expect(read('<gf><ypts>0,1</ypts></gf>').diagnostics[0].message).toMatch(/<xpts> or <xscale>/);
		expect(read('<gf><xpts>0,2,1</xpts><ypts>0,1,2</ypts></gf>').diagnostics[0].message).toMatch(
			/must increase/
		);
		expect(read('<gf><xscale min="1" max="x"/><ypts>0</ypts></gf>').diagnostics[0].message).toMatch(
			/<xscale>/
		);
	});
});
