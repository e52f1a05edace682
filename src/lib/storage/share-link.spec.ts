import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../model/diagnostics';
import { readDocument } from '../model/document';
import {
	decodeShareFragment,
	encodeShareFragment,
	fromBase64Url,
	MAX_DOCUMENT_BYTES,
	toBase64Url
} from './share-link';

const example = readDocument(
	readFileSync(new URL('../../../models/whole-system-flow.flowbook.json', import.meta.url), 'utf8')
).document;

async function refusal(fragment: string): Promise<string> {
	try {
		await decodeShareFragment(fragment);
	} catch (e) {
		expect(e).toBeInstanceOf(InputError);
		return (e as Error).message;
	}
	throw new Error('expected the link to be refused');
}

async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
	return new Uint8Array(
		await new Response(
			new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))
		).arrayBuffer()
	);
}

describe('share links', () => {
	it('carry a whole notebook and give it back identical', async () => {
		const fragment = await encodeShareFragment(example);
		expect(fragment).toMatch(/^nb1\.[A-Za-z0-9_-]+$/);
		const { document, diagnostics } = await decodeShareFragment('#' + fragment);
		expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(document).toEqual(example);
		// Deflate makes the largest example small enough to send as a link.
		expect(fragment.length).toBeLessThan(JSON.stringify(example).length / 3);
	});

	it('keep names with any characters as text', async () => {
		const hostile = structuredClone(example);
		hostile.title = '<img src=x onerror=alert(1)> "quotes" & émoji 🏥';
		const { document } = await decodeShareFragment(await encodeShareFragment(hostile));
		expect(document.title).toBe(hostile.title);
	});

	it('refuse an empty, foreign, damaged or truncated link with a message saying so', async () => {
		const fragment = await encodeShareFragment(example);
		expect(await refusal('#')).toMatch(/holds no notebook/);
		expect(await refusal('#https://example.org')).toMatch(/not a Flowbook share link/);
		expect(await refusal('#nb1.abc$def')).toMatch(/contains "\$"/);
		expect(await refusal('#' + fragment.slice(0, Math.floor(fragment.length / 2)))).toMatch(
			/damaged or cut short|cut short/
		);
		expect(
			await refusal('#nb1.' + toBase64Url(new TextEncoder().encode('not deflated at all')))
		).toMatch(/damaged or cut short/);
	});

	it('refuse a link that would inflate past the size cap, without inflating it all', async () => {
		const bomb = await deflate(new Uint8Array(MAX_DOCUMENT_BYTES + 1024 * 1024).fill(32));
		expect(bomb.length).toBeLessThan(100_000);
		expect(await refusal('#nb1.' + toBase64Url(bomb))).toMatch(/more than 20 MB/);
	});

	it('refuse a short link of deeply nested lists by their depth, before anything walks them', async () => {
		const deep = '{"schemaVersion": 1, "model": ' + '['.repeat(300_000) + ']'.repeat(300_000) + '}';
		const link = '#nb1.' + toBase64Url(await deflate(new TextEncoder().encode(deep)));
		expect(link.length).toBeLessThan(2_000);
		expect(await refusal(link)).toMatch(/nested more than 64 deep.*\(line 1, column 94\)/);
	});

	it('refuse a link whose content is not a notebook', async () => {
		const notJson = await deflate(new TextEncoder().encode('{"schemaVersion": 1, "title": '));
		expect(await refusal('#nb1.' + toBase64Url(notJson))).toMatch(/not valid JSON/);
		const { diagnostics } = await decodeShareFragment(
			'#nb1.' + toBase64Url(await deflate(new TextEncoder().encode('{"title": 3}')))
		);
		expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
	});

	it('encode base64url without padding and decode it back', () => {
		const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256);
		const text = toBase64Url(bytes);
		expect(text).not.toMatch(/[+/=]/);
		expect(fromBase64Url(text)).toEqual(bytes);
	});
});
