/**
 * The engine's public contract: what the worker, the CLI and the tests call.
 *
 *   const compiled = compileModel(model);          // parse, check, order, generate code
 *   if (compiled.ok) compiled.simulation.run({ overrides: { 'Room Temperature': 20 } });
 */
import type { Diagnostic } from '../model/diagnostics';
import type { IntegrationMethod } from '../model/types';

export interface RunOptions {
	/**
	 * Replace constants (or constant stock initial values) by display or canonical name. A Map
	 * keeps names such as `__proto__` as names, which a plain object would swallow.
	 */
	overrides?: Readonly<Record<string, number>> | ReadonlyMap<string, number>;
	method?: IntegrationMethod;
	dt?: number;
	saveStep?: number;
	start?: number;
	stop?: number;
	/** Seed for the random functions; default the model's, else a fresh one each run. */
	seed?: number;
	/**
	 * Save only these variables (display or canonical names), in this order; every saved variable
	 * when absent. A Monte Carlo run that charts one output need not keep the other hundred.
	 */
	outputs?: readonly string[];
}

export interface RunResult {
	/** Saved times, start to stop every save step. */
	times: Float64Array;
	/** Display names of the saved variables, in model order; series[i] belongs to names[i]. */
	names: string[];
	series: Float64Array[];
	/** Set when the run stopped early (NaN or Infinity); the rows computed before are kept. */
	error?: Diagnostic;
}

export interface Simulation {
	/** Display names of the constants that `overrides` may set. */
	readonly constants: readonly string[];
	/** Display names of every saved variable, as RunResult.names. */
	readonly outputs: readonly string[];
	run(options?: RunOptions): RunResult;
	/** Values of every saved variable at `name`, or undefined if no such output. */
	seriesOf(result: RunResult, name: string): Float64Array | undefined;
}

export type CompileResult =
	| { ok: true; simulation: Simulation; diagnostics: Diagnostic[] }
	| { ok: false; diagnostics: Diagnostic[] };
