/**
 * Where a worker thread's script is in the built CLI: beside the chunk that asks, in dist-cli/
 * (vite.cli.config.ts builds each worker as its own entry there). The one place the CLI looks at
 * import.meta.url, and only of the bundle, never of a source file: under vitest or tsx there is no
 * built worker, and the message says to build one.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function builtWorkerPath(name: 'pool-worker' | 'sweep-worker'): string {
	const path = join(dirname(fileURLToPath(import.meta.url)), `${name}.js`);
	if (!existsSync(path))
		throw new Error(
			`${name}.js is not beside ${fileURLToPath(import.meta.url)}: run the built CLI (bin/flowbook.js), which builds dist-cli/`
		);
	return path;
}
