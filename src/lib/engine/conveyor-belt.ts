/**
 * A conveyor's belt at run time (XMILE 1.0 §4.2.1; isee help, "Traditional conveyors"): each DT's
 * inflow is one parcel, laid on the belt as many DTs from its end as the transit time then in
 * force; every DT each parcel moves one step along, leaks, and the parcel at the end comes off.
 *
 *   step n, rates:  out = the end parcel, less what it leaks now; leaks from every parcel
 *   step n, after:  take the leaks and the end parcel off, move the rest along, lay the inflow
 *                   (rate · DT) transit-time / DT steps from the end
 *
 * So material that came on at time t comes off at t + transit time, and a parcel leaks on every
 * one of its N = transit time / DT steps, the last one included. Linear leakage takes
 * fraction · (what came on) / (steps in the leak zone) a step, so the fraction leaks by the end
 * whatever the zone; exponential takes fraction · DT of what is left, per leak. Those choices
 * give isee's steady-state contents ("Steady-state initialization of conveyors"):
 * linear  inflow · T − (N − 1) · fraction · inflow · DT / 2, and
 * exponential  inflow · (1 − (1 − fraction · DT)^N) / fraction. (Checked in conveyor-belt.spec.ts.)
 *
 * Pure TypeScript with no DOM: the engine's Runtime holds one Belt per conveyor.
 */

export interface LeakZone {
	/** Where on the belt the zone starts and ends, as fractions of its length from where material comes on. */
	start: number;
	end: number;
	/** Leak only whole units, carrying the fractions until they make one. */
	integers: boolean;
}

export interface BeltSettings {
	leaks: LeakZone[];
	exponential: boolean;
	discrete: boolean;
}

interface Parcel {
	amount: number;
	/** What came on, for linear leakage. */
	entered: number;
	/** Steps the parcel rides: its transit time / DT when it came on. */
	length: number;
	/** Steps it has ridden so far. */
	age: number;
	/** What each leak takes from it this step. */
	taken: number[];
}

const EPSILON = 1e-9;

export class Belt {
	/** slats[i] comes off in i steps; slats[0] comes off this step. */
	#slats: Parcel[][] = [];
	/** The step whose outflow and leaks are worked out (−1: none yet). */
	#step = -1;
	#frozen = false;
	#out = 0;
	readonly #leaked: Float64Array;
	readonly #carry: Float64Array;
	/** The transit time new material takes, in steps (as last sampled). */
	#length = 1;
	/** Material come on in the current whole time unit (a discrete conveyor's inflow limit). */
	#unitIndex = -1;
	#unitTotal = 0;

	constructor(readonly settings: BeltSettings) {
		this.#leaked = new Float64Array(settings.leaks.length);
		this.#carry = new Float64Array(settings.leaks.length);
	}

	/** What is on the belt. */
	get contents(): number {
		let sum = 0;
		for (const slat of this.#slats) for (const p of slat) sum += p.amount;
		return sum;
	}

	/** How many DTs the belt is long now: the transit time, in steps, of what comes on next. */
	get length(): number {
		return this.#length;
	}

	/**
	 * Lays `value` along the belt as the belt would carry it in a steady state: evenly without
	 * leaks (a 5-day belt started at 50 delivers 10 a day), thinning towards the end with them;
	 * a discrete belt puts it at the starts of whole time units only.
	 */
	fill(value: number, transitTime: number, dt: number, fractions: readonly number[]): void {
		const length = this.#stepsOf(transitTime, dt);
		this.#length = length;
		this.#slats = [];
		this.#step = -1;
		this.#carry.fill(0);
		this.#unitIndex = -1;
		this.#unitTotal = 0;
		// One unit parcel's amount at each age, through the leaks as they are at the start.
		const weights: number[] = [];
		let amount = 1;
		for (let age = 0; age < length; age++) {
			const placed = !this.settings.discrete || isWholeUnit(length - 1 - age, dt);
			weights.push(placed ? amount : 0);
			for (let j = 0; j < fractions.length; j++)
				amount -= Math.min(amount, this.#leakOf(j, fractions[j], amount, 1, length, age, dt));
		}
		const total = weights.reduce((a, b) => a + b, 0);
		const scale = total > 0 ? value / total : 0;
		for (let i = 0; i < length; i++) {
			const age = length - 1 - i;
			// A parcel came on at the size a unit parcel has at age 0.
			const entered = weights[age] === 0 ? 0 : scale;
			this.#slats.push([
				{ amount: scale * weights[age], entered, length, age, taken: fractions.map(() => 0) }
			]);
		}
	}

	/** What comes off the end this step (as a rate), working out the step's leaks first. */
	outflow(n: number, dt: number, arrest: number, fractions: readonly number[]): number {
		this.#work(n, dt, arrest, fractions);
		return this.#out / dt;
	}

	/** What leak `j` takes this step, as a rate. */
	leak(n: number, dt: number, j: number, arrest: number, fractions: readonly number[]): number {
		this.#work(n, dt, arrest, fractions);
		return this.#leaked[j] / dt;
	}

