/**
 * Builds the CLI (src/cli/flowbook.ts and the sweep's worker thread) into plain JavaScript in
 * dist-cli/, so `flowbook` starts without compiling TypeScript. Dependencies are bundled in, so a
 * run reads a few files instead of resolving node_modules; each subcommand is its own chunk,
 * loaded when named, so `flowbook run` never parses the converter or the Parquet writer.
 */
import { defineConfig } from 'vite';

export default defineConfig({
	publicDir: false,
	// Not tsconfig.json: it extends .svelte-kit's, which a fresh checkout does not have yet.
	tsconfig: 'tsconfig.cli.json',
	logLevel: 'warn',
	ssr: { noExternal: true, target: 'node' },
	build: {
		ssr: true,
		outDir: 'dist-cli',
		emptyOutDir: true,
		target: 'node20',
		minify: false,
		sourcemap: false,
		reportCompressedSize: false,
		rollupOptions: {
			input: {
				flowbook: 'src/cli/flowbook.ts',
				'sweep-worker': 'src/cli/sweep/worker.ts',
				'pool-worker': 'src/cli/pool-worker.ts'
			},
			output: {
				format: 'es',
				entryFileNames: '[name].js',
				// Beside the entries, so a chunk's import.meta.url finds sweep-worker.js next to it.
				chunkFileNames: '[name]-[hash].js'
			}
		}
	}
});
