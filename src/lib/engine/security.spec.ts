/**
 * Hostile models. DESIGN.md ("The compiler"): generated code is built only from a checked AST,
 * numbers as numbers and names as array indices, never text from the model, so a hostile model
 * cannot run code. These tests prove it three ways: nothing runs, the generated source holds
 * only a whitelist of tokens and none of the model's names, and hostile names that are
 * legitimate quoted names still simulate correctly.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Model, Variable } from '../model/types';
import type { Simulation } from './api';
import { compileModel } from './index';
import { rerollStatements } from './reroll';
import { aux, compiled, flow, gf, model, simulate, stock, table } from './test-models';

const HOSTILE_NAMES = [
	'a"b',
	'back\\slash',
	'constructor',
	'__proto__',
	'toString',
	'prototype',
	'"); globalThis.pwned=1; ("',
	"'); globalThis.pwned=1; ('",
	'</script><script>globalThis.pwned=1</script>',
	'${globalThis.pwned=1}',
	'`${globalThis.pwned=1}`',
	'line\nbreak',
	'x]; globalThis.pwned=1; //',
	'n'.repeat(10_000)
];

/** A quoted reference to a name in an equation: quotes inside are escaped as \". */
const ref = (name: string) => `"${name.replace(/"/g, '\\"')}"`;

const pwned = () => (globalThis as Record<string, unknown>).pwned;

/** Every statement of the generated phases. */
function generatedSource(sim: Simulation): string[] {
	const code = (sim as unknown as { code: { init: string[]; rates: string[]; post: string[] } })
		.code;
	expect(code).toBeDefined();
	return [...code.init, ...code.rates, ...code.post];
}

// The tokens generated code may contain: array reads at integer slots, numbers, operators and
// a fixed set of identifiers (codegen.ts, program.ts).
const MATH =
	'abs|sqrt|exp|log|log10|sin|cos|tan|asin|acos|atan|sinh|cosh|tanh|floor|min|max|pow|PI';
const RT =
	'start|stop|lookup|pipe|initPipe|record|uniform|normal|exponential|lognormal|poisson|triangular';
const TOKEN = new RegExp(
	[
		String.raw`\s+`,
		String.raw`(?:s|v|c|d|v1)\[\d+\]`,
		// Rerolled loops (reroll.ts): for (let i = 0; i < n; i++) v[1 + 2 * i] = …
		String.raw`(?:s|v|c|d|v1)\[(?:\d+ \+ )?(?:\d+ \* )?i\]`,
		String.raw`(?:for|i)(?![\w$.])`,
		String.raw`\+\+`,
		String.raw`\d+(?:\.\d+)?(?:e[+-]?\d+)?`,
		String.raw`Math\.(?:${MATH})(?![\w$])`,
		String.raw`rt\.(?:${RT})(?![\w$])`,
		String.raw`F\.[a-z][a-z0-9_]*(?![\w$])`,
		String.raw`(?:t|dt|let|a|if|NaN|Infinity)(?![\w$.])`,
		String.raw`===|!==|<=|>=|&&|\|\|`,
		String.raw`[-+*/<>=?:;,(){}!]`
	].join('|'),
	'y'
);

/** The first piece of a statement that is not an allowed token, or undefined if all are. */
function firstDisallowed(statement: string): string | undefined {
	TOKEN.lastIndex = 0;
	while (TOKEN.lastIndex < statement.length) {
		const at = TOKEN.lastIndex;
		if (!TOKEN.exec(statement)) return statement.slice(at, at + 40);
	}
	return undefined;
}

/** A model using the hostile name for every kind of variable and every code path. */
function hostileModel(name: string): Model {
	const n = ref(name);
	const variables: Variable[] = [
		aux(name, '3'),
		aux(`${name} doubled`, `${n} * 2`),
		stock(`${name} stock`, `${n} * 10`, {
			inflows: [`${name} in`],
			outflows: [`${name} out`],
			nonNegative: true
		}),
		flow(`${name} in`, `${n} + SMTH1(${n}, 2) - DELAY(${n}, 1) + PREVIOUS(${n}) - INIT(${n})`, {
			uniflow: true
		}),
		flow(
			`${name} out`,
			`${ref(`${name} stock`)} / 100 + 0 * RANDOM(0, 1) + ${ref(`${name} gf`)}(TIME) + MOD(TIME, ${n})`
		),
		gf(
			`${name} gf`,
			table('continuous', [
				[0, 0],
				[10, 1]
			])
		),
		aux(
			`${name} embedded`,
			'TIME',
			table('discrete', [
				[0, 1],
				[5, 2]
			])
		)
	];
	return model(variables, { stop: 10, dt: 0.5 });
}

let globalsBefore: string[];
let prototypeBefore: string[];

