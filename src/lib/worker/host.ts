/**
 * What a simulation worker does, as a plain class so it can be tested under Node: it holds one
 * compiled model and runs it. Results leave by transfer, not copy: every series of a RunResult is a
 * view into one ArrayBuffer (see engine/program.ts), so a run moves two buffers, whatever its size.
 */
import * as Comlink from 'comlink';
import { checkModel, compileModel } from '../engine';
import type { RunOptions, RunResult, Simulation } from '../engine/api';
import { InputError, type Diagnostic } from '../model/diagnostics';
import type { Model } from '../model/types';
import { analyseLoops } from '../engine/loops';
import type {
	BatchItem,
	BatchReply,
	CompileSummary,
	LoopsReply,
	LoopsRequest,
	RunReply,
	SimulationApi
} from './protocol';
import { modelWarnings, NO_WARNINGS, type ModelWarnings } from './warnings';

export class SimulationHost implements SimulationApi {
	#simulation: Simulation | undefined;
	#diagnostics: Diagnostic[] = [];
	#model: Model | undefined;

	compile(model: Model): CompileSummary {
		this.#model = model;
		let compiled;
		try {
			compiled = compileModel(model);
		} catch (e) {
			compiled = { ok: false as const, diagnostics: problemsOf(e) };
		}
		this.#simulation = compiled.ok ? compiled.simulation : undefined;
		this.#diagnostics = compiled.diagnostics;
		return {
			ok: compiled.ok,
			diagnostics: compiled.diagnostics,
			constants: compiled.ok ? [...compiled.simulation.constants] : [],
			outputs: compiled.ok ? [...compiled.simulation.outputs] : [],
			warnings: safely(() => modelWarnings(model, compiled.diagnostics))
		};
	}

	check(model: Model): Diagnostic[] {
		try {
			return checkModel(model);
		} catch (e) {
			return problemsOf(e);
		}
	}

	async unitWarnings(): Promise<ModelWarnings> {
		const model = this.#model;
		if (!model) return NO_WARNINGS;
		const diagnostics = this.#diagnostics;
		// mathjs is most of the units checker's weight: only a worker asked for units loads it.
		const { checkUnits } = await import('../units');
		return safely(() => modelWarnings(model, [...diagnostics, ...safeUnits(checkUnits, model)]));
	}

	/** The compiled model and the compiler's findings, for the sample blocks of a pool worker (sample-host.ts). */
	get compiled(): { simulation: Simulation | undefined; diagnostics: readonly Diagnostic[] } {
		return { simulation: this.#simulation, diagnostics: this.#diagnostics };
	}

	run(options: RunOptions = {}): RunReply {
		const reply = this.#runOne(options);
		return reply.ok ? Comlink.transfer(reply, buffersOf(reply.result)) : reply;
	}

	runBatch(items: BatchItem[]): BatchReply[] {
		const replies = items.map((item) => {
			const reply = this.#runOne(item.options);
			return {
				key: item.key,
				reply:
					reply.ok && item.outputs
						? { ...reply, result: keepOnly(reply.result, item.outputs) }
						: reply
			};
		});
		return Comlink.transfer(
			replies,
			replies.flatMap((r) => (r.reply.ok ? buffersOf(r.reply.result) : []))
		);
	}

	loops(request: LoopsRequest): LoopsReply {
		const simulation = this.#simulation;
		if (!simulation) return { ok: false, diagnostics: this.#noModel() };
		const started = performance.now();
		try {
			const analysis = analyseLoops(simulation, {
				run: { overrides: request.overrides },
				maxLoops: request.maxLoops
			});
			const reply: LoopsReply = {
				ok: true,
				time: analysis.time,
				loops: analysis.loops.map((l) => ({
					id: l.id,
					polarity: l.polarity,
					name: l.name,
					variables: l.variables,
					stocks: l.stocks,
					relativeScore: l.relativeScore.slice(),
					polarityChanges: l.polarityChanges
				})),
				discovery: {
					method: analysis.discovery.method,
					found: analysis.discovery.candidates,
					ms: analysis.discovery.ms
				},
				ms: performance.now() - started
			};
			return Comlink.transfer(reply, [
				reply.time.buffer as ArrayBuffer,
				...reply.loops.map((l) => l.relativeScore.buffer as ArrayBuffer)
			]);
		} catch (e) {
			return { ok: false, diagnostics: problemsOf(e) };
		}
	}

	#noModel(): Diagnostic[] {
		const errors = this.#diagnostics.filter((d) => d.severity === 'error');
		return errors.length
			? errors
			: [{ severity: 'error', message: 'there is no model to run yet' }];
	}

	#runOne(options: RunOptions): RunReply {
		const simulation = this.#simulation;
		if (!simulation) {
			const errors = this.#diagnostics.filter((d) => d.severity === 'error');
			return {
				ok: false,
				diagnostics: errors.length
					? errors
					: [{ severity: 'error', message: 'there is no model to run yet' }]
			};
		}
		const started = performance.now();
		try {
			const result = simulation.run(options);
			return { ok: true, result, ms: performance.now() - started };
		} catch (e) {
			return { ok: false, diagnostics: problemsOf(e) };
		}
	}
}

/** The buffers to transfer: the times, and the one buffer every series is a view of. */
export function buffersOf(result: RunResult): ArrayBuffer[] {
	const buffers = new Set<ArrayBuffer>([result.times.buffer as ArrayBuffer]);
	for (const s of result.series) buffers.add(s.buffer as ArrayBuffer);
	return [...buffers];
}

const nameKey = (name: string) =>
	name
		.toLowerCase()
		.replace(/[\s_]+/g, ' ')
		.trim();

/** The result with only the named series, copied into one new buffer (unknown names are skipped). */
export function keepOnly(result: RunResult, outputs: readonly string[]): RunResult {
	const wanted = new Set(outputs.map(nameKey));
	const kept = result.names.flatMap((name, i) => (wanted.has(nameKey(name)) ? [i] : []));
	const n = result.times.length;
	const buffer = new Float64Array(n * kept.length);
	const series = kept.map((i, k) => {
		const view = buffer.subarray(k * n, (k + 1) * n);
		view.set(result.series[i].subarray(0, n));
		return view;
	});
	return {
		...result,
		times: result.times.slice(),
		names: kept.map((i) => result.names[i]),
		series
	};
}

/** Marks are a help, never a reason for a compile or a run to fail. */
function safely(work: () => ModelWarnings): ModelWarnings {
	try {
		return work();
	} catch {
		return NO_WARNINGS;
	}
}

function safeUnits(check: (model: Model) => Diagnostic[], model: Model): Diagnostic[] {
	try {
		return check(model);
	} catch {
		return [];
	}
}

function problemsOf(e: unknown): Diagnostic[] {
	if (e instanceof InputError) return e.diagnostics;
	return [{ severity: 'error', message: e instanceof Error ? e.message : String(e) }];
}
