/**
 * The three health and care models of ../shared/domain (example-models.md §5.0): their authors
 * checked "dimensional consistency of every auxiliary and flow, and that every flow has units of
 * stock ÷ time (0 errors in all three models)", so any warning here is a checker bug.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Model, Variable } from '../model/types';
import { checkUnits } from './check';

const DOMAIN = resolve(
	fileURLToPath(new URL('.', import.meta.url)),
	'../../../../shared/domain/json'
);

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
function domainModel(json: DomainModel): Model {
	const variables = json.variables.map((v): Variable => {
		const base = { id: v.name, name: v.name, units: v.units };
		switch (v.kind) {
			case 'stock':
				return {
					...base,
					kind: 'stock',
					initial: String(v.init),
					inflows: v.inflows ?? [],
					outflows: v.outflows ?? []
				};
			case 'flow':
				return { ...base, kind: 'flow', equation: String(v.eq) };
			case 'aux':
			case 'const':
				return { ...base, kind: 'aux', equation: String(v.eq) };
			case 'lookup':
				return {
					...base,
					kind: 'gf',
					graphical: {
						type: 'continuous',
						xs: (v.points ?? []).map((p) => p[0]),
						ys: (v.points ?? []).map((p) => p[1])
					}
				};
		}
	});
	return {
		simSpecs: {
			start: json.start,
			stop: json.stop,
			dt: json.dt,
			method: 'euler',
			timeUnits: json.time_unit
		},
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
		// About 100 ms cold (most of it making the mathjs instance) and 10 ms after; the margin is for busy CI machines.
		expect(elapsed).toBeLessThan(1000);
	});
});

describe('a deliberate error in a health model', () => {
	const load = (name: string, edit: Record<string, string>): Model => {
		const json: DomainModel = JSON.parse(readFileSync(`${DOMAIN}/${name}.json`, 'utf8'));
		for (const v of json.variables) if (edit[v.name] !== undefined) v.eq = edit[v.name];
		return domainModel(json);
	};
	const messages = (m: Model) =>
		checkUnits(m).map(
			(d) =>
				`${d.variable}: ${d.message}${d.start !== undefined ? ` at character ${d.start + 1}` : ''}`
		);

	it.skipIf(!existsSync(`${DOMAIN}/whole_system_flow.json`))(
		'is found in the whole-system model',
		() => {
			expect(
				messages(load('whole_system_flow', { annual_system_cost: 'system_cost_rate' }))
			).toEqual([
				'annual_system_cost: units: the equation gives GBP/day but "annual_system_cost" is declared as GBP/year'
			]);
			expect(
				messages(
					load('whole_system_flow', {
						ic_start_capacity: 'MAX(0, ic_capacity - IC_Bed_Patients) + ic_exits'
					})
				)
			).toEqual(['ic_start_capacity: units: cannot add bed and patient/day at character 39']);
		}
	);

	it.skipIf(!existsSync(`${DOMAIN}/workforce_to_service_capacity.json`))(
		'is found in the workforce model',
		() => {
			expect(
				messages(
					load('workforce_to_service_capacity', {
						gp_leavers:
							'GPs * gp_leave_rate * LOOKUP(gp_workload_effect, SMOOTH(gp_workload, perception_time))'
					})
				)
			).toEqual([
				'gp_leavers: units: the equation gives FTE/year but "gp_leavers" is declared as FTE/day'
			]);
		}
	);

	it.skipIf(!existsSync(`${DOMAIN}/nurse_workforce_pipeline.json`))(
		'is found in the nurse pipeline',
		() => {
			expect(
				messages(
					load('nurse_workforce_pipeline', {
						establishment: 'establishment_base * EXP(establishment_growth)'
					})
				)
			).toEqual([
				'establishment: units: EXP needs a dimensionless argument, not 1/year at character 26'
			]);
		}
	);
});
