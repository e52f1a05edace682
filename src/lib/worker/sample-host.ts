/**
 * A pool worker: the simulation host plus blocks of Monte Carlo samples. A block runs many samples
 * in one message and sends back only the outputs it was asked for, each packed into one buffer and
 * transferred, so 1,000 runs cost the page a few dozen small messages instead of 1,000 whole results.
 * At the end each worker takes the percentiles of its share of the saved times.
 */
import * as Comlink from 'comlink';
import type { RunResult, Simulation } from '../engine/api';
import { blockBands } from '../engine/percentiles';
import { InputError, type Diagnostic } from '../model/diagnostics';
import { canonicalName } from '../model/names';
import { SimulationHost } from './host';
import type {
	PercentileRequest,
	PoolWorkerApi,
	SampleBlock,
	SampleBlockReply,
	SampleProblem
} from './protocol';

export class SampleHost extends SimulationHost implements PoolWorkerApi {
	runSamples(block: SampleBlock): SampleBlockReply {
		const reply = runSampleBlock(this.compiled, block);
		return Comlink.transfer(reply, [
			reply.times.buffer as ArrayBuffer,
			...reply.columns.map((c) => c.buffer as ArrayBuffer)
		]);
	}

	percentiles({ blocks, percentiles, from, to }: PercentileRequest): Float64Array[] {
		const bands = blockBands(blocks, percentiles, from, to);
		return Comlink.transfer(
			bands,
			bands.map((b) => b.buffer as ArrayBuffer)
		);
	}
}

/** Runs each sample of `block` on the compiled model and packs the chosen outputs (see SampleBlockReply). */
export function runSampleBlock(
	compiled: { simulation: Simulation | undefined; diagnostics: readonly Diagnostic[] },
	block: SampleBlock
): SampleBlockReply {
	const { first, names, values, seeds, outputs } = block;
	const count = seeds.length;
	const { simulation } = compiled;
	if (!simulation) {
		const diagnostic = compiled.diagnostics.find((d) => d.severity === 'error') ?? {
			severity: 'error',
			message: 'there is no model to run yet'
		};
		const problems = Array.from({ length: count }, (_, i) => ({ sample: first + i, diagnostic }));
		return {
			first,
			count,
			times: new Float64Array(0),
			rows: 0,
			columns: outputs.map(() => new Float64Array(0)),
			unknown: [],
			problems,
			ran: 0,
			ms: 0
		};
	}

	const saved = new Set(simulation.outputs.map(canonicalName));
	const known = outputs.filter((name) => saved.has(canonicalName(name)));
	const unknown = outputs.filter((name) => !saved.has(canonicalName(name)));
	// Where each requested output sits among the series of a run that saves only the known ones.
	const wanted = outputs.map((name) =>
		saved.has(canonicalName(name)) ? known.indexOf(name) : undefined
	);
	// Each run's series of each requested output: small, since the run saved only these.
	const kept = wanted.map(() => new Array<Float64Array | undefined>(count));
	const problems: SampleProblem[] = [];
	let times: Float64Array = new Float64Array(0);
	let ran = 0;
	let ms = 0;
	const width = names.length;
	const overrides: Record<string, number> = {};
	for (let i = 0; i < count; i++) {
		for (let j = 0; j < width; j++) overrides[names[j]] = values[i * width + j];
		const started = performance.now();
		let result: RunResult;
		try {
			result = simulation.run({ overrides, seed: seeds[i], outputs: known });
		} catch (e) {
			problems.push({ sample: first + i, diagnostic: problemOf(e) });
			continue;
		}
		ms += performance.now() - started;
		ran++;
		if (result.error) problems.push({ sample: first + i, diagnostic: result.error });
		if (result.times.length > times.length) times = result.times;
		wanted.forEach((w, k) => {
			if (w !== undefined) kept[k][i] = result.series[w];
		});
	}

	const rows = times.length;
	const columns = kept.map((runs) => {
		const column = new Float64Array(count * rows).fill(NaN);
		runs.forEach((series, i) => series && column.set(series, i * rows));
		return column;
	});
	return { first, count, times, rows, columns, unknown, problems, ran, ms };
}

function problemOf(e: unknown): Diagnostic {
	if (e instanceof InputError) return e.diagnostics[0];
	return { severity: 'error', message: e instanceof Error ? e.message : String(e) };
}
