/**
 * `npm run sim` end to end, as a process: CSV out, options, --check, scenarios, and every failure
 * as a message on stderr with exit code 1 and no stack trace.
 *
 * Each run starts tsx (~1.5 s of CPU), so runs are shared between checks where they can be. The
 * checks run one after another: run side by side on a busy 2-core machine, twenty tsx processes
 * each took a twentieth of it and ran past their limit, where one at a time each takes seconds.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli, type CliRun } from './run-cli';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const TEACUP = '../shared/conformance/sdxorg/samples/teacup/teacup.xmile';
const haveTeacup = existsSync(join(repoRoot, TEACUP));
const BATHTUB = 'models/bathtub-basics.flowbook.json';
const TIMEOUT = 60_000;

type Run = CliRun;

const runs = new Map<string, Promise<Run>>();
/** Runs the CLI from the repository root, as `npm run sim` does; the same arguments share one run. */
function sim(...args: string[]): Promise<Run> {
	const key = JSON.stringify(args);
	let run = runs.get(key);
	if (!run) {
		run = runCli('sim', args, TIMEOUT);
		runs.set(key, run);
	}
	return run;
}

/** Exit 1 with a message on stderr, and no stack trace or source location in it. */
function expectCleanFailure(run: Run): void {
	expect(run.code).toBe(1);
	expect(run.stderr.trim()).not.toBe('');
	expect(run.stderr).not.toMatch(/^\s+at /m);
	expect(run.stderr).not.toMatch(/\.ts:\d/);
}

interface Csv {
	header: string[];
	rows: number[][];
}
/** The CLI's CSV for models whose names have no commas or quotes. */
function parseCsv(text: string): Csv {
	expect(text.endsWith('\n')).toBe(true);
	const [head, ...lines] = text.slice(0, -1).split('\n');
	return { header: head.split(','), rows: lines.map((l) => l.split(',').map(Number)) };
}
function column(csv: Csv, name: string): number[] {
	const i = csv.header.indexOf(name);
	expect(i, `column "${name}" in ${csv.header.join(',')}`).toBeGreaterThanOrEqual(0);
	return csv.rows.map((r) => r[i]);
}
const last = (xs: number[]) => xs[xs.length - 1];

/** Euler on the teacup, dT/dt = (R - T)/10, T(0) = 180: T(30) = R + (180 - R)(1 - dt/10)^(30/dt). */
const teacupEuler = (room: number, dt: number) =>
	room + (180 - room) * (1 - dt / 10) ** Math.round(30 / dt);
const teacupExact = (room: number) => room + (180 - room) * Math.exp(-3);

