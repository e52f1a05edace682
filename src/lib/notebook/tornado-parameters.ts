/**
 * The uncertain constants a tornado varies: those of the sensitivity cell it names (or the
 * notebook's first), as that cell varies them (its first lever over its range until it is set);
 * with no sensitivity cell, every lever over its slider's range.
 */
import { findVariable } from '../model/lookup';
import type { Cell, FlowbookDocument, SensitivityParameter } from '../model/types';
import { constantValue } from './runs.svelte';
import { defaultDistribution } from './sensitivity';

type Tornado = Extract<Cell, { kind: 'tornado' }>;

function leverParameter(document: FlowbookDocument, idOrName: string): SensitivityParameter {
	const variable = findVariable(document.model, idOrName);
	const lever = document.levers.find((l) => l.variable === variable?.id);
	return {
		variable: variable?.id ?? idOrName,
		distribution: defaultDistribution(constantValue(variable) ?? 0, lever)
	};
}

export function tornadoParameters(
	document: FlowbookDocument,
	cell: Pick<Tornado, 'sensitivity'>
): { parameters: SensitivityParameter[]; source: string } {
	const sensitivities = document.cells.filter((c) => c.kind === 'sensitivity');
	const chosen = cell.sensitivity
		? sensitivities.find((c) => c.id === cell.sensitivity)
		: sensitivities[0];
	if (chosen?.kind === 'sensitivity')
		return {
			parameters:
				chosen.parameters ??
				document.levers.slice(0, 1).map((l) => leverParameter(document, l.variable)),
			source: 'the sensitivity analysis’s uncertain constants'
		};
	return {
		parameters: document.levers.map((l) => leverParameter(document, l.variable)),
		source: 'every lever over its slider’s range'
	};
}
