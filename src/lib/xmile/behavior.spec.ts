import { describe, expect, it } from 'vitest';
import { readBehavior, readNonNegative } from './behavior';
import { Report } from './report';
import { parseXmlTree } from './xml-tree';

function defaults(...blocks: string[]) {
	return readBehavior(
		blocks.map((b) => parseXmlTree(b)),
		new Report()
	);
}

describe('readBehavior', () => {
	it('is off for both kinds without a <behavior> block', () => {
		expect(defaults()).toEqual({ stock: false, flow: false });
	});

	it('turns both kinds on with a bare <non_negative/> (test_non_negative_all1.xmile)', () => {
		expect(defaults('<behavior><non_negative/></behavior>')).toEqual({ stock: true, flow: true });
	});

	it('sets kinds separately (test_non_negative_all2.xmile)', () => {
		expect(defaults('<behavior><flow><non_negative/></flow></behavior>')).toEqual({
			stock: false,
			flow: true
		});
		expect(
			defaults('<behavior><flow><non_negative/></flow><stock><non_negative/></stock></behavior>')
		).toEqual({ stock: true, flow: true });
	});

	it('lets a kind-specific setting beat the bare one in the same block', () => {
		expect(
			defaults(
				'<behavior><stock><non_negative>false</non_negative></stock><non_negative/></behavior>'
			)
		).toEqual({ stock: false, flow: true });
	});

	it("lets the model's block override the file's", () => {
		expect(
			defaults(
				'<behavior><non_negative/></behavior>',
				'<behavior><flow><non_negative>false</non_negative></flow></behavior>'
			)
		).toEqual({ stock: true, flow: false });
	});
});

describe('readNonNegative', () => {
	it('reads empty, true and false, and warns on anything else', () => {
		const report = new Report();
		const flag = (xml: string) => readNonNegative(parseXmlTree(xml), report);
		expect(flag('<non_negative/>')).toBe(true);
		expect(flag('<non_negative></non_negative>')).toBe(true);
		expect(flag('<non_negative> TRUE </non_negative>')).toBe(true);
		expect(flag('<non_negative>false</non_negative>')).toBe(false);
		expect(readNonNegative(undefined, report)).toBeUndefined();
		expect(report.diagnostics).toEqual([]);
		expect(flag('<non_negative>maybe</non_negative>')).toBe(true);
		expect(report.diagnostics).toHaveLength(1);
	});
});
