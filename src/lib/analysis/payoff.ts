/**
 * What calibration minimises, summed over the data series, each times its weight:
 * - least squares: Σ (S − A)²;
 * - Gaussian: the negative log-likelihood with each series' error spread unknown and profiled
 *   out, (n/2) ln(SSE/n) (Seber and Wild, Nonlinear Regression, 1989, §2.2.1);
 * - Poisson: the negative log-likelihood of counts A with means S, Σ (S − A ln S), dropping
 *   ln A! which does not move with the parameters; a mean at or below zero cannot be.
 */
export type PayoffKind = 'least-squares' | 'gaussian' | 'poisson';

export const PAYOFF_KINDS: readonly PayoffKind[] = ['least-squares', 'gaussian', 'poisson'];

/** The payoff of one series; Infinity when the run cannot be scored (a missing value, a mean ≤ 0 for Poisson). */
export function seriesPayoff(
	kind: PayoffKind,
	actual: ArrayLike<number>,
	simulated: ArrayLike<number>
): number {
	let total = 0;
	const n = actual.length;
	for (let i = 0; i < n; i++) {
		const a = actual[i];
		const s = simulated[i];
		if (!Number.isFinite(s)) return Infinity;
		if (kind === 'poisson') {
			if (s <= 0) return a === 0 && s === 0 ? total : Infinity;
			total += s - a * Math.log(s);
		} else total += (s - a) ** 2;
	}
	if (kind === 'gaussian') return (n / 2) * Math.log(Math.max(total, Number.MIN_VALUE) / n);
	return total;
}
