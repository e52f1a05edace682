/**
 * Notebooks to and from files: `.flowbook.json` as it is, `.xmile`/`.stmx` through the XMILE
 * reader and writer, Vensim's `.mdl` through the Vensim reader. File names are only ever shown as text and used as download names.
 */
import { formatDiagnostic, InputError } from '../model/diagnostics';
import { documentFromModel, readDocument, writeDocument } from '../model/document';
import type { FlowbookDocument } from '../model/types';
import { dataFileReferences } from '../vensim/external-data';
import { readVensim } from '../vensim/read';
import { dataFileKey } from '../vensim/workbook';
import { readXmile } from '../xmile/read';
import { writeXmile } from '../xmile/write';

/** What the import picker and the drop zone accept. */
export const IMPORTABLE = '.flowbook.json,.json,.xmile,.stmx,.xml,.mdl';
/** A notebook file larger than this is surely not one. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** What the picker for a model's data files accepts (GET DIRECT / GET XLS in a .mdl). */
export const DATA_FILES = '.xlsx,.xlsm,.xls,.ods,.csv,.tab,.tsv,.txt';
const MODEL_FILE = /\.(json|xmile|stmx|xml|mdl)$/i;

/** A Vensim model that reads spreadsheets that were not imported with it. */
export class MissingDataFilesError extends InputError {
	constructor(
		readonly model: File,
		/** The files the model names, as it writes them. */
		readonly missing: string[]
	) {
		super(
			`“${model.name}” reads ${missing.join(', ')}, which ${missing.length === 1 ? 'was' : 'were'} not imported with it: choose ${missing.length === 1 ? 'it' : 'them'} too.`
		);
	}
}

/** The notebook in a file, or an InputError naming the file and what is wrong with it. */
export function readNotebookFile(file: File): Promise<FlowbookDocument> {
	return readNotebookFiles([file]);
}

/**
 * The notebook in a model file chosen with the data files it reads (a .mdl's spreadsheets);
 * a MissingDataFilesError when the model reads a file that is not among them.
 */
export async function readNotebookFiles(files: readonly File[]): Promise<FlowbookDocument> {
	const file = files.find((f) => MODEL_FILE.test(f.name)) ?? files[0];
	if (!file) throw new InputError('Choose a file to import.');
	const data = files.filter((f) => f !== file);
	if (file.size > MAX_FILE_BYTES)
		throw new InputError(
			`“${file.name}” is ${Math.round(file.size / 1024 / 1024)} MB, too large to be a notebook.`
		);
	const text = await file.text();
	const lower = file.name.toLowerCase();
	try {
		if (lower.endsWith('.json')) {
			const { document, diagnostics } = readDocument(text);
			const error = diagnostics.find((d) => d.severity === 'error');
			if (error)
				throw new InputError(error.line ? `line ${error.line}: ${error.message}` : error.message);
			return document;
		}
		if (/\.(xmile|stmx|xml)$/.test(lower)) {
			const read = readXmile(text);
			const error = read.diagnostics.find((d) => d.severity === 'error');
			if (error) throw new InputError(error.message);
			return documentFromModel(read.model, read.name?.trim() || file.name.replace(/\.[^.]+$/, ''));
		}
		if (lower.endsWith('.mdl')) {
			const read = readVensim(text, { files: await dataFilesOf(file, text, data) });
			const error = read.diagnostics.find((d) => d.severity === 'error');
			// The line and the variable, so the modeller can find it in Vensim.
			if (error) throw new InputError(formatDiagnostic(error).replace(/^error: /, ''));
			return documentFromModel(read.model, file.name.replace(/\.[^.]+$/, ''));
		}
	} catch (e) {
		if (e instanceof MissingDataFilesError) throw e;
		throw new InputError(
			`Cannot import “${file.name}”: ${e instanceof Error ? e.message : String(e)}`
		);
	}
	throw new InputError(
		`Cannot import “${file.name}”: Flowbook opens .flowbook.json, .xmile, .stmx and Vensim .mdl files.`
	);
}

/** The spreadsheets a .mdl reads, from the files chosen with it; the reader loads only if needed. */
async function dataFilesOf(model: File, text: string, given: readonly File[]) {
	const wanted = dataFileReferences(text);
	if (!wanted.length) return undefined;
	const byKey = new Map(given.map((f) => [dataFileKey(f.name), f]));
	const missing = wanted.filter((name) => !byKey.has(dataFileKey(name)));
	if (missing.length) throw new MissingDataFilesError(model, missing);
	for (const f of given)
		if (f.size > MAX_FILE_BYTES)
			throw new InputError(
				`“${f.name}” is ${Math.round(f.size / 1024 / 1024)} MB, too large to read.`
			);
	const { dataFilesFrom } = await import('../vensim/data-files');
	return dataFilesFrom(
		await Promise.all(
			wanted.map(async (name) => {
				const f = byKey.get(dataFileKey(name))!;
				return { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
			})
		)
	);
}

/** A file name made from a title: letters, digits and dashes only. */
export function fileNameFor(title: string, extension: string): string {
	const base =
		title
			.normalize('NFKD')
			.replace(/[^\w\s-]/g, '')
			.trim()
			.replace(/[\s_]+/g, '-')
			.toLowerCase()
			.slice(0, 80) || 'notebook';
	return base + extension;
}

export function notebookFile(document: FlowbookDocument): File {
	return new File([writeDocument(document)], fileNameFor(document.title, '.flowbook.json'), {
		type: 'application/json'
	});
}

export function xmileFile(document: FlowbookDocument): File {
	return new File(
		[writeXmile(document.model, { name: document.title })],
		fileNameFor(document.title, '.xmile'),
		{ type: 'application/xml' }
	);
}

/** Hands a file to the browser's downloads. */
export function download(file: File): void {
	const url = URL.createObjectURL(file);
	const a = document.createElement('a');
	a.href = url;
	a.download = file.name;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
