/**
 * What a table's "over the period" column means for each output, by its kind: a rate (a flow, or
 * anything in units per time) totals as its integral, in the units that integral has (patients a
 * day over five years: patients); a level (a stock, a ratio, a percentage) is averaged over the
 * period, never summed; a running total (a stock that only fills) is read at the period's end.
 */
import { findVariable } from '../model/lookup';
import type { Model, TableOutput } from '../model/types';
import { daysIn } from '../model/time-units';

export type Treatment = NonNullable<TableOutput['over']>;

/**
 * A unit that is an amount per time ("patient/day", "GBP per year", "1/year"): the amount and the
 * time; undefined for any other unit.
 */
export function perTime(units: string | undefined): { amount: string; per: string } | undefined {
	const m = /^(.*?)\s*(?:\/|\bper\b)\s*\(?\s*([A-Za-z]+)\s*\)?\s*$/.exec(units?.trim() ?? '');
	if (!m || daysIn(m[2]) === undefined) return undefined;
	return { amount: m[1].trim() || '1', per: m[2] };
}

/** How an output is summed up over a period, unless the table's row says otherwise. */
export function treatmentOf(
	model: Model,
	variable: string,
	format?: TableOutput['format']
): Treatment {
	const v = findVariable(model, variable);
	if (!v || format === 'percent') return 'average';
	if (v.kind === 'stock')
		return v.outflows.length === 0 && v.inflows.length > 0 ? 'end' : 'average';
	return v.kind === 'flow' || perTime(v.units) ? 'total' : 'average';
}

/** How one row of a table is summed up over its period, and the words that say so. */
export interface RowPeriod {
	treatment: Treatment;
	/** For a total: what one model time unit is in the rate's own time. */
	factor: number;
	/** "Total (patient)", "Average", "At the end". */
	label: string;
}

export function rowPeriod(model: Model, row: TableOutput): RowPeriod {
	const variable = findVariable(model, row.variable);
	const treatment = row.over ?? treatmentOf(model, row.variable, row.format);
	if (treatment !== 'total')
		return { treatment, factor: 1, label: treatment === 'average' ? 'Average' : 'At the end' };
	const rate = perTime(variable?.units);
	const modelDays = daysIn(model.simSpecs.timeUnits);
	const rateDays = rate && daysIn(rate.per);
	// A rate per year in a model of days adds a 365th of itself each day.
	const factor = modelDays !== undefined && rateDays !== undefined ? modelDays / rateDays : 1;
	return {
		treatment,
		factor,
		label: rate && rate.amount !== '1' ? `Total (${rate.amount})` : 'Total'
	};
}
