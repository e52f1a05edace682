/**
 * Runs one of the CLIs as `npm run …` does (tsx, from the repository root) and collects what it
 * printed. For tests: the CLIs are judged by their exit code and their two output streams.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

export function runCli(
	script: 'sim' | 'convert' | 'conformance' | 'bench',
	args: readonly string[],
	timeoutMs = 120_000
): Promise<CliRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			join(REPO_ROOT, 'node_modules/.bin/tsx'),
			[`src/cli/${script}.ts`, ...args],
			{ cwd: REPO_ROOT, timeout: timeoutMs }
		);
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}