beforeEach(() => {
	delete (globalThis as Record<string, unknown>).pwned;
	globalsBefore = Object.getOwnPropertyNames(globalThis).sort();
	prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
});

afterEach(() => {
	// (a) Nothing ran: no new global, no prototype pollution.
	expect(pwned()).toBeUndefined();
	expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(globalsBefore);
	expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
	expect(({} as Record<string, unknown>).pwned).toBeUndefined();
});

describe.each(
	HOSTILE_NAMES.map((name) => [
		name.length > 60 ? `${name.slice(0, 10)}… (${name.length} characters)` : JSON.stringify(name),
		name
	])
)('the name %s', (_label, name) => {
	it('compiles and simulates correctly as a quoted name', () => {
		const { result, get, sim } = simulate(hostileModel(name));
		expect(result.error).toBeUndefined();
		expect(get(name)[0]).toBe(3);
		expect(new Set(get(`${name} doubled`))).toEqual(new Set([6]));
		expect(get(`${name} stock`)[0]).toBe(30);
		// in = 3 + 3 − 3 + 3 − 3 = 3 (constant input: smooth and delay are in equilibrium).
		expect(new Set(get(`${name} in`))).toEqual(new Set([3]));
		expect(Array.from(get(`${name} embedded`).slice(0, 2))).toEqual([1, 1]);
		expect(get(`${name} embedded`).at(-1)).toBe(2);
		// Overrides reach it by its name.
		const overridden = sim.run({ overrides: { [name]: 5 } });
		expect(sim.seriesOf(overridden, `${name} doubled`)![0]).toBe(10);
	});

	it('never reaches the generated source, which holds only whitelisted tokens', () => {
		const sim = compiled(hostileModel(name));
		const source = generatedSource(sim);
		expect(source.length).toBeGreaterThan(5);
		const text = source.join('\n');
		for (const forbidden of [
			'"',
			"'",
			'`',
			'\\',
			'pwned',
			'globalThis',
			'script',
			'constructor',
			'proto',
			'toString'
		]) {
			expect(text).not.toContain(forbidden);
		}
		for (const v of hostileModel(name).variables) expect(text).not.toContain(v.name);
		for (const statement of source) expect(firstDisallowed(statement), statement).toBeUndefined();
	});

	it('stays out of the rerolled source that is actually compiled (loops over repeated stages)', () => {
		const n = ref(name);
		const sim = compiled(
			model(
				[aux(name, '3 + TIME'), aux(`${name} smooth`, `SMTHN(${n}, 6, 12) + DELAYN(${n}, 6, 12)`)],
				{ stop: 4 }
			)
		);
		const rerolled = rerollStatements(generatedSource(sim));
		expect(rerolled.some((statement) => statement.startsWith('for ('))).toBe(true);
		for (const statement of rerolled) expect(firstDisallowed(statement), statement).toBeUndefined();
		expect(rerolled.join('\n')).not.toContain(name);
	});
});

describe('the token whitelist itself', () => {
	it('accepts generated-looking statements and rejects names, strings and property access', () => {
		expect(firstDisallowed('v[0] = Math.max(0, (s[1] / c[2]));')).toBeUndefined();
		expect(
			firstDisallowed(
				'{ let a = s[0] / dt + v[1]; if (a < 0) a = 0; if (v[2] > a) v[2] = a; a -= v[2]; }'
			)
		).toBeUndefined();
		expect(firstDisallowed('rt.record(0, v1[3]);')).toBeUndefined();
		expect(
			firstDisallowed('for (let i = 0; i < 11; i++) d[1 + i] = ((s[i] - s[1 + i]) / v[3]);')
		).toBeUndefined();
		expect(firstDisallowed('for (let i = 0; i < 11; i++) x[i] = 0;')).toBe('x[i] = 0;');
		expect(firstDisallowed('v[0] = x;')).toBe('x;');
		expect(firstDisallowed('v[0] = "a";')).toBe('"a";');
		expect(firstDisallowed('v[0] = rt.constructor;')).toBe('rt.constructor;');
		expect(firstDisallowed('v[0] = Math.random();')).toBe('Math.random();');
		expect(firstDisallowed('v[0] = globalThis;')).toBe('globalThis;');
		expect(firstDisallowed('v[0] = dt.x;')).toBe('dt.x;');
	});
});

