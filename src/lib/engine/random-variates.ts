/**
 * Draws from the distributions behind Vensim's RANDOM … functions, each from a stream of uniforms
 * on [0, 1). The run's generator gives every call site one uniform per DT; algorithms that need
 * more (rejection sampling, truncation by redrawing) seed a small stream from it, so a run is
 * still fixed by its seed and each step's draw by that step's uniform.
 */

export type Uniforms = () => number;

/**
 * A stream seeded from one uniform (mulberry32, Tommy Ettinger's 32-bit generator): enough for
 * the few extra draws one call needs, independent of the run's own sequence.
 */
export function streamFrom(u: number): Uniforms {
	let a = Math.floor(u * 4294967296) >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, nine coefficients; relative error < 1e-13). */
export function lnGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
	const c = [
		0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
		-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
		1.5056327351493116e-7
	];
	const z = x - 1;
	let s = c[0];
	for (let i = 1; i < 9; i++) s += c[i] / (z + i);
	const t = z + 7.5;
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

export function standardNormal(next: Uniforms): number {
	// Box–Muller; 1 − u keeps the logarithm finite.
	return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

export function standardExponential(next: Uniforms): number {
	return -Math.log(1 - next());
}

/**
 * Gamma with this shape and scale 1 (mean = shape): Marsaglia and Tsang, "A simple method for
 * generating gamma variables", ACM TOMS 26(3), 2000; shapes below 1 by their boost
 * Gamma(a) = Gamma(a + 1) · U^(1/a).
 */
export function standardGamma(shape: number, next: Uniforms): number {
	if (!(shape > 0)) return NaN;
	if (shape < 1) return standardGamma(shape + 1, next) * Math.pow(1 - next(), 1 / shape);
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		let x: number;
		let v: number;
		do {
			x = standardNormal(next);
			v = 1 + c * x;
		} while (v <= 0);
		v = v * v * v;
		const u = 1 - next();
		if (u < 1 - 0.0331 * x ** 4) return d * v;
		if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
	}
}

/** Beta(α, β) on [0, 1], as X / (X + Y) with X ~ Gamma(α), Y ~ Gamma(β). */
export function beta(alpha: number, betaShape: number, next: Uniforms): number {
	const x = standardGamma(alpha, next);
	const y = standardGamma(betaShape, next);
	return x / (x + y);
}

/** Poisson with this mean: inversion of the cumulative sum for small means, else Gamma–Poisson halving. */
export function poisson(mean: number, next: Uniforms): number {
	if (!(mean >= 0)) return NaN;
	let count = 0;
	let rest = mean;
	// Ahrens–Dieter style reduction: a Gamma(k) arrival time splits a large mean into a known
	// count plus a smaller Poisson or a binomial, so the inversion below never runs long.
	while (rest > 30) {
		const k = Math.floor(rest * 0.875);
		const arrival = standardGamma(k, next);
		if (arrival > rest) return count + binomial(k - 1, rest / arrival, next);
		count += k;
		rest -= arrival;
	}
	return count + poissonAt(next(), rest);
}

/**
 * Poisson with a small mean (up to about 30) from one uniform, by inverting its cumulative; a
 * larger mean underflows e^(−mean), so poisson() splits it down first.
 */
export function poissonAt(u: number, mean: number): number {
	let k = 0;
	let p = Math.exp(-mean);
	let cumulative = p;
	while (u > cumulative && k < 1000) {
		k++;
		p *= mean / k;
		cumulative += p;
	}
	return k;
}

/** The number of successes in n trials of probability p (n rounded down to a whole number). */
export function binomial(n: number, p: number, next: Uniforms): number {
	const trials = Math.floor(n);
	if (!(trials >= 0) || !(p >= 0 && p <= 1)) return NaN;
	if (p > 0.5) return trials - binomial(trials, 1 - p, next);
	if (trials * p < 30) {
		// Inversion: walk the probabilities from 0 upwards.
		const u = next();
		const q = 1 - p;
		let k = 0;
		let prob = Math.pow(q, trials);
		let cumulative = prob;
		while (u > cumulative && k < trials) {
			prob *= ((trials - k) / (k + 1)) * (p / q);
			k++;
			cumulative += prob;
		}
		return k;
	}
	// Split by the median order statistic of the uniforms (Knuth, TAOCP vol. 2, 3.4.1 F): the
	// a-th smallest of n uniforms is Beta(a, n + 1 − a), which halves the problem each time.
	const a = 1 + Math.floor(trials / 2);
	const x = beta(a, trials + 1 - a, next);
	return x >= p ? binomial(a - 1, p / x, next) : a + binomial(trials - a, (p - x) / (1 - x), next);
}

