/**
 * `flowbook bench [--json] [--runs N]` (npm run bench)
 *
 * The engine against a hand-written Float64Array loop of the same equations, in the same process:
 * a chain of N stocks (inflow 10 into stock 1; stock i drains into stock i+1 at S_i / k_i with
 * k_i = 2 + (i mod 5); the last drains out), time 0 to 1000, DT 0.125, saving every 1, under Euler
 * and RK4. Both save the same values (every stock and flow at every saved time). Reports the
 * median of the timed runs after warm-up. The same chain as one stock arrayed over N elements
 * runs against the scalar chain (same answer first, then the two timed in alternation, so load
 * from other work falls on both). Then compile and run time of the largest model in models/
 * (model A), and of WRLD3-03 and C-LEARN from ../shared/models-public when they are there.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './args';
import { repoRoot } from './repo-root';
import { loadModelFile } from './load-model';
import { timeLoops } from './bench-loops';
import { compileModel } from '../lib/engine';
import type { IntegrationMethod, Model, Variable } from '../lib/model/types';

const START = 0;
const STOP = 1000;
const DT = 0.125;
const SAVE_EVERY = 8;

export function chainModel(n: number, method: IntegrationMethod): Model {
	const variables: Variable[] = [];
	variables.push({ id: 'inflow', kind: 'flow', name: 'inflow', equation: '10' });
	for (let i = 1; i <= n; i++) {
		variables.push({
			id: `s${i}`,
			kind: 'stock',
			name: `S${i}`,
			initial: '0',
			inflows: [i === 1 ? 'inflow' : `f${i - 1}`],
			outflows: [`f${i}`]
		});
		variables.push({ id: `k${i}`, kind: 'aux', name: `k${i}`, equation: String(2 + (i % 5)) });
		variables.push({ id: `f${i}`, kind: 'flow', name: `f${i}`, equation: `S${i} / k${i}` });
	}
	return {
		simSpecs: { start: START, stop: STOP, dt: DT, saveStep: DT * SAVE_EVERY, method },
		variables
	};
}

/**
 * The same chain as one arrayed stock: S[stage] over a dimension of n elements, drained by
 * f[stage] = S / k and filled by into[stage], the previous stage's outflow (10 into the first).
 * k[stage] = 2 + stage MOD 5 is the scalar chain's k_i. Flows come before the flows that read
 * them, so each array's elements stay side by side in the generated code.
 */
export function arrayedChainModel(n: number, method: IntegrationMethod): Model {
	return {
		simSpecs: { start: START, stop: STOP, dt: DT, saveStep: DT * SAVE_EVERY, method },
		dimensions: [{ name: 'stage', size: n }],
		variables: [
			{
				id: 's',
				kind: 'stock',
				name: 'S',
				initial: '0',
				inflows: ['into'],
				outflows: ['f'],
				dimensions: ['stage']
			},
			{ id: 'k', kind: 'aux', name: 'k', equation: '2 + stage MOD 5', dimensions: ['stage'] },
			{ id: 'f', kind: 'flow', name: 'f', equation: 'S / k', dimensions: ['stage'] },
			{
				id: 'into',
				kind: 'flow',
				name: 'into',
				equation: 'IF stage = 1 THEN 10 ELSE f[stage - 1]',
				dimensions: ['stage']
			}
		]
	};
}