describe('hostile equations', () => {
	it.each([
		'"); globalThis.pwned=1; ("',
		'constructor.constructor("globalThis.pwned=1")()',
		'constructor.constructor("globalThis.pwned=1")',
		'globalThis.pwned = 1',
		'1; globalThis.pwned=1',
		'`${globalThis.pwned=1}`',
		'${globalThis.pwned=1}',
		'x</script><script>globalThis.pwned=1</script>',
		'__proto__',
		'__proto__.pwned',
		'process.exit(1)',
		'eval("globalThis.pwned=1")',
		'Function("globalThis.pwned=1")()',
		'1 + \\u0061',
		'1\n; globalThis.pwned=1'
	])('%s is refused without running anything', (equation) => {
		const result = compileModel(model([aux('x', '1'), aux('y', equation)]));
		expect(result.ok).toBe(false);
		expect(result.diagnostics.some((d) => d.severity === 'error' && d.variable === 'y')).toBe(true);
	});

	it('an unknown name that is an Object.prototype property (constructor) is refused as unknown', () => {
		const result = compileModel(model([aux('y', 'constructor + 1')]));
		expect(result.ok).toBe(false);
		expect(result.diagnostics[0].message).toMatch(/unknown name "constructor"/);
	});

	it.each(['toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'])(
		'an unknown name %s is refused as unknown',
		(name) => {
			const result = compileModel(model([aux('y', `${name} + 1`)]));
			expect(result.ok).toBe(false);
			expect(result.diagnostics[0].message).toMatch(/unknown name/);
		}
	);

	it('numbers too large for a double become Infinity, not text', () => {
		const { result } = simulate(model([aux('y', '1e400 * 0 + TIME')], { stop: 1 }));
		expect(result.error?.variable).toBe('y');
	});
});

describe('hostile structure and settings', () => {
	it('refuses graphical function points that are not numbers', () => {
		const bad = {
			type: 'continuous' as const,
			xs: [0, '1); globalThis.pwned=1; (' as unknown as number],
			ys: [0, 1]
		};
		const result = compileModel(model([gf('g', bad), aux('y', 'g(1)')]));
		expect(result.ok).toBe(false);
	});

	it('refuses a method or DT that is not what the settings allow', () => {
		const m = model([aux('y', '1')]);
		expect(
			compileModel({
				...m,
				simSpecs: { ...m.simSpecs, method: 'euler"; globalThis.pwned=1; "' as 'euler' }
			}).ok
		).toBe(false);
		expect(
			compileModel({
				...m,
				simSpecs: { ...m.simSpecs, dt: '1; globalThis.pwned=1' as unknown as number }
			}).ok
		).toBe(false);
	});

	it('refuses an override named __proto__ or constructor as an unknown constant', () => {
		const sim = compiled(model([aux('k', '1'), aux('y', 'k * TIME')]));
		expect(() => sim.run({ overrides: JSON.parse('{"__proto__": 1}') })).toThrow(/no constant/);
		expect(() => sim.run({ overrides: { constructor: 1 } })).toThrow(/no constant/);
		expect(() => sim.run({ overrides: new Map([['__proto__', 1]]) })).toThrow(
			'there is no constant called "__proto__"'
		);
	});

	it('takes overrides as a Map as well as an object', () => {
		const sim = compiled(model([aux('k', '1'), aux('y', 'k * TIME')]));
		const run = sim.run({ overrides: new Map([['K', 3]]), start: 0, stop: 2, dt: 1 });
		expect([...sim.seriesOf(run, 'y')!]).toEqual([0, 3, 6]);
	});

	it('refuses an override whose value is not a number', () => {
		const sim = compiled(model([aux('k', '1'), aux('y', 'k * TIME')]));
		expect(() => sim.run({ overrides: { k: 'globalThis.pwned=1' as unknown as number } })).toThrow(
			/k/
		);
	});

	it('refuses a delay order large enough to exhaust memory', () => {
		const result = compileModel(model([aux('y', 'DELAYN(1, 2, 1e9)')]));
		expect(result.ok).toBe(false);
		expect(result.diagnostics[0].message).toMatch(/too large/);
	});

	it('handles a misspelt 10,000-character name in reasonable time', () => {
		const long = 'n'.repeat(10_000);
		const started = performance.now();
		const result = compileModel(model([aux(long, '1'), aux('y', `${long.slice(1)}m`)]));
		expect(result.ok).toBe(false);
		// About 1 s today (edit distance on two 10,000-character names); a generous bound for CI.
		expect(performance.now() - started).toBeLessThan(10_000);
	}, 20_000);

	it('answers an equation nested 1,000 parentheses deep with diagnostics, not a thrown RangeError', () => {
		const equation = '('.repeat(1000) + '1' + ')'.repeat(1000);
		expect(() => compileModel(model([aux('y', equation)]))).not.toThrow();
	});

	it('seriesOf answers undefined for prototype property names', () => {
		const { result, sim } = simulate(model([aux('k', '1')], { stop: 0 }));
		for (const name of ['constructor', '__proto__', 'toString'])
			expect(sim.seriesOf(result, name)).toBeUndefined();
	});
});
