/**
 * Reading a `.flowbook.json` notebook document: JSON, then shape checks that name the field.
 * (Migrations from older schema versions belong here as they arise.)
 */
import { InputError, type Diagnostic } from './diagnostics';
import type { FlowbookDocument } from './types';
import { SCHEMA_VERSION } from './types';
import { validateModel } from './validate';

export function readDocument(text: string): { document: FlowbookDocument; diagnostics: Diagnostic[] } {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		const position = /position (\d+)/.exec(message);
		const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
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
		if (typeof overrides !== 'object' || overrides === null || Object.values(overrides).some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
			error(`scenario "${scenario.name}": overrides must map constant names to numbers`);
		}
	});
	const document: FlowbookDocument = {
		description: '',
		scenarios: [],
		levers: [],
		cells: [],
		...(doc as object)
	} as unknown as FlowbookDocument;
	return { document, diagnostics };
}
