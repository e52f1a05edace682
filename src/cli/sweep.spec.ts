/**
 * The sweep command end to end, through the built CLI: shards run as separate processes (as a
 * Kubernetes Indexed Job or a Slurm array runs them) and merged are the same bytes as the whole
 * sweep, in CSV and Parquet; threads change nothing; --sensitivity takes a notebook's cell.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './run-cli';

const BATHTUB = 'models/bathtub-basics.flowbook.json';
const TIMEOUT = 120_000;
const temp = mkdtempSync(join(tmpdir(), 'flowbook-sweep-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const SWEEP = [
	BATHTUB,
	'--samples',
	'40',
	'--seed',
	'11',
	'--vary',
	'Admissions per Day=uniform(30,50)',
	'--vary',
	'Average Length of Stay=normal(5,0.5)',
	'--vary',
	'Bed Capacity=triangular(200,230,260)',
	'--outputs',
	'Occupied Beds,Occupancy',
	'--times',
	'30,180,365'
];

function sweep(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
	return runCli('sweep', args, TIMEOUT, env);
}

function expectOk(run: CliRun): void {
	expect(run.stderr).not.toMatch(/error|at .*\.js:\d+/i);
	expect(run.code).toBe(0);
}

describe('flowbook sweep', { timeout: TIMEOUT }, () => {
	it.each(['csv', 'parquet'])(
		'3 shards run as local processes and merged are byte-identical to the whole run (%s)',
		async (ext) => {
			const whole = join(temp, `whole.${ext}`);
			const parts = [0, 1, 2].map((k) => join(temp, `part-${k}.${ext}`));
			const runs = await Promise.all([
				sweep([...SWEEP, '--threads', '2', '--out', whole]),
				sweep([...SWEEP, '--shard', '0/3', '--threads', '1', '--out', parts[0]]),
				// K from the batch system: a Kubernetes Indexed Job, then a Slurm job array.
				sweep([...SWEEP, '--shard', '/3', '--out', parts[1]], { JOB_COMPLETION_INDEX: '1' }),
				sweep([...SWEEP, '--shard', '/3', '--out', parts[2]], { SLURM_ARRAY_TASK_ID: '2' })
			]);
			runs.forEach(expectOk);
			expect(runs[2].stderr).toContain('13 of 40 samples (13 to 25, shard 1 of 3)');
			const merged = join(temp, `merged.${ext}`);
			// Given out of order: merge puts them in sample order.
			expectOk(await sweep(['merge', parts[2], parts[0], parts[1], '--out', merged]));
			expect(readFileSync(merged).equals(readFileSync(whole))).toBe(true);
			expect(readFileSync(whole).length).toBeGreaterThan(0);
		}
	);

	it('writes one row per sample and time: sample, time, inputs, outputs; Parquet holds the same values', async () => {
		const csv = readFileSync(join(temp, 'whole.csv'), 'utf8').trim().split('\n');
		expect(csv[0]).toBe(
			'sample,time,Admissions per Day,Average Length of Stay,Bed Capacity,Occupied Beds,Occupancy'
		);
		expect(csv.length).toBe(1 + 40 * 3);
		expect(csv.slice(1, 4).map((l) => l.split(',').slice(0, 2))).toEqual([
			['0', '30'],
			['0', '180'],
			['0', '365']
		]);
		const file = readFileSync(join(temp, 'whole.parquet'));
		const rows = await parquetReadObjects({
			file: file.buffer.slice(file.byteOffset, file.byteOffset + file.length) as ArrayBuffer
		});
		expect(rows.length).toBe(120);
		const fields = csv[1 + 77].split(',').map(Number);
		expect(Object.values(rows[77]).map(Number)).toEqual(fields);
	});

	it('gives the same bytes on 1 thread and on 2', async () => {
		const one = await sweep([...SWEEP, '--threads', '1']);
		const two = await sweep([...SWEEP, '--threads', '2']);
		expectOk(one);
		expect(two.stdout).toBe(one.stdout);
		expect(one.stdout).toBe(readFileSync(join(temp, 'whole.csv'), 'utf8'));
	});

	it('takes the varied inputs, runs, seed and outputs of the notebook’s sensitivity cell', async () => {
		const notebook = JSON.parse(readFileSync(BATHTUB, 'utf8'));
		notebook.cells.push({
			id: 'fan',
			kind: 'sensitivity',
			outputs: ['Occupancy'],
			parameters: [
				{ variable: 'Admissions per Day', distribution: { kind: 'uniform', min: 30, max: 50 } }
			],
			runs: 12,
			seed: 11
		});
		const file = join(temp, 'with-fan.flowbook.json');
		writeFileSync(file, JSON.stringify(notebook));
		const run = await sweep([file, '--sensitivity', '--times', '365']);
		expectOk(run);
		const lines = run.stdout.trim().split('\n');
		expect(lines[0]).toBe('sample,time,Admissions per Day,Occupancy');
		expect(lines.length).toBe(13);
		// The same seed and the same first distribution draw the same first input as the long sweep.
		const long = readFileSync(join(temp, 'whole.csv'), 'utf8').split('\n')[3].split(',');
		expect(lines[1].split(',')[2]).toBe(long[2]);
	});

	it('varies a whole arrayed constant, one element of another, and writes an arrayed output per element', async () => {
		const beds = 'models/community-beds-by-locality.flowbook.json';
		const run = await sweep([
			beds,
			...['--samples', '4', '--times', '100', '--threads', '2'],
			...['--vary', 'Length of Stay=uniform(15,30)'],
			...['--vary', 'Community Beds[North]=uniform(90,130)'],
			...['--outputs', 'Occupancy,Patients in Community Beds[South]']
		]);
		expectOk(run);
		const [header, ...rows] = run.stdout.trim().split('\n');
		expect(header).toBe(
			'sample,time,Length of Stay,Community Beds[North],Occupancy[North],Occupancy[Central],Occupancy[South],Patients in Community Beds[South]'
		);
		// Each row is what `flowbook run` gives with the same constants set.
		const [, , los, north, ...outputs] = rows[3].split(',');
		const plain = await runCli('run', [
			beds,
			...['--set', `Length of Stay=${los}`, '--set', `Community Beds[North]=${north}`]
		]);
		const lines = plain.stdout.trim().split('\n');
		const names = lines[0].split(',');
		const at100 = lines.find((l) => l.startsWith('100,'))!.split(',');
		const columns = header.split(',').slice(4);
		expect(columns.map((c) => at100[names.indexOf(c)])).toEqual(outputs);
	});

	it('runs over a scenario: its overrides under the varied inputs', async () => {
		const run = await sweep([
			BATHTUB,
			...['--samples', '3', '--scenario', 'Shorter stays', '--times', '365', '--threads', '1'],
			...['--vary', 'Admissions per Day=uniform(30,50)', '--outputs', 'Occupied Beds']
		]);
		expectOk(run);
		const [, admissions, beds] = run.stdout.trim().split('\n')[2].split(',').slice(1);
		const plain = await runCli('run', [
			BATHTUB,
			...['--scenario', 'Shorter stays', '--set', `Admissions per Day=${admissions}`]
		]);
		const lines = plain.stdout.trim().split('\n');
		const column = lines[0].split(',').indexOf('Occupied Beds');
		expect(lines.find((l) => l.startsWith('365,'))!.split(',')[column]).toBe(beds);
		const unknown = await sweep([...SWEEP, '--scenario', 'Longer stays']);
		expect(unknown.code).toBe(1);
		expect(unknown.stderr).toContain(
			'there is no scenario "Longer stays" in models/bathtub-basics.flowbook.json; it has "Baseline", "Shorter stays"'
		);
	});

	it.each([
		[['--vary', 'Admisions=uniform(1,2)'], /there is no constant called "Admisions"/],
		[['--vary', 'Bed Capacity=uniform(2,1)'], /--vary Bed Capacity: min must not be above max/],
		[['--times', '400'], /--times 400: the run saves no such time/],
		[['--out', 'x.xlsx'], /--out x.xlsx: write a .csv or a .parquet file/],
		[['--shard', '3/3'], /shard 3 of 3 does not exist/],
		[['--shard', '/3'], /neither JOB_COMPLETION_INDEX nor SLURM_ARRAY_TASK_ID is set/]
	])('refuses %j with a message and exit code 1', async (extra, message) => {
		const run = await sweep([...SWEEP, ...extra]);
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(message);
		expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
	});

	it('refuses to merge shards with one missing, naming the gap', async () => {
		const run = await sweep([
			'merge',
			join(temp, 'part-0.csv'),
			join(temp, 'part-2.csv'),
			'--out',
			join(temp, 'gap.csv')
		]);
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/no part holds samples 13 to 25 .*is a shard missing\?/);
	});
});
