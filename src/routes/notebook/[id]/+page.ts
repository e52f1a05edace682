import { error } from '@sveltejs/kit';
import { Library } from '$lib/storage/library';
import { emptyDocument } from '$lib/notebook/session';
import type { EntryGenerator, PageLoad } from './$types';

// "new" is built ahead so a fresh notebook opens from any link; the others are read from this
// browser's library, so the page is drawn in the browser only.
export const prerender = true;
export const ssr = false;
export const entries: EntryGenerator = () => [{ id: 'new' }];

export const load: PageLoad = async ({ params }) => {
	if (params.id === 'new') return { document: emptyDocument(), id: undefined };
	const opened = await new Library().get(params.id);
	if (!opened)
		error(
			404,
			'This notebook is not in the library of this browser. Open it from the home page, or import its file.'
		);
	const problem = opened.diagnostics.find((d) => d.severity === 'error');
	if (problem) error(422, `This notebook cannot be opened: ${problem.message}`);
	return { document: opened.document, id: opened.id };
};
