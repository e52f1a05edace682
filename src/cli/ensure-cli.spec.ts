/**
 * bin/ensure-cli.js's two judgements, on a scratch folder (never the checkout: rebuilding
 * dist-cli/ here would pull it from under the other specs' CLI runs).
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockIsStale, sourceStamp } from '../../bin/ensure-cli.js';

const root = mkdtempSync(join(tmpdir(), 'flowbook-ensure-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the CLI build stamp', () => {
	mkdirSync(join(root, 'src/cli'), { recursive: true });
	mkdirSync(join(root, 'src/lib/engine'), { recursive: true });
	writeFileSync(join(root, 'src/cli/sim.ts'), '');
	writeFileSync(join(root, 'src/lib/engine/run.ts'), '');
	const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);
	at('src/cli/sim.ts', 1000);
	at('src/lib/engine/run.ts', 2000);

	it('is the count of sources and the newest mtime among them', () => {
		expect(sourceStamp(root)).toBe('2:2000000');
	});

	it('changes when a source is edited, added or removed, not when a spec is', () => {
		at('src/cli/sim.ts', 3000);
		expect(sourceStamp(root)).toBe('2:3000000');
		writeFileSync(join(root, 'src/cli/sim.spec.ts'), '');
		expect(sourceStamp(root)).toBe('2:3000000');
		writeFileSync(join(root, 'src/lib/engine/new.ts'), '');
		at('src/lib/engine/new.ts', 100);
		expect(sourceStamp(root)).toBe('3:3000000');
		rmSync(join(root, 'src/lib/engine/new.ts'));
		expect(sourceStamp(root)).toBe('2:3000000');
	});
});

describe('the build lock', () => {
	const lock = join(root, 'dist-cli.lock');

	it('is stale when the process that took it has ended', () => {
		writeFileSync(lock, '2147483646');
		expect(lockIsStale(lock)).toBe(true);
	});

	it('is held while its process lives, or while it is being written', () => {
		writeFileSync(lock, String(process.pid));
		expect(lockIsStale(lock)).toBe(false);
		writeFileSync(lock, '');
		expect(lockIsStale(lock)).toBe(false);
	});

	it('is stale past two minutes whoever holds it', () => {
		writeFileSync(lock, String(process.pid));
		const old = (Date.now() - 200_000) / 1000;
		utimesSync(lock, old, old);
		expect(lockIsStale(lock)).toBe(true);
	});
});
