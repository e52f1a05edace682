import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands';
import { runCli } from './run-cli';

const TIMEOUT = 60_000;

describe('the flowbook command', { timeout: TIMEOUT }, () => {
	it('lists every command with its summary under `help`, exit code 0', async () => {
		const run = await runCli('help', []);
		expect(run.code).toBe(0);
		for (const c of COMMANDS)
			expect(run.stdout).toMatch(new RegExp(`^  ${c.name} +${c.summary}`, 'm'));
	});

	it.each(COMMANDS.map((c) => c.name))('gives `%s --help` its own usage', async (name) => {
		const run = await runCli(name, ['--help']);
		expect(run.code).toBe(0);
		expect(run.stderr).toBe('');
		expect(run.stdout).toMatch(new RegExp(`^usage: flowbook ${name} `));
		const viaHelp = await runCli('help', [name]);
		expect(viaHelp.stdout).toBe(run.stdout);
	});

	it('names an unknown command, suggests the nearest and exits 2', async () => {
		const run = await runCli('rnu', ['models/bathtub-basics.flowbook.json']);
		expect(run.code).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toContain('there is no command "rnu"; did you mean "run"?');
		expect(run.stderr).toContain('usage: flowbook COMMAND');
	});

	it('runs the bathtub example through `run`, as npm run sim does', async () => {
		const run = await runCli('run', ['models/bathtub-basics.flowbook.json']);
		expect(run.code).toBe(0);
		expect(run.stdout.split('\n')[0]).toMatch(/^time,Occupied Beds,/);
	});
});
