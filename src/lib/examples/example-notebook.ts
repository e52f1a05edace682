/**
 * The example notebooks in models/, read and compiled once each, for tests that check them
 * against their specification (../shared/domain/example-models.md): steady baselines and the
 * directions of the insights each notebook states.
 *
 *   const a = openExample('whole-system-flow');
 *   a.run('S1').at('occupancy', 5);   // occupancy in year 5 of "S1 do nothing"
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileModel, type RunResult, type Simulation } from '../engine';
import type { Diagnostic } from '../model/diagnostics';
import { readDocument } from '../model/document';
import { findVariable } from '../model/lookup';
import { findScenario } from '../model/scenarios';
import type { FlowbookDocument, Stock } from '../model/types';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** One scenario's results, read in the notebook's display time (years for the daily models). */
export class ExampleRun {
	constructor(
		readonly result: RunResult,
		private readonly simulation: Simulation,
		/** Model time units per display unit: 365 for a daily model shown in years. */
		private readonly perUnit: number
	) {
		if (result.error) throw new Error(`the run stopped: ${result.error.message}`);
	}

	series(name: string): Float64Array {
		const values = this.simulation.seriesOf(this.result, name);
		if (!values) throw new Error(`no output "${name}"`);
		return values;
	}

	/** The value at a display time (a year, for the daily models), which must be a saved time. */
	at(name: string, time: number): number {
		const t = time * this.perUnit;
		const i = this.result.times.findIndex((x) => Math.abs(x - t) < 1e-9 * Math.max(1, Math.abs(t)));
		if (i < 0) throw new Error(`time ${time} (model time ${t}) is not a saved time`);
		return this.series(name)[i];
	}

	/** The first display time at which the variable reaches `level` (or undefined). */
	firstTimeAtLeast(name: string, level: number): number | undefined {
		const values = this.series(name);
		const i = values.findIndex((v) => v >= level);
		return i < 0 ? undefined : this.result.times[i] / this.perUnit;
	}
}

export class ExampleNotebook {
	readonly simulation: Simulation;
	readonly readDiagnostics: Diagnostic[];
	readonly compileDiagnostics: Diagnostic[];
	readonly perUnit: number;
	#runs = new Map<string, ExampleRun>();

	readonly document: FlowbookDocument;

	constructor(
		readonly file: string,
		text: string
	) {
		const { document, diagnostics } = readDocument(text);
		this.document = document;
		this.readDiagnostics = diagnostics;
		const compiled = compileModel(document.model);
		if (!compiled.ok)
			throw new Error(
				`${file} does not compile: ${compiled.diagnostics.map((d) => d.message).join('; ')}`
			);
		this.simulation = compiled.simulation;
		this.compileDiagnostics = compiled.diagnostics;
		this.perUnit = document.display?.modelTimePerUnit ?? 1;
	}

	/** A scenario by code or name ("S3"), or a named set of overrides; each run once and kept. */
	run(scenario: string, overrides?: Record<string, number>): ExampleRun {
		let run = this.#runs.get(scenario);
		if (!run) {
			const settings = overrides ?? findScenario(this.document.scenarios, scenario)?.overrides;
			if (!settings) throw new Error(`${this.file} has no scenario "${scenario}"`);
			run = new ExampleRun(
				this.simulation.run({ overrides: settings }),
				this.simulation,
				this.perUnit
			);
			this.#runs.set(scenario, run);
		}
		return run;
	}

	get stocks(): Stock[] {
		return this.document.model.variables.filter((v): v is Stock => v.kind === 'stock');
	}

	/**
	 * How far each stock moves from its initial value over the whole baseline run, as a fraction
	 * of that value. Accounting stocks (no outflows, nothing reads them back) are left out: they
	 * grow by design.
	 */
	baselineDrift(baseline: string): { name: string; initial: number; drift: number }[] {
		const run = this.run(baseline);
		return this.stocks
			.filter((s) => s.outflows.length > 0)
			.map((s) => {
				const values = run.series(s.name);
				const initial = values[0];
				let furthest = 0;
				for (const v of values) furthest = Math.max(furthest, Math.abs(v - initial));
				return {
					name: s.name,
					initial,
					drift: initial === 0 ? furthest : furthest / Math.abs(initial)
				};
			});
	}

	/** The variable (of any kind) with this name, ignoring case, spaces and underscores. */
	variable(name: string) {
		return findVariable(this.document.model, name);
	}
}

const opened = new Map<string, ExampleNotebook>();

/** models/<slug>.flowbook.json, read and compiled once per test file. */
export function openExample(slug: string): ExampleNotebook {
	let example = opened.get(slug);
	if (!example) {
		const file = `models/${slug}.flowbook.json`;
		example = new ExampleNotebook(file, readFileSync(`${REPO_ROOT}${file}`, 'utf8'));
		opened.set(slug, example);
	}
	return example;
}

/** Relative change of `value` against `reference`: -0.3 is 30% lower. */
export function change(value: number, reference: number): number {
	return (value - reference) / reference;
}
