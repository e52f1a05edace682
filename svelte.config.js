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
		}),
		// Only the app's own origin: opening a shared notebook asks no other host for anything
		// (a remote image would tell it who opened the notebook), and an injected script cannot run.
		// SvelteKit hashes its own inline start-up script into script-src and writes the policy
		// as a <meta> tag in each prerendered page. Styles may be inline: Svelte, d3 and
		// CodeMirror set them as the page runs. data: and blob: are the charts' own exports.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
