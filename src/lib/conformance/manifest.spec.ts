import { describe, expect, it } from 'vitest';
import { ManifestError, fileOf, folderOf, joinPath, parseManifest, variantFiles } from './manifest';

const ENTRY = {
	name: 'sdxorg/tests/smooth_and_stock',
	model: 'sdxorg/tests/smooth_and_stock/test_smooth_and_stock.xmile',
	expected: 'sdxorg/tests/smooth_and_stock/output.tab',
	tier: 'T2',
	features: ['builtins: SMTH1,SMTH3', 'SMTH1'],
	note: 'the reference output has three columns from another model; ignore them',
	ignore_columns: ['Input', 'Smoothed Input', 'Smoothing Time'],
	verified: true
};

describe('parseManifest', () => {
	it('reads the suite format', () => {
		expect(parseManifest(JSON.stringify([ENTRY]))).toEqual([
			{
				name: ENTRY.name,
				model: ENTRY.model,
				expected: ENTRY.expected,
				tier: 'T2',
				features: ENTRY.features,
				note: ENTRY.note,
				ignoreColumns: ['Input', 'Smoothed Input', 'Smoothing Time'],
				verified: true
			}
		]);
	});

	it('fills in optional fields', () => {
		const [c] = parseManifest(
			JSON.stringify({ cases: [{ name: 'a', model: 'a/m.xmile', expected: 'a/o.csv' }] })
		);
		expect(c).toEqual({
			name: 'a',
			model: 'a/m.xmile',
			expected: 'a/o.csv',
			tier: '',
			features: [],
			note: '',
			ignoreColumns: [],
			verified: undefined
		});
	});

	it('says which entry is wrong', () => {
		expect(() => parseManifest('{')).toThrow(/not valid JSON/);
		expect(() => parseManifest('{"a":1}')).toThrow(/must be a list of cases/);
		expect(() => parseManifest('[1]')).toThrow(/case 1 is not an object/);
		expect(() => parseManifest(JSON.stringify([{ ...ENTRY, model: undefined }]))).toThrow(
			'case "sdxorg/tests/smooth_and_stock" has no "model"'
		);
		expect(() => parseManifest(JSON.stringify([{ ...ENTRY, ignore_columns: 'Input' }]))).toThrow(
			/ignore_columns must be a list/
		);
		expect(() => parseManifest(JSON.stringify([ENTRY, ENTRY]))).toThrow(/appears twice/);
		expect(() => parseManifest('[{}]')).toThrow(ManifestError);
	});
});

describe('paths', () => {
	it('splits and joins `/` paths', () => {
		expect(folderOf('sdxorg/samples/teacup/teacup.xmile')).toBe('sdxorg/samples/teacup');
		expect(folderOf('teacup.xmile')).toBe('');
		expect(fileOf('sdxorg/samples/teacup/teacup.xmile')).toBe('teacup.xmile');
		expect(joinPath('sdxorg/samples/teacup', 'teacup.stmx')).toBe(
			'sdxorg/samples/teacup/teacup.stmx'
		);
		expect(joinPath('', 'teacup.stmx')).toBe('teacup.stmx');
	});

	it('finds the variants of a case: other .xmile/.stmx files, sorted', () => {
		const c = parseManifest(
			JSON.stringify([
				{
					name: 'sdxorg/samples/teacup',
					model: 'sdxorg/samples/teacup/teacup.xmile',
					expected: 'sdxorg/samples/teacup/output.csv'
				}
			])
		)[0];
		const files = [
			'teacup_w_diagram.xmile',
			'output.csv',
			'teacup.xmile',
			'teacup_legacy.stmx',
			'teacup.stmx',
			'README.md',
			'x.STMX'
		];
		expect(variantFiles(c, files)).toEqual([
			'teacup.stmx',
			'teacup_legacy.stmx',
			'teacup_w_diagram.xmile',
			'x.STMX'
		]);
	});
});