/** The same chain written by hand: what a careful programmer would write for this one model. */
export function handWrittenChain(
	n: number,
	method: IntegrationMethod
): { stocks: Float64Array; flows: Float64Array } {
	const k = new Float64Array(n);
	for (let i = 0; i < n; i++) k[i] = 2 + ((i + 1) % 5);
	const steps = Math.round((STOP - START) / DT);
	const rows = Math.floor(steps / SAVE_EVERY) + 1;
	const savedStocks = new Float64Array(rows * n);
	const savedFlows = new Float64Array(rows * n);
	const s = new Float64Array(n);
	const f = new Float64Array(n);
	const derivative = (state: Float64Array, out: Float64Array) => {
		for (let i = 0; i < n; i++) f[i] = state[i] / k[i];
		out[0] = 10 - f[0];
		for (let i = 1; i < n; i++) out[i] = f[i - 1] - f[i];
	};
	const k1 = new Float64Array(n);
	const k2 = new Float64Array(n);
	const k3 = new Float64Array(n);
	const k4 = new Float64Array(n);
	const tmp = new Float64Array(n);
	let row = 0;
	for (let step = 0; ; step++) {
		derivative(s, k1);
		if (step % SAVE_EVERY === 0) {
			savedStocks.set(s, row * n);
			savedFlows.set(f, row * n);
			row++;
		}
		if (step === steps) break;
		if (method === 'euler') {
			for (let i = 0; i < n; i++) s[i] += DT * k1[i];
		} else {
			for (let i = 0; i < n; i++) tmp[i] = s[i] + (DT / 2) * k1[i];
			derivative(tmp, k2);
			for (let i = 0; i < n; i++) tmp[i] = s[i] + (DT / 2) * k2[i];
			derivative(tmp, k3);
			for (let i = 0; i < n; i++) tmp[i] = s[i] + DT * k3[i];
			derivative(tmp, k4);
			for (let i = 0; i < n; i++) s[i] += (DT / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
		}
	}
	return { stocks: savedStocks, flows: savedFlows };
}

function median(xs: number[]): number {
	const sorted = [...xs].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median milliseconds per call. A sample repeats the call until it has taken at least 25 ms, so
 * that runs of a millisecond are not lost in timer noise and garbage collection.
 */
function time(fn: () => unknown, runs: number, warmup: number): number {
	for (let i = 0; i < warmup; i++) fn();
	const t0 = performance.now();
	fn();
	const once = Math.max(performance.now() - t0, 0.01);
	const batch = Math.max(1, Math.ceil(25 / once));
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		for (let b = 0; b < batch; b++) fn();
		samples.push((performance.now() - start) / batch);
	}
	return median(samples);
}

/**
 * Two calls timed in alternation, sample by sample, so that a machine busy with other work
 * slows both alike: their medians, and the median of the per-sample ratios b ÷ a.
 */
function timePair(
	a: () => unknown,
	b: () => unknown,
	runs: number,
	warmup: number
): { a: number; b: number; ratio: number } {
	for (let i = 0; i < warmup; i++) {
		a();
		b();
	}
	const t0 = performance.now();
	a();
	const once = Math.max(performance.now() - t0, 0.01);
	const batch = Math.max(1, Math.ceil(25 / once));
	const sample = (fn: () => unknown) => {
		const start = performance.now();
		for (let k = 0; k < batch; k++) fn();
		return (performance.now() - start) / batch;
	};
	const as: number[] = [];
	const bs: number[] = [];
	const ratios: number[] = [];
	for (let i = 0; i < runs; i++) {
		const x = sample(a);
		const y = sample(b);
		as.push(x);
		bs.push(y);
		ratios.push(y / x);
	}
	return { a: median(as), b: median(bs), ratio: median(ratios) };
}

interface Row {
	case: string;
	n: number;
	method: string;
	ms: number;
	baselineMs: number | null;
	ratio: number | null;
}

function largestExample(): string | undefined {
	const folder = join(repoRoot(), 'models');
	let best: { path: string; size: number } | undefined;
	for (const name of readdirSync(folder)) {
		if (!name.endsWith('.flowbook.json')) continue;
		const path = join(folder, name);
		const size = statSync(path).size;
		if (!best || size > best.size) best = { path, size };
	}
	return best?.path;
}

/** Compile and run times of one model file, each the median of `runs`. */
function timeModel(path: string, runs: number): Row[] {
	const loaded = loadModelFile(path);
	const name = path.split('/').pop()!;
	const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
	if (errors.length) throw new Error(`${name}: ${errors.map((d) => d.message).join('; ')}`);
	const compileMs = time(() => compileModel(loaded.model), runs, 3);
	const compiled = compileModel(loaded.model);
	if (!compiled.ok)
		throw new Error(`${name}: ${compiled.diagnostics.map((d) => d.message).join('; ')}`);
	const runMs = time(() => compiled.simulation.run(), runs, 3);
	const row = {
		n: loaded.model.variables.length,
		method: loaded.model.simSpecs.method ?? 'euler',
		baselineMs: null,
		ratio: null
	};
	return [
		{ ...row, case: `compile ${name}`, ms: round(compileMs) },
		{ ...row, case: `run ${name}`, ms: round(runMs) }
	];
}

export const usage = `usage: flowbook bench [--json] [--runs N]   (npm run bench)

Times the engine against a hand-written loop (a chain of N stocks, Euler and RK4), then model A,
WRLD3-03 and C-LEARN when ../shared/models-public has them. Prints figures; never fails on them.`;

function bench(argv: readonly string[]): number {
	const args = parseArgs(argv, { flags: ['json', 'help'], options: ['runs'] });
	if (!args.ok) {
		console.error(`bench: ${args.message}`);
		return 2;
	}
	if (args.flags.has('help')) {
		console.log(usage);
		return 0;
	}
	const runs = Math.max(10, Number(args.options.get('runs') ?? 15));
	const json = args.flags.has('json');
	const rows: Row[] = [];
	const report = (row: Row) => {
		rows.push(row);
		if (json) console.log(JSON.stringify(row));
	};

	for (const n of [10, 100, 1000]) {
		for (const method of ['euler', 'rk4'] as const) {
			const compiled = compileModel(chainModel(n, method));
			if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('; '));
			const sim = compiled.simulation;
			// Same answer first: a fast wrong engine is no result.
			const check = sim.run();
			const hand = handWrittenChain(n, method);
			const last = check.times.length - 1;
			const ours = sim.seriesOf(check, `S${n}`)![last];
			const theirs = hand.stocks[last * n + n - 1];
			if (Math.abs(ours - theirs) > 1e-9 * Math.max(1, Math.abs(theirs)))
				throw new Error(`chain ${n} ${method}: engine ${ours} ≠ hand-written ${theirs}`);
			const warmup = n === 1000 ? 3 : 5;
			const baselineMs = time(() => handWrittenChain(n, method), runs, warmup);
			const ms = time(() => sim.run(), runs, warmup);
			report({
				case: 'chain',
				n,
				method,
				ms: round(ms),
				baselineMs: round(baselineMs),
				ratio: round(ms / baselineMs)
			});

			// The same chain as one arrayed stock, against the scalar chain just timed.
			const arrayed = compileModel(arrayedChainModel(n, method));
			if (!arrayed.ok) throw new Error(arrayed.diagnostics.map((d) => d.message).join('; '));
			const arrayedSim = arrayed.simulation;
			const arrayedLast = arrayedSim.seriesOf(arrayedSim.run(), `S[${n}]`)![last];
			if (arrayedLast !== ours)
				throw new Error(`arrayed chain ${n} ${method}: ${arrayedLast} ≠ scalar chain ${ours}`);
			const pair = timePair(
				() => sim.run(),
				() => arrayedSim.run(),
				runs,
				warmup
			);
			report({
				case: 'arrayed chain (÷ scalar chain)',
				n,
				method,
				ms: round(pair.b),
				baselineMs: round(pair.a),
				ratio: round(pair.ratio)
			});
		}
	}

	// Model A (the largest example), then the big public Vensim models when ../shared has them.
	const example = largestExample();
	const publicModels = join(repoRoot(), '../shared/models-public');
	const models = [
		example,
		...['wrld3-03.mdl', 'C-LEARN-v77.mdl']
			.map((name) => join(publicModels, name))
			.filter((path) => existsSync(path))
	].filter((path): path is string => path !== undefined);
	for (const path of models) for (const row of timeModel(path, runs)) report(row);
	if (example) for (const row of timeLoops(example, runs, timePair)) report(row);

	if (!json) {
		console.log('case                                   n  method      ms  baseline ms  ratio');
		for (const r of rows) {
			console.log(
				`${r.case.padEnd(34)} ${String(r.n).padStart(5)}  ${r.method.padEnd(6)} ${r.ms.toFixed(2).padStart(8)}  ${r.baselineMs === null ? '           -' : r.baselineMs.toFixed(2).padStart(11)}  ${r.ratio === null ? '    -' : r.ratio.toFixed(2).padStart(5)}`
			);
		}
		for (const n of [10, 100, 1000]) {
			const euler = rows.find((r) => r.case === 'chain' && r.n === n && r.method === 'euler')!;
			const rk4 = rows.find((r) => r.case === 'chain' && r.n === n && r.method === 'rk4')!;
			console.log(`RK4 ÷ Euler at N = ${n}: ${(rk4.ms / euler.ms).toFixed(2)} (target ≤ 4.5)`);
		}
		console.log('target: engine ÷ hand-written ≤ 1.5 at every N, Euler and RK4');
		console.log('target: arrayed chain ÷ scalar chain ≤ 1.2 at every N, Euler and RK4');
		console.log('target: loop scores ÷ plain run of model A ≤ 2 (discovery once per model, apart)');
		console.log(
			'for scale: Simlin reports a WRLD3 run in 1.3 ms (native) and C-LEARN in 110 ms (WebAssembly)'
		);
	}
	return 0;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** `flowbook bench`: 0, or 1 with the problem on stderr. */
export async function main(argv: readonly string[]): Promise<number> {
	try {
		return bench(argv);
	} catch (e) {
		console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
		return 1;
	}
}
