/**
 * Is DT small enough? Two checks on a run saved at every DT, and the standard accuracy test.
 *
 * - A stock whose outflows drain it with a time constant τ = stock ÷ outflow shorter than 2 × DT
 *   is integrated badly: with Euler, a first-order drain overshoots below zero once DT > τ and
 *   grows without bound once DT > 2τ. Sterman (Business Dynamics, 2000, §8.6 and appendix A)
 *   advises DT between a quarter and a tenth of the shortest time constant; we propose the
 *   largest DT ÷ 2ᵏ at or below τ ÷ 4, so the save interval stays a whole multiple of it.
 * - A quantity that flips sign at every step (+, −, +, −) is the mark of that instability,
 *   whatever caused it: no real behaviour alternates at exactly the step.
 * - Halving DT and comparing (dtChange) is the accuracy test Sterman gives: if the charted
 *   outputs barely move, DT is small enough.
 *
 * Stella stops at "DT may be too large" for the model as a whole; these name the flow and stock.
 */
import type { Flow, Model, Stock, Variable } from '../model/types';
import { splitElementName } from '../model/arrays';
import { canonicalName } from '../model/names';
import type { RunResult } from './api';
import { wholeReciprocal } from './sim-specs';

export interface DtAdvice {
	kind: 'time constant' | 'sign flips';
	/** The stock, as the run names it ("Beds" or "Beds[North]"). */
	stock?: string;
	/** The flows that drain it fastest, or the flow that flips. */
	flows: string[];
	/** When it was seen first (model time). */
	time: number;
	/** The shortest time constant, for a "time constant" warning. */
	timeConstant?: number;
	proposedDt: number;
	message: string;
}

/** Outflows with a deliberate "take what is there this step" (stock / DT) are exempt. */
const USES_DT = /(^|[^\w.])dt($|[^\w.])/i;

interface Drain {
	stock: string;
	outflows: string[];
}

/** An output's variable, by canonical name, and its subscript as written ("Beds[North]"). */
function splitName(name: string): { base: string; subscript: string } {
	const element = splitElementName(name);
	return element
		? { base: canonicalName(element.name), subscript: name.slice(name.indexOf('[')) }
		: { base: canonicalName(name), subscript: '' };
}

/** Each saved stock (element) with the saved outflows (elements) that drain it. */
function drains(model: Model, outputs: readonly string[]): Drain[] {
	const byId = new Map(model.variables.map((v) => [v.id, v]));
	const byName = new Map<string, Variable>();
	for (const v of model.variables) byName.set(canonicalName(v.name), v);
	const saved = new Set(outputs);
	const result: Drain[] = [];
	for (const name of outputs) {
		const { base, subscript } = splitName(name);
		const stock = byName.get(base);
		if (stock?.kind !== 'stock') continue;
		const outflows = (stock as Stock).outflows
			.map((id) => byId.get(id))
			.filter((f): f is Flow => f?.kind === 'flow' && !usesDt(f))
			.map((f) => [`${f.name}${subscript}`, f.name].find((n) => saved.has(n)))
			.filter((n): n is string => n !== undefined);
		if (outflows.length) result.push({ stock: name, outflows });
	}
	return result;
}

function usesDt(flow: Flow): boolean {
	return [flow.equation, ...(flow.elements ?? []).map((e) => e.equation ?? '')].some((e) =>
		USES_DT.test(e)
	);
}

/**
 * The saved outputs of these kinds (each element of arrayed ones): by default every stock and
 * flow, what the checks read.
 */
export function dtCheckOutputs(
	model: Model,
	outputs: readonly string[],
	kinds: readonly Variable['kind'][] = ['stock', 'flow']
): string[] {
	const kindOf = new Map(model.variables.map((v) => [canonicalName(v.name), v.kind]));
	return outputs.filter((name) => {
		const kind = kindOf.get(splitName(name).base);
		return kind !== undefined && kinds.includes(kind);
	});
}

/** The largest DT ÷ 2ᵏ (k ≥ 1) at or below a quarter of the time constant. */
export function proposeDt(dt: number, timeConstant: number): number {
	let proposed = dt / 2;
	while (proposed > timeConstant / 4 && proposed > dt / 2 ** 30) proposed /= 2;
	return proposed;
}

/** DT as a modeller writes it: 1/16 rather than 0.0625. */
export function dtText(dt: number): string {
	const whole = wholeReciprocal(dt);
	return whole ? `1/${whole}` : String(Number(dt.toPrecision(6)));
}

const number = (x: number) => String(Number(x.toPrecision(3)));
const listed = (names: string[]) =>
	names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * Warnings for a run saved at every DT (`result`), at most `most` of them, worst first.
 * `unit` names the model's time unit in messages ("days").
 */
