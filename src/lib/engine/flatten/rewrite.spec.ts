import { describe, expect, it } from 'vitest';
import { parseEquation } from '../parse/parser';
import { applyEdits, isBlankEquation, placeEdits, reference, spanInSource } from './rewrite';

describe('rewriting equations', () => {
	it('replaces ranges and nothing else, keeping words apart and parentheses where the parser widened a name', () => {
		expect(applyEdits('a + b*c', [{ start: 4, end: 5, text: 'm.b' }])).toBe('a + m.b*c');
		expect(applyEdits('IF(x)THEN 1 ELSE 2', [{ start: 2, end: 5, text: 'm.x' }])).toBe(
			'IF(m.x)THEN 1 ELSE 2'
		);
		expect(applyEdits('IF "x"THEN 1 ELSE 2', [{ start: 3, end: 6, text: 'm.x' }])).toBe(
			'IF m.x THEN 1 ELSE 2'
		);
	});

	it('writes a name as an equation can read it back', () => {
		for (const name of [
			'hares.hare density',
			'x → LOG → base',
			'if',
			'a "quoted" name',
			'm._x',
			'trailing.'
		]) {
			const ast = parseEquation(reference(name));
			expect(ast.type, name).toBe('name');
		}
		expect(reference('hares.hare density')).toBe('hares.hare_density');
		expect(reference('if')).toBe('"if"');
	});

	it('takes a range of the rewritten equation back to the one written', () => {
		const source = '2 * LOG(8, 2) + unknwn';
		const placed = placeEdits(source, [{ start: 4, end: 13, text: '"a → LOG"' }]);
		const rewritten = applyEdits(
			source,
			placed.map((p) => ({ ...p }))
		);
		const at = rewritten.indexOf('unknwn');
		expect(spanInSource(placed, at, at + 6)).toEqual({ start: 16, end: 22 });
		// Inside the replacement: the whole call.
		expect(spanInSource(placed, 5, 7)).toEqual({ start: 4, end: 13 });
		expect(spanInSource(placed, 0, 1)).toEqual({ start: 0, end: 1 });
	});

	it('treats an equation of only comments as blank', () => {
		expect(isBlankEquation('{Enter equation for use when not hooked up to other models}')).toBe(
			true
		);
		expect(isBlankEquation(' {note} 1')).toBe(false);
	});
});
