/**
 * Import → export → import loses nothing: on every model file of the shared conformance suite
 * and every example notebook in models/, the model read back from writeXmile runs to the very
 * same numbers (every saved value compared with Object.is) and keeps every variable's name,
 * units, documentation, equation, flags, graphical function and diagram geometry.
 *
 * Modules (the submodels and their instances), macros (their parameters and variables) and
 * arrays (dimensions, arrayed variables and their elements) come back too: every file of the
 * suite imports cleanly, and the test says so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HAVE_SUITE, SUITE_DIR, suiteModelFiles } from '../conformance/suite-files';
import { describe, expect, it } from 'vitest';
import { compileModel, type RunResult } from '../engine';
import { hasErrors } from '../model/diagnostics';
import { readDocument } from '../model/document';
import type { Model, Variable } from '../model/types';
import { readXmile } from './read';
import { writeXmile } from './write';

const here = fileURLToPath(new URL('.', import.meta.url));
const modelsDir = resolve(here, '../../../models');

/** Models with no seed of their own run with this one, so random functions repeat. */
const SEED = 20240917;

/** Both runs, or both compile failures with the same messages. */
function expectSameSimulation(before: Model, after: Model): 'ran' | 'both failed to compile' {
	const a = compileModel(before);
	const b = compileModel(after);
	expect(b.diagnostics.map((d) => d.message)).toEqual(a.diagnostics.map((d) => d.message));
	if (!a.ok || !b.ok) {
		expect(b.ok).toBe(a.ok);
		return 'both failed to compile';
	}
	const options = before.simSpecs.seed === undefined ? { seed: SEED } : {};
	expectIdenticalResults(a.simulation.run(options), b.simulation.run(options));
	return 'ran';
}

function expectIdenticalResults(a: RunResult, b: RunResult): void {
	expect(b.names).toEqual(a.names);
	expect(b.error?.message).toBe(a.error?.message);
	expect(b.times.length).toBe(a.times.length);
	const mismatch = (x: Float64Array, y: Float64Array) => x.findIndex((v, i) => !Object.is(v, y[i]));
	expect(mismatch(a.times, b.times), 'time').toBe(-1);
	a.series.forEach((series, i) => {
		expect(b.series[i].length, a.names[i]).toBe(series.length);
		const at = mismatch(series, b.series[i]);
		expect(at, `${a.names[i]} differs at row ${at}: ${series[at]} then ${b.series[i][at]}`).toBe(
			-1
		);
	});
}

/** What a variable must keep, with ids replaced by the names they stand for. */
function describeVariable(v: Variable, nameOf: (id: string) => string | undefined) {
	const common = {
		kind: v.kind,
		name: v.name,
		units: v.units,
		documentation: v.documentation,
		position: v.position,
		dimensions: v.dimensions,
		elements: v.elements
	};
	switch (v.kind) {
		case 'stock':
			return {
				...common,
				initial: v.initial,
				inflows: v.inflows.map(nameOf),
				outflows: v.outflows.map(nameOf),
				nonNegative: v.nonNegative ?? false
			};
		case 'flow':
			return {
				...common,
				equation: v.equation,
				uniflow: v.uniflow ?? false,
				graphical: v.graphical,
				points: v.points
			};
		case 'aux':
			return { ...common, equation: v.equation, graphical: v.graphical };
		case 'gf':
			return { ...common, graphical: v.graphical };
	}
}

type Scope = Pick<Model, 'variables' | 'diagram'>;

/**
 * Variables and their diagram as far as XMILE carries them. Connector and cloud ids are not
 * stored in the file (they come back from uids), and a connector without an angle is written
 * with its straight angle, which XMILE requires.
 */
function describeScope(scope: Scope, anglesFrom: Scope = scope) {
	const nameOf = (id: string) => scope.variables.find((v) => v.id === id)?.name;
	const connectors = scope.diagram?.connectors ?? [];
	return {
		variables: scope.variables.map((v) => ({ ...describeVariable(v, nameOf), access: v.access })),
		connectors: connectors.map((c, i) => ({
			from: nameOf(c.from),
			to: nameOf(c.to),
			angle: anglesFrom.diagram?.connectors[i]?.angle === undefined ? undefined : c.angle
		})),
		clouds: (scope.diagram?.clouds ?? []).map((c) => ({
			flow: nameOf(c.flow),
			position: c.position
		}))
	};
}

