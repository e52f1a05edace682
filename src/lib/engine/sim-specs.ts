import { startDateProblem } from '../model/calendar';
import type { Diagnostic } from '../model/diagnostics';
import type { SimSpecs } from '../model/types';

export const METHODS = ['euler', 'rk2', 'rk4'] as const;

/** The number of steps a run may take before it is refused (a typo such as DT 0.00001 over 100 years). */
export const DEFAULT_STEP_BUDGET = 10_000_000;

/** Checks run settings; every problem names the setting and its value. */
export function checkSimSpecs(
	specs: Partial<SimSpecs> | undefined,
	stepBudget = DEFAULT_STEP_BUDGET
): Diagnostic[] {
	const problems: string[] = [];
	if (!specs)
		return [
			{ severity: 'error', message: 'the model has no simulation settings (start, stop, DT)' }
		];
	const { start, stop, dt, saveStep, method } = specs;
	const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
	if (!isNumber(start)) problems.push(`the start time must be a number (it is ${String(start)})`);
	if (!isNumber(stop)) problems.push(`the stop time must be a number (it is ${String(stop)})`);
	if (!isNumber(dt) || dt <= 0)
		problems.push(`DT must be a number greater than 0 (it is ${String(dt)})`);
	if (isNumber(start) && isNumber(stop) && stop < start)
		problems.push(`the stop time (${stop}) is before the start time (${start})`);
	if (saveStep !== undefined && (!isNumber(saveStep) || saveStep <= 0))
		problems.push(`the save interval must be greater than 0 (it is ${String(saveStep)})`);
	if (isNumber(dt) && dt > 0 && isNumber(saveStep) && saveStep > 0) {
		const ratio = saveStep / dt;
		if (saveStep < dt) problems.push(`the save interval (${saveStep}) is shorter than DT (${dt})`);
		else if (Math.abs(ratio - Math.round(ratio)) > 1e-6)
			problems.push(`the save interval (${saveStep}) must be a whole multiple of DT (${dt})`);
	}
	if (method !== undefined && !METHODS.includes(method))
		problems.push(`the integration method must be euler, rk2 or rk4 (it is "${String(method)}")`);
	const dateProblem = startDateProblem(specs.startDate, specs.timeUnits);
	if (dateProblem) problems.push(dateProblem);
	if (!problems.length && isNumber(start) && isNumber(stop) && isNumber(dt)) {
		const steps = (stop - start) / dt;
		if (steps > stepBudget) {
			problems.push(
				`the run would take ${Math.ceil(steps).toLocaleString('en-GB')} steps, more than the limit of ${stepBudget.toLocaleString('en-GB')}: use a larger DT or a shorter run`
			);
		}
	}
	return problems.map((message) => ({
		severity: 'error',
		message: `Simulation settings: ${message}`
	}));
}

export interface RunSchedule {
	start: number;
	stop: number;
	dt: number;
	steps: number;
	/** Save every this many steps. */
	saveEvery: number;
	rows: number;
}

/** Steps and saved rows. A run whose length is not a whole number of DTs stops at the last whole step. */
export function schedule(specs: SimSpecs): RunSchedule {
	const { start, stop, dt } = specs;
	const exact = (stop - start) / dt;
	const steps = Math.abs(exact - Math.round(exact)) < 1e-6 ? Math.round(exact) : Math.floor(exact);
	const saveStep = specs.saveStep ?? dt;
	const saveEvery = Math.max(1, Math.round(saveStep / dt));
	return { start, stop, dt, steps, saveEvery, rows: Math.floor(steps / saveEvery) + 1 };
}

/**
 * n when dt is exactly 1/n for a whole n above 1 (DT 1/16), else undefined: how a modeller
 * writes such a DT, and how Stella writes it to XMILE (`<dt reciprocal="true">16</dt>`).
 */
export function wholeReciprocal(dt: number): number | undefined {
	const whole = Math.round(1 / dt);
	return dt < 1 && whole > 1 && 1 / whole === dt ? whole : undefined;
}
