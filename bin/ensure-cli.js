/**
 * Builds dist-cli/ (vite.cli.config.ts) when it is missing or older than the sources, so the
 * `flowbook` bin works on a fresh `npm ci` and after every edit, without TypeScript at run time.
 *
 * "Older" is told by a stamp: the number of source files and the newest mtime among them, written
 * when a build finishes. Taking it stats about 450 files (a few milliseconds). Specs do not count.
 * Two processes that find it stale at once (parallel tests) build once: the second waits on a lock.
 */
import { spawnSync } from 'node:child_process';
import {
	closeSync,
	existsSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
	writeSync
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SOURCES = ['src/cli', 'src/lib'];
const FILES = ['vite.cli.config.ts', 'tsconfig.cli.json', 'package-lock.json'];
const STAMP = 'dist-cli/.sources';
const LOCK = 'dist-cli.lock';
/** A lock older than this was left by a build that died. */
const STALE_LOCK_MS = 120_000;

/**
 * `count:newest-mtime` of everything the CLI is built from.
 * @param {string} root
 */
export function sourceStamp(root) {
	let count = 0;
	let newest = 0;
	/** @param {string} path */
	const visit = (path) => {
		const stat = statSync(path, { throwIfNoEntry: false });
		if (!stat) return;
		if (stat.isDirectory()) {
			for (const name of readdirSync(path)) visit(join(path, name));
		} else if (!path.endsWith('.spec.ts')) {
			count++;
			newest = Math.max(newest, stat.mtimeMs);
		}
	};
	for (const path of [...SOURCES, ...FILES]) visit(join(root, path));
	return `${count}:${newest}`;
}

/**
 * @param {string} root
 * @param {string} stamp
 */
function isFresh(root, stamp) {
	const path = join(root, STAMP);
	return existsSync(join(root, 'dist-cli/flowbook.js')) && existsSync(path)
		? readFileSync(path, 'utf8') === stamp
		: false;
}

/** @param {number} ms */
function sleep(ms) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Whether the build that wrote the lock is gone: its process has ended (a build stopped by
 * Ctrl-C leaves the lock behind), or the lock is older than any build takes.
 * @param {string} path
 */
export function lockIsStale(path) {
	const stat = statSync(path, { throwIfNoEntry: false });
	if (!stat) return false;
	if (Date.now() - stat.mtimeMs > STALE_LOCK_MS) return true;
	const pid = Number(readFileSync(path, 'utf8'));
	if (!Number.isInteger(pid) || pid <= 0) return false; // being written: look again
	try {
		process.kill(pid, 0);
		return false;
	} catch (e) {
		return /** @type {NodeJS.ErrnoException} */ (e).code === 'ESRCH';
	}
}

/**
 * Takes the build lock, waiting while another live build holds it; returns its release.
 * @param {string} root
 */
function lock(root) {
	const path = join(root, LOCK);
	for (;;) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			return () => rmSync(path, { force: true });
		} catch (e) {
			if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EEXIST') throw e;
			if (lockIsStale(path)) rmSync(path, { force: true });
			else sleep(100);
		}
	}
}

/**
 * Makes sure dist-cli/ is built from the current sources. A copy without sources (an installed
 * package, a slim image) is taken as built. Exits the process with the build's output if it fails.
 * @param {string} root the checkout: the folder with package.json and bin/
 */
export function ensureCli(root) {
	if (!existsSync(join(root, 'src/cli'))) return;
	if (isFresh(root, sourceStamp(root))) return;
	const unlock = lock(root);
	try {
		// Another process may have built it while this one waited.
		const stamp = sourceStamp(root);
		if (isFresh(root, stamp)) return;
		process.stderr.write('flowbook: building the CLI into dist-cli/ …\n');
		const vite = join(root, 'node_modules/vite/bin/vite.js');
		const built = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.cli.config.ts'], {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
			encoding: 'utf8'
		});
		if (built.status !== 0) {
			process.stderr.write(built.stdout + built.stderr);
			process.stderr.write('flowbook: building the CLI failed (see above)\n');
			process.exit(1);
		}
		writeFileSync(join(root, STAMP), stamp);
	} finally {
		unlock();
	}
}

// `node bin/ensure-cli.js`: build now if stale (the Dockerfile's build step, `npm run build:cli`).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	ensureCli(join(dirname(fileURLToPath(import.meta.url)), '..'));
}