/** The model as far as XMILE carries it, module models and macros included; module ids come back from names. */
function describeModel(model: Model, anglesFrom: Model = model) {
	const modules = (list: Model['modules']) => (list ?? []).map(({ id: _id, ...rest }) => rest);
	return {
		simSpecs: { ...model.simSpecs, method: model.simSpecs.method ?? 'euler' },
		units: model.units ?? [],
		dimensions: model.dimensions ?? [],
		...describeScope(model, anglesFrom),
		modules: modules(model.modules),
		submodels: (model.submodels ?? []).map((s, i) => ({
			name: s.name,
			modules: modules(s.modules),
			...describeScope(s, anglesFrom.submodels?.[i])
		})),
		macros: (model.macros ?? []).map((m, i) => {
			const { variables: _variables, diagram: _diagram, ...rest } = m;
			return {
				...rest,
				...describeScope(
					{ variables: m.variables ?? [], diagram: m.diagram },
					{ variables: [], diagram: anglesFrom.macros?.[i]?.diagram }
				)
			};
		})
	};
}

function roundTrip(model: Model, name?: string): Model {
	const text = writeXmile(model, { name });
	const again = readXmile(text);
	expect(again.diagnostics, 'the written file reads without a single diagnostic').toEqual([]);
	expect(again.name).toBe(name?.trim() || undefined);
	return again.model;
}

describe.skipIf(!HAVE_SUITE)('XMILE round trip over the conformance suite', () => {
	const files = HAVE_SUITE ? suiteModelFiles(SUITE_DIR) : [];
	const imported = files.map((file) => ({
		file: relative(SUITE_DIR, file),
		read: readXmile(readFileSync(file, 'utf8'))
	}));
	const clean = imported.filter((f) => !hasErrors(f.read.diagnostics));
	const skipped = imported.filter((f) => hasErrors(f.read.diagnostics));

	it('covers every file of every case, arrays, modules and macros included', () => {
		// By file: 102 in the suite, all import cleanly; 20 have arrays and 6 modules or macros.
		// By case: all 41 of tiers T1 and T2 and all 23 of T3 round-trip.
		const cases: Array<{ name: string; tier: string }> = JSON.parse(
			readFileSync(join(SUITE_DIR, 'manifest.json'), 'utf8')
		);
		const tierOf = (file: string) => cases.find((c) => file.startsWith(c.name + '/'))?.tier;
		expect(files).toHaveLength(102);
		expect(clean).toHaveLength(102);
		expect(clean.filter((f) => f.read.model.dimensions?.length)).toHaveLength(20);
		expect(skipped).toHaveLength(0);
		expect(clean.filter((f) => /module|macro/.test(f.file)).map((f) => f.file)).toHaveLength(6);
		expect(cases.filter((c) => c.tier !== 'T3')).toHaveLength(41);
		expect(new Set(clean.map((f) => tierOf(f.file)))).toEqual(new Set(['T1', 'T2', 'T3']));
	});

	it.each(clean.map((f) => [f.file, f.read] as const))('%s', (_file, first) => {
		const second = roundTrip(first.model, first.name);
		expect(describeModel(second, first.model)).toEqual(describeModel(first.model));
		expectSameSimulation(first.model, second);
		// A second trip writes the very same file: nothing drifts.
		expect(writeXmile(second, { name: first.name })).toBe(
			writeXmile(first.model, { name: first.name })
		);
	});

	it('compares the runs of all but one (test_logicals.stmx fails to compile, before and after)', () => {
		// The engine's parser does not take `IF NOT …` yet; the round trip keeps the same error.
		const notCompiled = clean.filter((f) => !compileModel(f.read.model).ok).map((f) => f.file);
		expect(notCompiled).toEqual(['sdxorg/tests/logicals/test_logicals.stmx']);
	});
});

describe('XMILE round trip over the example notebooks', () => {
	const files = readdirSync(modelsDir).filter((f) => f.endsWith('.flowbook.json'));

	it('has examples', () => {
		expect(files.length).toBeGreaterThan(0);
	});

	it.each(files)('%s', (file) => {
		const { document, diagnostics } = readDocument(readFileSync(join(modelsDir, file), 'utf8'));
		expect(diagnostics).toEqual([]);
		const model = document.model;
		const back = roundTrip(model, document.title);
		expect(describeModel(back, model)).toEqual(describeModel(model));
		expect(expectSameSimulation(model, back)).toBe('ran');
	});
});
