/**
 * The example notebooks in models/, each its own chunk fetched when its page opens: a reader of
 * one example does not download the others (the home page, which lists them all, reads them
 * eagerly through library.ts).
 */
const FILES = import.meta.glob<string>('/models/*.flowbook.json', {
	query: '?raw',
	import: 'default'
});

const SUFFIX = '.flowbook.json';

/** "whole-system-flow" for "/models/whole-system-flow.flowbook.json". */
export const exampleSlug = (path: string) => path.slice(path.lastIndexOf('/') + 1, -SUFFIX.length);

/** Every example's slug, for the pages built ahead. */
export function exampleSlugs(): string[] {
	return Object.keys(FILES).map(exampleSlug);
}

/** The raw text of the example called `slug`, or undefined when there is none. */
export async function exampleText(slug: string): Promise<string | undefined> {
	const entry = Object.entries(FILES).find(([path]) => exampleSlug(path) === slug);
	return entry ? entry[1]() : undefined;
}
