/**
 * `flowbook bench-sensitivity [--runs N] [--pool P] [--output name] [model.flowbook.json]`
 * (npm run bench:sensitivity)
 *
 * Where the time of a sensitivity analysis goes, under Node, on model A (whole-system flow) unless
 * told otherwise. In one thread: a full run (every variable saved, as the live run does: "one
 * run's time"), a run that saves only the charted output, and the same through a sample block
 * (packing included). Then N samples through the page's pool (SimulationPool.runSamples) on P
 * worker threads, and the percentiles the page has the pool take afterwards, with their wall time
 * against the target 1.4 × N × one run's time ÷ P. A benchmark: it prints figures and never fails on them.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parseArgs } from './args';
import { loadModelFile } from './load-model';
import { repoRoot } from './repo-root';
import { builtWorkerPath } from './worker-path';
import { compileModel } from '../lib/engine';
import { readDocument } from '../lib/model/document';
import type { RunBlock } from '../lib/engine/percentiles';
import { FAN, defaultDistribution, drawSamples } from '../lib/notebook/sensitivity';
import { packSamples } from '../lib/notebook/sensitivity.svelte';
import { SimulationPool, type WorkerHandle } from '../lib/worker/pool';
import type { PoolWorkerApi } from '../lib/worker/protocol';
import { runSampleBlock } from '../lib/worker/sample-host';

const MODEL_A = 'models/whole-system-flow.flowbook.json';
const OUTPUT = 'occupancy';

/** A worker thread running the built pool worker (dist-cli/pool-worker.js). */
function spawnWorker(): WorkerHandle {
	const worker = new Worker(builtWorkerPath('pool-worker'));
	const api = Comlink.wrap<PoolWorkerApi>(nodeEndpoint(worker));
	return { api: api as unknown as WorkerHandle['api'], terminate: () => void worker.terminate() };
}

/** Milliseconds per call of `fn`, over `n` calls. */
function perCall(n: number, fn: (i: number) => unknown): number {
	const started = performance.now();
	for (let i = 0; i < n; i++) fn(i);
	return (performance.now() - started) / n;
}

const ms = (x: number) => `${x.toFixed(2)} ms`;
const s = (x: number) => `${(x / 1000).toFixed(2)} s`;

export const usage = `usage: flowbook bench-sensitivity [--runs N] [--pool P] [--output name] [model.flowbook.json]
   (npm run bench:sensitivity)

Where the time of a sensitivity analysis goes: one thread, then N samples through the page's pool
on P worker threads, against the target 1.4 × N × one run's time ÷ P. Prints figures only.`;

async function benchSensitivity(argv: readonly string[]): Promise<number> {
	const args = parseArgs(argv, {
		flags: ['help'],
		options: ['runs', 'pool', 'output']
	});
	if (!args.ok) {
		console.error(`bench:sensitivity: ${args.message}`);
		return 2;
	}
	if (args.flags.has('help')) {
		console.log(usage);
		return 0;
	}
	const runs = Number(args.options.get('runs') ?? 1000);
	const size = Number(args.options.get('pool') ?? Math.min(8, availableParallelism()));
	const path = args.positionals[0] ?? join(repoRoot(), MODEL_A);
	const { model } = loadModelFile(path);
	const compiled = compileModel(model);
	if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('; '));
	const sim = compiled.simulation;
	// What a new sensitivity cell varies: the notebook's first lever over its range.
	const lever = path.endsWith('.json')
		? readDocument(readFileSync(path, 'utf8')).document.levers[0]
		: undefined;
	const name = lever
		? (model.variables.find((v) => v.id === lever.variable)?.name ?? lever.variable)
		: sim.constants[0];
	const parameters = [
		{ name, distribution: lever ? defaultDistribution(0, lever) : defaultDistribution(1) }
	];
	const output =
		args.options.get('output') ?? (sim.outputs.includes(OUTPUT) ? OUTPUT : sim.outputs[0]);
	const job = packSamples(drawSamples(parameters, runs, 1), parameters, [output]);
	const options = (i: number) => ({ overrides: { [name]: job.values[i] }, seed: job.seeds[i] });

	console.log(
		`${path.split('/').pop()}: ${sim.outputs.length} saved variables, ${sim.run().times.length} saved times; varying ${name}, charting ${output}`
	);
	const warm = Math.min(50, runs);
	perCall(warm, (i) => sim.run(options(i)));
	const sample = Math.min(200, runs);
	const full = perCall(sample, (i) => sim.run(options(i)));
	const kept = perCall(sample, (i) => sim.run({ ...options(i), outputs: [output] }));
	const block =
		perCall(sample / 20, (b) =>
			runSampleBlock(
				{ simulation: sim, diagnostics: [] },
				{
					...job,
					first: b * 20,
					values: job.values.slice(b * 20, b * 20 + 20),
					seeds: job.seeds.slice(b * 20, b * 20 + 20),
					outputs: [output]
				}
			)
		) / 20;
	console.log(
		`one thread, ${sample} runs each: full run ${ms(full)} (one run's time); saving only ${output} ${ms(kept)}; in a block of 20, packed ${ms(block)}`
	);

	const pool = new SimulationPool(spawnWorker, size);
	await pool.setModel(model);
	const blocks: RunBlock[] = [];
	let messages = 0;
	let ran = 0;
	let inWorkers = 0;
	let times: Float64Array = new Float64Array(0);
	const started = performance.now();
	await pool.runSamples(job, {
		onBlock: (reply) => {
			messages++;
			ran += reply.ran;
			inWorkers += reply.ms;
			if (reply.rows > times.length) times = reply.times;
			blocks.push({ values: reply.columns[0], count: reply.count, rows: reply.rows });
		}
	});
	const wall = performance.now() - started;
	const banding = performance.now();
	await pool.percentiles(blocks, times.length, FAN);
	const bands = performance.now() - banding;
	pool.dispose();
	// The machine may be shared: time a full run again after the pool, and take the mean of both.
	const fullAfter = perCall(sample, (i) => sim.run(options(i)));
	const runTime = (full + fullAfter) / 2;
	console.log(
		`one thread again after the pool: full run ${ms(fullAfter)}; one run's time, the mean, ${ms(runTime)}`
	);

	const ideal = (runs * runTime) / size;
	const total = wall + bands;
	console.log(
		`${runs} samples on a pool of ${size} worker threads: ${s(wall)} in ${messages} blocks (${(runs / messages).toFixed(1)} samples each), then ${ms(bands)} of percentiles`
	);
	console.log(
		`  a run took ${ms(inWorkers / Math.max(1, ran))} inside the workers; ideal ${runs} × ${ms(runTime)} ÷ ${size} = ${s(ideal)}, target 1.4 × that = ${s(1.4 * ideal)}`
	);
	console.log(
		`  runs and percentiles ${s(total)}: ${(total / ideal).toFixed(2)} of the ideal, target ${total <= 1.4 * ideal ? 'met' : 'missed'}`
	);
	return 0;
}

/** `flowbook bench-sensitivity`: 0, or 1 with the problem on stderr. */
export async function main(argv: readonly string[]): Promise<number> {
	try {
		return await benchSensitivity(argv);
	} catch (e) {
		console.error(`bench:sensitivity: ${e instanceof Error ? e.message : String(e)}`);
		return 1;
	}
}
