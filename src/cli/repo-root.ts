/**
 * The Flowbook checkout (or container folder) the CLI runs in: the nearest folder at or above the
 * working directory that holds a package.json. Found from the cwd, not from a source file's
 * import.meta.url, because the built CLI lives in dist-cli/ and may be moved.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function repoRoot(from: string = process.cwd()): string {
	let dir = resolve(from);
	for (;;) {
		if (existsSync(join(dir, 'package.json'))) return dir;
		const up = dirname(dir);
		if (up === dir) return resolve(from);
		dir = up;
	}
}
