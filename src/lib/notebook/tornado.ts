/**
 * A tornado: each uncertain constant of a sensitivity analysis moved on its own from its 5th to its
 * 95th percentile (the fan's outer band), the others held at the reference scenario's values, and
 * the output's swing drawn as a bar; the widest bar first.
 */
import type { Distribution, SensitivityParameter } from '../model/types';

/** The percentiles each constant is taken to: the same as a fan chart's outer band. */
export const TORNADO_PERCENTILES = [5, 95] as const;

/**
 * The standard normal quantile Φ⁻¹(p), by Acklam's rational approximation (relative error below
 * 1.2e-9; refined here by one Halley step against erfc): Φ⁻¹(0.95) = 1.6448536….
 */
export function normalQuantile(p: number): number {
	if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
	const a = [
		-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
		2.506628277459239
	];
	const b = [
		-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572
	];
	const c = [
		-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
		4.374664141464968, 2.938163982698783
	];
	const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
	const low = 0.02425;
	let x: number;
	if (p < low) {
		const q = Math.sqrt(-2 * Math.log(p));
		x =
			(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	} else if (p <= 1 - low) {
		const q = p - 0.5;
		const r = q * q;
		x =
			((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
			(((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	} else {
		const q = Math.sqrt(-2 * Math.log(1 - p));
		x =
			-(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	return x;
}

/** The value below which a share `p` (0 to 1) of the distribution lies. */
export function quantile(d: Distribution, p: number): number {
	switch (d.kind) {
		case 'uniform':
			return d.min + p * (d.max - d.min);
		case 'normal':
			return d.mean + d.sd * normalQuantile(p);
		case 'triangular': {
			const { min: a, mode: c, max: b } = d;
			if (b === a) return a;
			const split = (c - a) / (b - a);
			return p < split
				? a + Math.sqrt(p * (b - a) * (c - a))
				: b - Math.sqrt((1 - p) * (b - a) * (b - c));
		}
	}
}

export interface TornadoBar {
	variable: string;
	low: number;
	high: number;
	/** The output with the constant at its low and at its high value. */
	atLow: number;
	atHigh: number;
	swing: number;
}

/** The runs a tornado needs: the reference, then each constant at its low and its high. */
export function tornadoRuns(
	parameters: readonly SensitivityParameter[],
	base: Readonly<Record<string, number>>
): { key: string; overrides: Record<string, number> }[] {
	const [lo, hi] = TORNADO_PERCENTILES.map((p) => p / 100);
	return [
		{ key: 'base', overrides: { ...base } },
		...parameters.flatMap((p, i) => [
			{ key: `${i}:low`, overrides: { ...base, [p.variable]: quantile(p.distribution, lo) } },
			{ key: `${i}:high`, overrides: { ...base, [p.variable]: quantile(p.distribution, hi) } }
		])
	];
}

/** Each constant's bar from the runs' values (by tornadoRuns' keys), the widest swing first. */
export function tornadoBars(
	parameters: readonly SensitivityParameter[],
	value: (key: string) => number
): TornadoBar[] {
	const [lo, hi] = TORNADO_PERCENTILES.map((p) => p / 100);
	return parameters
		.map((p, i) => {
			const atLow = value(`${i}:low`);
			const atHigh = value(`${i}:high`);
			return {
				variable: p.variable,
				low: quantile(p.distribution, lo),
				high: quantile(p.distribution, hi),
				atLow,
				atHigh,
				swing: Math.abs(atHigh - atLow)
			};
		})
		.sort((a, b) => (Number.isNaN(b.swing) ? -1 : b.swing - a.swing));
}
