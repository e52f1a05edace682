/**
 * How well a simulated series fits the observed one, as calibration reports it.
 *
 * Theil's inequality statistics split the mean squared error into the share from a difference of
 * means (bias, U^M), of spreads (variance, U^S) and from imperfect correlation (covariance,
 * U^C), which sum to 1 (Sterman, "Appropriate summary statistics for evaluating the historical
 * fit of system dynamics models", Dynamica 10(2), 1984, pp. 51–66):
 *   MSE = (S̄ − Ā)² + (S_S − S_A)² + 2(1 − r) S_S S_A
 * with population standard deviations S and r the correlation of simulated and actual. R² is
 * r², the square of that correlation, as Sterman reports it. MAPE is the mean of |S − A| / |A|
 * over the points where A is not zero, as a percentage.
 */

export interface FitStatistics {
	/** Points compared. */
	n: number;
	r2: number;
	rmse: number;
	/** Percent; NaN when every observation is zero. */
	mape: number;
	mse: number;
	/** Theil's shares of the MSE; NaN when the fit is perfect (MSE 0). */
	bias: number;
	variance: number;
	covariance: number;
}

export function fitStatistics(
	actual: ArrayLike<number>,
	simulated: ArrayLike<number>
): FitStatistics {
	const pairs: [number, number][] = [];
	for (let i = 0; i < actual.length; i++)
		if (Number.isFinite(actual[i]) && Number.isFinite(simulated[i]))
			pairs.push([actual[i], simulated[i]]);
	const n = pairs.length;
	const mean = (k: 0 | 1) => pairs.reduce((s, p) => s + p[k], 0) / n;
	const meanA = mean(0);
	const meanS = mean(1);
	let sse = 0;
	let saa = 0;
	let sss = 0;
	let sas = 0;
	let ape = 0;
	let apeCount = 0;
	for (const [a, s] of pairs) {
		sse += (s - a) ** 2;
		saa += (a - meanA) ** 2;
		sss += (s - meanS) ** 2;
		sas += (a - meanA) * (s - meanS);
		if (a !== 0) {
			ape += Math.abs(s - a) / Math.abs(a);
			apeCount++;
		}
	}
	const mse = sse / n;
	const sdA = Math.sqrt(saa / n);
	const sdS = Math.sqrt(sss / n);
	const r = sdA > 0 && sdS > 0 ? sas / n / (sdA * sdS) : NaN;
	const share = (part: number) => (mse > 0 ? part / mse : NaN);
	const bias = (meanS - meanA) ** 2;
	const variance = (sdS - sdA) ** 2;
	// The rest of the MSE, which is 2(1 − r) S_S S_A exactly; taken as the rest because 1 − r
	// loses every digit when the fit is close (r within 1e-12 of 1 leaves noise over a tiny MSE).
	const covariance = Math.max(0, mse - bias - variance);
	return {
		n,
		r2: r * r,
		rmse: Math.sqrt(mse),
		mape: apeCount ? (100 * ape) / apeCount : NaN,
		mse,
		bias: share(bias),
		variance: share(variance),
		covariance: share(covariance)
	};
}
