/**
 * Older notebook documents, brought up to the current schema when they are read. Each migration
 * turns a version-N document into version N+1; readDocument applies them in order, so a
 * document saved years ago opens through every step since.
 *
 * To change the schema: raise SCHEMA_VERSION in types.ts, add the step from the old version
 * here, and give it a test with a document of the old version.
 */
import { SCHEMA_VERSION } from './types';

/** A parsed document not yet checked against the schema: anything may be missing or wrong. */
export type DocumentData = Record<string, unknown>;

export interface Migration {
	/** The version this step reads; it writes version `from + 1`. */
	from: number;
	/** What changed, in a line. */
	description: string;
	/** Changes the document in place; it may hold anything, so check shapes before use. */
	migrate(document: DocumentData): void;
}

const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** Moves `from` to `to` unless `to` is already set; `from` is removed either way. */
function rename(object: Record<string, unknown>, from: string, to: string): void {
	if (!(from in object)) return;
	if (object[to] === undefined) object[to] = object[from];
	delete object[from];
}

export const MIGRATIONS: readonly Migration[] = [
	{
		from: 0,
		description:
			'The draft schema used XMILE-style field names: simSpecs.savePer becomes saveStep, and a ' +
			"variable's eqn becomes its equation (a stock's initial)",
		migrate(document) {
			const model = document.model;
			if (!isObject(model)) return;
			if (isObject(model.simSpecs)) rename(model.simSpecs, 'savePer', 'saveStep');
			if (!Array.isArray(model.variables)) return;
			for (const variable of model.variables) {
				if (isObject(variable))
					rename(variable, 'eqn', variable.kind === 'stock' ? 'initial' : 'equation');
			}
		}
	}
];

export interface Migrated {
	document: DocumentData;
	/** The migrations applied, oldest first (none for a current document). */
	applied: Migration[];
}

/**
 * The document at version `target`, from a version below it; the input is left unchanged.
 * The caller has checked that the version is a whole number no newer than `target`.
 */
export function migrateDocument(
	data: DocumentData,
	migrations: readonly Migration[] = MIGRATIONS,
	target: number = SCHEMA_VERSION
): Migrated {
	const document = structuredClone(data);
	const applied: Migration[] = [];
	let version = document.schemaVersion as number;
	while (version < target) {
		const step = migrations.find((m) => m.from === version);
		// A gap is a bug here, not in the document; migrate.spec.ts checks that every version has its step.
		if (!step) throw new Error(`no migration from schema version ${version}`);
		step.migrate(document);
		version = step.from + 1;
		document.schemaVersion = version;
		applied.push(step);
	}
	return { document, applied };
}
