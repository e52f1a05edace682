/**
 * `flowbook sweep FILE --samples N --seed S --vary 'name=uniform(a,b)' … --outputs a,b
 *  [--scenario NAME] [--times 365,1095] [--shard K/N] [--threads T] --out FILE.csv|FILE.parquet`,
 * or `--sensitivity` for the notebook's sensitivity cell's settings; and
 * `flowbook sweep merge PART… --out FILE` (npm run sweep).
 *
 * Sample i is drawn from (seed, i) alone, so shards and threads split the work without changing a
 * number. One row per sample and saved time: sample, time, each varied input, each output.
 * Progress goes to stderr; problems to stderr with exit code 1, never a stack trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs, type ParsedArgs } from './args';
import { loadModelFile } from './load-model';
import { compileModel } from '../lib/engine';
import { formatDiagnostic, hasErrors, InputError } from '../lib/model/diagnostics';
import { readDocument } from '../lib/model/document';
import { findScenario } from '../lib/model/scenarios';
import { MAX_SEED } from '../lib/notebook/sensitivity';
import { mergeCsv, mergeTables } from './sweep/merge';
import {
	expandOutputs,
	runSample,
	runSamples,
	sweepColumns,
	timeRows,
	type SampleSpec
} from './sweep/samples';
import { sensitivitySettings, type SweepDefaults } from './sweep/sensitivity-settings';
import { parseShard, shardRange } from './sweep/shard';
import {
	formatOf,
	rowCount,
	tableFromParquet,
	tableToCsv,
	tableToParquet,
	type SweepTable
} from './sweep/table';
import { blockSize, concat, runOnThreads } from './sweep/threads';
import { parseVary, type Vary } from './sweep/vary';

export const usage = `usage: flowbook sweep FILE --samples N --seed S --vary 'name=DIST' ... --outputs a,b [options]
       flowbook sweep FILE --sensitivity [options]
       flowbook sweep merge PART... --out FILE
   (npm run sweep -- …)

Runs a model once per sample, each sample's inputs drawn from (seed, sample index) alone, so any
split over shards, threads or machines gives the same numbers. Writes one row per sample and saved
time: sample, time, each varied input, each output.

  --vary 'name=DIST'     vary a constant (repeatable); DIST is uniform(a,b), normal(m,sd) or
                         triangular(a,mode,b); name may be one element (Beds[North]) or a whole
                         arrayed constant (every element the same draw)
  --samples N            how many samples (the whole sweep's, not a shard's)
  --seed S               whole number from 0 to 2^32 - 1 (default 1)
  --outputs a,b          the variables to write (an arrayed one by its name: every element)
  --sensitivity          take the varied inputs, samples, seed and outputs from the notebook's first
                         sensitivity cell (the options above, when given, win)
  --scenario NAME        run over one of the notebook's scenarios
  --times 365,1095       only these saved times (default: every saved time)
  --shard K/N            run shard K (from 0) of N; with /N alone K is taken from
                         JOB_COMPLETION_INDEX (Kubernetes) or SLURM_ARRAY_TASK_ID (Slurm)
  --threads T            worker threads (default: one per core)
  --out FILE             FILE.csv or FILE.parquet (default: CSV on stdout)

merge joins shards' files (all .csv or all .parquet) in sample order into --out; the result is the
same bytes as the sweep run whole.`;

class UsageError extends Error {}

function wholeNumber(args: ParsedArgs, option: string, min: number, max: number) {
	const text = args.options.get(option);
	if (text === undefined) return undefined;
	const n = Number(text);
	if (!/^\s*\d+\s*$/.test(text) || n < min || n > max)
		throw new UsageError(`--${option} needs a whole number from ${min} to ${max}, not "${text}"`);
	return n;
}

function list(text: string | undefined): string[] | undefined {
	return text
		?.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

function parseTimes(text: string | undefined): number[] | undefined {
	const items = list(text);
	if (!items) return undefined;
	return items.map((item) => {
		const t = Number(item);
		if (!Number.isFinite(t)) throw new UsageError(`--times needs numbers, not "${item}"`);
		return t;
	});
}

/** This process's CPU time so far, every thread's, in seconds. */
function cpuSeconds(): number {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1e6;
}

function say(line: string): void {
	process.stderr.write(`sweep: ${line}\n`);
}

