/**
 * Checks every example notebook must pass, registered as vitest tests by each model's spec file:
 * it reads and compiles cleanly, it is faithful to the machine-readable specification
 * (../shared/domain/json, skipped where that folder is absent), its baseline is steady, and
 * everything its cells, levers and scenarios name exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalName } from '../model/names';
import { referenceScenario } from '../model/scenarios';
import { PALETTE } from '../model/palette';
import { constantValues } from '../notebook/arrayed-levers';
import type { Cell, TableOutput } from '../model/types';
import { resolveSeries, seriesRef } from '../notebook/chart-series';
import { checkUnits } from '../units/check';
import { readXmile } from '../xmile/read';
import { writeXmile } from '../xmile/write';
import { compileModel } from '../engine';
import { runCli, type CliRun } from '../../cli/run-cli';
import { REPO_ROOT, openExample, type ExampleNotebook } from './example-notebook';

/** A variable as ../shared/domain/json lists it. */
interface SpecVariable {
	name: string;
	kind: 'stock' | 'flow' | 'aux' | 'const' | 'lookup';
	units: string;
	eq?: string | number;
	init?: number;
	inflows?: string[];
	outflows?: string[];
	doc?: string;
	lever?: boolean;
	range?: string;
	points?: [number, number][];
}
interface Spec {
	time_unit: string;
	dt: number;
	start: number;
	stop: number;
	integration: string;
	unit_aliases: Record<string, string>;
	variables: SpecVariable[];
}

const SPEC_DIR = join(REPO_ROOT, '../shared/domain/json');

/** "0–150", "−1000–+1500", "0 or 1" as [min, max]. */
export function parseRange(range: string): [number, number] {
	const text = range.replace(/−/g, '-').replace(/\+/g, '');
	const match = /^(-?[\d.]+)(?:–| or )(-?[\d.]+)$/.exec(text);
	if (!match) throw new Error(`cannot read the range "${range}"`);
	return [Number(match[1]), Number(match[2])];
}

export interface NotebookChecks {
	/** models/<slug>.flowbook.json */
	slug: string;
	/** ../shared/domain/json/<specFile>.json, for the notebooks built from the specification. */
	specFile?: string;
	/** The no-change scenario: its code (e.g. "S0"), or its full name when names carry no code. */
	baseline: string;
	/** The scenario the notebook compares the others with (FlowbookDocument.reference): its code or name. */
	reference: string;
	/** Whether scenario names start with a code such as "S3" (default true). */
	codedScenarios?: boolean;
	/** Equations deliberately changed from the specification, by variable name, with the text used. */
	departures?: Record<string, string>;
	/** Whether the baseline is a steady state (default true). */
	steadyBaseline?: boolean;
	/** How far a steady baseline may drift, as a fraction of each stock's initial value. */
	maxDrift: number;
	/** A scenario to run through `npm run sim`, with a column whose last value it checks. */
	cli: { scenario: string; column: string; last: number; rows: number };
}

function tableVariable(output: string | TableOutput): string {
	return typeof output === 'string' ? output : output.variable;
}

/** What a cell names that is not in the notebook, one sentence each. */
function cellProblems(example: ExampleNotebook, cell: Cell): string[] {
	const doc = example.document;
	const problems: string[] = [];
	const scenarioKnown = (ref: string) => doc.scenarios.some((s) => s.id === ref || s.name === ref);
	// A chart or table may name a whole variable, or one element of an arrayed one ("Occupancy[Central]").
	const variableKnown = (ref: string) =>
		example.variable(ref) !== undefined ||
		example.simulation.outputs.some((o) => canonicalName(o) === canonicalName(ref));
	if (cell.kind === 'chart') {
		for (const v of cell.variables)
			if (!resolveSeries(doc.model, v).found)
				problems.push(`${cell.id}: no variable ${seriesRef(v)}`);
		for (const s of cell.scenarios ?? [])
			if (!scenarioKnown(s)) problems.push(`${cell.id}: no scenario ${s}`);
		if (cell.baseline !== undefined && !(cell.scenarios ?? []).includes(cell.baseline))
			problems.push(`${cell.id}: baseline not among its scenarios`);
	}
	if (cell.kind === 'scenario-table') {
		for (const o of cell.outputs)
			if (!variableKnown(tableVariable(o)))
				problems.push(`${cell.id}: no variable ${tableVariable(o)}`);
		for (const s of cell.scenarios ?? [])
			if (!scenarioKnown(s)) problems.push(`${cell.id}: no scenario ${s}`);
		const stop = doc.model.simSpecs.stop / example.perUnit;
		for (const t of cell.times ?? [1, 3, 5])
			if (!(t > 0 && t <= stop)) problems.push(`${cell.id}: time ${t} outside the run`);
	}
	if (cell.kind === 'levers') {
		for (const id of cell.levers ?? [])
			if (!doc.levers.some((l) => l.variable === id)) problems.push(`${cell.id}: no lever ${id}`);
		for (const id of cell.charts ?? [])
			if (!doc.cells.some((c) => c.id === id && c.kind === 'chart'))
				problems.push(`${cell.id}: no chart cell ${id} to show beside its sliders`);
	}
	return problems;
}

