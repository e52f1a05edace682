import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

// A benchmark never fails on its figures; this only checks that it measures and reports both.
describe('flowbook bench-cli', { timeout: 120_000 }, () => {
	it('reports the cold start against 0.5 s and the sweep against 1.4 × the ideal', async () => {
		const run = await runCli('bench-cli', ['--starts', '1', '--samples', '6', '--threads', '2']);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(
			/^cold start \+ bathtub run .*: \d+\.\d\d s .*target ≤ 0\.50 s: (met|missed)$/m
		);
		expect(run.stdout).toMatch(/model A sweep of 6 samples on 2 threads: \d+\.\d\d s/);
		expect(run.stdout).toMatch(/\d+\.\d\d × the ideal .*target ≤ 1\.4 ×: (met|missed)$/m);
		expect(run.stdout).toMatch(/a run took \d+\.\d\d ms inside the threads/);
		expect(run.stdout).toMatch(/CPU: the sweep's process \d+\.\d\d s against 6 × \d+\.\d\d ms/);
	});
});
