/**
 * Small model builders for the engine's spec files. Not used by the app: tests only.
 *
 *   const sim = compiled(model([stock('S', '100', { outflows: ['drain'] }), flow('drain', 'S / 5')], { stop: 10 }));
 *   const result = sim.run();
 *   sim.seriesOf(result, 'S');
 */
import type { Diagnostic } from '../model/diagnostics';
import type {
	Auxiliary,
	Flow,
	GraphicalFunction,
	GraphicalFunctionVariable,
	IntegrationMethod,
	Model,
	SimSpecs,
	Stock,
	Variable
} from '../model/types';
import type { RunOptions, RunResult, Simulation } from './api';
import { compileModel } from './index';

/** The options run() accepts, including the per-run seed Program.run takes. */
export type TestRunOptions = RunOptions & { seed?: number };

/** A model from variables; sim specs default to 0..10, DT 1, Euler. Ids are the names. */
export function model(variables: Variable[], specs: Partial<SimSpecs> = {}): Model {
	return { simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler', ...specs }, variables };
}

export function stock(
	name: string,
	initial: string,
	options: { inflows?: string[]; outflows?: string[]; nonNegative?: boolean } = {}
): Stock {
	return {
		kind: 'stock',
		id: name,
		name,
		initial,
		inflows: options.inflows ?? [],
		outflows: options.outflows ?? [],
		nonNegative: options.nonNegative
	};
}

export function flow(
	name: string,
	equation: string,
	options: { uniflow?: boolean; graphical?: GraphicalFunction } = {}
): Flow {
	return { kind: 'flow', id: name, name, equation, ...options };
}

export function aux(name: string, equation: string, graphical?: GraphicalFunction): Auxiliary {
	return { kind: 'aux', id: name, name, equation, ...(graphical ? { graphical } : {}) };
}

/** An arrayed auxiliary given element by element: { 'A1,B1': 1, … }. */
export function byElement(name: string, dims: string[], values: Record<string, number>): Variable {
	return {
		...aux(name, ''),
		dimensions: dims,
		elements: Object.entries(values).map(([s, v]) => ({
			subscript: s.split(','),
			equation: String(v)
		}))
	};
}

export function gf(name: string, graphical: GraphicalFunction): GraphicalFunctionVariable {
	return { kind: 'gf', id: name, name, graphical };
}

export function table(
	type: GraphicalFunction['type'],
	points: [number, number][]
): GraphicalFunction {
	return { type, xs: points.map((p) => p[0]), ys: points.map((p) => p[1]) };
}

/** Compiles or fails the test with the diagnostics in the message. */
export function compiled(m: Model): Simulation {
	const result = compileModel(m);
	if (!result.ok)
		throw new Error(
			`expected the model to compile:\n${result.diagnostics.map((d) => `${d.variable}: ${d.message}`).join('\n')}`
		);
	return result.simulation;
}

/** Compiles and expects failure; returns the diagnostics. */
export function compileErrors(m: Model): Diagnostic[] {
	const result = compileModel(m);
	if (result.ok) throw new Error('expected the model not to compile');
	return result.diagnostics;
}

/** Runs a compiled simulation with options that may include a seed. */
export function runWith(sim: Simulation, options: TestRunOptions = {}): RunResult {
	return (sim as Simulation & { run(o: TestRunOptions): RunResult }).run(options);
}

/** Runs a model and returns a reader of its series by name (throws on an unknown name). */
export function simulate(
	m: Model,
	options: TestRunOptions = {}
): { result: RunResult; get: (name: string) => Float64Array; sim: Simulation } {
	const sim = compiled(m);
	const result = runWith(sim, options);
	const get = (name: string) => {
		const series = sim.seriesOf(result, name);
		if (!series) throw new Error(`no output called ${name}; outputs: ${sim.outputs.join(', ')}`);
		return series;
	};
	return { result, get, sim };
}

/** The value of one equation at the start of a run (an aux `x` in an otherwise empty model). */
export function valueOf(equation: string, specs: Partial<SimSpecs> = {}): number {
	return simulate(model([aux('x', equation)], { stop: 0, ...specs })).get('x')[0];
}

/** The value of an aux over a run, at the saved times. */
export function seriesOf(
	equation: string,
	specs: Partial<SimSpecs> = {},
	extra: Variable[] = []
): { times: Float64Array; x: Float64Array } {
	const { result, get } = simulate(model([aux('x', equation), ...extra], specs));
	return { times: result.times, x: get('x') };
}

/** Index of time t in a result's times (exact to 1e-9), or throws. */
export function at(times: Float64Array, t: number): number {
	const i = times.findIndex((x) => Math.abs(x - t) < 1e-9);
	if (i < 0) throw new Error(`no saved row at time ${t}`);
	return i;
}

/** Erlang-n CDF with mean T: the step response of an nth-order delay (or smooth). */
export function erlangCdf(n: number, T: number, t: number): number {
	const lambda = n / T;
	let term = 1;
	let sum = 0;
	for (let k = 0; k < n; k++) {
		if (k > 0) term *= (lambda * t) / k;
		sum += term;
	}
	return 1 - Math.exp(-lambda * t) * sum;
}

export const METHODS: IntegrationMethod[] = ['euler', 'rk2', 'rk4'];

/**
 * A teacup drawn on a diagram with its mistakes left in, for the diagram's and the warnings' specs:
 * the flow's equation names "tme", which does not exist, and reads Tea with no connector; the
 * flow's free end has no cloud of its own yet.
 */
export const teacupSketch: Model = {
	simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' },
	variables: [
		{
			id: 'tea',
			kind: 'stock',
			name: 'Tea',
			initial: '80',
			inflows: [],
			outflows: ['loss'],
			units: 'degree',
			position: { x: 100, y: 100 }
		},
		{
			id: 'loss',
			kind: 'flow',
			name: 'Loss',
			equation: '(Tea - Room) / tme',
			units: 'degree/minute',
			position: { x: 200, y: 100 }
		},
		{
			id: 'room',
			kind: 'aux',
			name: 'Room',
			equation: '20',
			units: 'degree',
			position: { x: 200, y: 40 }
		},
		{
			id: 'time',
			kind: 'aux',
			name: 'Time constant',
			equation: '10',
			units: 'minute',
			position: { x: 250, y: 40 }
		}
	],
	diagram: {
		connectors: [
			{ id: 'c1', from: 'room', to: 'loss' },
			{ id: 'c2', from: 'time', to: 'loss' }
		],
		clouds: []
	}
};
