/**
 * The belt on its own, against analytic answers: material leaves exactly one transit time after
 * it came on; nothing is made or lost (what came on = what came off + what leaked + what is on
 * the belt); steady-state contents are isee's ("Steady-state initialization of conveyors":
 * linear inflow·T − (N − 1)·f·inflow·DT/2, exponential inflow·(1 − (1 − f·DT)^N)/f).
 */
import { describe, expect, it } from 'vitest';
import { Belt, type BeltSettings } from './conveyor-belt';

const plain: BeltSettings = { leaks: [], exponential: false, discrete: false };

/** Runs a belt for `steps` DTs, `inflow(n)` coming on at step n; returns what it did. */
function drive(
	belt: Belt,
	{
		dt,
		steps,
		inflow,
		transitTime = () => 5,
		fractions = [],
		arrest = () => 0,
		sample = () => 1
	}: {
		dt: number;
		steps: number;
		inflow: (n: number) => number;
		transitTime?: (n: number) => number;
		fractions?: number[];
		arrest?: (n: number) => number;
		sample?: (n: number) => number;
	}
) {
	const out: number[] = [];
	const leaks: number[][] = fractions.map(() => []);
	const contents: number[] = [];
	let cameOn = 0;
	for (let n = 0; n < steps; n++) {
		contents.push(belt.contents);
		out.push(belt.outflow(n, dt, arrest(n), fractions));
		fractions.forEach((_, j) => leaks[j].push(belt.leak(n, dt, j, arrest(n), fractions)));
		const admitted = arrest(n) !== 0 ? 0 : inflow(n);
		cameOn += admitted * dt;
		belt.advance(n, n * dt, 0, dt, admitted, transitTime(n), sample(n), arrest(n));
	}
	return { out, leaks, contents, cameOn, end: belt.contents };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('a conveyor belt', () => {
	it('started at 50 over 5 days with 10 a day coming on stays at 50 and delivers 10 a day', () => {
		const belt = new Belt(plain);
		belt.fill(50, 5, 1, []);
		const { out, contents } = drive(belt, { dt: 1, steps: 12, inflow: () => 10 });
		expect(out).toEqual(Array(12).fill(10));
		expect(contents).toEqual(Array(12).fill(50));
	});

	it('delivers what came on exactly one transit time later, whatever the DT', () => {
		for (const dt of [1, 0.5, 0.25]) {
			const belt = new Belt(plain);
			belt.fill(0, 3, dt, []);
			// 4 a time unit for one DT at time 1, so 4·DT came on.
			const on = 1 / dt;
			const { out } = drive(belt, {
				dt,
				steps: 12 / dt,
				inflow: (n) => (n === on ? 4 : 0),
				transitTime: () => 3
			});
			const off = out.findIndex((x) => x > 0);
			expect(off * dt).toBe(1 + 3);
			expect(out[off] * dt).toBeCloseTo(4 * dt, 12);
			expect(sum(out)).toBeCloseTo(4, 12);
		}
	});

	it('gives new material the transit time in force when it came on (varying transit time)', () => {
		const belt = new Belt(plain);
		belt.fill(0, 2, 1, []);
		// A parcel at time 0 with transit time 2, one at time 1 with transit time 5.
		const { out } = drive(belt, {
			dt: 1,
			steps: 10,
			inflow: (n) => (n <= 1 ? 1 : 0),
			transitTime: (n) => (n === 0 ? 2 : 5)
		});
		expect(out.map((x, n) => (x > 0 ? n : -1)).filter((n) => n >= 0)).toEqual([2, 6]);
	});

	it('keeps the transit time last sampled', () => {
		const belt = new Belt(plain);
		belt.fill(0, 2, 1, []);
		// Sampled only at step 0 (2): later changes to 6 are not taken up.
		const { out } = drive(belt, {
			dt: 1,
			steps: 8,
			inflow: (n) => (n === 3 ? 1 : 0),
			transitTime: (n) => (n === 0 ? 2 : 6),
			sample: (n) => (n === 0 ? 1 : 0)
		});
		expect(out.findIndex((x) => x > 0)).toBe(3 + 2);
	});

	it('leaks the linear fraction of each parcel by the end, and conserves material', () => {
		const belt = new Belt({ ...plain, leaks: [{ start: 0, end: 1, integers: false }] });
		belt.fill(0, 4, 1, [0.2]);
		const { out, leaks, cameOn, contents } = drive(belt, {
			dt: 1,
			steps: 10,
			inflow: (n) => (n === 0 ? 10 : 0),
			transitTime: () => 4,
			fractions: [0.2]
		});
		expect(out[4]).toBeCloseTo(8, 12);
		// 0.2 · 10 / 4 steps = 0.5 a step, on each of the 4 steps it rides.
		expect(leaks[0].slice(1, 5)).toEqual([0.5, 0.5, 0.5, 0.5]);
		expect(sum(out) + sum(leaks[0]) + contents.at(-1)!).toBeCloseTo(cameOn, 12);
	});

	it('leaks only inside the leak zone, the whole fraction all the same', () => {
		const belt = new Belt({ ...plain, leaks: [{ start: 0.5, end: 1, integers: false }] });
		belt.fill(0, 4, 1, [0.2]);
		const { out, leaks } = drive(belt, {
			dt: 1,
			steps: 8,
			inflow: (n) => (n === 0 ? 10 : 0),
			transitTime: () => 4,
			fractions: [0.2]
		});
		// On the belt at steps 1–4 (ages 0–3); the second half is ages 2 and 3.
		expect(leaks[0].slice(0, 6)).toEqual([0, 0, 0, 1, 1, 0]);
		expect(out[4]).toBeCloseTo(8, 12);
	});

	it('leaks exponentially: the fraction · DT of what is left, each step', () => {
		const belt = new Belt({
			leaks: [{ start: 0, end: 1, integers: false }],
			exponential: true,
			discrete: false
		});
		belt.fill(0, 2, 0.5, [0.4]);
		const { out, leaks, cameOn, contents } = drive(belt, {
			dt: 0.5,
			steps: 10,
			inflow: (n) => (n === 0 ? 10 : 0),
			transitTime: () => 2,
			fractions: [0.4]
		});
		// 5 came on; 4 steps each keeping 1 − 0.4·0.5 = 0.8.
		expect(out[4] * 0.5).toBeCloseTo(5 * 0.8 ** 4, 12);
		expect(sum(out) * 0.5 + sum(leaks[0]) * 0.5 + contents.at(-1)!).toBeCloseTo(cameOn, 12);
	});

	it.each([
		[
			'linear',
			false,
			(i: number, T: number, f: number, dt: number) => i * T - ((T / dt - 1) * f * i * dt) / 2
		],
		[
			'exponential',
			true,
			(i: number, T: number, f: number, dt: number) => (i * (1 - (1 - f * dt) ** (T / dt))) / f
		]
	])(
		'holds isee’s steady-state contents with %s leakage, and starts there',
		(_, exponential, formula) => {
			const [inflow, T, f, dt] = [12, 3, 0.3, 0.25];
			const settings = {
				leaks: [{ start: 0, end: 1, integers: false }],
				exponential,
				discrete: false
			};
			const running = new Belt(settings);
			running.fill(0, T, dt, [f]);
			const ran = drive(running, {
				dt,
				steps: 40,
				inflow: () => inflow,
				transitTime: () => T,
				fractions: [f]
			});
			expect(ran.contents.at(-1)).toBeCloseTo(formula(inflow, T, f, dt), 10);
			// Started at that value, the belt is already steady: the outflow is the same from the start.
			const started = new Belt(settings);
			started.fill(formula(inflow, T, f, dt), T, dt, [f]);
			const steady = drive(started, {
				dt,
				steps: 20,
				inflow: () => inflow,
				transitTime: () => T,
				fractions: [f]
			});
			for (const x of steady.out) expect(x).toBeCloseTo(ran.out.at(-1)!, 10);
		}
	);

	it('leaks whole units only, carrying the fractions', () => {
		const belt = new Belt({ ...plain, leaks: [{ start: 0, end: 1, integers: true }] });
		belt.fill(0, 4, 1, [0.1]);
		const { leaks, out, cameOn, end } = drive(belt, {
			dt: 1,
			steps: 30,
			inflow: () => 3,
			transitTime: () => 4,
			fractions: [0.1]
		});
		for (const x of leaks[0]) expect(Number.isInteger(Math.round(x * 1e9) / 1e9)).toBe(true);
		expect(sum(leaks[0])).toBeGreaterThan(0);
		expect(sum(out) + sum(leaks[0]) + end).toBeCloseTo(cameOn, 9);
	});

	it('stands still while arrested: nothing comes on, moves, leaks or comes off', () => {
		const belt = new Belt(plain);
		belt.fill(50, 5, 1, []);
		const { out, contents } = drive(belt, {
			dt: 1,
			steps: 8,
			inflow: () => 10,
			arrest: (n) => (n >= 2 && n < 5 ? 1 : 0)
		});
		expect(out).toEqual([10, 10, 0, 0, 0, 10, 10, 10]);
		expect(contents).toEqual(Array(8).fill(50));
	});

	it('has room for what capacity leaves once this step’s outflow is off, and the inflow limit', () => {
		const belt = new Belt(plain);
		belt.fill(50, 5, 1, []);
		// Capacity 55 with 50 on and 10 leaving: 15 may come on; the limit 12 a time unit wins.
		expect(belt.room(0, 0, 1, 55, Infinity, 0, 50, 10)).toBe(15);
		expect(belt.room(0, 0, 1, 55, 12, 0, 50, 10)).toBe(12);
		expect(belt.room(0, 0, 1, 55, 12, 1, 50, 10)).toBe(0);
	});

	it('discrete: starts with its material at whole time units, and takes a time unit’s limit at once', () => {
		const belt = new Belt({ ...plain, discrete: true });
		belt.fill(20, 2, 0.5, []);
		const { out } = drive(belt, { dt: 0.5, steps: 4, inflow: () => 0, transitTime: () => 2 });
		// 10 at each of the two whole time units on the belt, coming off as one DT's worth each.
		expect(out.map((x) => x * 0.5)).toEqual([10, 0, 10, 0]);
		expect(belt.room(0, 0, 0.5, Infinity, 6, 0, 0, 0)).toBe(12);
	});
});
