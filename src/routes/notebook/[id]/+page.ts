import { error } from '@sveltejs/kit';
import { emptyDocument, keptNotebook } from '$lib/notebook/session';
import type { EntryGenerator, PageLoad } from './$types';

// "new" is built ahead so a fresh notebook opens from any link; others live in this tab's memory.
export const prerender = true;
export const ssr = false;
export const entries: EntryGenerator = () => [{ id: 'new' }];

export const load: PageLoad = ({ params }) => {
	const document = params.id === 'new' ? emptyDocument() : keptNotebook(params.id);
	if (!document) error(404, 'This notebook is not open in this tab any more. Open it again from the home page.');
	return { document };
};
