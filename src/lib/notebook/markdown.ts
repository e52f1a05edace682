/**
 * Markdown of text cells as safe HTML: marked writes the HTML, DOMPurify removes what could run
 * (scripts, event handler attributes, javascript: links). Runs in the browser only: DOMPurify
 * needs a DOM, and without one it could not clean anything.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

export function renderMarkdown(markdown: string): string {
	const html = marked.parse(markdown, { async: false, gfm: true });
	return DOMPurify.sanitize(html, {
		FORBID_TAGS: ['style', 'form', 'iframe', 'object', 'embed'],
		FORBID_ATTR: ['style']
	});
}
