/**
 * The integrators: Euler, RK2 (Heun) and RK4 over the generated phase functions.
 * At each step the rates are evaluated at the step's start (stage 1); those are the values saved
 * and the ones PREVIOUS and DELAY remember. Random numbers are drawn once per step.
 */
import type { Diagnostic } from '../model/diagnostics';
import type { IntegrationMethod } from '../model/types';
import type { Runtime } from './runtime';
import type { RunSchedule } from './sim-specs';

export type PhaseFunction = (
	t: number,
	s: Float64Array,
	v: Float64Array,
	c: Float64Array,
	d: Float64Array,
	v1: Float64Array
) => void;

export interface IntegrationInput {
	plan: RunSchedule;
	method: IntegrationMethod;
	counts: { s: number; v: number };
	constants: Float64Array;
	init: PhaseFunction;
	rates: PhaseFunction;
	post?: PhaseFunction;
	runtime: Runtime;
	hasRandom: boolean;
	nonNegativeSlots: number[];
	findNonFinite: (
		s: Float64Array,
		v: Float64Array
	) => { name: string; value: number; inState: boolean } | undefined;
	/** The state and value slots to save, in this order; every slot when absent. */
	keep?: { state: Int32Array; values: Int32Array };
	/**
	 * Also keep, for each saved row, the state and values of the step just before it (row 0: the
	 * start itself): what a per-DT change at each saved time needs (loops/trace.ts).
	 */
	keepPrevious?: boolean;
}

export interface RawResult {
	times: Float64Array;
	rows: number;
	/** Row-major copies of the state and value arrays at each saved time (only the kept slots, when some are). */
	savedState: Float64Array;
	savedValues: Float64Array;
	/** With keepPrevious: the rows of the step before each saved row, every slot. */
	previousState?: Float64Array;
	previousValues?: Float64Array;
	error?: Diagnostic;
}

