/**
 * Running conformance cases: read the reference, read the model, compile, run, compare, and
 * classify the outcome against the expected-failure lists. File access and the engine come in as
 * functions, so this module has no I/O of its own and every step can be tested with fakes.
 * Nothing thrown by a case escapes: it becomes that case's failure reason.
 */
import { formatDiagnostic, type Diagnostic } from '../model/diagnostics';
import type { Model } from '../model/types';
import type { CompileResult } from '../engine/api';
import { compareOutput, type WorstValue } from './compare';
import { parseExpectedOutput, separatorFor, type ExpectedOutput } from './expected-output';
import { caseKey, expectationFor, type Expectation, type KnownConflict } from './expected-failures';
import { dataFilesFor } from '../vensim/data-files';
import type { DataFiles } from '../vensim/workbook';
import { folderOf, joinPath, variantFiles, type ConformanceCase } from './manifest';

/** Files of the suite, by `/` separated path relative to the suite folder. */
export interface SuiteFiles {
	readText(path: string): string;
	/** A file's bytes (the spreadsheets a .mdl reads); undefined when there is none. */
	readBytes?(path: string): Uint8Array | undefined;
	/** File names in a folder. */
	listFolder(path: string): string[];
}

type ReadModel = (
	text: string,
	options?: { files?: DataFiles }
) => { model: Model; diagnostics: Diagnostic[]; name?: string };

/** The readers and the engine, as src/lib/xmile/read.ts, src/lib/vensim/read.ts and src/lib/engine export them. */
export interface Toolchain {
	readXmile: ReadModel;
	/** For .mdl cases (the Vensim suite); such a case fails to import without it. */
	readVensim?: ReadModel;
	compileModel(model: Model): CompileResult;
}

export type CaseStatus = 'pass' | 'fail' | 'xfail' | 'xpass';

/** Where a case stopped: the step whose failure is the reason. */
export type Stage = 'reference' | 'read' | 'import' | 'compile' | 'run' | 'compare';

/** What running one model against its reference found. */
interface Findings {
	/** Why the case did not pass (fail and xfail). */
	reason?: string;
	stage?: Stage;
	/** The value furthest outside its tolerance (fail), or nearest to it (pass). */
	worst?: WorstValue;
	/** The earliest value out of tolerance (fail). */
	first?: WorstValue;
	/** Values compared and values out of tolerance. */
	compared?: number;
	failed?: number;
}

export interface CaseResult extends Findings {
	name: string;
	/** Variant file name, for a variant run (--variants). */
	variant?: string;
	/** `name` or `name [variant]`: how the case is printed and keyed. */
	label: string;
	tier: string;
	status: CaseStatus;
	/** Why this case is allowed to fail, when it is listed. */
	expectation?: Expectation;
	/** Wall time of the case in milliseconds. */
	ms: number;
}

interface Outcome extends Findings {
	passed: boolean;
}

function messageOf(e: unknown): string {
	if (e instanceof Error) return e.message || e.name;
	return String(e);
}

function formatDiagnostics(diagnostics: readonly Diagnostic[], max = 3): string {
	const errors = diagnostics.filter((d) => d.severity === 'error');
	const list = errors.length > 0 ? errors : diagnostics;
	const shown = list.slice(0, max).map((d) => formatDiagnostic(d).replace(/^error: /, ''));
	const more = list.length > max ? ` (+${list.length - max} more)` : '';
	return shown.join('; ') + more;
}

/** The reason an exception gives: InputError's diagnostics when it has them, else its message. */
function exceptionReason(e: unknown): string {
	const diagnostics = (e as { diagnostics?: unknown })?.diagnostics;
	if (Array.isArray(diagnostics) && diagnostics.length > 0) {
		const formatted = formatDiagnostics(diagnostics as Diagnostic[]);
		const message = messageOf(e);
		return formatted.includes(message) ? formatted : `${message}: ${formatted}`;
	}
	return messageOf(e);
}

/** Read and parse a case's reference output. Throws with a message naming the file. */
export function loadExpected(c: ConformanceCase, files: SuiteFiles): ExpectedOutput {
	let text: string;
	try {
		text = files.readText(c.expected);
	} catch (e) {
		throw new Error(`cannot read reference output ${c.expected}: ${messageOf(e)}`, { cause: e });
	}
	try {
		return parseExpectedOutput(text, separatorFor(c.expected, text));
	} catch (e) {
		throw new Error(`reference output ${c.expected}: ${messageOf(e)}`, { cause: e });
	}
}

