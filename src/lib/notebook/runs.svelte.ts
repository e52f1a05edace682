/**
 * The runs behind a notebook's charts and tables: the live run at the current lever positions and
 * one run per scenario. The page asks the worker pool and keeps what comes back; it never simulates.
 */
import { SvelteSet } from 'svelte/reactivity';
import type { RunOptions, RunResult } from '../engine/api';
import {
	dtAdvice,
	dtChange,
	dtCheckOutputs,
	type DtAdvice,
	type DtChange
} from '../engine/dt-advice';
import type { RunBlock } from '../engine/percentiles';
import type { Diagnostic } from '../model/diagnostics';
import type { FlowbookDocument, Lever, Model, Scenario, Variable } from '../model/types';
import type { SampleJob, SampleOptions, SimulationPool } from '../worker/pool';
import type { LoopsReply, RunReply } from '../worker/protocol';
import { NO_WARNINGS, type ModelWarnings } from '../worker/warnings';
import { findSlider, leverOverrides, numberIn, type LeverSlider } from './arrayed-levers';
import { sweepContext, sweepPositions } from './lever-sweep';
import { chartedVariables } from './results';

/** Runs at one slider's positions, made ahead of a drag, for one context (see lever-sweep.ts). */
interface Sweep {
	/** The slider's key (see LeverSlider). */
	slider: string;
	context: string;
	results: Map<number, RunReply & { ok: true }>;
	abort: AbortController;
}

export type RunStatus =
	| { state: 'idle' }
	| { state: 'running' }
	| { state: 'done'; ms: number }
	| { state: 'error'; message: string }
	| { state: 'cancelled' };

/** Where "Check DT" stands: the largest change in the charted outputs when DT is halved. */
export type DtCheck =
	| { state: 'idle' }
	| { state: 'running' }
	| ({ state: 'done'; dt: number; half: number; outputs: number } & DtChange)
	| { state: 'error'; message: string };

/**
 * Runs saved at every DT for the advice hold at most this many values (the reply is copied to the
 * page, and a big copy would hold the page up); longer ones are checked at their save interval.
 */
const ADVICE_VALUES = 300_000;

/** The advice waits for the sliders to rest this long, so a drag never waits on it. */
const ADVICE_DELAY_MS = 1000;

/** The key of the live run among the scenarios' results. */
export const CURRENT = 'current';

export class Runs {
	/**
	 * Slider positions by slider key (see LeverSlider): the lever's variable id, or `id[North]` for
	 * one element's slider. A slider not here sits at the model's own value.
	 */
	levers = $state<Record<string, number>>({});
	live = $state.raw<RunResult | undefined>();
	scenarios = $state.raw<ReadonlyMap<string, RunResult>>(new Map());
	status = $state.raw<RunStatus>({ state: 'idle' });
	scenarioStatus = $state.raw<RunStatus>({ state: 'idle' });
	/** Warnings that DT is too large for the model at the current levers (see engine/dt-advice.ts). */
	advice = $state.raw<DtAdvice[]>([]);
	dtCheck = $state.raw<DtCheck>({ state: 'idle' });
	/**
	 * What the diagram marks, from the worker's compile; unit checks join once a diagram is shown
	 * (wantUnitChecks), after the first run.
	 */
	warnings = $state.raw<ModelWarnings>(NO_WARNINGS);
	/** Scenarios made in this session: every chart shows them until the reader unticks them. */
	readonly created = new SvelteSet<string>();

	#pool: SimulationPool;
	#model: Model | undefined;
	/** Counts compiled model versions, so runs of an older one are never shown as the new one's. */
	#modelVersion = 0;
	/** Counts lever moves: a live reply for an older move is dropped (a swept run may have answered since). */
	#move = 0;
	/** Runs at one lever's positions, made ahead of a drag (see lever-sweep.ts). */
	#sweep: Sweep | undefined;
	#batch: AbortController | undefined;
	#compileError: string | undefined;
	/** Every output the compiled model saves, from its compile. */
	#outputs: readonly string[] = [];
	#adviceTimer: ReturnType<typeof setTimeout> | undefined;
	#advice: AbortController | undefined;
	/** Work under way (compiles, live runs, scenario batches, sweeps), for settled(). */
	readonly #pending = new Set<Promise<unknown>>();
	/** Whether a diagram is shown, so the marks include unit checks. */
	#unitsWanted = false;
	/** Models being compiled and first run: their own unit checks follow. */
	#setting = 0;

