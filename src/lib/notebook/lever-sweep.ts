/**
 * A lever's positions, run ahead of the hand that drags it. When a reader reaches for a slider
 * (points at it, focuses it, presses it), the pool runs the model at the slider's positions nearest
 * the current one, with every other lever where it is, saving only what the charts plot. Dragging
 * then shows each position's run as soon as the slider gets there, instead of waiting for a run;
 * a position not yet run falls back to the live run. Results are exact runs, never interpolated.
 */
import type { Lever } from '../model/types';

/** At most this many positions are run ahead (about 0.2 MB each for model A's six charts). */
export const MAX_SWEEP_POSITIONS = 101;

/** Decimal places of a number as written, e.g. 0.025 → 3, 1e-7 → 7, 50 → 0. */
function decimalsOf(x: number): number {
	const [mantissa, exponent] = String(x).toLowerCase().split('e');
	const fraction = mantissa.split('.')[1]?.length ?? 0;
	return Math.max(0, fraction - Number(exponent ?? 0));
}

/**
 * The values a range input with this lever's min, max and step can take, as the browser reports
 * them (min + k × step in decimal, so 0.025 × 7 is 0.175, not 0.17500000000000002), nearest to
 * `current` first, at most `limit` of them.
 */
export function sweepPositions(
	lever: Pick<Lever, 'min' | 'max' | 'step'>,
	current: number,
	limit = MAX_SWEEP_POSITIONS
): number[] {
	const { min, max, step } = lever;
	if (!(step > 0) || !(max >= min) || !Number.isFinite(min + max + step)) return [];
	const count = Math.floor((max - min) / step + 1e-9) + 1;
	const decimals = Math.min(20, Math.max(decimalsOf(min), decimalsOf(step)));
	const at = (k: number) => Number((min + k * step).toFixed(decimals));
	const centre = Math.min(count - 1, Math.max(0, Math.round((current - min) / step)));
	const positions: number[] = [];
	for (let offset = 0; positions.length < Math.min(limit, count); offset++) {
		if (centre + offset < count) positions.push(at(centre + offset));
		if (offset > 0 && centre - offset >= 0 && positions.length < limit)
			positions.push(at(centre - offset));
	}
	return positions;
}

/**
 * What a swept run depends on besides the slider itself: the model version, the other sliders'
 * overrides and what is saved. `lever` is the slider's override name: a constant ("Length of
 * Stay") or one element of it ("Community Beds[North]"), whose other elements are then others.
 */
export function sweepContext(
	modelVersion: number,
	lever: string,
	others: Record<string, number>,
	outputs: readonly string[]
): string {
	const rest = Object.entries(others)
		.filter(([name]) => name !== lever)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return JSON.stringify([modelVersion, lever, rest, outputs]);
}
