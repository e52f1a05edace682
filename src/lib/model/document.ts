/**
 * Reading a `.flowbook.json` notebook document: JSON, then shape checks that name the field.
 * (Migrations from older schema versions belong here as they arise.)
 */
import { InputError, type Diagnostic } from './diagnostics';
import type { FlowbookDocument } from './types';
import { SCHEMA_VERSION } from './types';
import { validateModel } from './validate';

/**
 * Where JSON.parse stopped. Its messages vary: "… at position 31", "Unexpected end of JSON
 * input", or "Unexpected token '}', …"title": }" is not valid JSON" quoting the text around it.
 */
export function jsonErrorOffset(text: string, message: string): number | undefined {
	const position = /position (\d+)/.exec(message);
	if (position) return Number(position[1]);
	if (/end of JSON input/i.test(message)) return text.trimEnd().length;
	const quoted = /"(?:\.\.\.)?([\s\S]*?)(?:\.\.\.)?" is not valid JSON/.exec(message);
	const token = /Unexpected token '(.)'/.exec(message)?.[1];
	if (quoted && quoted[1]) {
		const at = text.indexOf(quoted[1]);
		if (at >= 0) return at + Math.max(0, token ? quoted[1].lastIndexOf(token) : 0);
	}
	return undefined;
}

export function readDocument(text: string): { document: FlowbookDocument; diagnostics: Diagnostic[] } {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		const offset = jsonErrorOffset(text, message);
		const line = offset === undefined ? undefined : text.slice(0, offset).split('\n').length;
		throw new InputError(`the file is not valid JSON: ${message}`, [{ severity: 'error', message: `the file is not valid JSON: ${message}`, line }]);
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new InputError('a Flowbook document must be a JSON object');
	const doc = data as Record<string, unknown>;
	const diagnostics: Diagnostic[] = [];
	const error = (message: string) => diagnostics.push({ severity: 'error', message });
	if (typeof doc.schemaVersion !== 'number') error('schemaVersion is missing: this does not look like a Flowbook document');
	else if (doc.schemaVersion > SCHEMA_VERSION) {
		error(`schemaVersion ${doc.schemaVersion} is newer than this Flowbook understands (${SCHEMA_VERSION}): update Flowbook`);
	}
	if (typeof doc.title !== 'string') error('title must be text');
	diagnostics.push(...validateModel(doc.model));
	for (const field of ['scenarios', 'levers', 'cells'] as const) {
		if (doc[field] !== undefined && !Array.isArray(doc[field])) error(`${field} must be a list`);
	}
	(Array.isArray(doc.scenarios) ? doc.scenarios : []).forEach((s: unknown, i: number) => {
		const scenario = s as Record<string, unknown> | null;
		if (!scenario || typeof scenario.name !== 'string') return error(`scenarios[${i}] needs a name`);
		const overrides = scenario.overrides;
		if (
			typeof overrides !== 'object' ||
			overrides === null ||
			Array.isArray(overrides) ||
			Object.values(overrides).some((x) => typeof x !== 'number' || !Number.isFinite(x))
		) {
			error(`scenario "${scenario.name}": overrides must map constant names to numbers`);
		}
	});
	const model = doc.model as { simSpecs?: { method?: string } } | undefined;
	if (model?.simSpecs && typeof model.simSpecs === 'object' && model.simSpecs.method === undefined) model.simSpecs.method = 'euler';
	const document: FlowbookDocument = {
		description: '',
		scenarios: [],
		levers: [],
		cells: [],
		...(doc as object)
	} as unknown as FlowbookDocument;
	return { document, diagnostics };
}
