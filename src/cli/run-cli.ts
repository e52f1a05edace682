/**
 * Runs a `flowbook` subcommand as `npm run …` does (the built CLI, bin/flowbook.js, from the
 * repository root) and collects what it printed. For tests: the CLIs are judged by their exit code
 * and their two output streams. dist-cli/ is built here first, once, when it is stale, so the
 * build's own message never lands in a run's stderr.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureCli } from '../../bin/ensure-cli.js';
import { repoRoot } from './repo-root';

export const REPO_ROOT = repoRoot() + '/';

export interface CliRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** `npm run` script names that are a subcommand by another name. */
const SUBCOMMAND: Record<string, string> = { sim: 'run' };

let built = false;

/** `node bin/flowbook.js COMMAND ARGS…`, the built CLI made current first. */
export function spawnCli(
	command: string,
	args: readonly string[],
	timeoutMs = 120_000,
	env: Readonly<Record<string, string>> = {}
) {
	if (!built) {
		ensureCli(REPO_ROOT);
		built = true;
	}
	return spawn(
		process.execPath,
		[join(REPO_ROOT, 'bin/flowbook.js'), SUBCOMMAND[command] ?? command, ...args],
		{ cwd: REPO_ROOT, timeout: timeoutMs, env: { ...process.env, ...env } }
	);
}

export function runCli(
	command: string,
	args: readonly string[],
	timeoutMs = 120_000,
	env: Readonly<Record<string, string>> = {}
): Promise<CliRun> {
	return new Promise((resolve, reject) => {
		const child = spawnCli(command, args, timeoutMs, env);
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}
