/**
 * The `.flowbook.json` notebook file: the whole document, versioned by `schemaVersion`.
 *
 *   const { document, diagnostics } = readDocument(text);   // parse, migrate, check
 *   const text = writeDocument(document);
 *
 * Reading parses the JSON (a syntax error names its line and column, json-text.ts), brings an
 * older document up to the current schema (migrate.ts), then checks every field
 * (document-checks.ts), naming it by its path and its line:
 * `cells[2].kind: unknown cell kind "chrat"`, `model.variables[3] ("Heat Loss").equation must
 * be text`. Wrong shapes are errors; references to things that are not there (a chart of a
 * variable the model lacks) are warnings. The model's own rules (unique names, flows that
 * exist) are validate.ts's.
 */
import { InputError, type Diagnostic } from './diagnostics';
import { checkDocument } from './document-checks';
import { at, Checks, isObject, ROOT } from './field-checks';
import { jsonLineFinder, parseJsonText } from './json-text';
import { migrateDocument } from './migrate';
import type { FlowbookDocument, Model, Scenario } from './types';
import { PALETTE } from './palette';
import { SCHEMA_VERSION } from './types';

export interface DocumentRead {
	document: FlowbookDocument;
	diagnostics: Diagnostic[];
	/** The schema version the file was written in, when it was older and has been migrated. */
	migratedFrom?: number;
}

export function readDocument(text: string): DocumentRead {
	let data = parseJsonText(text);
	if (!isObject(data)) throw new InputError('a Flowbook document must be a JSON object');

	const checks = new Checks(jsonLineFinder(text));
	const version = data.schemaVersion;
	let migratedFrom: number | undefined;
	if (typeof version !== 'number') {
		checks.error(ROOT, 'schemaVersion is missing: this does not look like a Flowbook document');
	} else if (version > SCHEMA_VERSION) {
		// Its fields may mean something this version does not know: checking them would mislead.
		checks.error(
			at(ROOT, 'schemaVersion'),
			`schemaVersion ${version} is newer than this Flowbook understands (${SCHEMA_VERSION}): update Flowbook`
		);
		return { document: data as unknown as FlowbookDocument, diagnostics: checks.diagnostics };
	} else if (!Number.isInteger(version) || version < 0) {
		checks.error(
			at(ROOT, 'schemaVersion'),
			`schemaVersion must be a whole number from 0 to ${SCHEMA_VERSION} (it is ${version})`
		);
	} else if (version < SCHEMA_VERSION) {
		data = migrateDocument(data).document;
		migratedFrom = version;
	}
	const doc = data as Record<string, unknown>;
	checkDocument(doc, checks);

	const model = doc.model as { simSpecs?: { method?: string } } | undefined;
	if (isObject(model?.simSpecs) && model.simSpecs.method === undefined)
		model.simSpecs.method = 'euler';
	const document = {
		description: '',
		scenarios: [],
		levers: [],
		cells: [],
		...doc
	} as unknown as FlowbookDocument;
	return {
		document,
		diagnostics: checks.diagnostics,
		...(migratedFrom !== undefined && { migratedFrom })
	};
}

/** The document as a `.flowbook.json` file: tab-indented, numbers exact, always the current version. */
export function writeDocument(document: FlowbookDocument): string {
	return JSON.stringify({ ...document, schemaVersion: SCHEMA_VERSION }, null, '\t') + '\n';
}

/** A new notebook around a model (an imported XMILE file): a baseline scenario and its diagram. */
export function documentFromModel(model: Model, title: string, description = ''): FlowbookDocument {
	const baseline: Scenario = {
		id: 'baseline',
		name: 'Baseline',
		colour: PALETTE[0],
		overrides: {}
	};
	return {
		schemaVersion: SCHEMA_VERSION,
		title,
		description,
		model,
		scenarios: [baseline],
		levers: [],
		cells: [{ id: 'diagram', kind: 'diagram' }]
	};
}

// ---------------------------------------------------------------------------------------------
// The checks
