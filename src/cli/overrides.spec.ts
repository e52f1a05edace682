import { describe, expect, it } from 'vitest';
import { parseOverrides, withScenario } from './overrides';

function parsed(items: string[]): Map<string, number> {
	const result = parseOverrides(items);
	if (!result.ok) throw new Error(result.message);
	return result.overrides;
}

describe('parseOverrides', () => {
	it('keeps names an object would swallow, such as __proto__, as names', () => {
		const overrides = parsed(['__proto__=9', 'constructor=1', 'toString=2']);
		expect([...overrides]).toEqual([
			['__proto__', 9],
			['constructor', 1],
			['toString', 2]
		]);
	});

	it('splits at the last = and trims the name; the last value of a name wins', () => {
		expect([...parsed([' Room Temperature =20', 'a=b=3', 'k=1', 'k=2'])]).toEqual([
			['Room Temperature', 20],
			['a=b', 3],
			['k', 2]
		]);
	});

	it('explains an item that is not name=number, naming it', () => {
		const message = (item: string) => {
			const result = parseOverrides([item]);
			return result.ok ? undefined : result.message;
		};
		expect(message('k')).toBe('--set needs name=value, not "k"');
		expect(message('=3')).toBe('--set needs name=value, not "=3"');
		expect(message('k=')).toBe('--set k= needs a number, not ""');
		expect(message('k=ten')).toBe('--set k= needs a number, not "ten"');
		expect(message('k=1e400')).toBe('--set k= needs a number, not "1e400"');
	});
});

describe('withScenario', () => {
	it('lays the command line over a scenario, keeping a scenario key such as __proto__', () => {
		const scenario = JSON.parse('{"__proto__": 1, "a": 2}') as Record<string, number>;
		expect([...withScenario(scenario, new Map([['a', 3]]))]).toEqual([
			['__proto__', 1],
			['a', 3]
		]);
	});
});
