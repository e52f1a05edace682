/**
 * An optimisation's objective as a planner writes it: `min EXPR at TIME` or `max EXPR at TIME`
 * ("min delayed bed days at 1095", "max four hour performance at 5"), where EXPR is any equation
 * of the model's variables and TIME is model time (the end of the run when `at` is left out).
 * The expression joins the model as an auxiliary of its own, so the engine, not this module,
 * evaluates it, and its problems come back as the compiler's, naming the objective.
 */
import type { Auxiliary, Model } from '../model/types';

export interface Objective {
	sense: 'min' | 'max';
	expression: string;
	/** Model time; the end of the run when absent. */
	at?: number;
}

/** The name the objective's auxiliary has in the model it is added to. */
export const OBJECTIVE_NAME = 'optimisation objective';

export function parseObjective(text: string): Objective | string {
	const match = /^\s*(min|max)(?:imi[sz]e)?\s+(.+?)(?:\s+at\s+(\S+))?\s*$/i.exec(text);
	if (!match)
		return `the objective must read "min EXPR at TIME" or "max EXPR at TIME" (it is "${text.trim()}")`;
	const [, sense, expression, time] = match;
	if (time === undefined) return { sense: sense.toLowerCase() as 'min' | 'max', expression };
	const at = Number(time);
	if (!Number.isFinite(at)) return `the objective's time must be a number, not "${time}"`;
	return { sense: sense.toLowerCase() as 'min' | 'max', expression, at };
}

/** The model with the objective's expression as an auxiliary, OBJECTIVE_NAME. */
export function withObjective(model: Model, objective: Objective): Model {
	const variable: Auxiliary = {
		id: 'analysis:objective',
		kind: 'aux',
		name: OBJECTIVE_NAME,
		equation: objective.expression
	};
	return { ...model, variables: [...model.variables, variable] };
}
