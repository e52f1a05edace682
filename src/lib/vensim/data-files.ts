/**
 * The data files a .mdl reads, gathered for readVensim by whoever holds the files: the CLI reads
 * them beside the model, the conformance runner from its suite, the browser from what the user
 * chose. Each is parsed once, whatever the number of calls that read it.
 */
import { InputError } from '../model/diagnostics';
import { dataFileReferences } from './external-data';
import { readWorkbook } from './spreadsheet';
import { dataFileKey, type DataFiles, type Workbook } from './workbook';

/**
 * The workbooks a model's text refers to, each found by `bytesOf(path as written)`; a file it
 * cannot find is left out, and the reader then names the variable that needed it.
 */
export function dataFilesFor(
	text: string,
	bytesOf: (path: string) => Uint8Array | undefined
): DataFiles {
	const files = new Map<string, Workbook>();
	for (const path of dataFileReferences(text)) {
		const bytes = bytesOf(path);
		if (bytes) files.set(dataFileKey(path), workbookOrError(path, bytes));
	}
	return files;
}

/** Workbooks from files the user gave (name and bytes), by name. */
export function dataFilesFrom(given: Iterable<{ name: string; bytes: Uint8Array }>): DataFiles {
	const files = new Map<string, Workbook>();
	for (const { name, bytes } of given) files.set(dataFileKey(name), workbookOrError(name, bytes));
	return files;
}

function workbookOrError(name: string, bytes: Uint8Array): Workbook {
	try {
		return readWorkbook(name, bytes);
	} catch (e) {
		throw new InputError(e instanceof Error ? e.message : String(e));
	}
}
