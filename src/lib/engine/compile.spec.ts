/**
 * Compile-time checks and diagnostics: every message names the variable and, where it comes from
 * an equation, the character range (model/diagnostics.ts). Ordering: auxiliaries by dependency,
 * algebraic loops are errors naming every member (DESIGN.md, "The compiler").
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../model/diagnostics';
import { compileModel } from './index';
import { aux, compileErrors, compiled, flow, model, simulate, stock } from './test-models';

const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');

describe('unknown names', () => {
	it('suggest the closest variable names, and point at the name', () => {
		const equation = '2 * Room_Temprature + 1';
		const [d] = compileErrors(model([aux('Room Temperature', '20'), aux('Heat Loss', equation)]));
		expect(d.variable).toBe('Heat Loss');
		expect(d.message).toMatch(/Room_Temprature/);
		expect(d.message).toMatch(/did you mean "Room Temperature"/);
		expect(equation.slice(d.start, d.end)).toBe('Room_Temprature');
	});

	it('suggest nothing when nothing is close', () => {
		const [d] = compileErrors(model([aux('Room Temperature', '20'), aux('y', 'zebra')]));
		expect(d.message).toMatch(/unknown name "zebra"/);
		expect(d.message).not.toMatch(/did you mean/);
	});

	it('are each reported, not just the first', () => {
		const ds = compileErrors(model([aux('a', 'nope1'), aux('b', 'nope2')]));
		expect(errors(ds).map((d) => d.variable)).toEqual(['a', 'b']);
	});
});

describe('a name that must be quoted, written bare', () => {
	it('says to quote it and how, pointing at the name, whatever the parser tripped on', () => {
		for (const [equation, end] of [
			['Waiting in A&E / 0.25', 14],
			['Beds (occupied) * 2', 15]
		] as const) {
			const ds = compileErrors(
				model([aux('Waiting in A&E', '75'), aux('Beds (occupied)', '1500'), aux('y', equation)])
			);
			expect(errors(ds)).toHaveLength(1);
			expect(ds[0]).toMatchObject({ variable: 'y', start: 0, end });
			expect(ds[0].message).toMatch(/must be in double quotes in an equation, as "/);
		}
	});

	it('quoted, it compiles', () => {
		const { get } = simulate(
			model([aux('Waiting in A&E', '75'), aux('y', '"Waiting_in_A&E" / 0.25')], { stop: 1 })
		);
		expect(get('y')[0]).toBe(300);
	});
});

describe('unknown functions and wrong calls', () => {
	it('suggest builtins close to an unknown function name, and point at the name', () => {
		const equation = 'SMOTH1(x, 2)';
		const [d] = compileErrors(model([aux('x', '1'), aux('y', equation)]));
		expect(d.variable).toBe('y');
		expect(d.message).toMatch(/unknown function SMOTH1/);
		expect(d.message).toMatch(/SMTH1/);
		expect(equation.slice(d.start, d.end)).toBe('SMOTH1');
	});

	it.each([
		['SMTH1(x)', /SMTH1 takes 2 to 3 arguments, not 1/],
		['ABS(x, 2)', /ABS takes 1 argument, not 2/],
		['DELAYN(x, 2)', /DELAYN takes 3 to 4 arguments, not 2/],
		['LOOKUP(x)', /LOOKUP needs 2 arguments/],
		['IF_THEN_ELSE(1, 2)', /IF_THEN_ELSE needs 3 arguments/]
	])('a wrong argument count in %s names the function and the counts', (equation, message) => {
		const [d] = compileErrors(model([aux('x', '1'), aux('y', equation)]));
		expect(d.variable).toBe('y');
		expect(d.message).toMatch(message);
	});

	it('calling a variable as a function is an error naming the variable', () => {
		const [d] = compileErrors(model([aux('c', '3'), aux('y', 'c(2)')]));
		expect(d.message).toMatch(/"c" is a variable, not a function/);
	});

	it('a builtin that needs arguments, used as a name, is an error', () => {
		const [d] = compileErrors(model([aux('y', 'SMTH1 + 1')]));
		expect(d.message).toMatch(/SMTH1 is a function/);
	});

	it('finds builtins whatever their case', () => {
		const { get } = simulate(model([aux('y', 'max(1, 2) + Abs(-3) + sMtH1(4, 2)')], { stop: 0 }));
		expect(get('y')[0]).toBe(9);
	});

	it('refuses a subscript on a variable that is not arrayed, naming both', () => {
		const [d] = compileErrors(model([aux('x', '1'), aux('y', 'x[1]')]));
		expect(d).toMatchObject({
			variable: 'y',
			message: '"x" is not arrayed, so "x[1]" cannot take a subscript',
			start: 0,
			end: 4
		});
	});
});

describe('algebraic loops', () => {
	it('are errors that list every member, reported on each member and no one else', () => {
		const ds = errors(
			compileErrors(
				model([
					aux('a', 'b + 1'),
					aux('b', 'c * 2'),
					aux('c', 'a - 1'),
					aux('d', 'a'),
					aux('e', '5')
				])
			)
		);
		expect(ds.map((d) => d.variable).sort()).toEqual(['a', 'b', 'c']);
		for (const d of ds) {
			expect(d.message).toMatch(/algebraic loop/);
			for (const name of ['"a"', '"b"', '"c"']) expect(d.message).toContain(name);
			expect(d.message).not.toContain('"d"');
		}
	});

	it('include a variable that reads itself', () => {
		const [d] = compileErrors(model([aux('x', 'x + 1')]));
		expect(d).toMatchObject({ variable: 'x' });
		expect(d.message).toMatch(/algebraic loop/);
	});

	it('through flows are found too', () => {
		const ds = errors(
			compileErrors(model([stock('S', '0', { inflows: ['f'] }), flow('f', 'g'), aux('g', 'f * 2')]))
		);
		expect(ds.map((d) => d.variable).sort()).toEqual(['f', 'g']);
	});

	it('in initial values are errors naming the stocks', () => {
		const ds = errors(compileErrors(model([stock('A', 'B'), stock('B', 'A + 1')])));
		expect(ds.map((d) => d.variable).sort()).toEqual(['A', 'B']);
		expect(ds[0].message).toMatch(/initial values/);
	});

	it('broken by a stock compile and run', () => {
		const { get } = simulate(
			model([stock('S', '1', { inflows: ['f'] }), flow('f', 'g'), aux('g', 'S * 0.5')], { stop: 2 })
		);
		expect(Array.from(get('S'))).toEqual([1, 1.5, 2.25]);
	});

	it('broken by SMTH1 (with an initial value) compile and run', () => {
		// x = 1 + s, s' = (x − s)/2 = 1/2, s(0) = 0: x = 1 + t/2 (Euler is exact for a linear s).
		const { get } = simulate(model([aux('x', '1 + SMTH1(x, 2, 0)')], { stop: 4 }));
		expect(Array.from(get('x'))).toEqual([1, 1.5, 2, 2.5, 3]);
	});

	it('broken by DELAY (with an initial value) compile and run', () => {
		// x(t) = 1 + x(t − 2), x = 1 + 0 before t = 2: x = 1 + floor(t/2).
		const { get } = simulate(model([aux('x', '1 + DELAY(x, 2, 0)')], { stop: 6 }));
		expect(Array.from(get('x'))).toEqual([1, 1, 2, 2, 3, 3, 4]);
	});

	it('broken by DELAY1 (with an initial value) compile', () => {
		expect(compileModel(model([aux('x', '1 + DELAY1(x, 2, 0)')])).ok).toBe(true);
	});
});

describe('names and connections', () => {
	it('two variables with the same name (ignoring case, spaces, underscores) are an error naming both', () => {
		const [d] = compileErrors(model([aux('Bed Count', '1'), aux('bed_count', '2')]));
		expect(d.severity).toBe('error');
		expect(d.message).toContain('"Bed Count"');
		expect(d.message).toContain('"bed_count"');
	});

	it('a stock listing a flow that is not in the model is an error naming the stock and the flow', () => {
		const [d] = compileErrors(model([stock('Patients', '0', { outflows: ['discharges'] })]));
		expect(d.variable).toBe('Patients');
		expect(d.message).toMatch(/"discharges", which is not in the model/);
	});

	it('a stock listing an auxiliary as a flow is an error', () => {
		const [d] = compileErrors(
			model([stock('Patients', '0', { inflows: ['rate'] }), aux('rate', '1')])
		);
		expect(d.variable).toBe('Patients');
		expect(d.message).toMatch(/"rate", which is not a flow/);
	});

	it('a flow connected to no stock compiles with a warning naming it', () => {
		const result = compileModel(model([flow('leak', '1')]));
		expect(result.ok).toBe(true);
		expect(result.diagnostics).toEqual([
			expect.objectContaining({ severity: 'warning', variable: 'leak' })
		]);
	});

	it('a stock’s flows may be given by name as well as by id', () => {
		const m = model(
			[stock('S', '0', { inflows: ['In Flow'] }), { ...flow('In Flow', '2'), id: 'f1' }],
			{ stop: 1 }
		);
		expect(simulate(m).get('S')[1]).toBe(2);
	});

	it('a variable without a name is an error', () => {
		const ds = compileErrors(model([aux('', '1')]));
		expect(ds[0].message).toMatch(/no name/);
	});
});

describe('equations', () => {
	it('a syntax error’s range is the character in the equation', () => {
		const equation = 'a + * b';
		const [d] = compileErrors(model([aux('a', '1'), aux('b', '2'), aux('x', equation)]));
		expect(d).toMatchObject({ variable: 'x', start: 4, end: 5 });
		expect(equation[d.start!]).toBe('*');
	});

	it('an empty equation or initial value is an error naming the variable', () => {
		const ds = errors(compileErrors(model([aux('x', '  '), stock('S', '')])));
		expect(ds.map((d) => d.variable).sort()).toEqual(['S', 'x']);
		for (const d of ds) expect(d.message).toMatch(/empty/);
	});
});

describe('initial values', () => {
	it('are computed in dependency order whatever the model order', () => {
		const { get } = simulate(
			model([stock('C', 'A + B'), stock('B', '2 * A'), stock('A', '10')], { stop: 1 })
		);
		expect(get('A')[0]).toBe(10);
		expect(get('B')[0]).toBe(20);
		expect(get('C')[0]).toBe(30);
	});

	it('may read auxiliaries, flows and TIME at the start time', () => {
		const { get } = simulate(
			model(
				[
					stock('S', 'twice + TIME', { inflows: ['f'] }),
					flow('f', 'S / 10'),
					aux('twice', 'base * 2'),
					aux('base', '3'),
					stock('T', 'f * 100')
				],
				{ start: 4, stop: 5 }
			)
		);
		expect(get('S')[0]).toBe(10);
		expect(get('T')[0]).toBe(100);
	});
});

describe('constants', () => {
	it('are the auxiliaries whose equations are numbers, and stocks with constant initial values', () => {
		const sim = compiled(
			model([
				aux('rate', '0.1'),
				aux('doubled', '2 * 3 + 1'),
				aux('varies', 'TIME'),
				aux('derived', 'rate * 2'),
				stock('S', '100', { outflows: ['out'] }),
				stock('T', 'S'),
				flow('out', 'S * rate')
			])
		);
		expect([...sim.constants].sort()).toEqual(['S', 'doubled', 'rate']);
		expect(sim.outputs).toEqual(['rate', 'doubled', 'varies', 'derived', 'S', 'T', 'out']);
	});
});

describe('large models', () => {
	it('orders a 5,000-variable chain listed backwards (more than one generated chunk)', () => {
		const variables = [aux('x0', 'TIME + 1')];
		for (let i = 1; i < 5000; i++) variables.push(aux(`x${i}`, `x${i - 1} + 1`));
		variables.reverse();
		const { get } = simulate(model(variables, { stop: 2 }));
		expect(Array.from(get('x4999'))).toEqual([5000, 5001, 5002]);
	});

	it('compiles a flat sum of 3,000 terms', () => {
		const equation = Array(3000).fill('1').join(' + ') + ' + TIME';
		const { get } = simulate(model([aux('x', equation)], { stop: 1 }));
		expect(Array.from(get('x'))).toEqual([3000, 3001]);
	});
});

describe('a loop only at the start', () => {
	// A smooth starts at its input, so a smooth whose input depends on the smooth has no start.
	const loop = (smooth: string) =>
		model([
			aux('pressure', 'beds_used / capacity'),
			aux('capacity', '100 + 10 * perceived'),
			aux('beds used', '90'),
			aux('perceived', smooth)
		]);

	it('is named, with advice that fits the start rather than the run', () => {
		const found = errors(compileErrors(loop('SMTH1(pressure, 5)')));
		expect(found.map((d) => d.variable).sort()).toEqual(['capacity', 'perceived', 'pressure']);
		expect(found[0].message).toContain('algebraic loop when computing initial values');
		expect(found[0].message).toContain('give a SMTH1 or DELAY in the loop an initial value');
	});

	it('goes away when the smooth is given an initial value', () => {
		expect(compileModel(loop('SMTH1(pressure, 5, 0.9)')).ok).toBe(true);
	});
});

describe('a value that is another value', () => {
	it('shares its slot: no statement, the same series, and what reads it still sees it', () => {
		const sim = compiled(
			model(
				[
					stock('S', '100', { inflows: ['into'], outflows: ['out'] }),
					flow('out', 'S / 4'),
					flow('into', 'copy'),
					aux('copy', 'out'),
					aux('twice', 'copy * 2')
				],
				{ stop: 5 }
			)
		) as ReturnType<typeof compiled> & { code: { rates: string[] } };
		// out's statement, twice's, and the stock's derivative: none for the two copies.
		expect(sim.code.rates).toHaveLength(3);
		const result = sim.run();
		const get = (n: string) => Array.from(sim.seriesOf(result, n)!);
		expect(get('copy')).toEqual(get('out'));
		expect(get('into')).toEqual(get('out'));
		expect(get('twice')).toEqual(get('out').map((x) => x * 2));
		expect(get('S')).toEqual([100, 100, 100, 100, 100, 100]);
	});

	it('is computed as usual where a limit or a clamp acts on it', () => {
		const sim = compiled(
			model(
				[
					stock('S', '1', { outflows: ['drain'], nonNegative: true }),
					flow('drain', 'want'),
					aux('want', '3'),
					flow('clamped', 'negative', { uniflow: true }),
					aux('negative', '0 - TIME')
				],
				{ stop: 2 }
			)
		) as ReturnType<typeof compiled> & { code: { rates: string[] } };
		const result = sim.run();
		expect(Array.from(sim.seriesOf(result, 'drain')!)).toEqual([1, 0, 0]);
		expect(Array.from(sim.seriesOf(result, 'want')!)).toEqual([3, 3, 3]);
		expect(Array.from(sim.seriesOf(result, 'clamped')!)).toEqual([0, 0, 0]);
	});
});
