/**
 * `flowbook convert IN OUT` (npm run convert -- IN OUT)
 *
 * Converts a model between XMILE (.xmile, .stmx) and a Flowbook notebook (.flowbook.json), each
 * format told by its file's extension; a Vensim model (.mdl) converts to either. XMILE or Vensim
 * in, notebook out makes a new notebook around the model (titled by the model's name, else the
 * file's); notebook in, XMILE out writes its model.
 * The same format on both sides rewrites the file (an old notebook comes out migrated).
 *
 * Warnings go to stderr and the conversion goes ahead; errors go to stderr with exit code 1 and
 * nothing is written. Never a stack trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from './args';
import { readVensimBeside } from './load-model';
import { documentFromModel, readDocument, writeDocument } from '../lib/model/document';
import { formatDiagnostic, hasErrors, InputError, type Diagnostic } from '../lib/model/diagnostics';
import type { FlowbookDocument } from '../lib/model/types';
import { readXmile } from '../lib/xmile/read';
import { writeXmile } from '../lib/xmile/write';

export const usage = `usage: flowbook convert IN OUT   (npm run convert -- IN OUT)

Converts a model between XMILE (.xmile, .stmx) and a Flowbook notebook (.flowbook.json), each told
by its extension; IN may also be a Vensim .mdl. Warnings go to stderr; on an error nothing is written.`;
const USAGE = usage;

class UsageError extends Error {}

/** The file being converted, for labelling messages that point into it (set once known). */
let inputFile: string | undefined;

type Format = 'xmile' | 'notebook' | 'vensim';

const XMILE_EXTENSIONS = ['.xmile', '.stmx', '.xml'];

function formatOf(path: string): Format {
	const lower = path.toLowerCase();
	if (XMILE_EXTENSIONS.some((ext) => lower.endsWith(ext))) return 'xmile';
	if (lower.endsWith('.json')) return 'notebook';
	if (lower.endsWith('.mdl')) return 'vensim';
	throw new UsageError(
		`cannot tell the format of ${path}: use a .xmile, .stmx or .flowbook.json file`
	);
}

/** The file's name without its model extension, as a title: "teacup.stmx" → "teacup". */
function titleFromFile(path: string): string {
	return basename(path).replace(/\.(flowbook\.json|json|xmile|stmx|xml|mdl)$/i, '');
}

function readText(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw new InputError(`no such file: ${path}`);
		if (code === 'EISDIR') throw new InputError(`${path} is a folder, not a model file`);
		throw new InputError(`cannot read ${path}: ${(e as Error).message}`);
	}
}

/** The input as a notebook, with what reading it found. */
function readInput(
	path: string,
	format: Format
): { document: FlowbookDocument; diagnostics: Diagnostic[] } {
	const text = readText(path);
	if (format === 'notebook') return readDocument(text);
	const read = format === 'vensim' ? readVensimBeside(path, text) : readXmile(text);
	return {
		document: documentFromModel(read.model, read.name ?? titleFromFile(path)),
		diagnostics: read.diagnostics
	};
}

function convert(argv: readonly string[]): number {
	const args = parseArgs(argv, { flags: ['help'], aliases: { h: 'help' } });
	if (!args.ok) throw new UsageError(args.message);
	if (args.flags.has('help')) {
		console.log(USAGE);
		return 0;
	}
	if (args.positionals.length !== 2) {
		throw new UsageError(
			`give the file to convert and the file to write (${args.positionals.length === 1 ? 'only one was given' : `${args.positionals.length} were given`})`
		);
	}
	const [input, output] = args.positionals;
	inputFile = input;
	const from = formatOf(input);
	const to = formatOf(output);
	if (to === 'vensim')
		throw new UsageError(
			`Flowbook reads Vensim models but does not write them: write ${output} as .xmile or .flowbook.json`
		);

	const { document, diagnostics } = readInput(input, from);
	for (const d of diagnostics) console.error(formatDiagnostic(d, input));
	if (hasErrors(diagnostics)) {
		const errors = diagnostics.filter((d) => d.severity === 'error').length;
		console.error(
			`convert: ${input} has ${errors} error${errors === 1 ? '' : 's'}; nothing written`
		);
		return 1;
	}

	const text =
		to === 'notebook'
			? writeDocument(document)
			: writeXmile(document.model, { name: document.title });
	try {
		writeFileSync(output, text);
	} catch (e) {
		throw new InputError(`cannot write ${output}: ${(e as Error).message}`);
	}
	const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
	const { variables, modules = [], macros = [] } = document.model;
	const parts = [
		counted(variables.length, 'variable'),
		...(modules.length ? [counted(modules.length, 'module')] : []),
		...(macros.length ? [counted(macros.length, 'macro')] : [])
	];
	console.log(`${input} → ${output}: ${parts.join(', ')}`);
	return 0;
}

/** `flowbook convert`: exit code 0, or 1 with the problem on stderr (never a stack trace). */
export async function main(argv: readonly string[]): Promise<number> {
	try {
		return convert(argv);
	} catch (e) {
		if (e instanceof UsageError) console.error(`convert: ${e.message}\n${USAGE}`);
		else if (e instanceof InputError) {
			// A message that points into the file (malformed XML or JSON) is labelled with it.
			for (const d of e.diagnostics)
				console.error(d.line ? formatDiagnostic(d, inputFile) : `convert: ${d.message}`);
		} else console.error(`convert: ${e instanceof Error ? e.message : String(e)}`);
		return 1;
	}
}
