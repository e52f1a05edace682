/**
 * The formatter wraps long text in markup at a space, and Svelte keeps the newline and tabs in the
 * page's text. A reader never sees them, but a status read aloud or matched by a test does: "3\n\t\t\t
 * scenarios ran" once broke every journey that waited for a run. So a status, an alert, and any
 * number with its words keep their text on one line; prose hints may wrap.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

interface Node {
	type: string;
	name?: string;
	data?: string;
	start: number;
	attributes?: { type: string; name: string; value: unknown }[];
	fragment?: { nodes: Node[] };
	[key: string]: unknown;
}

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return svelteFiles(path);
		return entry.name.endsWith('.svelte') ? [path] : [];
	});
}

const announces = (node: Node) =>
	(node.attributes ?? []).some(
		(a) =>
			a.type === 'Attribute' &&
			a.name === 'role' &&
			JSON.stringify(a.value).match(/"(status|alert)"/) !== null
	);

/** Text nodes whose newline lands inside words a reader takes as one: "file:line: text". */
function wrappedText(file: string): string[] {
	const source = readFileSync(file, 'utf8');
	const found: string[] = [];
	const report = (node: Node) =>
		found.push(
			`${file}:${source.slice(0, node.start).split('\n').length}: ${JSON.stringify(node.data)}`
		);
	function visit(node: Node, inAnnouncement: boolean) {
		const here = inAnnouncement || announces(node);
		const nodes = node.fragment?.nodes ?? (node.nodes as Node[] | undefined);
		if (Array.isArray(nodes)) {
			nodes.forEach((child, i) => {
				const text = child.data ?? '';
				if (child.type === 'Text' && text.includes('\n') && text.trim()) {
					const prev = nodes[i - 1]?.type;
					const next = nodes[i + 1]?.type;
					const inside = text.trim().includes('\n');
					const afterValue = prev === 'ExpressionTag' && /^\s*\n/.test(text);
					const beforeValue = next === 'ExpressionTag' && /\n\s*$/.test(text);
					if ((here && inside) || afterValue || beforeValue) report(child);
				}
				visit(child, here);
			});
		}
		for (const key of ['consequent', 'alternate', 'body', 'fallback', 'pending', 'then', 'catch']) {
			const branch = node[key];
			if (branch && typeof branch === 'object') visit(branch as Node, here);
		}
	}
	visit(parse(source, { modern: true }) as unknown as Node, false);
	return found;
}

describe('text in markup', () => {
	it('keeps statuses, alerts and numbers with their words on one line', () => {
		expect(svelteFiles('src').flatMap(wrappedText)).toEqual([]);
	});

	it('finds a wrap after a value, so the check above can fail', () => {
		const dir = mkdtempSync(join(tmpdir(), 'markup-'));
		const file = join(dir, 'Wrapped.svelte');
		writeFileSync(file, '<p>{count}\n\t\tscenarios ran.</p>\n<p role="alert">cannot\n\trun.</p>');
		expect(wrappedText(file)).toHaveLength(2);
	});
});
