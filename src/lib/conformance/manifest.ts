/**
 * A conformance suite's manifest.json: one entry per case. Paths are relative to the suite's
 * folder and use `/`.
 */

export interface ConformanceCase {
	/** The case's folder, relative to the suite folder; also its name in reports. */
	name: string;
	/** The XMILE file to run. */
	model: string;
	/** The reference output (.csv or .tab). */
	expected: string;
	/** T1 core language, T2 delays/smoothing/lookups/non-negative, T3 arrays/modules/macros. */
	tier: string;
	features: string[];
	note: string;
	/** Reference columns that are not compared. */
	ignoreColumns: string[];
	/** True where another engine is known to pass the case. */
	verified?: boolean;
}

export class ManifestError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ManifestError';
	}
}

function stringList(value: unknown, where: string): string[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
		throw new ManifestError(`${where} must be a list of strings`);
	return value as string[];
}

/** Parse and check manifest.json text. Throws ManifestError naming the faulty entry. */
export function parseManifest(text: string): ConformanceCase[] {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		throw new ManifestError(`manifest.json is not valid JSON: ${(e as Error).message}`);
	}
	// Accept a bare list (the suite's format) or { "cases": [...] }.
	const list = Array.isArray(data)
		? data
		: data && typeof data === 'object' && Array.isArray((data as { cases?: unknown }).cases)
			? (data as { cases: unknown[] }).cases
			: undefined;
	if (!list) throw new ManifestError('manifest.json must be a list of cases');
	const seen = new Set<string>();
	return list.map((entry, i) => {
		if (!entry || typeof entry !== 'object')
			throw new ManifestError(`case ${i + 1} is not an object`);
		const e = entry as Record<string, unknown>;
		const where = typeof e.name === 'string' ? `case "${e.name}"` : `case ${i + 1}`;
		for (const field of ['name', 'model', 'expected'] as const) {
			if (typeof e[field] !== 'string' || e[field] === '')
				throw new ManifestError(`${where} has no "${field}"`);
		}
		const name = e.name as string;
		if (seen.has(name)) throw new ManifestError(`${where} appears twice`);
		seen.add(name);
		return {
			name,
			model: e.model as string,
			expected: e.expected as string,
			tier: typeof e.tier === 'string' ? e.tier : '',
			features: stringList(e.features, `${where}: features`),
			note: typeof e.note === 'string' ? e.note : '',
			ignoreColumns: stringList(e.ignore_columns, `${where}: ignore_columns`),
			verified: typeof e.verified === 'boolean' ? e.verified : undefined
		};
	});
}

/** The folder part of a `/` separated relative path ("" for a bare file name). */
export function folderOf(path: string): string {
	const i = path.lastIndexOf('/');
	return i < 0 ? '' : path.slice(0, i);
}

/** The file name part of a `/` separated path. */
export function fileOf(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

/** Join a folder and a file name with `/`. */
export function joinPath(folder: string, file: string): string {
	return folder === '' ? file : `${folder.replace(/\/+$/, '')}/${file}`;
}

/** Model files that are variants of a case's model: other .xmile/.stmx files in its folder. */
export function variantFiles(c: ConformanceCase, filesInFolder: readonly string[]): string[] {
	const model = fileOf(c.model);
	return filesInFolder
		.filter((f) => /\.(xmile|stmx)$/i.test(f) && f !== model)
		.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
