import type { FlowbookDocument, Scenario } from './types';

/**
 * Finds a scenario by its full name or by its code, the first word of the name
 * ("S3" finds "S3 same money in community"), ignoring case.
 */
export function findScenario(scenarios: readonly Scenario[], wanted: string): Scenario | undefined {
	const key = wanted.trim().toLowerCase();
	return (
		scenarios.find((s) => s.name.toLowerCase() === key) ??
		scenarios.find((s) => s.id?.toLowerCase() === key) ??
		scenarios.find((s) => s.name.trim().split(/\s+/)[0].toLowerCase() === key)
	);
}

/**
 * The scenario the notebook compares every other one with (FlowbookDocument.reference): the one
 * it names, else the first; undefined only when there are no scenarios.
 */
export function referenceScenario(
	document: Pick<FlowbookDocument, 'scenarios' | 'reference'>
): Scenario | undefined {
	const named = document.reference
		? findScenario(document.scenarios, document.reference)
		: undefined;
	return named ?? document.scenarios[0];
}

/** Scenarios with the one compared with first, the others in their own order. */
export function referenceFirst(
	scenarios: readonly Scenario[],
	reference: Scenario | undefined
): Scenario[] {
	if (!reference || !scenarios.some((s) => s.id === reference.id)) return [...scenarios];
	return [reference, ...scenarios.filter((s) => s.id !== reference.id)];
}
