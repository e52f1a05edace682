/**
 * The Vensim reader end to end: a .mdl in, the model document the XMILE reader would make out,
 * and that model run by the engine. Numbers marked "reference" are Vensim's own output for the
 * SDXorg test-models in ../shared/conformance/vensim.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../engine';
import type { Model, Variable } from '../model/types';
import { readVensim } from './read';

const CONTROL = `
FINAL TIME = 4 ~ Month ~ |
INITIAL TIME = 0 ~ Month ~ |
SAVEPER = TIME STEP ~ Month ~ |
TIME STEP = 1 ~ Month [0,?] ~ |
`;

function read(equations: string, sketch = ''): ReturnType<typeof readVensim> {
	return readVensim(`{UTF-8}\n${equations}\n${CONTROL}${sketch}`);
}

function variable(model: Model, name: string): Variable {
	const found = model.variables.find((v) => v.name === name);
	if (!found) throw new Error(`no ${name} in ${model.variables.map((v) => v.name).join(', ')}`);
	return found;
}

function run(model: Model) {
	const compiled = compileModel(model);
	if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('; '));
	const sim = compiled.simulation;
	const result = sim.run();
	return (name: string) => [...sim.seriesOf(result, name)!];
}

describe('the run settings', () => {
	it('come from the control variables, which are not variables of the model', () => {
		const { model } = read('x = 1 ~~|');
		expect(model.simSpecs).toEqual({
			start: 0,
			stop: 4,
			dt: 1,
			method: 'euler',
			timeUnits: 'Month'
		});
		expect(model.variables.map((v) => v.name)).toEqual(['x']);
	});

	it('are what equations read as STARTTIME, STOPTIME and DT', () => {
		const { model } = read('x = FINAL TIME - INITIAL TIME + TIME STEP ~~|');
		expect(run(model)('x')[0]).toBe(5);
	});
});

describe('stocks and flows', () => {
	it('makes the auxiliaries a rate adds and subtracts the stock’s flows', () => {
		const { model } = read(`
Population = INTEG(births - deaths, 100) ~ people [0,?] ~ How many |
births = Population * 0.1 ~~|
deaths = 5 ~~|`);
		expect(variable(model, 'Population')).toMatchObject({
			kind: 'stock',
			initial: '100',
			inflows: ['births'],
			outflows: ['deaths'],
			units: 'people',
			documentation: 'How many'
		});
		expect(variable(model, 'births').kind).toBe('flow');
		// Euler: 100 → 105 → 110.5.
		expect(run(model)('Population').slice(0, 3)).toEqual([100, 105, 110.5]);
	});

	it('gives any other rate a flow of its own', () => {
		const { model } = read('Level = INTEG(2 * Time, 0) ~~|');
		expect(variable(model, 'Level')).toMatchObject({ inflows: ['level_net_flow'] });
		expect(variable(model, 'Level net flow')).toMatchObject({ kind: 'flow', equation: '2 * TIME' });
		expect(run(model)('Level')).toEqual([0, 0, 2, 6, 12]);
	});
});

describe('subscripts', () => {
	it('keeps one equation over whole ranges, and writes element by element otherwise', () => {
		const { model } = read(`
Region: North, South, East ~~|
Coast: North, South ~~|
base[Region] = 1, 2, 3 ~~|
y[Region] = base[Region] * 10 ~~|
z[Coast] = base[Coast] ~~|
z[East] = -1 ~~|
w[Region] :EXCEPT: [South] = 7 ~~|
w[South] = 8 ~~|`);
		expect(variable(model, 'y')).toMatchObject({
			dimensions: ['Region'],
			equation: 'base[Region] * 10'
		});
		expect(variable(model, 'z').elements).toEqual([
			{ subscript: ['North'], equation: 'base[North]' },
			{ subscript: ['South'], equation: 'base[South]' },
			{ subscript: ['East'], equation: '-1' }
		]);
		const get = run(model);
		expect(get('w[South]')[0]).toBe(8);
		expect(get('w[East]')[0]).toBe(7);
		expect(get('y[East]')[0]).toBe(30);
	});

	it('reads a mapped range as the element the mapping names', () => {
		const { model } = read(`
From: a, b -> To ~~|
To: x, y ~~|
src[To] = 10, 20 ~~|
dst[From] = src[To] ~~|`);
		expect(run(model)('dst[b]')[0]).toBe(20);
	});

	it('sums over a range marked !', () => {
		const { model } = read(`
R: r1, r2, r3 ~~|
v[R] = 1, 2, 4 ~~|
total = SUM(v[R!]) ~~|
biggest = VMAX(v[R!]) ~~|`);
		const get = run(model);
		expect(get('total')[0]).toBe(7);
		expect(get('biggest')[0]).toBe(4);
	});
});

describe('lookups', () => {
	it('reads a standalone lookup as a graphical function, and WITH LOOKUP as a table of its own', () => {
		const { model } = read(`
effect([(0,0)-(2,2)], (0,0), (1,2), (2,2)) ~~|
e = effect(Time / 2) ~~|
w = WITH LOOKUP(Time, ([(0,0)-(4,8)], (0,0), (4,8))) ~~|`);
		expect(variable(model, 'effect')).toMatchObject({
			kind: 'gf',
			graphical: { xs: [0, 1, 2], ys: [0, 2, 2], xScale: { min: 0, max: 2 } }
		});
		expect(variable(model, 'w')).toMatchObject({
			kind: 'aux',
			equation: 'TIME',
			graphical: { ys: [0, 8] }
		});
		const get = run(model);
		expect(get('e')).toEqual([0, 1, 2, 2, 2]);
		expect(get('w')).toEqual([0, 2, 4, 6, 8]);
	});
});

describe('macros', () => {
	it('runs a macro that holds a stock, one copy per call', () => {
		const { model } = readVensim(`{UTF-8}
:MACRO: ACCUMULATE(input)
ACCUMULATE = INTEG(input, 0) ~~|
:END OF MACRO:
a = ACCUMULATE(1) ~~|
b = ACCUMULATE(2) ~~|
${CONTROL}`);
		const get = run(model);
		expect(get('a')).toEqual([0, 1, 2, 3, 4]);
		expect(get('b')).toEqual([0, 2, 4, 6, 8]);
	});
});

describe('the sketch', () => {
	it('places variables, valves and aliases, and draws the arrows between variables', () => {
		const { model } = read(
			`Stock = INTEG(inflow, 0) ~~|\ninflow = rate ~~|\nrate = 1 ~~|`,
			`\\\\\\---/// Sketch information - do not modify anything except names
V300  Do not put anything below this section - it will be ignored
*View 1
$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|72,72,100,0
10,1,Stock,300,200,40,20,3,3,0,0,0,0,0,0
12,2,48,150,200,10,8,0,3,0,0,-1,0,0,0
11,3,48,220,200,6,8,34,3,0,0,1,0,0,0
10,4,inflow,220,216,20,8,40,3,0,0,-1,0,0,0
1,5,3,1,4,0,0,22,0,0,0,-1--1--1,,1|(260,200)|
1,6,3,2,100,0,0,22,0,0,0,-1--1--1,,1|(180,200)|
10,7,rate,220,120,20,8,8,3,0,0,0,0,0,0
1,8,7,4,0,0,0,0,0,64,0,-1--1--1,,1|(220,160)|
10,9,rate,400,120,20,8,8,2,0,3,-1,0,0,0
///---\\\\\\
`
		);
		expect(variable(model, 'Stock').position).toEqual({ x: 300, y: 200 });
		expect(variable(model, 'inflow').position).toEqual({ x: 220, y: 200 });
		expect(model.diagram?.connectors).toEqual([{ id: 'connector_1', from: 'rate', to: 'inflow' }]);
		expect(model.diagram?.clouds).toEqual([
			{ id: 'cloud_1', flow: 'inflow', position: { x: 150, y: 200 } }
		]);
		expect(model.diagram?.aliases).toEqual([
			{ id: 'rate_alias_1', of: 'rate', position: { x: 400, y: 120 } }
		]);
	});
});

describe('sketch views', () => {
	it('become sectors named as the views, around what each holds, the second drawn below the first', () => {
		const { model } = read(
			`a = 1 ~~|\nb = 2 ~~|`,
			`\\\\\\---/// Sketch information - do not modify anything except names
V300  Do not put anything below this section - it will be ignored
*Demand
$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|72,72,100,0
10,1,a,100,50,20,10,8,3,0,0,0,0,0,0
*Capacity
$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|72,72,100,0
10,1,b,200,40,20,10,8,3,0,0,0,0,0,0
///---\\\\\\
`
		);
		// a: 80..120 × 40..60, padded by 30. b's view starts 50 + 100 below: b is at y 190.
		expect(model.diagram?.sectors).toEqual([
			{ id: 'sector_1', name: 'Demand', position: { x: 50, y: 10 }, width: 100, height: 80 },
			{ id: 'sector_2', name: 'Capacity', position: { x: 150, y: 150 }, width: 100, height: 80 }
		]);
		expect(variable(model, 'b').position).toEqual({ x: 200, y: 190 });
	});
});

describe('bad input', () => {
	it('names the line and the variable, and still reads the rest', () => {
		const { model, diagnostics } = read(
			'good = 1 ~~|\n\nbad = MYSTERY(1) ~~|\n\nworse = 1 + * 2 ~~|'
		);
		expect(diagnostics).toEqual([
			expect.objectContaining({
				severity: 'error',
				line: 4,
				variable: 'bad',
				message: 'unknown function MYSTERY'
			}),
			expect.objectContaining({ severity: 'error', line: 6, variable: 'worse' })
		]);
		expect(model.variables.map((v) => v.name)).toEqual(['good']);
	});

	it('names a data file that was not given with the model, and what to do', () => {
		const { diagnostics } = read("d = GET XLS CONSTANTS('inputs.xlsx', 'Sheet1', 'B2') ~~|");
		expect(diagnostics[0]).toMatchObject({ line: 2, variable: 'd' });
		expect(diagnostics[0].message).toMatch(
			/reads inputs.xlsx, which was not given with the model: put it beside the .mdl/
		);
	});

	it('throws for text with no equations at all', () => {
		expect(() => readVensim('hello')).toThrow(/no equations|not a Vensim/);
	});
});

describe("Vensim's random functions with shift and stretch", () => {
	const LONG = CONTROL.replace('FINAL TIME = 4', 'FINAL TIME = 4000');
	function draws(equation: string) {
		const { model, diagnostics } = readVensim(`{UTF-8}\nx = ${equation} ~~|\n${LONG}`);
		expect(diagnostics).toEqual([]);
		return run(model)('x');
	}
	const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

	const sd = (xs: number[]) => {
		const m = mean(xs);
		return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
	};

	it('RANDOM EXPONENTIAL is shift + stretch × an exponential of mean 1, truncated to [min, max]', () => {
		const xs = draws('RANDOM EXPONENTIAL(0, 100, 1, 2, 7)');
		// Mean 1 + 2 × 1 = 3; the standard error over 4001 draws is 2 / √4001 ≈ 0.03.
		expect(mean(xs)).toBeGreaterThan(2.85);
		expect(mean(xs)).toBeLessThan(3.15);
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(1);
		// Truncated to [1, 2], so X ~ Exp(1) cut at ½. By hand, E[X | X < ½] is
		// 1 − ½e^(−½)/(1 − e^(−½)) = 0.2293, so the mean is 1 + 2 × 0.2293 = 1.4585.
		const cut = draws('RANDOM EXPONENTIAL(0, 2, 1, 2, 7)');
		expect(Math.max(...cut)).toBeLessThanOrEqual(2);
		expect(mean(cut)).toBeCloseTo(1.4585, 1);
		// Redrawn, not clipped: no pile of draws at the bound.
		expect(cut.filter((x) => x === 2).length).toBe(0);
	});

	it('RANDOM NORMAL truncates by redrawing: a normal cut at its mean is a half-normal', () => {
		// The half-normal's mean is σ√(2/π) = 0.798σ (σ = 1 here) and its sd σ√(1 − 2/π) = 0.603σ.
		const xs = draws('RANDOM NORMAL(0, 100, 0, 1, 0)');
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
		expect(mean(xs)).toBeCloseTo(0.798, 1);
		expect(sd(xs)).toBeCloseTo(0.603, 1);
	});

	it('RANDOM POISSON and RANDOM TRIANGULAR keep their means and bounds', () => {
		const counts = draws('RANDOM POISSON(0, 1000, 4, 10, 1, 0)');
		expect(counts.every((n) => Number.isInteger(n) && n >= 10)).toBe(true);
		expect(mean(counts)).toBeCloseTo(14, 0);
		const tri = draws('RANDOM TRIANGULAR(0, 10, 1, 2, 6, 0)');
		// The mean of a triangular distribution is (start + peak + end) / 3 = 3.
		expect(mean(tri)).toBeCloseTo(3, 0);
		expect(Math.min(...tri)).toBeGreaterThanOrEqual(1);
		expect(Math.max(...tri)).toBeLessThanOrEqual(6);
	});

	it('RANDOM GAMMA, BETA, WEIBULL, BINOMIAL and NEGATIVE BINOMIAL have their moments', () => {
		// Gamma of order 3, stretched by 2 and shifted by 1: mean 1 + 2·3 = 7, sd 2·√3 = 3.46.
		const gamma = draws('RANDOM GAMMA(0, 1000, 3, 1, 2, 0)');
		expect(mean(gamma)).toBeCloseTo(7, 0);
		expect(sd(gamma)).toBeCloseTo(3.46, 0);
		// Beta(2, 6): mean 2/8 = 0.25, sd √(2·6 / (8²·9)) = 0.144, scaled by 10 and shifted by 5.
		const beta = draws('RANDOM BETA(0, 100, 2, 6, 5, 10, 0)');
		expect(mean(beta)).toBeCloseTo(7.5, 1);
		expect(sd(beta)).toBeCloseTo(1.44, 1);
		// Weibull of shape 2 scaled to mean 1: sd √(Γ(2)/Γ(1.5)² − 1) = √(4/π − 1) = 0.523.
		const weibull = draws('RANDOM WEIBULL(0, 100, 2, 0, 1, 0)');
		expect(mean(weibull)).toBeCloseTo(1, 1);
		expect(sd(weibull)).toBeCloseTo(0.523, 1);
		// 20 trials of probability 0.3: whole numbers from 0 to 20, mean 6, sd √(20·0.3·0.7) = 2.05.
		const binomial = draws('RANDOM BINOMIAL(0, 100, 0.3, 20, 0, 1, 0)');
		expect(binomial.every((n) => Number.isInteger(n) && n >= 0 && n <= 20)).toBe(true);
		expect(mean(binomial)).toBeCloseTo(6, 0);
		expect(sd(binomial)).toBeCloseTo(2.05, 0);
		// Trials to the 4th success of probability 0.25: at least 4, mean 4/0.25 = 16,
		// sd √(4·0.75)/0.25 = 6.93.
		const trials = draws('RANDOM NEGATIVE BINOMIAL(0, 1000, 0.25, 4, 0, 1, 0)');
		expect(trials.every((n) => Number.isInteger(n) && n >= 4)).toBe(true);
		expect(mean(trials)).toBeCloseTo(16, 0);
		expect(sd(trials) / 6.93).toBeCloseTo(1, 1);
	});

	it('RANDOM PINK NOISE has the mean, standard deviation and correlation time asked for', () => {
		// Euler, DT 1 (the control block), correlation time 10: the smoothed noise's lag-1
		// autocorrelation is 1 − DT/τ = 0.9 and its sd the 5 asked for.
		const xs = draws('RANDOM PINK NOISE(100, 5, 10, 0)').slice(100);
		expect(mean(xs)).toBeGreaterThan(98);
		expect(mean(xs)).toBeLessThan(102);
		expect(sd(xs)).toBeGreaterThan(4.5);
		expect(sd(xs)).toBeLessThan(5.5);
		const m = mean(xs);
		let lagged = 0;
		let square = 0;
		for (let i = 0; i < xs.length; i++) {
			square += (xs[i] - m) ** 2;
			if (i > 0) lagged += (xs[i] - m) * (xs[i - 1] - m);
		}
		expect(lagged / square).toBeCloseTo(0.9, 1);
	});

	it('RANDOM 0 1 and RANDOM UNIFORM are uniform', () => {
		expect(mean(draws('RANDOM 0 1()'))).toBeCloseTo(0.5, 1);
		const xs = draws('RANDOM UNIFORM(2, 4, 0)');
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(2);
		expect(mean(xs)).toBeCloseTo(3, 1);
	});

	it('names the function and its arguments when they are too few', () => {
		const { diagnostics } = read('x = RANDOM EXPONENTIAL(0, 1, 2) ~~|');
		expect(diagnostics[0].message).toBe(
			'RANDOM EXPONENTIAL takes 5 arguments (min, max, shift, stretch, seed), not 3'
		);
		expect(read('x = RANDOM GAMMA(0, 1, 2) ~~|').diagnostics[0].message).toBe(
			'RANDOM GAMMA takes 6 arguments (min, max, order, shift, stretch, seed), not 3'
		);
	});

	it('RANDOM LOOKUP draws with the lookup as its density, stretched, shifted and truncated', () => {
		// A density rising in a straight line from 0 at x = 0 to its peak at x = 2: mean 4/3,
		// sd √(2/9) = 0.471. Stretched by 3 and shifted by 10: mean 14, sd 1.414.
		const lookup = 'density((0,0),(2,1)) ~~|\n';
		const { model, diagnostics } = readVensim(
			`{UTF-8}\n${lookup}x = RANDOM LOOKUP(density, 0, 100, 10, 3, 0) ~~|\n${LONG}`
		);
		expect(diagnostics).toEqual([]);
		const xs = run(model)('x');
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(10);
		expect(Math.max(...xs)).toBeLessThanOrEqual(16);
		expect(mean(xs)).toBeCloseTo(14, 1);
		expect(sd(xs)).toBeCloseTo(1.414, 1);
		// Truncated to [10, 13] (x up to 1): the density x/2 on [0, 1] has mean 2/3, so 12.
		const cut = readVensim(
			`{UTF-8}\n${lookup}x = RANDOM LOOKUP(density, 10, 13, 10, 3, 0) ~~|\n${LONG}`
		).model;
		const ys = run(cut)('x');
		expect(Math.max(...ys)).toBeLessThanOrEqual(13);
		expect(mean(ys)).toBeCloseTo(12, 1);
	});

	it('names RANDOM LOOKUP’s arguments when the first is not a lookup', () => {
		const { diagnostics } = read('x = RANDOM LOOKUP(3, 0, 1, 0, 1, 0) ~~|');
		expect(diagnostics[0]).toMatchObject({ variable: 'x' });
		expect(diagnostics[0].message).toMatch(/^RANDOM LOOKUP takes 6 arguments \(lookup, min, max/);
	});
});

describe('ALLOCATE BY PRIORITY', () => {
	// PySD's worked example: priorities 10, 9, 7, 2, requests 3, 6, 2.5, 2, width 3. Each is
	// served at request ÷ width per unit as the "price" falls from its priority; worked by hand:
	// supply 4 clears at price 8 (2 + 2); supply 8 at 7 − 1 ÷ (2 + 2.5/3) = 6.647 (3, 4.706, 0.294).
	const MODEL = (supply: number) => `
Target: t1, t2, t3, t4 ~~|
request[Target] = 3, 6, 2.5, 2 ~~|
priority[Target] = 10, 9, 7, 2 ~~|
shipped[Target] = ALLOCATE BY PRIORITY(request[Target], priority[Target], ELMCOUNT(Target), 3, ${supply}) ~~|`;
	const shipped = (supply: number) => {
		const series = run(read(MODEL(supply)).model);
		return ['t1', 't2', 't3', 't4'].map((t) => series(`shipped[${t}]`)[0]);
	};

	it('serves the highest priorities first, sharing where their widths overlap', () => {
		expect(shipped(4)).toEqual([2, 2, 0, 0].map((v) => expect.closeTo(v, 6)));
		expect(shipped(8)).toEqual([3, 4 + 12 / 17, 5 / 17, 0].map((v) => expect.closeTo(v, 6)));
		expect(shipped(100)).toEqual([3, 6, 2.5, 2]);
	});
});
