import { describe, expect, it } from 'vitest';
import { BUILTINS } from '../engine/builtins';
import { UNIT_RULES } from './builtins';

describe('UNIT_RULES', () => {
	it('has a rule for every builtin of the engine (a new builtin needs one here too)', () => {
		expect(BUILTINS.map((b) => b.name).filter((name) => !UNIT_RULES[name])).toEqual([]);
	});

	it('has no rule for a builtin the engine does not have', () => {
		const names = new Set(BUILTINS.map((b) => b.name));
		expect(Object.keys(UNIT_RULES).filter((name) => !names.has(name))).toEqual([]);
	});
});
