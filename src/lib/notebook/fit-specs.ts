/**
 * A calibration or optimisation cell as the analysis takes it (analysis/calibrate.ts,
 * optimise.ts): constants by their names, the data series linked to variables, lever costs from
 * the notebook's levers, the objective read and its time in model units. A sentence says what
 * is missing when the cell cannot run yet.
 */
import type { CalibrationSpec } from '../analysis/calibrate';
import { parseObjective } from '../analysis/objective';
import type { OptimiseSpec } from '../analysis/optimise';
import { findVariable } from '../model/lookup';
import { findScenario } from '../model/scenarios';
import { DEFAULT_SEED, drawSamples } from './sensitivity';
import type { Cell, FlowbookDocument } from '../model/types';

type CalibrationCell = Extract<Cell, { kind: 'calibration' }>;
type OptimisationCell = Extract<Cell, { kind: 'optimisation' }>;

export function calibrationSpec(
	document: FlowbookDocument,
	cell: CalibrationCell
): Omit<CalibrationSpec, 'signal' | 'onProgress'> | string {
	const parameters = [];
	for (const p of cell.parameters) {
		const variable = findVariable(document.model, p.variable);
		if (!variable) return `the model has no constant "${p.variable}" to fit`;
		parameters.push({ name: variable.name, min: p.min, max: p.max });
	}
	if (parameters.length === 0) return 'choose constants to fit in Settings';
	const weights = cell.series && new Map(cell.series.map((s) => [s.series, s.weight ?? 1]));
	const targets = (document.data ?? [])
		.filter((s) => s.variable && (!weights || weights.has(s.id)))
		.map((s) => ({
			name: s.name,
			variable: findVariable(document.model, s.variable!)?.name ?? s.variable!,
			times: s.times,
			values: s.values,
			weight: weights?.get(s.id) ?? 1
		}));
	if (targets.length === 0)
		return 'no data series is linked to a model variable: import data and link a series in a data cell';
	return { parameters, targets, payoff: cell.payoff ?? 'least-squares', restarts: 3 };
}

export function optimisationSpec(
	document: FlowbookDocument,
	cell: OptimisationCell
): Omit<OptimiseSpec, 'signal' | 'onProgress'> | string {
	const objective = parseObjective(cell.objective);
	if (typeof objective === 'string') return objective;
	// The notebook runs the model as it is: the objective names one of its variables.
	const target = findVariable(document.model, objective.expression);
	if (!target)
		return `the objective names "${objective.expression}", which is not a variable of the model (for an expression, make it an auxiliary)`;
	const levers = [];
	for (const l of cell.levers) {
		const variable = findVariable(document.model, l.variable);
		if (!variable) return `the model has no constant "${l.variable}" to move`;
		const lever = document.levers.find((n) => n.variable === variable.id);
		const base = variable.kind === 'aux' ? Number(variable.equation) : NaN;
		levers.push({
			name: variable.name,
			min: l.min,
			max: l.max,
			cost: lever?.cost?.perYear ?? 0,
			base: Number.isFinite(base) ? base : 0
		});
	}
	if (levers.length === 0) return 'choose levers to move in Settings';
	const scenario = cell.scenario ? findScenario(document.scenarios, cell.scenario) : undefined;
	if (cell.scenario && !scenario) return `there is no scenario "${cell.scenario}" to start from`;
	const start = scenario?.overrides ?? {};
	let samples: Record<string, number>[] | undefined = scenario ? [start] : undefined;
	if (cell.robust) {
		const drawn = robustSamples(document, cell.robust);
		if (typeof drawn === 'string') return drawn;
		samples = drawn.map((overrides) => ({ ...start, ...overrides }));
	}
	return {
		levers,
		objective,
		output: target.name,
		budget: cell.budget,
		frontier: cell.frontier,
		restarts: 2,
		// The scenario's overrides (and the samples') sit under the levers' values (optimise() puts a sample's first).
		...(samples && { samples })
	};
}

/** A sensitivity cell's uncertain constants drawn `runs` times from its seed, as override sets. */
function robustSamples(
	document: FlowbookDocument,
	robust: NonNullable<OptimisationCell['robust']>
): Record<string, number>[] | string {
	const cell = document.cells.find((c) => c.id === robust.sensitivity);
	if (cell?.kind !== 'sensitivity') return `no sensitivity cell has the id "${robust.sensitivity}"`;
	const parameters = [];
	for (const p of cell.parameters ?? []) {
		const variable = findVariable(document.model, p.variable);
		if (!variable) return `the sensitivity analysis varies "${p.variable}", which the model lacks`;
		parameters.push({ name: variable.name, distribution: p.distribution });
	}
	if (parameters.length === 0)
		return 'the sensitivity analysis names no uncertain constants to average over';
	return drawSamples(parameters, robust.runs ?? 20, cell.seed ?? DEFAULT_SEED).map(
		(s) => s.overrides
	);
}
