/**
 * Names as written in equations: how a display name is written, where each name sits in an
 * equation, and an equation with one name written anew. Names are found by the parser's token
 * positions, never by a pattern over the text, so renaming "Beds" leaves "Beds_free" and a comment
 * mentioning Beds alone.
 */
import { canonicalName } from '../../model/names';
import { leftSpine, type Expr, type Span } from './ast';
import { tokenize } from './lexer';
import { parseEquation } from './parser';

/** How a display name is written in an equation: underscores for spaces, quoted when it must be. */
export function equationName(name: string): string {
	const written = name.trim().replace(/\s+/g, '_');
	return /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(written)
		? written
		: `"${written.replace(/"/g, '\\"')}"`;
}

/** The spans of every name (variables and called functions) in an equation, with their canonical form. */
export function nameSpans(equation: string): Array<Span & { canonical: string }> {
	try {
		const spans: Array<Span & { canonical: string }> = [];
		const walk = (e: Expr): void => {
			switch (e.type) {
				case 'name':
					spans.push({ start: e.start, end: e.end, canonical: e.canonical });
					return;
				case 'call':
					spans.push({ ...e.nameSpan, canonical: e.canonical });
					e.args.forEach(walk);
					return;
				case 'unary':
					return walk(e.arg);
				case 'binary': {
					const { leftmost, chain } = leftSpine(e);
					walk(leftmost);
					return chain.forEach((link) => walk(link.right));
				}
				case 'if':
					walk(e.cond);
					walk(e.then);
					return walk(e.else);
				case 'subscript':
					walk(e.target);
					return e.indices.forEach(walk);
				case 'transpose':
					return walk(e.arg);
			}
		};
		walk(parseEquation(equation));
		return spans;
	} catch {
		// An equation that does not parse yet still has names the user meant: take them from the tokens.
		try {
			return tokenize(equation)
				.filter((t) => t.kind === 'name')
				.map((t) => ({ start: t.start, end: t.end, canonical: canonicalName(t.text) }));
		} catch {
			return [];
		}
	}
}

/** The equation with every use of `from` (any spelling) written as `to`. */
export function renameInEquation(equation: string, from: string, to: string): string {
	const wanted = canonicalName(from);
	const replacement = equationName(to);
	const spans = nameSpans(equation)
		.filter((s) => s.canonical === wanted)
		.sort((a, b) => b.start - a.start);
	let out = equation;
	for (const s of spans) out = out.slice(0, s.start) + replacement + out.slice(s.end);
	return out;
}

/**
 * A variable's name written bare in an equation although it must be quoted (it holds a character
 * no bare name can, like the & of "Waiting in A&E"): where it is, and how to write it. Spaces and
 * underscores match each other and case is ignored, as in names everywhere.
 */
export function unquotedName(
	equation: string,
	names: readonly string[]
): (Span & { name: string; written: string }) | undefined {
	for (const name of names) {
		const written = equationName(name);
		if (!written.startsWith('"')) continue;
		const pattern = name
			.trim()
			.split(/[\s_]+/)
			.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
			.join('[\\s_]+');
		for (const match of equation.matchAll(new RegExp(pattern, 'giu'))) {
			const start = match.index;
			const end = start + match[0].length;
			// Inside quotes (an odd number of quote marks before it) it is already written right.
			if ((equation.slice(0, start).match(/"/g) ?? []).length % 2 === 1) continue;
			return { start, end, name: name.trim(), written };
		}
	}
	return undefined;
}

/** The message for an unquoted name: what to write instead, and why. */
export function unquotedNameMessage(found: { name: string; written: string }): string {
	const odd = [...new Set(found.name.replace(/[\p{L}\p{N}_$\s]/gu, ''))].join(' ');
	return `"${found.name}" must be in double quotes in an equation, as ${found.written}: a bare name cannot hold ${odd}`;
}
