import { loadExampleLibrary } from '$lib/notebook/library';
import type { PageLoad } from './$types';

// The example notebooks are bundled at build time, so the home page can be plain HTML.
export const prerender = true;

export const load: PageLoad = () => ({ notebooks: loadExampleLibrary() });