export function dtAdvice(
	model: Model,
	result: RunResult,
	dt: number,
	unit = 'time units',
	most = 5
): DtAdvice[] {
	const series = new Map(result.names.map((n, i) => [n, result.series[i]]));
	const rows = result.times.length;
	const advice: DtAdvice[] = [];
	const involved = new Set<string>();

	for (const { stock, outflows } of drains(model, result.names)) {
		const level = series.get(stock)!;
		const flows = outflows.map((f) => series.get(f)!);
		let shortest = Infinity;
		let at = -1;
		let peak = 0;
		for (let i = 0; i < rows; i++) {
			const s = level[i];
			if (Math.abs(s) > peak && Number.isFinite(s)) peak = Math.abs(s);
			// Nearly empty after being full: a last trickle out would look fast.
			if (!(s > 1e-6 * peak)) continue;
			let out = 0;
			for (const f of flows) if (f[i] > 0) out += f[i];
			// Ties (a constant time constant) keep the first time it was seen.
			if (out > 0 && s / out < shortest * (1 - 1e-9)) [shortest, at] = [s / out, i];
		}
		if (!(shortest < 2 * dt)) continue;
		// Name the flows that carry most of the drain when it was fastest.
		const total = flows.reduce((sum, f) => sum + Math.max(0, f[at]), 0);
		const main = outflows.filter((_, k) => flows[k][at] >= 0.2 * total);
		const proposed = proposeDt(dt, shortest);
		advice.push({
			kind: 'time constant',
			stock,
			flows: main,
			time: result.times[at],
			timeConstant: shortest,
			proposedDt: proposed,
			message: `${listed(main)} ${main.length > 1 ? 'empty' : 'empties'} ${stock} in ${number(shortest)} ${unit} (stock ÷ outflow, at time ${number(result.times[at])}), less than 2 × DT (${dtText(dt)}): the run is not to be trusted; use DT ${dtText(proposed)} or less`
		});
		involved.add(stock);
		for (const f of outflows) involved.add(f);
	}

	const kinds = new Map(model.variables.map((v) => [canonicalName(v.name), v.kind]));
	for (const name of dtCheckOutputs(model, result.names)) {
		if (involved.has(name)) continue;
		const values = series.get(name)!;
		const first = firstFlips(values, 4);
		if (first < 0) continue;
		// A flip downstream of a fast drain is usually its echo: the drain's DT cures both.
		const proposed = Math.min(dt / 4, ...advice.map((a) => a.proposedDt));
		const isStock = kinds.get(splitName(name).base) === 'stock';
		advice.push({
			kind: 'sign flips',
			stock: isStock ? name : undefined,
			flows: isStock ? [] : [name],
			time: result.times[first],
			proposedDt: proposed,
			message: `${name} flips between positive and negative at every step from time ${number(result.times[first])}: DT (${dtText(dt)}) is too large for it; try DT ${dtText(proposed)}`
		});
	}

	// The fastest drains first, then what flips: a flip usually follows from a drain already named.
	advice.sort((a, b) => (a.timeConstant ?? Infinity) - (b.timeConstant ?? Infinity));
	return advice.slice(0, most);
}

function largest(values: ArrayLike<number>): number {
	let max = 0;
	for (let i = 0; i < values.length; i++) {
		const v = Math.abs(values[i]);
		if (v > max && Number.isFinite(v)) max = v;
	}
	return max;
}

/**
 * The row where `count` sign changes in a row begin (each step the opposite sign of the one
 * before, away from zero), or −1. Values within a millionth of the largest count as zero.
 */
function firstFlips(values: ArrayLike<number>, count: number): number {
	const floor = 1e-6 * largest(values);
	let run = 0;
	for (let i = 1; i < values.length; i++) {
		const a = values[i - 1];
		const b = values[i];
		if (Math.abs(a) > floor && Math.abs(b) > floor && Math.sign(a) !== Math.sign(b)) {
			run++;
			if (run >= count) return i - count;
		} else run = 0;
	}
	return -1;
}

export interface DtChange {
	/** The largest relative change, 0.05 for 5%. */
	change: number;
	/** The output and time where it is. */
	output?: string;
	time?: number;
}

/**
 * The largest relative change in the named outputs between a run and the same run at half its
 * DT, saved at the same times. Points where both runs are within 1% of the output's largest
 * size are left out, so a line crossing zero does not read as an infinite change.
 */
export function dtChange(
	base: RunResult,
	half: RunResult,
	outputs: readonly string[] = base.names
): DtChange {
	const halfTimes = new Map<number, number>();
	half.times.forEach((t, i) => halfTimes.set(Number(t.toPrecision(12)), i));
	const found: DtChange = { change: 0 };
	for (const name of outputs) {
		const a = base.series[base.names.indexOf(name)];
		const b = half.series[half.names.indexOf(name)];
		if (!a || !b) continue;
		const floor = 0.01 * Math.max(largest(a), largest(b));
		for (let i = 0; i < base.times.length; i++) {
			const j = halfTimes.get(Number(base.times[i].toPrecision(12)));
			if (j === undefined) continue;
			const size = Math.max(Math.abs(a[i]), Math.abs(b[j]));
			if (!(size > floor) || !Number.isFinite(a[i]) || !Number.isFinite(b[j])) continue;
			const change = Math.abs(a[i] - b[j]) / size;
			if (change > found.change)
				Object.assign(found, { change, output: name, time: base.times[i] });
		}
	}
	return found;
}
