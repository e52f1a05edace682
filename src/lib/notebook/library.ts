/**
 * The example notebooks shipped in the top-level models/ folder, read at build time.
 * Files are imported as raw text rather than as JSON so that one malformed file shows up as a
 * message on the home page instead of failing the whole build.
 */
import { parseJsonText } from '../model/json-text';

/** A notebook that could be read: enough to list it. */
export interface NotebookSummary {
	ok: true;
	/** File name within models/, e.g. "bathtub-basics.flowbook.json". */
	file: string;
	/** The file name without ".flowbook.json", safe in a URL. */
	slug: string;
	title: string;
	description: string;
}

/** A file in models/ that is not a usable notebook, with a sentence saying why. */
export interface NotebookProblem {
	ok: false;
	file: string;
	slug: string;
	message: string;
}

export type LibraryEntry = NotebookSummary | NotebookProblem;

const SUFFIX = '.flowbook.json';

function fileNameOf(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

function slugOf(file: string): string {
	return file.endsWith(SUFFIX) ? file.slice(0, -SUFFIX.length) : file;
}

/** Reads the title and description of one notebook file, or says what is wrong with it. */
export function summariseNotebook(path: string, text: string): LibraryEntry {
	const file = fileNameOf(path);
	const slug = slugOf(file);
	const problem = (message: string): NotebookProblem => ({ ok: false, file, slug, message });

	let value: unknown;
	try {
		value = parseJsonText(text);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return problem(
			`This file is not valid JSON: ${message.replace(/^the file is not valid JSON: /, '')}.`
		);
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return problem('This file does not contain a Flowbook notebook.');
	}

	const { title, description } = value as Record<string, unknown>;
	if (typeof title !== 'string' || title.trim() === '') {
		return problem('This notebook has no title.');
	}
	return {
		ok: true,
		file,
		slug,
		title: title.trim(),
		description: typeof description === 'string' ? description.trim() : ''
	};
}

/**
 * Summarises every file, readable notebooks first in title order, then the problem files in
 * file-name order, so what a planner can open comes first.
 */
export function summariseLibrary(files: Record<string, string>): LibraryEntry[] {
	const entries = Object.entries(files).map(([path, text]) => summariseNotebook(path, text));
	const byTitle = (a: NotebookSummary, b: NotebookSummary) =>
		a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || a.file.localeCompare(b.file);
	const notebooks = entries.filter((e): e is NotebookSummary => e.ok).sort(byTitle);
	const problems = entries
		.filter((e): e is NotebookProblem => !e.ok)
		.sort((a, b) => a.file.localeCompare(b.file));
	return [...notebooks, ...problems];
}

/** The raw text of every models/*.flowbook.json, keyed by its path ("/models/…"). */
export function exampleNotebookFiles(): Record<string, string> {
	return import.meta.glob<string>('/models/*.flowbook.json', {
		eager: true,
		query: '?raw',
		import: 'default'
	});
}

/** The example notebooks in models/, as the home page lists them. */
export function loadExampleLibrary(): LibraryEntry[] {
	return summariseLibrary(exampleNotebookFiles());
}