const dir = mkdtempSync(join(tmpdir(), 'flowbook-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function documentFile(
	name: string,
	variables: unknown[],
	simSpecs: object = { start: 0, stop: 10, dt: 1, method: 'euler' }
): string {
	const path = join(dir, name);
	writeFileSync(
		path,
		JSON.stringify({ schemaVersion: 1, title: name, model: { simSpecs, variables } }, null, '\t')
	);
	return path;
}

describe.skipIf(!haveTeacup)('sim on the teacup conformance model', { timeout: TIMEOUT }, () => {
	const euler = async () => parseCsv((await sim(TEACUP)).stdout);

	it('writes CSV to stdout: time first, columns named as in the model, 241 rows', async () => {
		const run = await sim(TEACUP);
		expect(run.code).toBe(0);
		expect(run.stderr).toBe('');
		const csv = await euler();
		expect(csv.header[0]).toBe('time');
		expect([...csv.header].sort()).toEqual([
			'Characteristic Time',
			'Heat Loss to Room',
			'Room Temperature',
			'Teacup Temperature',
			'time'
		]);
		expect(csv.rows).toHaveLength(241);
		expect(column(csv, 'time')).toEqual(Array.from({ length: 241 }, (_, i) => i * 0.125));
		expect(column(csv, 'Teacup Temperature')[0]).toBe(180);
		expect(last(column(csv, 'Teacup Temperature'))).toBeCloseTo(teacupEuler(70, 0.125), 9);
	});

	it('--out writes the file (and nothing to stdout); --save-step 1 gives 31 rows', async () => {
		const out = join(dir, 'teacup.csv');
		const run = await sim(TEACUP, '--out', out, '--save-step', '1');
		expect(run.code).toBe(0);
		expect(run.stdout).toBe('');
		const csv = parseCsv(readFileSync(out, 'utf8'));
		expect(csv.header).toEqual((await euler()).header);
		expect(csv.rows).toHaveLength(31);
		expect(column(csv, 'time')).toEqual(Array.from({ length: 31 }, (_, i) => i));
		// Saving less often does not change the run: the rows are those of every whole time.
		expect(csv.rows).toEqual((await euler()).rows.filter((_, i) => i % 8 === 0));
	});

	it('--method rk4 changes the results, towards the exact solution', async () => {
		const run = await sim(TEACUP, '--method', 'rk4');
		expect(run.code).toBe(0);
		const final = last(column(parseCsv(run.stdout), 'Teacup Temperature'));
		const eulerFinal = last(column(await euler(), 'Teacup Temperature'));
		expect(final).not.toBe(eulerFinal);
		expect(Math.abs(final - teacupExact(70))).toBeLessThan(1e-4);
		expect(Math.abs(eulerFinal - teacupExact(70))).toBeGreaterThan(0.05);
	});

	it('--dt 0.25 with --save-step 0.25 runs at the larger step', async () => {
		const run = await sim(TEACUP, '--dt', '0.25', '--save-step', '0.25');
		expect(run.code).toBe(0);
		const csv = parseCsv(run.stdout);
		expect(csv.rows).toHaveLength(121);
		expect(last(column(csv, 'Teacup Temperature'))).toBeCloseTo(teacupEuler(70, 0.25), 9);
	});

	// The teacup gives no save interval (so it saves every DT). At 8dd6a9b --dt 0.25 alone was
	// refused ("the save interval (0.125) is shorter than DT (0.25)"); the run now saves every step
	// when the model's interval is not a whole multiple of the new DT.
	it('--dt 0.25 alone changes the results', async () => {
		const run = await sim(TEACUP, '--dt', '0.25');
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(last(column(parseCsv(run.stdout), 'Teacup Temperature'))).toBeCloseTo(
			teacupEuler(70, 0.25),
			9
		);
	});

	it('--set "Room Temperature=20" cools the tea further, as the Euler solution says', async () => {
		const run = await sim(TEACUP, '--set', 'Room Temperature=20');
		expect(run.code).toBe(0);
		const csv = parseCsv(run.stdout);
		expect(new Set(column(csv, 'Room Temperature'))).toEqual(new Set([20]));
		const final = last(column(csv, 'Teacup Temperature'));
		expect(final).toBeLessThan(last(column(await euler(), 'Teacup Temperature')));
		expect(final).toBeCloseTo(teacupEuler(20, 0.125), 9);
	});

	it('--set of a variable that is not a constant is refused, naming it', async () => {
		const run = await sim(TEACUP, '--set', 'Heat Loss to Room=3');
		expectCleanFailure(run);
		expect(run.stdout).toBe('');
		expect(run.stderr).toContain('"Heat Loss to Room"');
		expect(run.stderr).toMatch(/not a constant/);
	});

	it('--set of an unknown name is refused, naming it', async () => {
		const run = await sim(TEACUP, '--set', 'Room Temprature=20');
		expectCleanFailure(run);
		expect(run.stdout).toBe('');
		expect(run.stderr).toContain('"Room Temprature"');
	});

	it('--set of a name an object holds, such as __proto__, is refused, not silently dropped', async () => {
		for (const name of ['__proto__', 'constructor']) {
			const run = await sim(TEACUP, '--set', `${name}=9`);
			expectCleanFailure(run);
			expect(run.stdout).toBe('');
			expect(run.stderr).toContain(`there is no constant called "${name}"`);
		}
		const check = await sim(TEACUP, '--check', '--set', '__proto__=9');
		expect(check.code).toBe(1);
		expect(check.stdout).toContain('--set names "__proto__", which is not a constant of the model');
	});

	it('--check on a good model prints 0 errors and exits 0', async () => {
		const run = await sim(TEACUP, '--check');
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/\b0 errors\b/);
		expect(run.stdout).not.toMatch(/^time,/m);
	});

	it('--check also checks the names given to --set', async () => {
		const run = await sim(
			TEACUP,
			'--check',
			'--set',
			'Room Temprature=20',
			'--set',
			'Characteristic Time=5'
		);
		expect(run.code).toBe(1);
		expect(run.stdout).toContain(
			'--set names "Room Temprature", which is not a constant of the model'
		);
		expect(run.stdout).not.toContain('Characteristic Time');
		expect(run.stdout).toMatch(/\b1 error\b/);
	});

	it('refuses --dt 0 with a message', async () => {
		const run = await sim(TEACUP, '--dt', '0');
		expectCleanFailure(run);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(/DT must be a number greater than 0 \(it is 0\)/);
	});

	it('refuses --method gear', async () => {
		const run = await sim(TEACUP, '--method', 'gear');
		expectCleanFailure(run);
		expect(run.stderr).toContain('"gear"');
		expect(run.stderr).toMatch(/euler, rk2 or rk4/);
	});
});

