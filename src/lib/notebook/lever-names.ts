/** What a constant an override sets is called in words: its lever's label, else its name. */
import { findVariable } from '../model/lookup';
import { canonicalName, displayName } from '../model/names';
import type { FlowbookDocument } from '../model/types';
import { constantValue } from './runs.svelte';

export function overrideLabel(document: FlowbookDocument, key: string): string {
	const variable = findVariable(document.model, key);
	const names = new Set([
		canonicalName(key),
		...(variable ? [canonicalName(variable.id), canonicalName(variable.name)] : [])
	]);
	const lever = document.levers.find((l) => names.has(canonicalName(l.variable)));
	return lever?.label ?? displayName(variable?.name ?? key);
}

/** A constant's value as an override sets it, or the model's own when it sets none. */
export function valueOrOwn(
	document: FlowbookDocument,
	key: string,
	value: number | undefined
): number | undefined {
	return value ?? constantValue(findVariable(document.model, key));
}
