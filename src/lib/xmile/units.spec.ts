import { describe, expect, it } from 'vitest';
import { Report } from './report';
import { readUnits } from './units';
import { parseXmlTree } from './xml-tree';

describe('readUnits', () => {
	it('reads names, equations and aliases (teacup.stmx, xmutil files)', () => {
		const report = new Report();
		const units = readUnits(
			parseXmlTree(`<model_units>
				<unit name="Degrees"><eqn/><alias>deg</alias><alias>degree</alias></unit>
				<unit name="Dollar"><eqn>$</eqn><alias>Dollars</alias></unit>
				<unit name="Hour"><alias>Hours</alias></unit>
				<unit name="Old" disabled="true"/>
			</model_units>`),
			report
		);
		expect(units).toEqual([
			{ name: 'Degrees', aliases: ['deg', 'degree'] },
			{ name: 'Dollar', equation: '$', aliases: ['Dollars'] },
			{ name: 'Hour', aliases: ['Hours'] }
		]);
		expect(report.diagnostics).toEqual([]);
	});

	it('is empty without <model_units>, and skips an unnamed unit with a warning', () => {
		const report = new Report();
		expect(readUnits(undefined, report)).toEqual([]);
		expect(
			readUnits(parseXmlTree('<model_units><unit><eqn>x</eqn></unit></model_units>'), report)
		).toEqual([]);
		expect(report.diagnostics).toHaveLength(1);
	});
});