/** Progress on stderr, at most about once a second, and always the last. */
function progress(total: number, started: number) {
	let shown = started;
	return (done: number, _ms?: number) => {
		const now = performance.now();
		if (done < total && now - shown < 1000) return;
		shown = now;
		say(`${done} of ${total} samples (${Math.round((100 * done) / Math.max(1, total))}%)`);
	};
}

function writeTable(table: SweepTable, out: string | undefined): void {
	const format = out === undefined ? 'csv' : formatOf(out);
	if (!format) throw new UsageError(`--out ${out}: write a .csv or a .parquet file`);
	const bytes = format === 'csv' ? tableToCsv(table) : tableToParquet(table);
	if (out === undefined) process.stdout.write(bytes);
	else
		try {
			writeFileSync(out, bytes);
		} catch (e) {
			throw new InputError(`cannot write ${out}: ${(e as Error).message}`);
		}
}

function readPart(path: string): Buffer {
	try {
		return readFileSync(path);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		throw new InputError(
			code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${(e as Error).message}`
		);
	}
}

async function merge(args: ParsedArgs): Promise<number> {
	const parts = args.positionals.slice(1);
	const out = args.options.get('out');
	if (!parts.length) throw new UsageError('merge needs the parts to join');
	if (!out) throw new UsageError('merge needs --out FILE.csv or FILE.parquet');
	const format = formatOf(out);
	if (!format) throw new UsageError(`--out ${out}: write a .csv or a .parquet file`);
	const other = parts.find((p) => formatOf(p) !== format);
	if (other) throw new UsageError(`${other} is not a .${format} file like ${out}`);
	if (format === 'csv') {
		const text = mergeCsv(parts.map((name) => ({ name, text: readPart(name).toString('utf8') })));
		writeFileSync(out, text);
	} else {
		const tables = [];
		for (const name of parts) {
			try {
				tables.push({ name, table: await tableFromParquet(readPart(name)) });
			} catch (e) {
				if (e instanceof InputError) throw e;
				throw new InputError(`${name} is not a readable Parquet file: ${(e as Error).message}`);
			}
		}
		const table = mergeTables(tables);
		writeTable(table, out);
	}
	say(`merged ${parts.length} part${parts.length === 1 ? '' : 's'} into ${out}`);
	return 0;
}

/** What the command line and (with --sensitivity) the notebook say to vary, and how often. */
function settings(args: ParsedArgs, file: string): SweepDefaults {
	let defaults: SweepDefaults | undefined;
	if (args.flags.has('sensitivity')) {
		if (!file.toLowerCase().endsWith('.json'))
			throw new UsageError('--sensitivity takes its settings from a notebook (.flowbook.json)');
		const { document } = readDocument(readFileSync(file, 'utf8'));
		defaults = sensitivitySettings(document, file);
	}
	const varied: Vary[] = [];
	for (const text of args.lists.get('vary') ?? []) {
		const parsed = parseVary(text);
		if (!parsed.ok) throw new UsageError(parsed.message);
		varied.push(parsed.vary);
	}
	const varies = varied.length ? varied : (defaults?.varies ?? []);
	const samples = wholeNumber(args, 'samples', 1, 100_000_000) ?? defaults?.samples;
	const outputs = list(args.options.get('outputs')) ?? defaults?.outputs ?? [];
	if (!varies.length) throw new UsageError('what varies? give --vary name=DIST (or --sensitivity)');
	if (samples === undefined) throw new UsageError('how many samples? give --samples N');
	if (!outputs.length) throw new UsageError('which outputs? give --outputs a,b');
	const seed = wholeNumber(args, 'seed', 0, MAX_SEED) ?? defaults?.seed ?? 1;
	return { varies, samples, seed, outputs };
}

async function sweep(argv: readonly string[]): Promise<number> {
	const args = parseArgs(argv, {
		flags: ['sensitivity', 'help'],
		options: ['samples', 'seed', 'outputs', 'scenario', 'times', 'shard', 'threads', 'out'],
		lists: ['vary'],
		aliases: { h: 'help' }
	});
	if (!args.ok) throw new UsageError(args.message);
	if (args.flags.has('help')) {
		console.log(usage);
		return 0;
	}
	if (args.positionals[0] === 'merge') return merge(args);
	if (args.positionals.length !== 1)
		throw new UsageError(
			args.positionals.length
				? `one model file at a time, not ${args.positionals.length}`
				: 'which model? give a file'
		);
	const file = args.positionals[0];
	const out = args.options.get('out');
	if (out !== undefined && !formatOf(out))
		throw new UsageError(`--out ${out}: write a .csv or a .parquet file`);
	const shard = parseShard(args.options.get('shard'), process.env);
	if (!shard.ok) throw new UsageError(shard.message);
	const threads = wholeNumber(args, 'threads', 1, 1024) ?? availableParallelism();
	const times = parseTimes(args.options.get('times'));

	const loaded = loadModelFile(file);
	const compiled = hasErrors(loaded.diagnostics) ? undefined : compileModel(loaded.model);
	const diagnostics = [...loaded.diagnostics, ...(compiled?.diagnostics ?? [])];
	if (!compiled?.ok) {
		for (const d of diagnostics)
			if (d.severity === 'error') console.error(formatDiagnostic(d, file));
		return 1;
	}
	const { varies, samples, seed, outputs } = settings(args, file);

	const scenarioName = args.options.get('scenario');
	let base: Record<string, number> = {};
	if (scenarioName !== undefined) {
		const found = findScenario(loaded.scenarios, scenarioName);
		if (!found) {
			const known = loaded.scenarios.map((s) => `"${s.name}"`).join(', ');
			throw new InputError(
				`there is no scenario "${scenarioName}" in ${file}${known ? `; it has ${known}` : ' (it has no scenarios)'}`
			);
		}
		base = { ...found.overrides };
	}

	// Sample 0 on this thread first: it checks every name and finds the saved times and columns
	// before any worker starts, so a typo is one clear message, not one per thread.
	const spec: SampleSpec = {
		varies,
		seed,
		outputs: expandOutputs(compiled.simulation.outputs, outputs),
		base,
		rows: []
	};
	const first = runSample(compiled.simulation, spec, 0);
	spec.rows = timeRows(first.result.times, times);
	const columns = sweepColumns(varies, first.result.names);
	const seen = new Set<string>();
	for (const c of columns) {
		if (seen.has(c)) throw new UsageError(`"${c}" would be two columns: name it once`);
		seen.add(c);
	}

	const range = shardRange(shard.shard, samples);
	const count = range.end - range.first;
	const started = performance.now();
	say(
		`${count} of ${samples} samples (${range.first} to ${range.end - 1}, shard ${shard.shard.index} of ${shard.shard.count}) × ${spec.rows.length} time${spec.rows.length === 1 ? '' : 's'} on ${Math.min(threads, Math.max(1, count))} thread${threads === 1 ? '' : 's'}`
	);
	const show = progress(count, started);
	// The threads' own time running samples, for a figure of what a run cost inside them.
	let busy = 0;
	const onProgress = (done: number, ms: number) => {
		busy = ms;
		show(done);
	};
	let rows: Float64Array;
	if (threads <= 1 || count < 2) {
		// One thread: this one, block by block, so progress shows here too.
		const size = blockSize(count, 1);
		const parts: Float64Array[] = [];
		for (let i = range.first; i < range.end; i += size) {
			parts.push(runSamples(compiled.simulation, spec, i, Math.min(range.end, i + size)));
			onProgress(Math.min(range.end, i + size) - range.first, performance.now() - started);
		}
		rows = concat(parts);
	} else
		rows = await runOnThreads(loaded.model, spec, range.first, range.end, { threads, onProgress });
	const table: SweepTable = { columns, rows };
	writeTable(table, out);
	say(
		`${count} samples, ${rowCount(table)} rows in ${((performance.now() - started) / 1000).toFixed(2)} s (${(busy / Math.max(1, count)).toFixed(2)} ms a run in the threads, ${cpuSeconds().toFixed(2)} s of CPU)${out ? ` → ${out}` : ''}`
	);
	return 0;
}

/** `flowbook sweep`: 0, or 1 with the problem on stderr (never a stack trace). */
export async function main(argv: readonly string[]): Promise<number> {
	try {
		return await sweep(argv);
	} catch (e) {
		if (e instanceof UsageError) console.error(`sweep: ${e.message}\n\n${usage}`);
		else if (e instanceof InputError)
			for (const d of e.diagnostics) console.error(`sweep: ${formatDiagnostic(d)}`);
		else console.error(`sweep: ${e instanceof Error ? e.message : String(e)}`);
		return 1;
	}
}
