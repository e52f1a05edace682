import { describe, expect, it } from 'vitest';
import { Report } from './report';
import { parseXmlTree } from './xml-tree';

describe('Report', () => {
	it('records severity, message, variable and the element position', () => {
		const report = new Report();
		const element = parseXmlTree('<a>\n  <b/>\n</a>').children[0];
		report.error('broken', element, 'Births');
		report.warning('odd');
		expect(report.diagnostics).toEqual([
			{ severity: 'error', message: 'broken', variable: 'Births', line: 2, column: 3 },
			{ severity: 'warning', message: 'odd' }
		]);
	});
});