/**
 * Vensim's negative binomial: the number of trials up to and including the n-th success, each of
 * probability p, so at least n (Vensim reference, "RANDOM NEGATIVE BINOMIAL"). The failures are
 * Poisson with a Gamma(n, (1 − p)/p) mean, the standard mixture.
 */
export function negativeBinomialTrials(n: number, p: number, next: Uniforms): number {
	if (!(n > 0) || !(p > 0 && p <= 1)) return NaN;
	if (p === 1) return n;
	return n + poisson(standardGamma(n, next) * ((1 - p) / p), next);
}

/** Weibull with this shape, scaled to mean 1 as Vensim's RANDOM WEIBULL is. */
export function weibullMeanOne(shape: number, next: Uniforms): number {
	if (!(shape > 0)) return NaN;
	const scale = Math.exp(-lnGamma(1 + 1 / shape));
	return scale * Math.pow(standardExponential(next), 1 / shape);
}

/** The triangular distribution's inverse cumulative at u. */
export function triangularAt(u: number, start: number, peak: number, end: number): number {
	const split = (peak - start) / (end - start);
	return u < split
		? start + Math.sqrt(u * (end - start) * (peak - start))
		: end - Math.sqrt((1 - u) * (end - start) * (end - peak));
}

export function triangular(start: number, peak: number, end: number, next: Uniforms): number {
	return triangularAt(next(), start, peak, end);
}

/** The distributions of Vensim's RANDOM … functions, by the code the .mdl reader writes. */
export const VENSIM_DISTRIBUTIONS = [
	'exponential',
	'normal',
	'poisson',
	'gamma',
	'beta',
	'binomial',
	'negative binomial',
	'weibull',
	'triangular'
] as const;
export type VensimDistribution = (typeof VENSIM_DISTRIBUTIONS)[number];

/** Each distribution's own parameters, between min, max and shift, stretch (Vensim's order). */
export const VENSIM_PARAMETERS: Record<
	VensimDistribution,
	{ parameters: string[]; shifted: boolean }
> = {
	exponential: { parameters: [], shifted: true },
	normal: { parameters: [], shifted: true },
	poisson: { parameters: ['mean'], shifted: true },
	gamma: { parameters: ['order'], shifted: true },
	beta: { parameters: ['alpha', 'beta'], shifted: true },
	binomial: { parameters: ['probability', 'count'], shifted: true },
	'negative binomial': { parameters: ['probability', 'count'], shifted: true },
	weibull: { parameters: ['shape'], shifted: true },
	triangular: { parameters: ['start', 'peak', 'end'], shifted: false }
};

function standardDraw(code: number, a: number, b: number, c: number, next: Uniforms): number {
	switch (VENSIM_DISTRIBUTIONS[code]) {
		case 'exponential':
			return standardExponential(next);
		case 'normal':
			return standardNormal(next);
		case 'poisson':
			return poisson(a, next);
		case 'gamma':
			// Vensim: an order below 1 is taken as 1 (reference, "RANDOM GAMMA").
			return standardGamma(Math.max(a, 1), next);
		case 'beta':
			return beta(a, b, next);
		case 'binomial':
			return binomial(b, a, next);
		case 'negative binomial':
			return negativeBinomialTrials(b, a, next);
		case 'weibull':
			return weibullMeanOne(a, next);
		case 'triangular':
			return triangular(a, b, c, next);
		default:
			return NaN;
	}
}

/** A draw's arguments after its uniform: distribution code, min, max, shift, stretch, a, b, c. */
export type VensimDrawArguments = [
	code: number,
	min: number,
	max: number,
	shift: number,
	stretch: number,
	a: number,
	b: number,
	c: number
];

