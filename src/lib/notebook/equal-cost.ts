/**
 * Options at the same spend: a scenario's lever changes from the reference, costed by the levers'
 * costs a year (Lever.cost), and scaled so the whole costs a chosen budget. "£10m a year on acute
 * beds or on community capacity": S2's 100 beds cost £10.95m, so at £10m it is 91.3 beds; S3's
 * mix is scaled by the same rule, each lever in proportion. A change to a lever with no cost
 * (demand growth, a policy switch) is kept as the scenario has it, and named.
 */
import { findVariable } from '../model/lookup';
import { canonicalName } from '../model/names';
import type { FlowbookDocument, Lever, Scenario } from '../model/types';
import { constantValue } from './runs.svelte';

export interface LeverChange {
	lever: Lever;
	/** The override's name in the scenario. */
	key: string;
	from: number;
	to: number;
}

/** A scenario's value of a constant: its override, else the model's own. */
function valueIn(
	document: FlowbookDocument,
	scenario: Scenario,
	variable: string
): { key: string; value: number } | undefined {
	const found = findVariable(document.model, variable);
	const names = new Set([
		canonicalName(variable),
		...(found ? [canonicalName(found.name), canonicalName(found.id)] : [])
	]);
	const entry = Object.entries(scenario.overrides).find(([k]) => names.has(canonicalName(k)));
	if (entry) return { key: entry[0], value: entry[1] };
	const own = constantValue(found);
	return own === undefined ? undefined : { key: found?.name ?? variable, value: own };
}

/** The levers the scenario moves from the reference, costed or not. */
export function leverChanges(
	document: FlowbookDocument,
	reference: Scenario,
	scenario: Scenario
): LeverChange[] {
	const out: LeverChange[] = [];
	for (const lever of document.levers) {
		const from = valueIn(document, reference, lever.variable);
		const to = valueIn(document, scenario, lever.variable);
		if (from && to && from.value !== to.value)
			out.push({ lever, key: to.key, from: from.value, to: to.value });
	}
	return out;
}

export interface Spend {
	/** A year, in `currency`. */
	spend: number;
	currency: string;
	/** Changed levers that carry no cost, by label. */
	uncosted: string[];
	/** Whether the costed levers use more than one currency (then nothing is added up). */
	mixed: boolean;
}

export function spendOf(changes: readonly LeverChange[]): Spend {
	const costed = changes.filter((c) => c.lever.cost);
	const currencies = [...new Set(costed.map((c) => c.lever.cost!.currency))];
	return {
		spend: costed.reduce((sum, c) => sum + (c.to - c.from) * c.lever.cost!.perYear, 0),
		currency: currencies[0] ?? 'GBP',
		uncosted: changes.filter((c) => !c.lever.cost).map((c) => c.lever.label),
		mixed: currencies.length > 1
	};
}

export interface AtBudget {
	overrides: Record<string, number>;
	/** How far each costed change is scaled: budget ÷ the scenario's own spend. */
	scale: number;
	/** The costed levers at the budget, for the table: "Acute beds 91.3". */
	levers: { label: string; value: number }[];
	/** Levers taken beyond their slider's range, by label. */
	beyond: string[];
}

/**
 * The scenario's overrides with each costed change scaled to spend `budget` a year; undefined
 * when the scenario moves no costed lever (or adds nothing to spend), so it cannot be scaled.
 */
export function atBudget(
	scenario: Scenario,
	changes: readonly LeverChange[],
	budget: number
): AtBudget | undefined {
	const { spend, mixed } = spendOf(changes);
	if (mixed || !(Math.abs(spend) > 0)) return undefined;
	const scale = budget / spend;
	const overrides = { ...scenario.overrides };
	const levers: AtBudget['levers'] = [];
	const beyond: string[] = [];
	for (const c of changes) {
		if (!c.lever.cost) continue;
		const value = c.from + (c.to - c.from) * scale;
		overrides[c.key] = value;
		levers.push({ label: c.lever.label, value });
		if (value < c.lever.min || value > c.lever.max) beyond.push(c.lever.label);
	}
	return { overrides, scale, levers, beyond };
}
