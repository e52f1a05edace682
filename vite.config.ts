import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Module workers, split like the page: the units checker (mathjs) is a chunk the worker
	// fetches only when first asked for units, not part of every worker's start.
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.{test,spec}.ts'],
		environment: 'node'
	}
});