/** Run one model file against a parsed reference. Never throws. */
export function runModel(
	modelPath: string,
	expected: ExpectedOutput,
	c: ConformanceCase,
	files: SuiteFiles,
	toolchain: Toolchain
): Outcome {
	let text: string;
	try {
		text = files.readText(modelPath);
	} catch (e) {
		return {
			passed: false,
			stage: 'read',
			reason: `cannot read model file ${modelPath}: ${messageOf(e)}`
		};
	}

	let model: Model;
	try {
		// The spreadsheets a .mdl reads sit beside it in the suite.
		const dataFiles = /\.mdl$/i.test(modelPath)
			? dataFilesFor(text, (path) =>
					files.readBytes?.(joinPath(folderOf(modelPath), path.replace(/\\/g, '/')))
				)
			: undefined;
		const read = readerFor(modelPath, toolchain)(text, dataFiles && { files: dataFiles });
		if (read.diagnostics.some((d) => d.severity === 'error'))
			return {
				passed: false,
				stage: 'import',
				reason: `import error: ${formatDiagnostics(read.diagnostics)}`
			};
		model = read.model;
	} catch (e) {
		return { passed: false, stage: 'import', reason: `import error: ${exceptionReason(e)}` };
	}

	let compiled: CompileResult;
	try {
		compiled = toolchain.compileModel(model);
	} catch (e) {
		return {
			passed: false,
			stage: 'compile',
			reason: `compile error (exception): ${exceptionReason(e)}`
		};
	}
	if (!compiled.ok) {
		const detail =
			compiled.diagnostics.length > 0
				? formatDiagnostics(compiled.diagnostics)
				: 'no diagnostics given';
		return { passed: false, stage: 'compile', reason: `compile error: ${detail}` };
	}

	let result;
	try {
		result = compiled.simulation.run();
	} catch (e) {
		return { passed: false, stage: 'run', reason: `run error (exception): ${exceptionReason(e)}` };
	}

	let comparison;
	try {
		comparison = compareOutput(expected, result, { ignoreColumns: c.ignoreColumns });
	} catch (e) {
		return { passed: false, stage: 'compare', reason: `comparison failed: ${messageOf(e)}` };
	}
	const counts = {
		worst: comparison.worst,
		first: comparison.first,
		compared: comparison.compared,
		failed: comparison.failed
	};
	if (result.error) {
		const runError = `run error: ${formatDiagnostic(result.error).replace(/^(error|warning): /, '')}`;
		const before = comparison.kind === 'values' ? `; before it, ${comparison.reason}` : '';
		return { passed: false, stage: 'run', reason: runError + before, ...counts };
	}
	if (!comparison.ok)
		return { passed: false, stage: 'compare', reason: comparison.reason, ...counts };
	return { passed: true, ...counts };
}

/** The reader for a model file, by its extension: .mdl is Vensim's, anything else XMILE. */
function readerFor(path: string, toolchain: Toolchain): ReadModel {
	if (!/\.mdl$/i.test(path)) return toolchain.readXmile;
	if (!toolchain.readVensim) throw new Error('no Vensim reader was given for this .mdl case');
	return toolchain.readVensim;
}

function classify(passed: boolean, expectation: Expectation | undefined): CaseStatus {
	// A known conflict excuses only its columns (see runSuite): the rest must pass like any case.
	if (expectation?.kind === 'expected-failure') return passed ? 'xpass' : 'xfail';
	return passed ? 'pass' : 'fail';
}

export interface SuiteOptions {
	/** Also run every other .xmile/.stmx file in each case's folder against its reference. */
	variants?: boolean;
	/** Run only the cases (and variants) whose label this accepts. */
	filter?: (label: string) => boolean;
	/** Override the lists in expected-failures.ts (tests). */
	expectedFailures?: Readonly<Record<string, string>>;
	knownConflicts?: Readonly<Record<string, KnownConflict>>;
	/** Called as each case finishes, for streaming output. */
	onResult?: (result: CaseResult) => void;
	/** Clock in milliseconds (defaults to Date.now). */
	now?: () => number;
}

/** Run the cases of a suite in manifest order, each followed by its variants when asked. */
export function runSuite(
	cases: readonly ConformanceCase[],
	files: SuiteFiles,
	toolchain: Toolchain,
	options: SuiteOptions = {}
): CaseResult[] {
	const now = options.now ?? Date.now;
	const lists = {
		expectedFailures: options.expectedFailures,
		knownConflicts: options.knownConflicts
	};
	const results: CaseResult[] = [];
	const emit = (r: CaseResult) => {
		results.push(r);
		options.onResult?.(r);
	};

	for (const c of cases) {
		const runs: { variant?: string; path: string }[] = [{ path: c.model }];
		if (options.variants) {
			const folder = folderOf(c.model);
			let names: string[] = [];
			try {
				names = variantFiles(c, files.listFolder(folder));
			} catch {
				// A folder that cannot be listed has no variants to run; the case itself still runs.
			}
			for (const v of names) runs.push({ variant: v, path: joinPath(folder, v) });
		}
		const selected = runs.filter(
			(r) => !options.filter || options.filter(caseKey(c.name, r.variant))
		);
		if (selected.length === 0) continue;

		let expected: ExpectedOutput | undefined;
		let referenceError: string | undefined;
		for (const r of selected) {
			const started = now();
			let outcome: Outcome;
			const expectation = expectationFor(c.name, r.variant, lists);
			const excused = expectation?.kind === 'known-conflict' ? expectation.columns : [];
			const compared = excused.length
				? { ...c, ignoreColumns: [...(c.ignoreColumns ?? []), ...excused] }
				: c;
			try {
				if (!expected && !referenceError) {
					try {
						expected = loadExpected(c, files);
					} catch (e) {
						referenceError = messageOf(e);
					}
				}
				outcome =
					referenceError || !expected
						? { passed: false, stage: 'reference', reason: referenceError ?? 'no reference output' }
						: runModel(r.path, expected, compared, files, toolchain);
			} catch (e) {
				outcome = { passed: false, reason: `unexpected error: ${messageOf(e)}` };
			}
			emit({
				name: c.name,
				...(r.variant ? { variant: r.variant } : {}),
				label: caseKey(c.name, r.variant),
				tier: c.tier,
				status: classify(outcome.passed, expectation),
				...(outcome.reason !== undefined ? { reason: outcome.reason } : {}),
				...(outcome.stage ? { stage: outcome.stage } : {}),
				...(outcome.worst ? { worst: outcome.worst } : {}),
				...(outcome.first ? { first: outcome.first } : {}),
				...(outcome.compared !== undefined
					? { compared: outcome.compared, failed: outcome.failed }
					: {}),
				...(expectation ? { expectation } : {}),
				ms: Math.max(0, now() - started)
			});
		}
	}
	return results;
}
