/**
 * deploy/: the Slurm scripts run for real, three array tasks as local processes and then the merge,
 * against the same sweep run whole; the container's runtime layout (bin/, dist-cli/, models/, no
 * node_modules, no sources) runs a sweep on worker threads; the Kubernetes Indexed Job asks for
 * as many shards as it has completions.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './run-cli';

const run = promisify(execFile);
const TIMEOUT = 120_000;
const temp = mkdtempSync(join(tmpdir(), 'flowbook-deploy-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The sweep the Slurm scripts run, made small: the bathtub example's constants. */
const SWEEP_ENV = {
	FLOWBOOK: `node ${join(REPO_ROOT, 'bin/flowbook.js')}`,
	MODEL: join(REPO_ROOT, 'models/bathtub-basics.flowbook.json'),
	SAMPLES: '30',
	SEED: '4',
	VARY_1: 'Admissions per Day=uniform(30,50)',
	VARY_2: 'Average Length of Stay=normal(5,0.5)',
	VARY_3: 'Bed Capacity=triangular(200,230,260)',
	OUTPUTS: 'Occupancy',
	TIMES: '90,365',
	SHARDS: '3',
	SLURM_CPUS_PER_TASK: '1'
};

describe('deploy/', { timeout: TIMEOUT }, () => {
	it.each(['csv', 'parquet'])(
		'runs the Slurm array as 3 local tasks, merges them, and matches the whole sweep byte for byte (%s)',
		async (format) => {
			const outDir = join(temp, `slurm-${format}`);
			const env = { ...process.env, ...SWEEP_ENV, OUT_DIR: outDir, FORMAT: format };
			await runCli('help', []); // builds dist-cli once, before three processes want it
			await Promise.all(
				[0, 1, 2].map((task) =>
					run('bash', ['deploy/slurm/sweep.sbatch'], {
						cwd: REPO_ROOT,
						env: { ...env, SLURM_ARRAY_TASK_ID: String(task) }
					})
				)
			);
			await run('bash', ['deploy/slurm/merge.sbatch'], { cwd: REPO_ROOT, env });
			const whole = join(temp, `whole.${format}`);
			const direct = await runCli('sweep', [
				SWEEP_ENV.MODEL,
				...['--samples', '30', '--seed', '4', '--outputs', 'Occupancy', '--times', '90,365'],
				...['--vary', SWEEP_ENV.VARY_1, '--vary', SWEEP_ENV.VARY_2, '--vary', SWEEP_ENV.VARY_3],
				...['--out', whole]
			]);
			expect(direct.code).toBe(0);
			expect(readFileSync(join(outDir, `sweep.${format}`)).equals(readFileSync(whole))).toBe(true);
		}
	);

	it('runs from the image’s layout alone: bin/, dist-cli/, models/ and package.json, no node_modules or sources', async () => {
		await runCli('help', []);
		const image = join(temp, 'image');
		mkdirSync(image);
		for (const path of ['bin', 'dist-cli', 'models', 'package.json'])
			cpSync(join(REPO_ROOT, path), join(image, path), { recursive: true });
		const flowbook = join(image, 'bin/flowbook.js');
		const { stdout } = await run(
			process.execPath,
			[
				flowbook,
				'sweep',
				'models/bathtub-basics.flowbook.json',
				...['--samples', '8', '--vary', 'Bed Capacity=uniform(200,260)'],
				...['--outputs', 'Occupancy', '--times', '365', '--threads', '2']
			],
			{ cwd: image }
		);
		expect(stdout.trim().split('\n')).toHaveLength(9);
	});

	it('gives the Kubernetes Indexed Job as many shards as completions, each its own part', () => {
		const job = readFileSync(join(REPO_ROOT, 'deploy/kubernetes/sweep-job.yaml'), 'utf8');
		expect(job).toMatch(/completionMode: Indexed/);
		const completions = Number(/completions: (\d+)/.exec(job)?.[1]);
		expect(job).toContain(`--shard /${completions} `);
		expect(job).toContain('--out /out/part-$JOB_COMPLETION_INDEX.parquet');
		const merge = readFileSync(join(REPO_ROOT, 'deploy/kubernetes/merge-job.yaml'), 'utf8');
		expect(merge).toContain('flowbook sweep merge /out/part-*.parquet --out /out/sweep.parquet');
		const slurm = readFileSync(join(REPO_ROOT, 'deploy/slurm/sweep.sbatch'), 'utf8');
		const [, last] = /#SBATCH --array=0-(\d+)/.exec(slurm)!;
		expect(slurm).toContain(`SHARDS=\${SHARDS:-${Number(last) + 1}}`);
	});
});
