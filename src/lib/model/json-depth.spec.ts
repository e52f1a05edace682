import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, tooDeepAt } from './json-depth';
import { parseJsonText } from './json-text';

describe('tooDeepAt', () => {
	it('finds the bracket that opens one level too many', () => {
		expect(tooDeepAt('[[[1]]]', 3)).toBeUndefined();
		expect(tooDeepAt('[[[[1]]]]', 3)).toBe(3);
		expect(tooDeepAt('{"a": {"b": [{}]}}', 3)).toBe(13);
	});

	it('counts closed levels back down, so long but shallow text passes', () => {
		expect(tooDeepAt('[' + '[1],'.repeat(10_000) + '[2]]', 2)).toBeUndefined();
	});

	it('ignores brackets inside strings, escaped quotes included', () => {
		expect(tooDeepAt('["[[[[", "\\"[[[[", {"{{{{": 1}]', 2)).toBeUndefined();
		expect(tooDeepAt('["\\\\", [[1]]]', 2)).toBe(8);
	});
});

describe('parseJsonText and deep nesting', () => {
	it('refuses nesting deeper than any document, naming the line, column and cap', () => {
		const text = '{"model":\n' + '['.repeat(200_000) + ']'.repeat(200_000) + '}';
		expect(() => parseJsonText(text)).toThrow(
			`the file is refused: lists and objects are nested more than ${MAX_JSON_DEPTH} deep, far deeper than any Flowbook document (line 2, column ${MAX_JSON_DEPTH})`
		);
	});

	it('parses nesting up to the cap', () => {
		const text = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
		expect(parseJsonText(text)).toBeInstanceOf(Array);
	});
});