	readonly #documentNow: () => FlowbookDocument;

	/**
	 * `document` returns the notebook's document as it is now, whose levers the live run reads;
	 * the sliders start at `positions`, where the reader left them (FlowbookDocument.positions).
	 */
	constructor(
		pool: SimulationPool,
		document: () => FlowbookDocument,
		positions: Record<string, number> = {}
	) {
		this.#pool = pool;
		this.#documentNow = document;
		this.levers = { ...positions };
	}

	/**
	 * Resolves once no compile, run, batch or sweep is under way, including any that the work
	 * under way started. Tests and scripted journeys await it instead of waiting for time.
	 */
	async settled(): Promise<void> {
		while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
	}

	#track<T>(work: Promise<T>): Promise<T> {
		this.#pending.add(work);
		const done = () => this.#pending.delete(work);
		work.then(done, done);
		return work;
	}

	/** Whether a model has been compiled, so scenarios can run. */
	get ready(): boolean {
		return this.#model !== undefined;
	}

	/** Compiles a new version of the model, then runs the live levers and every scenario. */
	setModel(model: Model, scenarios: readonly Scenario[]): Promise<void> {
		this.#setting++;
		const work = this.#setModel(model, scenarios).finally(() => this.#setting--);
		return this.#track(work);
	}

	/**
	 * A diagram is shown: from now on its marks include the unit checks. The worker loads the
	 * units checker (mathjs) on the first of these, so a reader who never sees a diagram never
	 * downloads it.
	 */
	wantUnitChecks(): void {
		if (this.#unitsWanted) return;
		this.#unitsWanted = true;
		// A model on its way in gets its checks after its first run (#setModel).
		if (this.#setting === 0 && this.#model) void this.#track(this.#addUnits(this.#model));
	}

	async #addUnits(model: Model): Promise<void> {
		const withUnits = await this.#pool.unitWarnings();
		if (withUnits && model === this.#model) this.warnings = withUnits;
	}

	async #setModel(model: Model, scenarios: readonly Scenario[]): Promise<void> {
		this.#model = model;
		this.#modelVersion++;
		this.#endSweep();
		this.status = { state: 'running' };
		let summary: Awaited<ReturnType<SimulationPool['setModel']>>;
		try {
			summary = await this.#pool.setModel(model);
		} catch (e) {
			// The model could not be copied to the worker, or the worker failed on it: without this,
			// the status would say "Running…" for ever.
			if (model !== this.#model) return;
			this.#compileError = `Error: the model could not be sent to the simulation worker (${e instanceof Error ? e.message : String(e)})`;
			this.status = { state: 'error', message: this.#compileError };
			this.live = undefined;
			return;
		}
		if (model !== this.#model) return;
		this.#outputs = summary.outputs;
		this.dtCheck = { state: 'idle' };
		const errors = summary.diagnostics.filter((d) => d.severity === 'error');
		this.#compileError = summary.ok
			? undefined
			: errors.map(describe).join('; ') || 'the model does not compile';
		this.warnings = summary.warnings;
		const live = this.runLive();
		void this.runScenarios(scenarios);
		// The unit checks wait for the live run: the reader sees the model run first.
		await live;
		if (this.#unitsWanted && model === this.#model) await this.#addUnits(model);
	}

	/**
	 * Moves a lever's slider (the one for `subscript`, for a lever with a slider per element):
	 * shows its run at once when it was run ahead, else runs it live.
	 */
	setLever(lever: Lever, value: number, subscript?: readonly string[]): void {
		const slider = findSlider(this.#documentNow().model, lever, subscript);
		if (!slider) return;
		this.levers[slider.key] = value;
		const swept = this.#sweptRun(slider, value);
		if (swept) {
			this.#move++;
			this.live = swept.result;
			// The status keeps its words while a drag shows runs made ahead: new words would lay out
			// the whole page on every move.
			if (this.status.state !== 'done') this.status = { state: 'done', ms: swept.ms };
			this.#adviseSoon();
			return;
		}
		void this.runLive();
	}

	/** Where a lever's slider stands: where the reader put it, else where the model puts it. */
	position(slider: LeverSlider): number {
		return this.levers[slider.key] ?? slider.start;
	}

	/** Puts every slider of a lever back at the model's own value (when its sliders change). */
	resetLever(lever: Lever): void {
		const prefix = `${lever.variable}[`;
		for (const key of Object.keys(this.levers))
			if (key === lever.variable || key.startsWith(prefix)) delete this.levers[key];
		void this.runLive();
	}

	/** Moves the sliders to these positions (by slider key), every other one to the model's value. */
	setPositions(positions: Record<string, number>): void {
		this.levers = { ...positions };
		void this.runLive();
	}

	/**
	 * Runs the model ahead at the slider's positions nearest its current value, on the pool, so
	 * that dragging it repaints without waiting for a run. Called when the reader reaches for the
	 * slider; does nothing if those runs are already made or under way for the same context.
	 */
	prepareLever(lever: Lever, subscript?: readonly string[]): void {
		const document = this.#documentNow();
		const slider = findSlider(document.model, lever, subscript);
		if (this.#compileError || !this.#model || !slider) return;
		const others = $state.snapshot(this.overrides(document));
		const outputs = chartedVariables(document);
		const context = sweepContext(this.#modelVersion, slider.override, others, outputs);
		if (this.#sweep?.slider === slider.key && this.#sweep.context === context) return;
		this.#endSweep();
		const sweep = (this.#sweep = {
			slider: slider.key,
			context,
			results: new Map(),
			abort: new AbortController()
		});
		const items = sweepPositions(lever, this.position(slider)).map((value) => ({
			key: String(value),
			options: { overrides: { ...others, [slider.override]: value }, outputs } satisfies RunOptions
		}));
		void this.#track(this.#sweepOneAtATime(items, sweep));
	}

	/**
	 * One position at a time, on one worker: the other cores stay free for the page and the live
	 * run, so reaching for a slider never makes the page itself slower.
	 */
	async #sweepOneAtATime(
		items: { key: string; options: RunOptions }[],
		sweep: Sweep
	): Promise<void> {
		for (const item of items) {
			const replies = await this.#pool.runBatch([item], { signal: sweep.abort.signal });
			if (!replies) return; // ended: another lever, another context, a new model
			const [{ key, reply }] = replies;
			if (reply.ok && !reply.result.error) sweep.results.set(Number(key), reply);
		}
	}

	#sweptRun(slider: LeverSlider, value: number): (RunReply & { ok: true }) | undefined {
		const sweep = this.#sweep;
		if (!sweep || sweep.slider !== slider.key) return undefined;
		const document = this.#documentNow();
		const context = sweepContext(
			this.#modelVersion,
			slider.override,
			this.overrides(document),
			chartedVariables(document)
		);
		if (context !== sweep.context) {
			this.#endSweep();
			return undefined;
		}
		return sweep.results.get(value);
	}

	#endSweep(): void {
		this.#sweep?.abort.abort();
		this.#sweep = undefined;
	}

	/**
	 * The current slider positions as overrides, only where they move a constant: a whole arrayed
	 * constant by its name ("Length of Stay"), one element as "Community Beds[North]".
	 */
	overrides(document: FlowbookDocument): Record<string, number> {
		return leverOverrides(document.model, document.levers, this.levers);
	}

	/** Runs the model at the current lever positions and shows it, unless a newer run answers first. */
	runLive(): Promise<void> {
		return this.#track(this.#runLive());
	}

	async #runLive(): Promise<void> {
		if (this.#compileError) {
			this.status = { state: 'error', message: this.#compileError };
			this.live = undefined;
			return;
		}
		this.status = { state: 'running' };
		const move = ++this.#move;
		const document = this.#documentNow();
		// Only charts read the live run, so it saves only what they plot: a faster run, a smaller reply.
		const reply = await this.#pool.run({
			overrides: $state.snapshot(this.overrides(document)),
			outputs: chartedVariables(document)
		});
		if (!reply || move !== this.#move) return; // a newer run, or a run made ahead, has answered
		this.#take(reply);
	}

	/**
	 * Stops the live run in flight (its worker is replaced; the next run compiles on a fresh one).
	 * The charts keep the last run that finished until the reader moves a lever again.
	 */
	cancelLive(): void {
		if (this.status.state !== 'running') return;
		this.#move++;
		this.#pool.cancel();
		this.status = { state: 'cancelled' };
	}

	#take(reply: RunReply): void {
		if (!reply.ok) {
			this.status = { state: 'error', message: reply.diagnostics.map(describe).join('; ') };
			return;
		}
		this.live = reply.result;
		this.status = reply.result.error
			? { state: 'error', message: describe(reply.result.error) }
			: { state: 'done', ms: reply.ms };
		this.#adviseSoon();
	}

	/**
	 * Looks again at whether DT suits the model, once the levers have been still for a moment: a
	 * run saved at every DT of just the stocks and flows, on the pool, checked by dtAdvice.
	 */
	#adviseSoon(): void {
		clearTimeout(this.#adviceTimer);
		this.#adviceTimer = setTimeout(() => void this.#track(this.#adviseNow()), ADVICE_DELAY_MS);
	}

	async #adviseNow(): Promise<void> {
		this.#advice?.abort();
		const model = this.#model;
		if (!model || this.#compileError) return;
		const abort = (this.#advice = new AbortController());
		const document = this.#documentNow();
		const { dt, start, stop } = model.simSpecs;
		const outputs = dtCheckOutputs(model, this.#outputs);
		const rows = (stop - start) / dt + 1;
		// A run too long to keep every step is checked at its own save interval: time constants
		// still show, step-to-step flips may not.
		const everyStep = rows * outputs.length <= ADVICE_VALUES;
		const options: RunOptions = {
			overrides: $state.snapshot(this.overrides(document)),
			outputs,
			...(everyStep ? { saveStep: dt } : {})
		};
		const replies = await this.#pool.runBatch([{ key: 'dt advice', options }], {
			signal: abort.signal
		});
		if (!replies || model !== this.#model) return;
		const [{ reply }] = replies;
		const unit = model.simSpecs.timeUnits?.trim().toLowerCase() || 'time units';
		this.advice = reply.ok ? dtAdvice(model, reply.result, dt, unit) : [];
	}

	/**
	 * The standard accuracy test: runs at DT and at DT ÷ 2, saved at the same times, and reports the
	 * largest relative change in what the charts plot (every stock when nothing is charted).
	 */
	checkDt(): Promise<void> {
		return this.#track(this.#checkDt());
	}

	async #checkDt(): Promise<void> {
		const model = this.#model;
		if (!model) return;
		if (this.#compileError) {
			this.dtCheck = { state: 'error', message: this.#compileError };
			return;
		}
		this.dtCheck = { state: 'running' };
		const document = this.#documentNow();
		const { dt } = model.simSpecs;
		const saveStep = model.simSpecs.saveStep ?? dt;
		const charted = chartedVariables(document);
		const outputs = charted.length ? charted : dtCheckOutputs(model, this.#outputs, ['stock']);
		const overrides = $state.snapshot(this.overrides(document));
		const replies = await this.#pool.runBatch([
			{ key: 'dt', options: { overrides, outputs, saveStep } },
			{ key: 'half', options: { overrides, outputs, saveStep, dt: dt / 2 } }
		]);
		if (model !== this.#model) return;
		const [base, half] = (replies ?? []).map((r) => r.reply);
		const failed = [base, half].find((r) => !r?.ok || r.result.error);
		if (!base?.ok || !half?.ok || failed) {
			const problem = failed && (failed.ok ? failed.result.error : failed.diagnostics[0]);
			this.dtCheck = {
				state: 'error',
				message: problem ? describe(problem) : 'the runs did not finish'
			};
			return;
		}
		this.dtCheck = {
			state: 'done',
			dt,
			half: dt / 2,
			outputs: outputs.length,
			...dtChange(base.result, half.result, base.result.names)
		};
	}

	/** Runs every scenario as one batch on the pool; a newer batch cancels an older one. */
	runScenarios(scenarios: readonly Scenario[]): Promise<void> {
		return this.#track(this.#runScenarios(scenarios));
	}

	async #runScenarios(scenarios: readonly Scenario[]): Promise<void> {
		this.#batch?.abort();
		if (this.#compileError || !this.#model) return;
		const batch = (this.#batch = new AbortController());
		this.scenarioStatus = { state: 'running' };
		const started = performance.now();
		const items = $state
			.snapshot(scenarios)
			.map((s) => ({ key: s.id, options: { overrides: s.overrides } satisfies RunOptions }));
		const replies = await this.#pool.runBatch(items, { signal: batch.signal });
		if (!replies) return;
		const results = new Map<string, RunResult>();
		const problems: string[] = [];
		for (const { key, reply } of replies) {
			if (reply.ok) results.set(key, reply.result);
			const problem = reply.ok ? reply.result.error : reply.diagnostics[0];
			if (problem)
				problems.push(`${scenarios.find((s) => s.id === key)?.name ?? key}: ${describe(problem)}`);
		}
		this.scenarios = results;
		this.scenarioStatus = problems.length
			? { state: 'error', message: problems.join('; ') }
			: { state: 'done', ms: performance.now() - started };
	}

	/**
	 * Runs sets of overrides a cell needs besides the scenarios (a bridge's subsets of levers, a
	 * tornado's extremes, options scaled to a budget), saving only `outputs`. Undefined when the
	 * model has not compiled or `signal` cancelled the batch; a run that failed is left out and
	 * named in `problems`.
	 */
	runSets(
		items: readonly { key: string; overrides: Record<string, number> }[],
		outputs: readonly string[],
		signal?: AbortSignal,
		/** Stop the runs here rather than at the model's stop time (a fit to one winter). */
		stop?: number
	): Promise<{ results: Map<string, RunResult>; problems: string[] } | undefined> {
		return this.#track(this.#runSets(items, outputs, signal, stop));
	}

	async #runSets(
		items: readonly { key: string; overrides: Record<string, number> }[],
		outputs: readonly string[],
		signal?: AbortSignal,
		stop?: number
	): Promise<{ results: Map<string, RunResult>; problems: string[] } | undefined> {
		if (this.#compileError || !this.#model) return undefined;
		const replies = await this.#pool.runBatch(
			items.map((item) => ({
				key: item.key,
				options: {
					overrides: { ...item.overrides },
					outputs: [...outputs],
					...(stop !== undefined && { stop })
				} satisfies RunOptions
			})),
			{ signal }
		);
		if (!replies) return undefined;
		const results = new Map<string, RunResult>();
		const problems: string[] = [];
		for (const { key, reply } of replies) {
			const problem = reply.ok ? reply.result.error : reply.diagnostics[0];
			if (problem) problems.push(describe(problem));
			else if (reply.ok) results.set(key, reply.result);
		}
		return { results, problems: [...new Set(problems)] };
	}

	/**
	 * The loops that matter in a run with these overrides (engine/loops), on the pool. Undefined
	 * when the model has not compiled or changed before the answer came.
	 */
	loops(overrides: Record<string, number>, maxLoops?: number): Promise<LoopsReply | undefined> {
		if (this.#compileError || !this.#model) return Promise.resolve(undefined);
		return this.#track(this.#pool.loops({ overrides: { ...overrides }, maxLoops }));
	}

	/** What compiling `model` would report, asked of the worker: the page never compiles a model. */
	check(model: Model): Promise<Diagnostic[]> {
		return this.#pool.check($state.snapshot(model) as Model);
	}

	/** Runs Monte Carlo samples on the pool, in blocks, on the model the live run uses. */
	samples(job: SampleJob, options: SampleOptions): Promise<boolean> {
		return this.#pool.runSamples(job, options);
	}

	/** Percentiles at every saved time across runs in blocks, taken on the pool. */
	percentiles(
		blocks: readonly RunBlock[],
		rows: number,
		percentiles: readonly number[]
	): Promise<Float64Array[]> {
		return this.#pool.percentiles(blocks, rows, percentiles);
	}

	/** Whether the model compiled; when not, why. */
	get compileError(): string | undefined {
		return this.#compileError;
	}

	dispose(): void {
		clearTimeout(this.#adviceTimer);
		this.#advice?.abort();
		this.#batch?.abort();
		this.#endSweep();
		this.#pool.dispose();
	}
}

/** "Error in Heat Loss at time 4.25: …", naming what the user wrote. */
export function describe(d: Diagnostic): string {
	const where = [
		d.variable ? `in ${d.variable}` : '',
		d.time !== undefined ? `at time ${d.time}` : ''
	]
		.filter(Boolean)
		.join(' ');
	return where ? `Error ${where}: ${d.message}` : `Error: ${d.message}`;
}

/**
 * A constant's own value (its equation, or a stock's initial value, is a plain number), or undefined. An arrayed
 * constant given element by element has a value only when every element has the same one;
 * see arrayed-levers.ts for each element's value.
 */
export function constantValue(variable: Variable | undefined): number | undefined {
	if (!variable || variable.kind === 'gf') return undefined;
	if (variable.kind === 'stock') return numberIn(variable.initial);
	const own = (variable.elements ?? []).filter((e) => typeof e.equation === 'string');
	if (own.length) {
		const values = own.map((e) => numberIn(e.equation));
		return values.every((v) => v !== undefined && v === values[0]) ? values[0] : undefined;
	}
	return numberIn(variable.equation);
}
