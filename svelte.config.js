import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({
			// Not index.html: adapter-static writes the fallback after the prerendered pages,
			// so it would overwrite the prerendered home page.
			fallback: '200.html'
		})
	}
};

export default config;
