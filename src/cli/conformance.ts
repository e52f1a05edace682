/**
 * The conformance runner: `flowbook conformance [DIR] [--json] [--variants] [--filter TEXT]`
 * (npm run conformance).
 *
 * Runs every case of DIR/manifest.json (default: ../shared/conformance beside the repository, then
 * its wide/ and vensim/ suites)
 * through the XMILE reader (the Vensim reader for .mdl models) and the engine and compares the run with the case's reference output.
 * Prints one line per case and `N passed, N failed` last; exits 1 when a case failed that is not
 * listed in src/lib/conformance/expected-failures.ts, 2 when the suite itself cannot be read.
 * The logic lives in src/lib/conformance; this file only does the Node parts.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from './args';
import { repoRoot } from './repo-root';
import { parseManifest } from '../lib/conformance/manifest';
import {
	runSuite,
	type CaseResult,
	type SuiteFiles,
	type Toolchain
} from '../lib/conformance/runner';
import {
	exitCode,
	formatCaseLine,
	jsonReport,
	summaryLines,
	totals
} from '../lib/conformance/report';

export const usage = `usage: flowbook conformance [DIR] [--json] [--variants] [--filter TEXT]   (npm run conformance)

  DIR          a suite folder with a manifest.json (default: ../shared/conformance beside the
               repository, then its wide/ (more Stella and SDEverywhere cases) and vensim/ (.mdl) suites)
  --json       print one JSON report instead of lines
  --variants   also run the other .xmile/.stmx files in each case's folder against its reference
  --filter T   run only the cases whose name contains T (case-insensitive)`;
const USAGE = usage;

/**
 * ../shared/conformance beside the repository (found from the working directory: see repo-root.ts),
 * and the suites inside it that are there.
 */
function defaultSuiteDirs(): string[] {
	const main = resolve(repoRoot(), '../shared/conformance');
	const inner = ['wide', 'vensim']
		.map((name) => join(main, name))
		.filter((dir) => existsSync(join(dir, 'manifest.json')));
	return [main, ...inner];
}