describe('sim --check on models with mistakes', { timeout: TIMEOUT }, () => {
	// Two misspelt names and a syntax error, checked in one run: each is its own line.
	// The file is written once, before the checks that share its run.
	const mistakesFile = documentFile('mistakes.flowbook.json', [
		{ id: 'room', kind: 'aux', name: 'Room Temperature', equation: '70' },
		{ id: 'gap', kind: 'aux', name: 'Gap', equation: '100 - "Room Temprature"' },
		{ id: 'twice', kind: 'aux', name: 'Twice', equation: 'Room_Temprature * 2' },
		{ id: 'a', kind: 'aux', name: 'a', equation: '1' },
		{ id: 'b', kind: 'aux', name: 'Broken', equation: '(a + ' }
	]);
	const mistakes = () => sim(mistakesFile, '--check');

	it('names the variable, the character and a suggestion for an unknown name', async () => {
		const run = await mistakes();
		expect(run.code).toBe(1);
		const lines = run.stdout.trim().split('\n');
		expect(lines).toHaveLength(4);
		const gap = lines.find((l) => l.includes('Gap'));
		expect(gap).toMatch(
			/^error: .*mistakes\.flowbook\.json: Gap \(character 7\): .*"Room Temprature".*did you mean "Room Temperature"/
		);
		const twice = lines.find((l) => l.includes('Twice'));
		expect(twice).toMatch(
			/Twice \(character 1\): .*"Room_Temprature".*did you mean "Room Temperature"/
		);
		expect(lines[3]).toMatch(/: 3 errors, 0 warnings$/);
	});

	it('names the variable and the position of a syntax error', async () => {
		const run = await mistakes();
		const match = /Broken \(character (\d+)\)/.exec(run.stdout);
		expect(match, run.stdout).not.toBeNull();
		// At the end of "(a + ", where a value is missing.
		expect(Number(match![1])).toBeGreaterThanOrEqual(4);
		expect(Number(match![1])).toBeLessThanOrEqual(6);
	});

	it('lists the members of an algebraic loop, and only them', async () => {
		const file = documentFile('loop.flowbook.json', [
			{ id: 'x', kind: 'aux', name: 'Alpha', equation: 'Beta + 1' },
			{ id: 'y', kind: 'aux', name: 'Beta', equation: 'Gamma * 2' },
			{ id: 'z', kind: 'aux', name: 'Gamma', equation: 'Alpha - 3' },
			{ id: 'w', kind: 'aux', name: 'Outside', equation: 'Alpha' }
		]);
		const run = await sim(file, '--check');
		expect(run.code).toBe(1);
		const loopLines = run.stdout.split('\n').filter((l) => /algebraic loop/i.test(l));
		expect(loopLines.length).toBeGreaterThan(0);
		for (const l of loopLines) {
			for (const name of ['Alpha', 'Beta', 'Gamma']) expect(l).toContain(`"${name}"`);
			expect(l).not.toContain('Outside');
		}
	});
});