/** How many redraws truncation tries before it gives the nearest bound. */
const TRUNCATION_TRIES = 1000;

/**
 * A Vensim random draw: the standard distribution, multiplied by `stretch`, plus `shift`, then
 * truncated to [min, max] (Vensim reference, "RANDOM Number Functions": truncation happens after
 * stretching and shifting). Truncation redraws, so the result follows the truncated distribution
 * rather than piling the cut-off mass onto the bounds; only when a thousand draws all fall
 * outside does it give the bound nearest the last draw.
 */
export function vensimDraw(u: number, ...draw: VensimDrawArguments): number {
	const [code, min, max, shift, stretch, a, b, c] = draw;
	const next = streamFrom(u);
	let y = NaN;
	for (let i = 0; i < TRUNCATION_TRIES; i++) {
		y = shift + stretch * standardDraw(code, a, b, c, next);
		if (!(y === y)) return NaN;
		if (y >= min && y <= max) return y;
	}
	return Math.min(Math.max(y, min), max);
}

/**
 * Vensim's RANDOM LOOKUP: a draw whose density is the lookup's points joined by straight lines
 * (negative values count as 0) over the lookup's x range, stretched, shifted and truncated to
 * [min, max] as the other RANDOM functions are (Vensim reference, "RANDOM LOOKUP": the lookup is
 * the probability density). Drawn exactly, by inverting the cumulative of the density restricted
 * to the x values that land inside [min, max], so one uniform gives one draw.
 */
export function randomFromDensity(
	xs: ArrayLike<number>,
	ys: ArrayLike<number>,
	u: number,
	min: number,
	max: number,
	shift: number,
	stretch: number
): number {
	const n = xs.length;
	if (n < 2 || stretch === 0) return Math.min(Math.max(shift, min), max);
	// The x values whose stretched and shifted value is inside [min, max].
	let lo = (min - shift) / stretch;
	let hi = (max - shift) / stretch;
	if (lo > hi) [lo, hi] = [hi, lo];
	lo = Math.max(lo, xs[0]);
	hi = Math.min(hi, xs[n - 1]);
	const height = (i: number) => Math.max(0, ys[i]);
	/** The density at x on segment i, and the area of segment i from its start to x. */
	const at = (i: number, x: number) =>
		height(i) + ((height(i + 1) - height(i)) * (x - xs[i])) / (xs[i + 1] - xs[i]);
	const areaTo = (i: number, x: number) => ((height(i) + at(i, x)) / 2) * (x - xs[i]);
	// Mass of each segment's part inside [lo, hi].
	const parts: { i: number; from: number; to: number; mass: number }[] = [];
	let total = 0;
	for (let i = 0; i < n - 1; i++) {
		const from = Math.max(lo, xs[i]);
		const to = Math.min(hi, xs[i + 1]);
		if (!(to > from) || xs[i + 1] <= xs[i]) continue;
		const mass = areaTo(i, to) - areaTo(i, from);
		if (mass > 0) {
			parts.push({ i, from, to, mass });
			total += mass;
		}
	}
	if (!(total > 0)) {
		// No density inside the bounds: the bound nearest the table, as the other draws give.
		const y = shift + stretch * (lo > xs[n - 1] ? xs[n - 1] : xs[0]);
		return Math.min(Math.max(y, min), max);
	}
	let target = u * total;
	for (const part of parts) {
		if (target > part.mass && part !== parts[parts.length - 1]) {
			target -= part.mass;
			continue;
		}
		// Solve areaTo(i, x) − areaTo(i, from) = target for x: the density is linear, a + b(x − from).
		const a = at(part.i, part.from);
		const b = (height(part.i + 1) - height(part.i)) / (xs[part.i + 1] - xs[part.i]);
		const t =
			Math.abs(b) < 1e-12 * Math.max(1, a)
				? target / a
				: (-a + Math.sqrt(Math.max(0, a * a + 2 * b * target))) / b;
		const x = Math.min(Math.max(part.from + t, part.from), part.to);
		return shift + stretch * x;
	}
	return NaN;
}