function messageOf(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

function suiteFiles(dir: string): SuiteFiles {
	return {
		readText: (path) => readFileSync(join(dir, path), 'utf8'),
		readBytes: (path) => (existsSync(join(dir, path)) ? readFileSync(join(dir, path)) : undefined),
		listFolder: (path) =>
			readdirSync(join(dir, path)).filter((f) => {
				try {
					return statSync(join(dir, path, f)).isFile();
				} catch {
					return false;
				}
			})
	};
}

/**
 * The XMILE reader and the engine, loaded lazily so that a missing or broken module becomes each
 * case's failure reason instead of a crash with a stack trace.
 */
async function loadToolchain(): Promise<Toolchain> {
	const unavailable = (what: string, why: string) => () => {
		throw new Error(`${what} could not be loaded: ${why}`);
	};
	let readXmile: Toolchain['readXmile'];
	let compileModel: Toolchain['compileModel'];
	let readVensim: Toolchain['readVensim'];
	try {
		const mod = await import('../lib/vensim/read');
		readVensim =
			typeof mod.readVensim === 'function'
				? mod.readVensim
				: unavailable('src/lib/vensim/read.ts', 'no readVensim export');
	} catch (e) {
		readVensim = unavailable('src/lib/vensim/read.ts', messageOf(e).split('\n')[0]);
	}
	try {
		const mod = await import('../lib/xmile/read');
		readXmile =
			typeof mod.readXmile === 'function'
				? mod.readXmile
				: unavailable('src/lib/xmile/read.ts', 'no readXmile export');
	} catch (e) {
		readXmile = unavailable('src/lib/xmile/read.ts', messageOf(e).split('\n')[0]);
	}
	try {
		const mod = await import('../lib/engine');
		compileModel =
			typeof mod.compileModel === 'function'
				? mod.compileModel
				: unavailable('src/lib/engine/index.ts', 'no compileModel export');
	} catch (e) {
		compileModel = unavailable('src/lib/engine/index.ts', messageOf(e).split('\n')[0]);
	}
	return { readXmile, readVensim, compileModel };
}

async function conformance(argv: readonly string[]): Promise<number> {
	const args = parseArgs(argv, {
		flags: ['json', 'variants', 'help'],
		options: ['filter'],
		aliases: { h: 'help' }
	});
	if (!args.ok) {
		console.error(`conformance: ${args.message}\n${USAGE}`);
		return 2;
	}
	if (args.flags.has('help')) {
		console.log(USAGE);
		return 0;
	}
	if (args.positionals.length > 1) {
		console.error(
			`conformance: one suite folder at most, got ${args.positionals.length}\n${USAGE}`
		);
		return 2;
	}
	const dirs =
		args.positionals[0] !== undefined ? [resolve(args.positionals[0])] : defaultSuiteDirs();
	const json = args.flags.has('json');
	const filterText = args.options.get('filter')?.toLowerCase();
	const filter =
		filterText !== undefined
			? (label: string) => label.toLowerCase().includes(filterText)
			: undefined;
	const toolchain = await loadToolchain();

	const all: CaseResult[] = [];
	const reports: unknown[] = [];
	for (const dir of dirs) {
		if (dirs.length > 1 && !json) process.stdout.write(`# suite ${dir}\n`);
		const results = runOneSuite(dir, toolchain, {
			json,
			variants: args.flags.has('variants'),
			filter
		});
		if (typeof results === 'number') return results;
		all.push(...results);
		if (json) reports.push(jsonReport(results, dir));
		else if (dirs.length > 1) process.stdout.write(summaryLines(results).join('\n') + '\n\n');
	}

	if (filter && all.length === 0) {
		console.error(`conformance: no case matches --filter ${args.options.get('filter')}`);
		return 2;
	}
	if (json)
		process.stdout.write(
			JSON.stringify(reports.length === 1 ? reports[0] : { suites: reports }, null, 2) + '\n'
		);
	else if (dirs.length > 1) {
		const t = totals(all);
		process.stdout.write(`# all ${dirs.length} suites\n${t.passed} passed, ${t.failed} failed\n`);
	} else process.stdout.write(summaryLines(all).join('\n') + '\n');
	return exitCode(all);
}

/** One suite's cases run and printed (in text mode), or the exit code when it cannot be read. */
function runOneSuite(
	dir: string,
	toolchain: Toolchain,
	options: { json: boolean; variants: boolean; filter?: (label: string) => boolean }
): CaseResult[] | number {
	let manifestText: string;
	try {
		manifestText = readFileSync(join(dir, 'manifest.json'), 'utf8');
	} catch (e) {
		console.error(`conformance: cannot read ${join(dir, 'manifest.json')}: ${messageOf(e)}`);
		return 2;
	}
	let cases;
	try {
		cases = parseManifest(manifestText);
	} catch (e) {
		console.error(`conformance: ${join(dir, 'manifest.json')}: ${messageOf(e)}`);
		return 2;
	}
	// In JSON mode anything the engine logs goes to stderr, so stdout stays one JSON document.
	const restore = { log: console.log, info: console.info, debug: console.debug };
	if (options.json)
		console.log = console.info = console.debug = (...a: unknown[]) => console.error(...a);
	try {
		return runSuite(cases, suiteFiles(dir), toolchain, {
			variants: options.variants,
			filter: options.filter,
			now: () => performance.now(),
			onResult: options.json ? undefined : (r) => process.stdout.write(formatCaseLine(r) + '\n')
		});
	} finally {
		Object.assign(console, restore);
	}
}

/** `flowbook conformance`: 0, 1 when a case failed unexpectedly, 2 when the suite cannot be read. */
export async function main(argv: readonly string[]): Promise<number> {
	// No stack traces: anything that escapes, even from a callback, is reported in one line.
	const fatal = (e: unknown) => {
		console.error(`conformance: ${messageOf(e)}`);
		process.exit(2);
	};
	process.on('uncaughtException', fatal);
	process.on('unhandledRejection', fatal);
	try {
		return await conformance(argv);
	} catch (e) {
		console.error(`conformance: ${messageOf(e)}`);
		return 2;
	}
}