describe('sim failures', { timeout: TIMEOUT }, () => {
	it('stops at the first NaN or Infinity, naming the variable and time, keeping the rows before', async () => {
		const file = documentFile('spike.flowbook.json', [
			{ id: 's', kind: 'stock', name: 'Level', initial: '0', inflows: ['f'], outflows: [] },
			{ id: 'f', kind: 'flow', name: 'Filling', equation: 'Spike' },
			{ id: 'r', kind: 'aux', name: 'Spike', equation: '1/(TIME-5)' }
		]);
		const out = join(dir, 'spike.csv');
		const run = await sim(file, '--out', out);
		expectCleanFailure(run);
		expect(run.stderr).toContain('Spike');
		expect(run.stderr).toMatch(/time 5\b/);
		const csv = parseCsv(readFileSync(out, 'utf8'));
		expect(csv.header).toEqual(['time', 'Level', 'Filling', 'Spike']);
		const before = csv.rows.filter((r) => r[0] < 5);
		expect(before.map((r) => r[0])).toEqual([0, 1, 2, 3, 4]);
		expect(column({ header: csv.header, rows: before }, 'Spike')).toEqual([
			-0.2,
			-0.25,
			-1 / 3,
			-0.5,
			-1
		]);
		for (const r of before) for (const x of r) expect(Number.isFinite(x)).toBe(true);
		expect(csv.rows.every((r) => r[0] <= 5)).toBe(true);
	});

	it('gives the line of a malformed XMILE file', async () => {
		const file = join(dir, 'broken.xmile');
		writeFileSync(
			file,
			[
				'<?xml version="1.0" encoding="UTF-8"?>',
				'<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">',
				'<header><name>broken</name></header>',
				'<sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>',
				'<model>',
				'<variables>',
				'<aux name="a"><eqn>1</eqn></aux>',
				'<aux name="b"><eqn>2</eqn></stock>',
				'</variables>',
				'</model>',
				'</xmile>'
			].join('\n')
		);
		const run = await sim(file);
		expectCleanFailure(run);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(/broken\.xmile:8(:\d+)?:|line 8\b/);
	});

	it('says "no such file" for a missing file', async () => {
		const run = await sim(join(dir, 'absent.xmile'));
		expectCleanFailure(run);
		expect(run.stderr).toMatch(/no such file/);
		expect(run.stderr).toContain('absent.xmile');
	});

	it('says which formats it reads for an unknown extension', async () => {
		const file = join(dir, 'model.txt');
		writeFileSync(file, 'not a model');
		const run = await sim(file);
		expectCleanFailure(run);
		expect(run.stderr).toMatch(/cannot tell the format of .*model\.txt/);
		expect(run.stderr).toMatch(/\.xmile/);
	});
});