export function describeNotebookBasics(checks: NotebookChecks): void {
	const example = () => openExample(checks.slug);
	const specPath = checks.specFile ? join(SPEC_DIR, `${checks.specFile}.json`) : '';
	const coded = checks.codedScenarios ?? true;

	describe(`${checks.slug}: the document`, () => {
		it('reads with no errors or warnings, and compiles with none', () => {
			expect(example().readDiagnostics).toEqual([]);
			expect(example().compileDiagnostics).toEqual([]);
		});

		it('has no unit warnings: every equation agrees with its declared units, every flow with its stock', () => {
			expect(
				checkUnits(example().document.model).map((w) => `${w.variable}: ${w.message}`)
			).toEqual([]);
		});

		it('gives every variable units, documentation and a diagram position; every flow a pipe', () => {
			for (const v of example().document.model.variables) {
				expect(v.units, v.name).toBeTruthy();
				expect(v.documentation, v.name).toBeTruthy();
				expect(v.position, v.name).toEqual({ x: expect.any(Number), y: expect.any(Number) });
				if (v.kind === 'flow') expect(v.points?.length, v.name).toBeGreaterThanOrEqual(2);
			}
		});

		it(`names ${checks.reference} as the scenario the others are compared with`, () => {
			const document = example().document;
			expect(document.reference, 'the notebook names its reference').toBeDefined();
			const reference = referenceScenario(document)!;
			expect(coded ? reference.name.split(' ')[0] : reference.name).toBe(checks.reference);
		});

		it(`has scenarios${coded ? ' named by code' : ''}, the first the unchanged baseline, each with its own colour from the palette`, () => {
			const scenarios = example().document.scenarios;
			expect(coded ? scenarios[0].name.split(' ')[0] : scenarios[0].name).toBe(checks.baseline);
			expect(scenarios[0].overrides).toEqual({});
			for (const s of scenarios) {
				if (coded) expect(s.name, s.name).toMatch(/^[A-Z]\d+b? \S/);
				expect(s.colour, s.name).toMatch(/^#[0-9a-f]{6}$/);
				// A constant, one element of an arrayed constant, or an arrayed constant as a whole.
				const settable = example().simulation.constants.flatMap((c) => [
					canonicalName(c),
					canonicalName(c).replace(/\[.*\]$/, '')
				]);
				for (const name of Object.keys(s.overrides))
					expect(settable, `${s.name}: ${name}`).toContain(canonicalName(name));
			}
			// Colour-blind-safe colours, none repeated until all ten are used.
			for (const s of scenarios) expect(PALETTE, s.name).toContain(s.colour);
			expect(new Set(scenarios.slice(0, PALETTE.length).map((s) => s.colour)).size).toBe(
				Math.min(scenarios.length, PALETTE.length)
			);
			if (coded)
				expect(new Set(scenarios.map((s) => s.name.split(' ')[0])).size).toBe(scenarios.length);
		});

		it('has levers on constants, each default (every element of an arrayed one) within its range and reachable in whole steps', () => {
			const { model, levers } = example().document;
			for (const lever of levers) {
				const v = example().variable(lever.variable);
				expect(v?.kind, lever.variable).toBe('aux');
				const values = constantValues(model, v);
				expect(values, `${lever.variable} is a constant`).toBeDefined();
				if (lever.perElement)
					expect(
						v?.dimensions?.length,
						`${lever.variable}: a slider for each element of an arrayed constant`
					).toBeGreaterThan(0);
				for (const value of values ?? []) {
					expect(value, lever.variable).toBeGreaterThanOrEqual(lever.min);
					expect(value, lever.variable).toBeLessThanOrEqual(lever.max);
				}
				const steps = (lever.max - lever.min) / lever.step;
				expect(Math.abs(steps - Math.round(steps)), lever.variable).toBeLessThan(1e-9);
				expect(lever.label.length, lever.variable).toBeGreaterThan(10);
			}
		});

		it('sets levers in its scenarios only within their ranges', () => {
			const { levers, scenarios } = example().document;
			for (const s of scenarios) {
				for (const [name, value] of Object.entries(s.overrides)) {
					// A scenario may set one element of an arrayed lever: "Length of Stay[North]".
					const whole = canonicalName(name.replace(/\[[^\]]*\]$/, ''));
					const lever = levers.find(
						(l) => canonicalName(example().variable(l.variable)!.name) === whole
					);
					if (!lever) continue;
					expect(value, `${s.name}: ${name}`).toBeGreaterThanOrEqual(lever.min);
					expect(value, `${s.name}: ${name}`).toBeLessThanOrEqual(lever.max);
				}
			}
		});

		it('names only variables, scenarios and levers that exist in its cells', () => {
			expect(example().document.cells.flatMap((c) => cellProblems(example(), c))).toEqual([]);
			const kinds = new Set(example().document.cells.map((c) => c.kind));
			for (const kind of ['text', 'diagram', 'levers', 'chart', 'scenario-table'])
				expect(kinds, kind).toContain(kind);
		});

		it('draws a chart beside its levers, and each lever in one levers cell only', () => {
			const cells = example().document.cells;
			expect(cells.some((c) => c.kind === 'levers' && c.charts?.length)).toBe(true);
			// A lever in two cells would give two sliders of one name (and one id) on the page.
			const shown = cells.flatMap((c) =>
				c.kind !== 'levers' ? [] : (c.levers ?? example().document.levers.map((l) => l.variable))
			);
			expect(shown.filter((id, i) => shown.indexOf(id) !== i)).toEqual([]);
		});

		it('says in its text that the numbers are illustrative defaults to replace', () => {
			const text = example()
				.document.cells.flatMap((c) => (c.kind === 'text' ? [c.markdown] : []))
				.join('\n');
			expect(text).toMatch(/illustrative/i);
			expect(text).toMatch(/replace/i);
			expect(text).toMatch(/caveats/i);
		});
	});

	if (checks.specFile) describeFaithfulness(checks, example, specPath);

	describe.skipIf(checks.steadyBaseline === false)(`${checks.slug}: the baseline`, () => {
		it(`keeps every stock within ${checks.maxDrift * 100}% of its initial value over the whole run`, () => {
			const drift = example().baselineDrift(checks.baseline);
			expect(drift.length).toBeGreaterThan(0);
			for (const { name, initial, drift: d } of drift) {
				// A stock that starts empty must stay (all but) empty.
				expect(d, `${name} (initial ${initial})`).toBeLessThanOrEqual(
					initial === 0 ? 1e-6 : checks.maxDrift
				);
			}
		});

		it('fills each accounting stock (if any) at a steady rate', () => {
			const run = example().run(checks.baseline);
			const accounting = example().stocks.filter((s) => s.outflows.length === 0);
			const times = run.result.times;
			for (const stock of accounting) {
				const values = run.series(stock.name);
				const n = values.length - 1;
				const firstRate = (values[1] - values[0]) / (times[1] - times[0]);
				const meanRate = (values[n] - values[0]) / (times[n] - times[0]);
				expect(Math.abs(meanRate - firstRate), stock.name).toBeLessThanOrEqual(
					Math.abs(firstRate) * checks.maxDrift + 1e-9
				);
			}
		});
	});

	describe(`${checks.slug}: XMILE`, () => {
		it('exports to XMILE and re-imports with identical results in every scenario', () => {
			const { document, simulation } = example();
			const again = readXmile(writeXmile(document.model, { name: document.title }));
			expect(again.diagnostics).toEqual([]);
			const compiled = compileModel(again.model);
			if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('; '));
			for (const scenario of document.scenarios) {
				const before = example().run(scenario.name).result;
				const after = compiled.simulation.run({ overrides: scenario.overrides });
				expect(after.names, scenario.name).toEqual(before.names);
				for (const name of simulation.outputs) {
					const [x, y] = [
						simulation.seriesOf(before, name)!,
						compiled.simulation.seriesOf(after, name)!
					];
					expect(
						y.every((v, i) => Object.is(v, x[i])),
						`${scenario.name}: ${name}`
					).toBe(true);
				}
			}
		});
	});

	describe(`${checks.slug}: npm run sim`, () => {
		it(
			`runs the scenario "${checks.cli.scenario}" and writes CSV`,
			{ timeout: 60_000 },
			async () => {
				const run = await simCli(
					`models/${checks.slug}.flowbook.json`,
					'--scenario',
					checks.cli.scenario
				);
				expect(run.stderr).toBe('');
				expect(run.code).toBe(0);
				const lines = run.stdout.trimEnd().split('\n');
				const header = lines[0].split(',');
				expect(header[0]).toBe('time');
				expect(lines).toHaveLength(checks.cli.rows + 1);
				const column = header.indexOf(checks.cli.column);
				expect(column, checks.cli.column).toBeGreaterThan(0);
				expect(Number(lines[lines.length - 1].split(',')[column])).toBeCloseTo(checks.cli.last, 6);
			}
		);

		it('passes --check with no errors and no warnings', { timeout: 60_000 }, async () => {
			const run = await simCli(`models/${checks.slug}.flowbook.json`, '--check');
			expect(run.code).toBe(0);
			expect(run.stdout).toContain(`models/${checks.slug}.flowbook.json: 0 errors, 0 warnings`);
		});
	});
}

