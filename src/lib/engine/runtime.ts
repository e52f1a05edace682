/**
 * State a run keeps outside the value arrays: graphical function tables, pipeline histories and
 * the random stream. Generated code calls these methods by fixed names (see codegen RUNTIME_OPS).
 */
import type { GraphicalFunctionType } from '../model/types';
import { Belt, type BeltSettings } from './conveyor-belt';
import {
	poisson,
	poissonAt,
	randomFromDensity,
	streamFrom,
	triangularAt,
	vensimDraw,
	type VensimDrawArguments
} from './random-variates';

export interface Table {
	type: GraphicalFunctionType;
	xs: Float64Array;
	ys: Float64Array;
}

/**
 * Reads a graphical function at x (XMILE 3.1.4): continuous clamps, extrapolate extends, discrete
 * steps. A mode (builtins LOOKUP_MODES) overrides the table's type: 1 extrapolates, 2 takes the
 * y of the next point at or after x (Vensim LOOKUP FORWARD), 3 the y of the last point at or
 * before x (LOOKUP BACKWARD, as discrete).
 */
export function lookupTable(table: Table, x: number, mode = 0): number {
	const { xs, ys } = table;
	const type = mode === 1 ? 'extrapolate' : mode === 3 ? 'discrete' : table.type;
	const last = xs.length - 1;
	if (Number.isNaN(x)) return NaN;
	if (x <= xs[0]) {
		if (type === 'extrapolate' && last > 0 && x < xs[0])
			return ys[0] + ((x - xs[0]) * (ys[1] - ys[0])) / (xs[1] - xs[0]);
		return ys[0];
	}
	if (x >= xs[last]) {
		if (type === 'extrapolate' && last > 0 && x > xs[last]) {
			return ys[last] + ((x - xs[last]) * (ys[last] - ys[last - 1])) / (xs[last] - xs[last - 1]);
		}
		return ys[last];
	}
	// Binary search for the segment xs[lo] <= x < xs[lo + 1].
	let lo = 0;
	let hi = last;
	while (hi - lo > 1) {
		const mid = (lo + hi) >> 1;
		if (xs[mid] <= x) lo = mid;
		else hi = mid;
	}
	if (mode === 2) return xs[lo] === x ? ys[lo] : ys[hi];
	if (type === 'discrete') return ys[lo];
	return ys[lo] + ((x - xs[lo]) * (ys[hi] - ys[lo])) / (xs[hi] - xs[lo]);
}

/**
 * Vensim's LOOKUP FORWARD and LOOKUP BACKWARD: the y of the first point at or after x (the last
 * point's beyond the end), or of the last point at or before x (the first point's before the start).
 */
export function lookupStep(table: Table, x: number, way: 'forward' | 'backward'): number {
	const { xs, ys } = table;
	if (Number.isNaN(x)) return NaN;
	if (way === 'forward') {
		for (let i = 0; i < xs.length; i++) if (xs[i] >= x) return ys[i];
		return ys[ys.length - 1];
	}
	for (let i = xs.length - 1; i >= 0; i--) if (xs[i] <= x) return ys[i];
	return ys[0];
}

