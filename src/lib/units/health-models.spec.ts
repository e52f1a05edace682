/**
 * The three health and care models of ../shared/domain (example-models.md §5.0): their authors
 * checked "dimensional consistency of every auxiliary and flow, and that every flow has units of
 * stock ÷ time (0 errors in all three models)", so any warning here is a checker bug.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Model, Variable } from '../model/types';
import { checkUnits } from './check';

const DOMAIN = '/work/shared/domain/json';

interface DomainVariable {
	name: string;
	kind: 'stock' | 'flow' | 'aux' | 'const' | 'lookup';
	units?: string;
	init?: number | string;
	inflows?: string[];
	outflows?: string[];
	eq?: number | string;
	points?: [number, number][];
}

interface DomainModel {
	time_unit: string;
	dt: number;
	start: number;
	stop: number;
	unit_aliases?: Record<string, string>;
	variables: DomainVariable[];
}

/** The spec's JSON as a Flowbook model: consts become auxiliaries, lookups graphical functions. */
export function domainModel(json: DomainModel): Model {
	const variables = json.variables.map((v): Variable => {
		const base = { id: v.name, name: v.name, units: v.units };
		switch (v.kind) {
			case 'stock':
				return { ...base, kind: 'stock', initial: String(v.init), inflows: v.inflows ?? [], outflows: v.outflows ?? [] };
			case 'flow':
				return { ...base, kind: 'flow', equation: String(v.eq) };
			case 'aux':
			case 'const':
				return { ...base, kind: 'aux', equation: String(v.eq) };
			case 'lookup':
				return {
					...base,
					kind: 'gf',
					graphical: { type: 'continuous', xs: (v.points ?? []).map((p) => p[0]), ys: (v.points ?? []).map((p) => p[1]) }
				};
		}
	});
	return {
		simSpecs: { start: json.start, stop: json.stop, dt: json.dt, method: 'euler', timeUnits: json.time_unit },
		variables,
		units: Object.entries(json.unit_aliases ?? {}).map(([name, equation]) => ({ name, equation }))
	};
}

const MODELS = ['whole_system_flow', 'nurse_workforce_pipeline', 'workforce_to_service_capacity'];

describe.each(MODELS)('%s', (name) => {
	const file = `${DOMAIN}/${name}.json`;
	it.skipIf(!existsSync(file))('checks with no warnings, well under a second', () => {
		const model = domainModel(JSON.parse(readFileSync(file, 'utf8')));
		const started = performance.now();
		const warnings = checkUnits(model);
		const elapsed = performance.now() - started;
		expect(warnings.map((w) => `${w.variable}: ${w.message}`)).toEqual([]);
		expect(elapsed).toBeLessThan(500);
	});
});