/** The notebook against the machine-readable specification, skipped where ../shared is absent. */
function describeFaithfulness(
	checks: NotebookChecks,
	example: () => ExampleNotebook,
	specPath: string
): void {
	const spec = (): Spec => JSON.parse(readFileSync(specPath, 'utf8')) as Spec;
	describe.skipIf(!existsSync(specPath))(
		`${checks.slug}: faithful to ${checks.specFile}.json`,
		() => {
			it('runs with the specified time unit, step, length and method, and the bed/place/package aliases', () => {
				const s = spec();
				const { simSpecs, units } = example().document.model;
				expect(simSpecs).toMatchObject({
					start: s.start,
					stop: s.stop,
					dt: s.dt,
					method: s.integration,
					timeUnits: s.time_unit
				});
				expect(Object.fromEntries((units ?? []).map((u) => [u.name, u.equation]))).toEqual(
					s.unit_aliases
				);
			});

			it('has every variable with its exact name, kind, units and equation, and no others', () => {
				const s = spec();
				const variables = example().document.model.variables;
				expect(variables.map((v) => v.name).sort()).toEqual(s.variables.map((v) => v.name).sort());
				const kinds = { stock: 'stock', flow: 'flow', aux: 'aux', const: 'aux', lookup: 'gf' };
				for (const sv of s.variables) {
					const v = variables.find((x) => x.name === sv.name)!;
					expect(v.kind, sv.name).toBe(kinds[sv.kind]);
					expect(v.units, sv.name).toBe(sv.units);
					if (sv.doc) expect(v.documentation, sv.name).toContain(sv.doc);
					if (v.kind === 'stock') {
						expect(Number(v.initial), sv.name).toBe(sv.init);
						const name = (id: string) => variables.find((x) => x.id === id)?.name;
						expect(v.inflows.map(name), sv.name).toEqual(sv.inflows ?? []);
						expect(v.outflows.map(name), sv.name).toEqual(sv.outflows ?? []);
					} else if (v.kind === 'gf') {
						expect(v.graphical.type, sv.name).toBe('continuous');
						expect(
							v.graphical.xs.map((x, i) => [x, v.graphical.ys[i]]),
							sv.name
						).toEqual(sv.points);
					} else {
						expect(v.equation, sv.name).toBe(checks.departures?.[sv.name] ?? String(sv.eq));
					}
				}
			});

			it('has a lever for every ★ constant, over the specified range', () => {
				for (const sv of spec().variables.filter((v) => v.lever)) {
					const lever = example().document.levers.find(
						(l) => example().variable(l.variable)?.name === sv.name
					);
					expect(lever, sv.name).toBeDefined();
					expect([lever!.min, lever!.max], sv.name).toEqual(parseRange(sv.range!));
				}
			});

			it('documents each departure from the specification in the variable itself', () => {
				for (const name of Object.keys(checks.departures ?? {})) {
					expect(example().variable(name)?.documentation, name).toMatch(/\(Flowbook: .+\)/);
				}
			});
		}
	);
}

/** The CLI as `npm run sim` starts it, from the repository root. */
export function simCli(...args: string[]): Promise<CliRun> {
	return runCli('sim', args);
}
