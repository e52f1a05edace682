/**
 * Reads a model file for the CLIs by its extension: `.xmile` and `.stmx` through the XMILE
 * reader, `.mdl` through the Vensim reader, `.flowbook.json` as a notebook document. Problems come back as diagnostics.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError, type Diagnostic } from '../lib/model/diagnostics';
import { readDocument } from '../lib/model/document';
import type { DataSeries, Lever, Model, Scenario } from '../lib/model/types';
import { modelWithData } from '../lib/data/data-variables';
import { dataFilesFor } from '../lib/vensim/data-files';
import { readVensim } from '../lib/vensim/read';
import { readXmile } from '../lib/xmile/read';

export interface LoadedModel {
	model: Model;
	scenarios: Scenario[];
	title?: string;
	diagnostics: Diagnostic[];
	/** A notebook's data series and levers; none for a model file. */
	data?: DataSeries[];
	levers?: Lever[];
}

/** A .mdl read with the spreadsheets its GET functions name, found beside it or where it says. */
export function readVensimBeside(path: string, text: string) {
	const files = dataFilesFor(text, (name) => {
		const beside = resolve(dirname(path), name.replace(/\\/g, '/'));
		return existsSync(beside) ? readFileSync(beside) : undefined;
	});
	return readVensim(text, { files });
}

export function loadModelFile(path: string): LoadedModel {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		throw new InputError(
			code === 'ENOENT'
				? `no such file: ${path}`
				: code === 'EISDIR'
					? `${path} is a folder, not a model file`
					: `cannot read ${path}: ${(e as Error).message}`
		);
	}
	const lower = path.toLowerCase();
	if (lower.endsWith('.xmile') || lower.endsWith('.stmx') || lower.endsWith('.xml')) {
		const read = readXmile(text);
		return { model: read.model, scenarios: [], title: read.name, diagnostics: read.diagnostics };
	}
	if (lower.endsWith('.mdl')) {
		const read = readVensimBeside(path, text);
		return { model: read.model, scenarios: [], title: read.name, diagnostics: read.diagnostics };
	}
	if (lower.endsWith('.json')) {
		const { document, diagnostics } = readDocument(text);
		return {
			// Data series that equations read are variables of the model that runs (data/data-variables.ts).
			model: modelWithData(document.model, document.data).model,
			scenarios: document.scenarios ?? [],
			data: document.data,
			levers: document.levers,
			title: document.title,
			diagnostics
		};
	}
	throw new InputError(
		`cannot tell the format of ${path}: use a .xmile, .stmx, .mdl or .flowbook.json file`
	);
}