/** sfc32, seeded through splitmix32: small, fast and well distributed; one seed, one sequence. */
export function randomStream(seed: number): () => number {
	let s = seed >>> 0;
	const splitmix = () => {
		s = (s + 0x9e3779b9) | 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return (z ^ (z >>> 16)) >>> 0;
	};
	let a = splitmix();
	let b = splitmix();
	let c = splitmix();
	let d = splitmix();
	const next = () => {
		const t = (((a + b) | 0) + d) | 0;
		d = (d + 1) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
	for (let i = 0; i < 12; i++) next();
	return next;
}

export class Runtime {
	dt = 1;
	start = 0;
	stop = 0;
	/** Index of the current step: time = start + n·dt. */
	n = 0;
	/** Uniform draws for this step, one block per random call site. */
	readonly u: Float64Array;
	#next: () => number = Math.random;
	readonly #history: Float64Array[];
	readonly #pipeInitial: Float64Array;

	/** One belt per conveyor (conveyor-belt.ts), laid anew by each run's init phase. */
	readonly belts: Belt[];

	constructor(
		readonly tables: readonly Table[],
		pipeCount: number,
		randomCount: number,
		belts: readonly BeltSettings[] = []
	) {
		this.belts = belts.map((settings) => new Belt(settings));
		this.u = new Float64Array(randomCount);
		this.#history = Array.from({ length: pipeCount }, () => new Float64Array(0));
		this.#pipeInitial = new Float64Array(pipeCount);
	}

	begin(start: number, stop: number, dt: number, steps: number, seed: number): void {
		this.start = start;
		this.stop = stop;
		this.dt = dt;
		this.n = 0;
		this.#next = randomStream(seed);
		for (let i = 0; i < this.#history.length; i++) this.#history[i] = new Float64Array(steps + 1);
		this.drawStep();
	}

	/** New uniforms for the step: every random call site draws once per DT. */
	drawStep(): void {
		const u = this.u;
		for (let i = 0; i < u.length; i++) u[i] = this.#next();
	}

	lookup(table: number, x: number, mode?: number): number {
		return lookupTable(this.tables[table], x, mode);
	}

	lookupForward(table: number, x: number): number {
		return lookupStep(this.tables[table], x, 'forward');
	}

	lookupBackward(table: number, x: number): number {
		return lookupStep(this.tables[table], x, 'backward');
	}

	initPipe(pipe: number, value: number): void {
		this.#pipeInitial[pipe] = value;
	}

	record(pipe: number, value: number): void {
		this.#history[pipe][this.n] = value;
	}

	/**
	 * DELAY's output: the input recorded `delay` time units ago, the delay rounded up to whole
	 * steps (2.5 steps back reads the value 3 steps back, as Vensim's reference output for
	 * DELAY with a fractional delay does); before that, the initial value. A delay shorter
	 * than one DT still delays by one step, since this step's input is not yet known.
	 */
	pipe(pipe: number, delay: number): number {
		const back = Math.max(1, Math.ceil(delay / this.dt - 1e-9));
		const index = this.n - back;
		return index < 0 ? this.#pipeInitial[pipe] : this.#history[pipe][index];
	}

	conveyorFill(belt: number, value: number, transitTime: number, ...fractions: number[]): void {
		this.belts[belt].fill(value, transitTime, this.dt, fractions);
	}

	/** The stock argument only orders the outflow after the belt is laid (see conveyors.ts). */
	conveyorOut(belt: number, _stock: number, arrest: number, ...fractions: number[]): number {
		return this.belts[belt].outflow(this.n, this.dt, arrest, fractions);
	}

	conveyorLeak(belt: number, leak: number, arrest: number, ...fractions: number[]): number {
		return this.belts[belt].leak(this.n, this.dt, leak, arrest, fractions);
	}

	conveyorRoom(
		belt: number,
		t: number,
		capacity: number,
		inflowLimit: number,
		arrest: number,
		contents: number,
		leaving: number
	): number {
		return this.belts[belt].room(
			t,
			this.start,
			this.dt,
			capacity,
			inflowLimit,
			arrest,
			contents,
			leaving
		);
	}

	conveyorAdvance(
		belt: number,
		t: number,
		inflow: number,
		transitTime: number,
		sample: number,
		arrest: number
	): void {
		this.belts[belt].advance(this.n, t, this.start, this.dt, inflow, transitTime, sample, arrest);
	}

	uniform(slot: number, min: number, max: number): number {
		return min + (max - min) * this.u[slot];
	}

	normal(slot: number, mean: number, sd: number): number {
		// Box–Muller from this step's two uniforms; 1 − u keeps the logarithm finite.
		const r = Math.sqrt(-2 * Math.log(1 - this.u[slot]));
		return mean + sd * r * Math.cos(2 * Math.PI * this.u[slot + 1]);
	}

	exponential(slot: number, mean: number): number {
		return -mean * Math.log(1 - this.u[slot]);
	}

	lognormal(slot: number, mean: number, sd: number): number {
		const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
		const mu = Math.log(mean) - sigma2 / 2;
		return Math.exp(this.normal(slot, mu, Math.sqrt(sigma2)));
	}

	poisson(slot: number, mean: number): number {
		// One uniform inverts the cumulative of a small mean; past 30, e^(−mean) heads for
		// underflow (at 745 it is 0 and inversion never ends), so the mean is split down first
		// from a stream seeded by the same uniform (random-variates.ts).
		const u = this.u[slot];
		return mean <= 30 ? poissonAt(u, mean) : poisson(mean, streamFrom(u));
	}

	vensimRandom(slot: number, ...draw: VensimDrawArguments): number {
		return vensimDraw(this.u[slot], ...draw);
	}

	randomLookup(
		table: number,
		u: number,
		min: number,
		max: number,
		shift: number,
		stretch: number
	): number {
		const { xs, ys } = this.tables[table];
		return randomFromDensity(xs, ys, u, min, max, shift, stretch);
	}

	triangular(slot: number, min: number, mode: number, max: number): number {
		return triangularAt(this.u[slot], min, mode, max);
	}
}
