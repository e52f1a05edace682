/**
 * Markdown of text cells as safe HTML: marked writes the HTML, DOMPurify removes what could run
 * (scripts, event handler attributes, javascript: links). Runs in the browser only: DOMPurify
 * needs a DOM, and without one it could not clean anything.
 *
 * Nothing in a cell fetches from another host either: a shared notebook's images would tell that
 * host who opened it, and when. A remote image becomes a link to it; elements and attributes that
 * load media (video, srcset, background, …) are removed. The app's CSP (svelte.config.js) blocks
 * whatever might slip past.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

// Its own instance, so that the hook below touches no other user of DOMPurify.
const purify = DOMPurify(window);

purify.addHook('afterSanitizeAttributes', (node) => {
	if (node.nodeName !== 'IMG') return;
	const image = node as HTMLImageElement;
	const src = image.getAttribute('src') ?? '';
	if (!isRemote(src)) return;
	// Built in DOMPurify's inert document, so nothing is fetched while it is made.
	const link = image.ownerDocument.createElement('a');
	link.setAttribute('href', src);
	link.setAttribute('rel', 'noopener noreferrer');
	link.setAttribute('class', 'remote-image');
	link.textContent = `Image: ${image.getAttribute('alt') || src}`;
	image.replaceWith(link);
});

/** Whether loading a URL would ask another host (data: and blob: images are in the page already). */
function isRemote(src: string): boolean {
	try {
		const url = new URL(src, location.href);
		return url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== location.origin;
	} catch {
		return false;
	}
}

export function renderMarkdown(markdown: string): string {
	const html = marked.parse(markdown, { async: false, gfm: true });
	return purify.sanitize(html, {
		FORBID_TAGS: [
			'style',
			'form',
			'iframe',
			'object',
			'embed',
			'input',
			'video',
			'audio',
			'source',
			'track',
			'picture',
			'image',
			'use'
		],
		FORBID_ATTR: ['style', 'srcset', 'background', 'poster', 'ping']
	});
}
