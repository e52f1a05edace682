// Where a JSON file goes wrong, found the same way in every browser: the expected lines and
// columns are counted by hand in each text (tabs count as one column).
import { describe, expect, it } from 'vitest';
import { InputError } from './diagnostics';
import { jsonLineFinder, jsonSyntaxProblem, parseJsonText } from './json-text';
import { positionFinder } from './text-position';

describe('jsonSyntaxProblem', () => {
	it.each([
		['a missing comma', '{\n\t"a": 1\n\t"b": 2\n}', 3, 2, /a comma is expected/],
		['a missing colon', '{\n\t"a": 1,\n\t"b" 2\n}', 3, 6, /a colon is expected/],
		['a trailing comma', '{\n\t"a": 1,\n}', 3, 1, /comma before \} or \] is not allowed/],
		['single quotes', "{\n\n\t'title': 1\n}", 3, 2, /'title' is in single quotes/],
		['text after the document', '{"a": 1}\n\nmore', 3, 1, /unexpected "more"/],
		['a file cut off', '{\n\t"a": "x"', 2, 10, /the file ends before the closing \}/],
		['a missing value', '{\n\t"a": }', 2, 7, /a value is expected, not "\}"/],
		['a comment', '{\n\t"a": 1 // why\n}', 2, 9, /comments are not allowed/],
		['an empty file', '', 1, 1, /the file ends where a value is expected/],
		['NaN', '[1, NaN]', 1, 5, /unexpected "NaN"/]
	])('names %s and where it is', (_what, text, line, column, reason) => {
		expect(() => JSON.parse(text)).toThrow();
		const problem = jsonSyntaxProblem(text)!;
		expect({ line: problem.line, column: problem.column }).toEqual({ line, column });
		expect(problem.reason).toMatch(reason);
	});

	it('finds nothing wrong in valid JSON', () => {
		expect(jsonSyntaxProblem('{"a": [1, 2.5e3, "x\\ty"], "b": null}')).toBeUndefined();
	});
});

describe('parseJsonText', () => {
	it('parses JSON, skipping a byte order mark', () => {
		expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ a: 1 });
	});

	it('throws an InputError naming the line and column, in the message and the diagnostic', () => {
		let error: unknown;
		try {
			parseJsonText('{\n\t"a": 1\n\t"b": 2\n}');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(InputError);
		const e = error as InputError;
		expect(e.message).toBe(
			'the file is not valid JSON: a comma is expected between two values (line 3, column 2)'
		);
		expect(e.diagnostics).toEqual([
			{
				severity: 'error',
				message: 'the file is not valid JSON: a comma is expected between two values',
				line: 3,
				column: 2
			}
		]);
	});
});

describe('jsonLineFinder', () => {
	const text =
		'{\n\t"title": "x",\n\t"cells": [\n\t\t{ "id": "a" },\n\t\t{\n\t\t\t"id": "b"\n\t\t}\n\t]\n}';
	const lineOf = jsonLineFinder(text);

	it('gives the line of the value at a path', () => {
		expect(lineOf(['title'])).toBe(2);
		expect(lineOf(['cells'])).toBe(3);
		expect(lineOf(['cells', 0])).toBe(4);
		expect(lineOf(['cells', 1])).toBe(5);
		expect(lineOf(['cells', 1, 'id'])).toBe(6);
	});

	it("gives a missing field its parent's line, and the document none", () => {
		expect(lineOf(['cells', 1, 'kind'])).toBe(5);
		expect(lineOf(['description'])).toBeUndefined();
		expect(lineOf([])).toBeUndefined();
	});
});

describe('positionFinder', () => {
	it('counts lines and columns from 1', () => {
		const at = positionFinder('ab\ncd\n\nx');
		expect(at(0)).toEqual({ line: 1, column: 1 });
		expect(at(4)).toEqual({ line: 2, column: 2 });
		expect(at(6)).toEqual({ line: 3, column: 1 });
		expect(at(7)).toEqual({ line: 4, column: 1 });
	});

	it('counts CRLF as one line end, and a lone CR as one', () => {
		const at = positionFinder('a\r\nb\rc');
		expect(at(3)).toEqual({ line: 2, column: 1 });
		expect(at(5)).toEqual({ line: 3, column: 1 });
	});
});
