import { error } from '@sveltejs/kit';
import { readDocument } from '$lib/model/document';
import { exampleSlugs, exampleText } from '$lib/notebook/example-files';
import type { EntryGenerator, PageLoad } from './$types';

// Each example is its own page, built ahead; the notebook itself is drawn in the browser.
export const prerender = true;
export const ssr = false;

export const entries: EntryGenerator = () => exampleSlugs().map((slug) => ({ slug }));

export const load: PageLoad = async ({ params }) => {
	const text = await exampleText(params.slug);
	if (text === undefined) error(404, `There is no example notebook called "${params.slug}".`);
	return { document: readDocument(text).document, slug: params.slug };
};