	/**
	 * The most that may come on this step, as a rate: what capacity leaves once this step's
	 * outflow and leaks are off (isee: (capacity − contents)/DT + outflow), and the inflow limit
	 * per time unit (a discrete belt may take a whole time unit's limit in one DT). Nothing while
	 * arrested.
	 */
	room(
		t: number,
		start: number,
		dt: number,
		capacity: number,
		inflowLimit: number,
		arrest: number,
		contents: number,
		leaving: number
	): number {
		if (arrest !== 0) return 0;
		let room = (capacity - contents) / dt + leaving;
		if (this.settings.discrete) {
			const unit = Math.floor(t - start + EPSILON);
			const used = unit === this.#unitIndex ? this.#unitTotal : 0;
			room = Math.min(room, (inflowLimit - used) / dt);
		} else room = Math.min(room, inflowLimit);
		return room > 0 ? room : 0;
	}

	/**
	 * After the step: the leaks and the end parcel come off, the rest moves one step along, and
	 * this step's inflow (a rate) comes on at the transit time sampled now (when `sample` is not
	 * zero). An arrested belt stands still.
	 */
	advance(
		n: number,
		t: number,
		start: number,
		dt: number,
		inflow: number,
		transitTime: number,
		sample: number,
		arrest: number
	): void {
		this.#work(n, dt, arrest, []);
		if (this.#frozen) return;
		for (const slat of this.#slats)
			for (const p of slat) {
				for (const taken of p.taken) p.amount -= taken;
				if (p.amount < 0) p.amount = 0;
				p.taken.fill(0);
				p.age++;
			}
		this.#slats.shift();
		if (sample !== 0) this.#length = this.#stepsOf(transitTime, dt);
		const amount = inflow * dt;
		if (amount > 0) {
			const index = this.#length - 1;
			while (this.#slats.length <= index) this.#slats.push([]);
			this.#slats[index].push({
				amount,
				entered: amount,
				length: this.#length,
				age: 0,
				taken: this.settings.leaks.map(() => 0)
			});
		}
		if (this.settings.discrete) {
			const unit = Math.floor(t - start + EPSILON);
			if (unit !== this.#unitIndex) {
				this.#unitIndex = unit;
				this.#unitTotal = 0;
			}
			this.#unitTotal += amount;
		}
	}

	/** Works out step n's leaks and outflow once; later calls in the step (RK stages) reuse them. */
	#work(n: number, dt: number, arrest: number, fractions: readonly number[]): void {
		if (this.#step === n) return;
		this.#step = n;
		this.#frozen = arrest !== 0;
		this.#leaked.fill(0);
		this.#out = 0;
		if (this.#frozen) return;
		const leaks = this.settings.leaks;
		for (const slat of this.#slats)
			for (const p of slat) {
				let left = p.amount;
				for (let j = 0; j < leaks.length && j < fractions.length; j++) {
					const wanted = this.#leakOf(j, fractions[j], p.amount, p.entered, p.length, p.age, dt);
					const taken = Math.max(0, Math.min(left, wanted));
					p.taken[j] = taken;
					left -= taken;
					this.#leaked[j] += taken;
				}
			}
		// Whole units only: the carried fractions and this step's leak, rounded down to whole
		// units; what is held back stays on the belt and is carried to the next step.
		for (let j = 0; j < leaks.length; j++) {
			if (!leaks[j].integers) continue;
			const wanted = this.#leaked[j];
			const whole = Math.floor(this.#carry[j] + wanted + EPSILON);
			// Shared out in proportion to what each parcel would have leaked, as far as it holds.
			const scale = wanted > 0 ? whole / wanted : 0;
			let taken = 0;
			for (const slat of this.#slats)
				for (const p of slat) {
					let others = 0;
					for (let k = 0; k < p.taken.length; k++) if (k !== j) others += p.taken[k];
					p.taken[j] = Math.min(p.taken[j] * scale, Math.max(0, p.amount - others));
					taken += p.taken[j];
				}
			this.#carry[j] = Math.max(0, this.#carry[j] + wanted - taken);
			this.#leaked[j] = taken;
		}
		for (const p of this.#slats[0] ?? []) {
			let left = p.amount;
			for (const taken of p.taken) left -= taken;
			this.#out += left > 0 ? left : 0;
		}
	}

	/** What leak `j` wants from a parcel at this age, before the parcel runs out. */
	#leakOf(
		j: number,
		fraction: number,
		amount: number,
		entered: number,
		length: number,
		age: number,
		dt: number
	): number {
		const zone = this.settings.leaks[j];
		if (!zone || !(fraction > 0)) return 0;
		const at = age / length;
		if (at + EPSILON < zone.start || at + EPSILON >= zone.end) return 0;
		if (this.settings.exponential) return amount * fraction * dt;
		const steps = Math.ceil(zone.end * length - EPSILON) - Math.ceil(zone.start * length - EPSILON);
		return steps > 0 ? (fraction * entered) / steps : 0;
	}

	#stepsOf(transitTime: number, dt: number): number {
		const steps = Math.round(transitTime / dt);
		return Number.isFinite(steps) && steps >= 1 ? steps : 1;
	}
}

/** Whether a point `steps` DTs from the end of the belt falls on a whole time unit. */
function isWholeUnit(steps: number, dt: number): boolean {
	const time = steps * dt;
	return Math.abs(time - Math.round(time)) < EPSILON;
}
