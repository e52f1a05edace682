/**
 * `flowbook run FILE [options]` (npm run sim) and `flowbook check FILE` (run --check).
 *
 * Runs a model and writes CSV (time, then one column per variable), or with --check prints every
 * error and warning. Problems go to stderr with exit code 1, never a stack trace.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from './args';
import { parseOverrides, withScenario } from './overrides';
import { loadModelFile } from './load-model';
import { compileModel, type RunResult } from '../lib/engine';
import { formatDiagnostic, hasErrors, InputError, type Diagnostic } from '../lib/model/diagnostics';
import { canonicalName } from '../lib/model/names';
import { findScenario } from '../lib/model/scenarios';
import type { IntegrationMethod, Scenario } from '../lib/model/types';
import { resultsToCsv } from '../lib/results/csv';

export const usage = `usage: flowbook run FILE [options]   (npm run sim -- FILE [options])

Runs a model (.flowbook.json, .xmile, .stmx or Vensim .mdl) and writes CSV: time, then one column
per variable. Warnings go to stderr; errors go to stderr with exit code 1.

  --method euler|rk2|rk4   integration method (default: the model's)
  --dt X                   time step (default: the model's)
  --save-step X            save every X time units (default: every step)
  --seed N                 seed of the model's random functions
  --set name=value         override a constant (repeatable; \`Rate[South]=5\` sets one element)
  --scenario NAME|all      apply a notebook scenario, or run them all (a scenario column first)
  --out results.csv        write the CSV there instead of stdout
  --check                  print every error and warning (units included) instead of running`;
const USAGE = usage;

class UsageError extends Error {}

/** The model file being run, for labelling messages (set once the arguments are read). */
let modelFile: string | undefined;

function number(value: string | undefined, option: string): number | undefined {
	if (value === undefined) return undefined;
	const n = Number(value);
	if (value.trim() === '' || !Number.isFinite(n))
		throw new UsageError(`--${option} needs a number, not "${value}"`);
	return n;
}

/** The `--set` overrides, or a UsageError naming the one that is not name=number. */
function parseSets(values: readonly string[]): Map<string, number> {
	const parsed = parseOverrides(values);
	if (!parsed.ok) throw new UsageError(parsed.message);
	return parsed.overrides;
}

async function runOrCheck(argv: readonly string[]): Promise<number> {
	const args = parseArgs(argv, {
		flags: ['check', 'help'],
		options: ['method', 'dt', 'save-step', 'seed', 'scenario', 'out'],
		lists: ['set'],
		aliases: { h: 'help' }
	});
	if (!args.ok) throw new UsageError(args.message);
	if (args.flags.has('help')) {
		console.log(USAGE);
		return 0;
	}
	if (args.positionals.length !== 1)
		throw new UsageError(
			args.positionals.length
				? `one model file at a time, not ${args.positionals.length}`
				: 'which model? give a file'
		);
	const file = args.positionals[0];
	modelFile = file;
	const method = args.options.get('method')?.toLowerCase();
	if (method !== undefined && !['euler', 'rk2', 'rk4'].includes(method))
		throw new UsageError(`--method must be euler, rk2 or rk4, not "${method}"`);

	const loaded = loadModelFile(file);
	const compiled = hasErrors(loaded.diagnostics) ? undefined : compileModel(loaded.model);
	const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...(compiled?.diagnostics ?? [])];

	if (args.flags.has('check')) {
		// The units checker (and mathjs under it) loads only here: a plain run starts faster.
		const { checkUnits } = await import('../lib/units');
		diagnostics.push(...checkUnits(loaded.model));
		if (compiled?.ok) {
			const known = new Set(compiled.simulation.constants.map(canonicalName));
			for (const name of parseSets(args.lists.get('set') ?? []).keys()) {
				if (!known.has(canonicalName(name)))
					diagnostics.push({
						severity: 'error',
						message: `--set names "${name}", which is not a constant of the model`
					});
			}
		}
		for (const d of diagnostics) console.log(formatDiagnostic(d, file));
		const errors = diagnostics.filter((d) => d.severity === 'error').length;
		const warnings = diagnostics.length - errors;
		console.log(
			`${file}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
		);
		return errors ? 1 : 0;
	}
	for (const d of diagnostics)
		if (d.severity === 'warning') console.error(formatDiagnostic(d, file));
	if (!compiled?.ok) {
		for (const d of diagnostics)
			if (d.severity === 'error') console.error(formatDiagnostic(d, file));
		return 1;
	}

	const sets = parseSets(args.lists.get('set') ?? []);
	const scenarioName = args.options.get('scenario');
	const scenarios: (Scenario | undefined)[] = [];
	if (scenarioName === undefined) scenarios.push(undefined);
	else if (scenarioName.toLowerCase() === 'all') {
		if (!loaded.scenarios.length) throw new InputError(`${file} has no scenarios`);
		scenarios.push(...loaded.scenarios);
	} else {
		const found = findScenario(loaded.scenarios, scenarioName);
		if (!found) {
			const known = loaded.scenarios.map((s) => `"${s.name}"`).join(', ');
			throw new InputError(
				`there is no scenario "${scenarioName}" in ${file}${known ? `; it has ${known}` : ' (it has no scenarios)'}`
			);
		}
		scenarios.push(found);
	}

	const options = {
		method: method as IntegrationMethod | undefined,
		dt: number(args.options.get('dt'), 'dt'),
		saveStep: number(args.options.get('save-step'), 'save-step'),
		seed: number(args.options.get('seed'), 'seed')
	};
	let failed = false;
	const parts: string[] = [];
	scenarios.forEach((scenario, i) => {
		const result: RunResult = compiled.simulation.run({
			...options,
			overrides: withScenario(scenario?.overrides, sets)
		});
		if (result.error) {
			failed = true;
			console.error(
				formatDiagnostic(result.error, file) + (scenario ? ` (scenario "${scenario.name}")` : '')
			);
		}
		parts.push(
			resultsToCsv(
				result,
				scenarioName?.toLowerCase() === 'all' ? { scenario: scenario!.name, header: i === 0 } : {}
			)
		);
	});
	const csv = parts.join('');
	const out = args.options.get('out');
	if (out) writeFileSync(out, csv);
	else process.stdout.write(csv);
	return failed ? 1 : 0;
}

/** `flowbook run`: exit code 0, or 1 with the problem on stderr (never a stack trace). */
export async function main(argv: readonly string[]): Promise<number> {
	try {
		return await runOrCheck(argv);
	} catch (e) {
		if (e instanceof UsageError) {
			console.error(`run: ${e.message}\n${USAGE}`);
		} else if (e instanceof InputError) {
			for (const d of e.diagnostics) console.error(formatDiagnostic(d, modelFile));
		} else {
			console.error(`run: ${e instanceof Error ? e.message : String(e)}`);
		}
		return 1;
	}
}

export const checkUsage = `usage: flowbook check FILE [--set name=value ...]

Prints every error and warning of a model (its units included) and a count of each; exit code 1
when there is an error. The same as \`flowbook run FILE --check\`.`;

/** `flowbook check`: `run --check`. */
export function check(argv: readonly string[]): Promise<number> {
	if (argv.includes('--help') || argv.includes('-h')) {
		console.log(checkUsage);
		return Promise.resolve(0);
	}
	return main([...argv, '--check']);
}
