/**
 * Vensim's ALLOCATE AVAILABLE(request, priority profile, available): shares out a supply among
 * requesters by priority. Each requester takes a falling curve of a common cut-off x, its whole
 * request at a low x and nothing at a high one, shaped by its profile (type, priority, width,
 * extra); x is the one at which the curves add up to the supply. With enough supply everyone gets
 * the request; with none, nothing. Curves as Vensim's documentation defines them (allocation
 * overview): 1 rectangular, 2 triangular, 3 normal, 4 exponential. XMILE has no such function.
 *
 * Both readers write a call per element, ALLOCATE_AVAILABLE_OF(i, available, n, request₁ …
 * requestₙ, profile₁ (4 numbers) … profileₙ), whose value is requester i's share.
 */
import type { PureBuiltin } from './types';

type Curve = (x: number) => number;

/** A requester's share as a function of the cut-off, and the range of x over which it falls. */
function curve(
	request: number,
	type: number,
	priority: number,
	width: number
): [Curve, number, number] {
	const half = width / 2;
	switch (type) {
		case 1:
			return [
				(x) =>
					x <= priority - half
						? request
						: x < priority + half
							? request * (1 - (x - priority + half) / width)
							: 0,
				priority - half,
				priority + half
			];
		case 2:
			return [
				(x) => {
					if (x <= priority - half) return request;
					if (x < priority) return request * (1 - (2 * (x - priority + half) ** 2) / width ** 2);
					if (x < priority + half) return (2 * request * (priority + half - x) ** 2) / width ** 2;
					return 0;
				},
				priority - half,
				priority + half
			];
		case 3:
			return [
				(x) => request * (1 - 0.5 * vensimErfc((priority - x) / (Math.SQRT2 * width))),
				priority - 9 * width,
				priority + 9 * width
			];
		case 4:
			return [
				(x) =>
					x < priority
						? request * (1 - 0.5 * Math.exp((x - priority) / width))
						: request * 0.5 * Math.exp((priority - x) / width),
				priority - 40 * width,
				priority + 40 * width
			];
		default:
			return [() => NaN, 0, 0];
	}
}

/**
 * The complementary error function as Vensim's normal priority curve evaluates it: Abramowitz and
 * Stegun's 7.1.25 (three terms, |error| ≤ 2.5e-5), not the exact function. Vensim's shares in
 * SDEverywhere's allocate test match this to their six printed digits (Boston's 0.043015 at time
 * 2.375, where the exact curve gives 0.042982).
 */
export function vensimErfc(x: number): number {
	if (x < 0) return 2 - vensimErfc(-x);
	const t = 1 / (1 + 0.47047 * x);
	return t * (0.3480242 + t * (-0.0958798 + t * 0.7478556)) * Math.exp(-x * x);
}

/** Every requester's share of `available`. */
export function allocateAvailable(
	requests: number[],
	profiles: number[][],
	available: number
): number[] {
	const total = requests.reduce((a, b) => a + b, 0);
	if (available >= total) return [...requests];
	if (available <= 0) return requests.map(() => 0);
	const curves = requests.map((r, i) => curve(r, profiles[i][0], profiles[i][1], profiles[i][2]));
	if (profiles.some((p) => !(p[2] > 0))) return requests.map(() => NaN);
	const supplied = (x: number) => curves.reduce((sum, [f]) => sum + f(x), 0);
	// The total falls as x rises: bisect for the x at which it meets the supply.
	let lo = Math.min(...curves.map((c) => c[1]));
	let hi = Math.max(...curves.map((c) => c[2]));
	for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo), Math.abs(hi)); i++) {
		const mid = (lo + hi) / 2;
		if (supplied(mid) > available) lo = mid;
		else hi = mid;
	}
	const x = (lo + hi) / 2;
	return curves.map(([f]) => f(x));
}

export const allocationBuiltins: PureBuiltin[] = [
	{
		kind: 'pure',
		name: 'allocate_available_of',
		signature:
			'ALLOCATE_AVAILABLE_OF(i, available, n, requests…, profiles…): requester i’s share of what is available, by priority',
		minArgs: 3,
		maxArgs: Infinity,
		evaluate: (i, available, n, ...rest) => {
			const requests = rest.slice(0, n);
			const profiles = requests.map((_, k) => rest.slice(n + 4 * k, n + 4 * k + 4));
			return allocateAvailable(requests, profiles, available)[i - 1] ?? NaN;
		}
	}
];