describe('sim --scenario on the bathtub example', { timeout: TIMEOUT }, () => {
	// Save every 73 days: six rows (0, 73, …, 365) keep the output small.
	const base = [BATHTUB, '--save-step', '73'];

	it('runs a scenario by its name', async () => {
		const run = await sim(...base, '--scenario', 'Shorter stays');
		expect(run.code).toBe(0);
		const csv = parseCsv(run.stdout);
		expect(csv.header[0]).toBe('time');
		expect(csv.rows).toHaveLength(6);
		expect(new Set(column(csv, 'Average Length of Stay'))).toEqual(new Set([4]));
		// Little's law: 40 admissions a day × 4 days.
		expect(column(csv, 'Occupied Beds')[0]).toBe(160);
		const baseline = parseCsv((await sim(...base)).stdout);
		expect(column(baseline, 'Occupied Beds')[0]).toBe(200);
	});

	it('runs a scenario by its code (the first word of its name), ignoring case', async () => {
		const run = await sim(...base, '--scenario', 'SHORTER');
		expect(run.code).toBe(0);
		expect(run.stdout).toBe((await sim(...base, '--scenario', 'Shorter stays')).stdout);
	});

	it('lists the scenarios there are when the one asked for is not there', async () => {
		const run = await sim('--scenario', 'nosuch', BATHTUB);
		expectCleanFailure(run);
		expect(run.stdout).toBe('');
		expect(run.stderr).toContain('"nosuch"');
		expect(run.stderr).toContain('"Baseline"');
		expect(run.stderr).toContain('"Shorter stays"');
	});

	it('labels the message with the model file when options come first', async () => {
		const run = await sim('--scenario', 'nosuch', BATHTUB);
		expect(run.stderr).toMatch(new RegExp(`^error: ${BATHTUB.replace(/\./g, '\\.')}: `));
	});

	it('--scenario all writes one long CSV with a scenario column', async () => {
		const run = await sim(...base, '--scenario', 'all');
		expect(run.code).toBe(0);
		const lines = run.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^scenario,time,Occupied Beds,/);
		expect(lines.filter((l) => l.startsWith('scenario,'))).toHaveLength(1);
		const rows = lines.slice(1).map((l) => l.split(','));
		expect(rows.map((r) => r[0])).toEqual([
			...Array(6).fill('Baseline'),
			...Array(6).fill('Shorter stays')
		]);
		// Each scenario's rows are those of its own run (the baseline overrides nothing).
		const single = async (...args: string[]) =>
			(await sim(...base, ...args)).stdout.trimEnd().split('\n').slice(1);
		expect(rows.slice(0, 6).map((r) => r.slice(1).join(','))).toEqual(await single());
		expect(rows.slice(6).map((r) => r.slice(1).join(','))).toEqual(
			await single('--scenario', 'Shorter stays')
		);
	});
});

describe('npm run sim: an arrayed model', { timeout: TIMEOUT }, () => {
	const file = join(dir, 'wards.xmile');
	writeFileSync(
		file,
		`<xmile xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" version="1.0">
	<sim_specs method="euler" time_units="day"><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
	<dimensions><dim name="Ward"><elem name="North"/><elem name="South"/></dim></dimensions>
	<model><variables>
		<stock name="Patients"><dimensions><dim name="Ward"/></dimensions><eqn>10 * Ward</eqn><inflow>Admissions</inflow></stock>
		<flow name="Admissions"><dimensions><dim name="Ward"/></dimensions><eqn>Rate</eqn></flow>
		<aux name="Rate"><dimensions><dim name="Ward"/></dimensions>
			<element subscript="North"><eqn>1</eqn></element><element subscript="South"><eqn>2</eqn></element></aux>
		<aux name="Total"><eqn>SUM(Patients[*])</eqn></aux>
	</variables></model>
</xmile>`
	);

	it('prints one column per element, named as Stella and Vensim name them', async () => {
		const run = await sim(file);
		expect(run.code).toBe(0);
		expect(run.stdout.split('\n')[0]).toBe(
			'time,Patients[North],Patients[South],Admissions[North],Admissions[South],Rate[North],Rate[South],Total'
		);
		expect(run.stdout.split('\n')[3]).toBe('2,12,24,1,2,1,2,36');
	});

	it('sets one element with --set', async () => {
		const set = await sim(file, '--set', 'Rate[South]=5');
		expect(set.stdout.split('\n')[3]).toBe('2,12,30,1,5,1,5,42');
	});

	it('checks cleanly with --check', async () => {
		const check = await sim(file, '--check');
		expect(check.code).toBe(0);
		expect(check.stdout).toContain('0 errors, 0 warnings');
	});
});

describe('sim into a reader that stops early', { timeout: TIMEOUT }, () => {
	it('ends quietly with exit code 0 when the pipe closes (as `| head` does)', async () => {
		const child = spawnCli('run', ['models/whole-system-flow.flowbook.json']);
		let stderr = '';
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		// The first chunk is the header and some rows; closing then leaves most of the CSV unread.
		child.stdout.once('data', () => child.stdout.destroy());
		const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
		expect(stderr).toBe('');
		expect(code).toBe(0);
	});
});
