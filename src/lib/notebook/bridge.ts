/**
 * A bridge (waterfall) from one scenario to another: the change in an output split into each
 * lever's part. Changing one lever at a time from the start scenario gives each lever's own effect;
 * what they do together beyond that is the interaction, a bar of its own so the bars add up
 * exactly. The Shapley value (Shapley 1953) instead averages each lever's effect over every order
 * in which the levers could be changed, sharing the interaction out so there is none left:
 *   φᵢ = Σ over S ⊆ N∖{i} of |S|! (n − |S| − 1)! / n! × (v(S ∪ {i}) − v(S)),
 * where v(S) is the output with the levers in S moved to the target scenario's values.
 */
import { canonicalName } from '../model/names';

/** The most levers a Shapley bridge takes: it needs 2ⁿ runs. */
export const MAX_SHAPLEY_LEVERS = 8;

export interface BridgeLever {
	/** The override's name (a constant, or one element `Beds[North]`). */
	key: string;
	/** The value in each scenario; undefined: the model's own. */
	from: number | undefined;
	to: number | undefined;
}

type Overrides = Readonly<Record<string, number>>;

/** Every constant the two scenarios set differently, in the target's order then the start's. */
export function bridgeLevers(from: Overrides, to: Overrides): BridgeLever[] {
	const byName = (o: Overrides) =>
		new Map(Object.entries(o).map(([k, v]) => [canonicalName(k), { k, v }]));
	const a = byName(from);
	const b = byName(to);
	const keys = [...new Set([...b.keys(), ...a.keys()])];
	return keys
		.filter((k) => a.get(k)?.v !== b.get(k)?.v)
		.map((k) => ({ key: b.get(k)?.k ?? a.get(k)!.k, from: a.get(k)?.v, to: b.get(k)?.v }));
}

/** The overrides with the levers in `mask` (bit i: lever i) moved to the target's values. */
export function overridesFor(
	from: Overrides,
	levers: readonly BridgeLever[],
	mask: number
): Record<string, number> {
	const out: Record<string, number> = {};
	const moved = new Set(levers.filter((_, i) => mask & (1 << i)).map((l) => canonicalName(l.key)));
	for (const [k, v] of Object.entries(from)) if (!moved.has(canonicalName(k))) out[k] = v;
	levers.forEach((lever, i) => {
		// A lever the target leaves at the model's own value is moved by not overriding it.
		if (mask & (1 << i) && lever.to !== undefined) out[lever.key] = lever.to;
	});
	return out;
}

/** The subsets of levers a bridge runs, as bit masks: ∅, all, and each alone; every subset for Shapley. */
export function bridgeMasks(levers: number, shapley: boolean): number[] {
	const all = (1 << levers) - 1;
	if (shapley) return Array.from({ length: all + 1 }, (_, m) => m);
	return [...new Set([0, all, ...Array.from({ length: levers }, (_, i) => 1 << i)])];
}

export interface Bridge {
	start: number;
	/** One per lever, in order. */
	parts: number[];
	/** What the levers do together beyond their parts (zero for Shapley, up to rounding). */
	interaction: number;
	end: number;
}

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
const bits = (m: number) => {
	let count = 0;
	for (; m; m &= m - 1) count++;
	return count;
};

/** The bars from the output's value at each subset of levers moved (by mask). */
export function bridgeBars(
	value: (mask: number) => number,
	levers: number,
	shapley: boolean
): Bridge {
	const all = (1 << levers) - 1;
	const start = value(0);
	const end = value(all);
	const parts = Array.from({ length: levers }, (_, i) => {
		const bit = 1 << i;
		if (!shapley) return value(bit) - start;
		let phi = 0;
		for (let s = 0; s <= all; s++) {
			if (s & bit) continue;
			const size = bits(s);
			phi +=
				((factorial(size) * factorial(levers - size - 1)) / factorial(levers)) *
				(value(s | bit) - value(s));
		}
		return phi;
	});
	const interaction = end - start - parts.reduce((a, b) => a + b, 0);
	return { start, parts, interaction, end };
}
