import type { Scenario } from './types';

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
