import { error } from '@sveltejs/kit';
import { readDocument } from '$lib/model/document';
import { exampleNotebookFiles } from '$lib/notebook/library';
import type { EntryGenerator, PageLoad } from './$types';

// Each example is its own page, built ahead; the notebook itself is drawn in the browser.
export const prerender = true;
export const ssr = false;

const SUFFIX = '.flowbook.json';
const slugOf = (path: string) => path.slice(path.lastIndexOf('/') + 1, -SUFFIX.length);

export const entries: EntryGenerator = () =>
	Object.keys(exampleNotebookFiles()).map((path) => ({ slug: slugOf(path) }));

export const load: PageLoad = ({ params }) => {
	const entry = Object.entries(exampleNotebookFiles()).find(
		([path]) => slugOf(path) === params.slug
	);
	if (!entry) error(404, `There is no example notebook called "${params.slug}".`);
	return { document: readDocument(entry[1]).document, slug: params.slug };
};
