/**
 * Names in XMILE are case-insensitive and treat spaces, underscores and line breaks alike
 * ("Teacup Temperature", "teacup_temperature" and "TEACUP\nTEMPERATURE" are one variable).
 * Every lookup by name goes through canonicalName so that the rule lives in one place.
 */
export function canonicalName(name: string): string {
	let n = name.trim();
	if (n.length >= 2 && n.startsWith('"') && n.endsWith('"')) n = n.slice(1, -1);
	return n
		.replace(/\\n/g, ' ')
		.replace(/[\s_]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.toLowerCase();
}

/** A name as a person reads it: underscores and escaped line breaks shown as spaces. */
export function displayName(name: string): string {
	let n = name.trim();
	if (n.length >= 2 && n.startsWith('"') && n.endsWith('"')) n = n.slice(1, -1);
	return n
		.replace(/\\n/g, ' ')
		.replace(/[\s_]+/g, ' ')
		.trim();
}

/** An id derived from a name: stable, readable, safe in URLs and XML. */
export function idFromName(name: string): string {
	return canonicalName(name).replace(/[^\p{L}\p{N}_]/gu, '_') || 'var';
}
