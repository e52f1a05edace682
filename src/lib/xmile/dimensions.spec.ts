import { describe, expect, it } from 'vitest';
import { readDimensions, writeDimensions } from './dimensions';
import { Report } from './report';
import { parseXmlTree } from './xml-tree';
import { printNode } from './xml-writer';

function read(xml: string) {
	const report = new Report();
	return { dimensions: readDimensions(parseXmlTree(xml), report), diagnostics: report.diagnostics };
}

describe('<dimensions>', () => {
	it('reads named elements and numbered sizes, in order', () => {
		const { dimensions, diagnostics } = read(
			'<dimensions><dim name="Region"><elem name="North"/><elem name="South"/></dim><dim name="Cohort" size="10"/></dimensions>'
		);
		expect(dimensions).toEqual([
			{ name: 'Region', elements: ['North', 'South'] },
			{ name: 'Cohort', size: 10 }
		]);
		expect(diagnostics).toEqual([]);
	});

	it('reports, with the line, a dimension without a name, without elements or size, declared twice, or with an element twice', () => {
		const { dimensions, diagnostics } = read(
			[
				'<dimensions>',
				'<dim><elem name="a"/></dim>',
				'<dim name="Empty"/>',
				'<dim name="Bad" size="2.5"/>',
				'<dim name="Twice"><elem name="a"/><elem name="A"/></dim>',
				'<dim name="Ok" size="2"/>',
				'<dim name="ok" size="3"/>',
				'</dimensions>'
			].join('\n')
		);
		expect(dimensions).toEqual([{ name: 'Ok', size: 2 }]);
		expect(diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([
			[2, 'error', 'A <dim> has no name and is ignored'],
			[3, 'error', 'Dimension "Empty" has no <elem> elements and no size, so it is ignored'],
			[
				4,
				'error',
				'Dimension "Bad" has size "2.5", which is not a whole number above 0, so it is ignored'
			],
			[5, 'error', 'Dimension "Twice" has the element "A" twice'],
			[7, 'error', 'Dimension "ok" is declared twice; the second is ignored']
		]);
	});

	it('writes what it reads', () => {
		const dimensions = [
			{ name: 'Region', elements: ['North', 'South & East'] },
			{ name: 'Cohort', size: 3 }
		];
		const text = printNode(writeDimensions(dimensions)!, '');
		expect(read(text).dimensions).toEqual(dimensions);
		expect(writeDimensions([])).toBeUndefined();
	});
});
