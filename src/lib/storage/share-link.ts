/**
 * Share links carry the whole notebook in the URL fragment (`#nb1.<data>`), so the document never
 * reaches a server: JSON, deflated with the platform's CompressionStream, base64url-encoded.
 * Reading a link never trusts it: the encoded and the inflated sizes are capped, the second while
 * it inflates (a crafted link could otherwise inflate to gigabytes, see inflate.ts), and the
 * result is validated like any file, its nesting depth first.
 */
import { InputError } from '../model/diagnostics';
import { readDocument } from '../model/document';
import type { FlowbookDocument } from '../model/types';
import { InflatedTooLarge, inflateWithin } from './inflate';

const PREFIX = 'nb1.';
/** Longer than any link a browser or mail client carries. */
export const MAX_LINK_CHARACTERS = 4_000_000;
/** Far more than any notebook needs; a larger result is refused as it inflates. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export async function encodeShareFragment(document: FlowbookDocument): Promise<string> {
	const json = new TextEncoder().encode(JSON.stringify(document));
	const compressed = await collect(
		new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'))
	);
	return PREFIX + toBase64Url(compressed);
}

/** The document in a link's fragment (with or without the leading #), or an InputError saying what is wrong. */
export async function decodeShareFragment(
	fragment: string
): Promise<ReturnType<typeof readDocument>> {
	const data = fragment.replace(/^#/, '');
	if (!data) throw new InputError('This link holds no notebook: the part after # is empty.');
	if (!data.startsWith(PREFIX))
		throw new InputError(
			'This is not a Flowbook share link, or it comes from a newer Flowbook: it should start with #nb1.'
		);
	if (data.length > MAX_LINK_CHARACTERS)
		throw new InputError(
			`This link is too long to be a notebook (${data.length.toLocaleString('en-GB')} characters).`
		);
	const bytes = fromBase64Url(data.slice(PREFIX.length));
	let json: Uint8Array;
	try {
		json = inflateWithin(bytes, MAX_DOCUMENT_BYTES);
	} catch (e) {
		if (e instanceof InflatedTooLarge)
			throw new InputError(
				`This link unpacks to more than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB, more than any notebook needs: it was refused.`
			);
		throw new InputError(
			'This link is damaged or cut short: its notebook cannot be unpacked. Ask for the link again, or for the file.'
		);
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(json);
	} catch {
		throw new InputError('This link is damaged: its notebook is not text.');
	}
	return readDocument(text);
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	// Some mail clients cut links that end in "=", so the padding is dropped.
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) {
		const bad = text.match(/[^A-Za-z0-9_-]/)![0];
		throw new InputError(
			`This link is damaged: it contains "${bad}", which a share link never does.`
		);
	}
	if (text.length % 4 === 1)
		throw new InputError('This link is cut short: a character is missing at its end.');
	const binary = atob(
		text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)
	);
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