export function integrate(input: IntegrationInput): RawResult {
	const {
		plan,
		method,
		counts,
		constants: c,
		init,
		rates,
		post,
		runtime,
		hasRandom,
		nonNegativeSlots
	} = input;
	const { start, dt, steps, saveEvery } = plan;
	const ns = counts.s;
	const nv = counts.v;
	const s = new Float64Array(ns);
	const v = new Float64Array(nv);
	const d = new Float64Array(ns);
	// Stage-1 values for after-step updates; under Euler the values array is never overwritten.
	const v1 = method === 'euler' ? v : new Float64Array(nv);
	const keepState = input.keep?.state;
	const keepValues = input.keep?.values;
	const savedState = new Float64Array(plan.rows * (keepState ? keepState.length : ns));
	const savedValues = new Float64Array(plan.rows * (keepValues ? keepValues.length : nv));
	const times = new Float64Array(plan.rows);
	const previousState = input.keepPrevious ? new Float64Array(plan.rows * ns) : undefined;
	const previousValues = input.keepPrevious ? new Float64Array(plan.rows * nv) : undefined;
	let row = 0;

	/** Ends the run at the first NaN or Infinity: values belong to time t, stocks to stateTime. */
	const stop = (t: number, stateTime: number): RawResult => {
		const found = input.findNonFinite(s, v);
		const when = found?.inState ? stateTime : t;
		const what = found
			? Number.isNaN(found.value)
				? 'NaN (not a number)'
				: found.value > 0
					? 'Infinity'
					: '−Infinity'
			: 'NaN or Infinity';
		const error: Diagnostic = {
			severity: 'error',
			variable: found?.name,
			time: when,
			message: `${what} first appeared${found ? ` in "${found.name}"` : ''} at time ${when}; the run stopped there. Look for a division by zero, a value that grows without limit, or a subscript outside its dimension`
		};
		return {
			times: times.slice(0, row),
			rows: row,
			savedState,
			savedValues,
			previousState,
			previousValues,
			error
		};
	};

	init(start, s, v, c, d, v1);
	if (input.findNonFinite(s, v)) return stop(start, start);

	// RK scratch arrays (unused under Euler).
	const k2 = method === 'euler' ? d : new Float64Array(ns);
	const k3 = method === 'rk4' ? new Float64Array(ns) : d;
	const k4 = method === 'rk4' ? new Float64Array(ns) : d;
	const tmp = method === 'euler' ? s : new Float64Array(ns);
	const half = dt / 2;
	const nonNegative = Int32Array.from(nonNegativeSlots);

	for (let n = 0; ; n++) {
		const t = start + n * dt;
		runtime.n = n;
		if (hasRandom && n > 0) runtime.drawStep();
		rates(t, s, v, c, d, v);
		if (n % saveEvery === 0) {
			if (keepState && keepValues) {
				saveSlots(s, keepState, savedState, row);
				saveSlots(v, keepValues, savedValues, row);
			} else {
				savedState.set(s, row * ns);
				savedValues.set(v, row * nv);
			}
			if (n === 0 && previousState && previousValues) {
				previousState.set(s, 0);
				previousValues.set(v, 0);
			}
			times[row++] = t;
		}
		// The step before the next saved row, taken before RK's later stages overwrite v.
		if (previousState && previousValues && (n + 1) % saveEvery === 0 && row < plan.rows) {
			previousState.set(s, row * ns);
			previousValues.set(v, row * nv);
		}
		if (!allFinite(v)) return stop(t, t);
		if (n === steps) break;

		let total = 0;
		if (method === 'euler') {
			post?.(t, s, v, c, d, v);
			for (let i = 0; i < ns; i++) {
				const x = s[i] + dt * d[i];
				s[i] = x;
				total += x;
			}
		} else {
			if (post) v1.set(v);
			if (method === 'rk2') {
				for (let i = 0; i < ns; i++) tmp[i] = s[i] + dt * d[i];
				rates(t + dt, tmp, v, c, k2, v);
				for (let i = 0; i < ns; i++) {
					const x = s[i] + half * (d[i] + k2[i]);
					s[i] = x;
					total += x;
				}
			} else {
				for (let i = 0; i < ns; i++) tmp[i] = s[i] + half * d[i];
				rates(t + half, tmp, v, c, k2, v);
				for (let i = 0; i < ns; i++) tmp[i] = s[i] + half * k2[i];
				rates(t + half, tmp, v, c, k3, v);
				for (let i = 0; i < ns; i++) tmp[i] = s[i] + dt * k3[i];
				rates(t + dt, tmp, v, c, k4, v);
				const sixth = dt / 6;
				for (let i = 0; i < ns; i++) {
					const x = s[i] + sixth * (d[i] + 2 * (k2[i] + k3[i]) + k4[i]);
					s[i] = x;
					total += x;
				}
			}
			post?.(t, s, v, c, d, v1);
		}
		for (let k = 0; k < nonNegative.length; k++) if (s[nonNegative[k]] < 0) s[nonNegative[k]] = 0;
		// One sum per step catches NaN and Infinity in any stock without a second pass.
		if (total - total !== 0) {
			return stop(t, t + dt);
		}
	}
	return { times, rows: row, savedState, savedValues, previousState, previousValues };
}

/** Copies the chosen slots of `from` into row `row` of `into`, whose rows are `slots.length` wide. */
function saveSlots(from: Float64Array, slots: Int32Array, into: Float64Array, row: number): void {
	const offset = row * slots.length;
	for (let k = 0; k < slots.length; k++) into[offset + k] = from[slots[k]];
}

/**
 * Whether every value is finite: x × 0 is 0 for finite x and NaN for NaN and ±Infinity, and four
 * independent sums let the CPU run the additions side by side. Small and separate so that it is
 * optimised on its own; it runs once per step over every value.
 */
function allFinite(values: Float64Array): boolean {
	let a = 0;
	let b = 0;
	let c = 0;
	let d = 0;
	const n = values.length;
	let i = 0;
	for (; i + 3 < n; i += 4) {
		a += values[i] * 0;
		b += values[i + 1] * 0;
		c += values[i + 2] * 0;
		d += values[i + 3] * 0;
	}
	for (; i < n; i++) a += values[i] * 0;
	return a + b + c + d === 0;
}
