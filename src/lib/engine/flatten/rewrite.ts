/**
 * Rewriting equations for the flattening passes. An equation is parsed, the names to change are
 * found on its AST, and only their character ranges are replaced, so the rest stays exactly as the
 * modeller wrote it (and an error inside it still points near the right place).
 */
import type { Expr } from '../parse/ast';

export interface Edit {
	start: number;
	end: number;
	text: string;
}

/** The equation with each range replaced; edits must not overlap. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
	let out = source;
	for (const edit of [...placeEdits(source, edits)].reverse())
		out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
	return out;
}

/** The edits as applyEdits makes them, in order: each replacement as it is written into the text. */
export function placeEdits(source: string, edits: readonly Edit[]): Edit[] {
	return [...edits]
		.sort((a, b) => a.start - b.start)
		.map((edit) => {
			let text = edit.text;
			// The parser gives a parenthesised name the range of its parentheses: keep them, so that
			// "IF(x)THEN" does not become "IFyTHEN".
			if (source[edit.start] === '(' && source[edit.end - 1] === ')') text = `(${text})`;
			// A quoted name may touch the next word ("x"THEN); a bare replacement must not.
			const word = /[\p{L}\p{N}_$."]/u;
			if (edit.start > 0 && word.test(source[edit.start - 1]) && word.test(text[0]))
				text = ' ' + text;
			if (
				edit.end < source.length &&
				word.test(source[edit.end]) &&
				word.test(text[text.length - 1])
			)
				text += ' ';
			return { ...edit, text };
		});
}

/**
 * Takes a range of the rewritten equation back to the equation as written (`placed` from
 * placeEdits), so that an error points at what the modeller wrote; a range inside a
 * replacement points at the whole of what it replaced.
 */
export function spanInSource(
	placed: readonly Edit[],
	start: number,
	end: number
): { start: number; end: number } {
	const back = (position: number, side: 'start' | 'end') => {
		let shift = 0;
		for (const edit of placed) {
			const from = edit.start + shift;
			if (position < from || (side === 'end' && position === from)) break;
			if (
				position < from + edit.text.length ||
				(side === 'end' && position === from + edit.text.length)
			)
				return side === 'start' ? edit.start : edit.end;
			shift += edit.text.length - (edit.end - edit.start);
		}
		return position - shift;
	};
	return { start: back(start, 'start'), end: back(end, 'end') };
}

/**
 * Visits every node, parents before children. `visit` returns false to skip a node's children;
 * `inIndex` is true inside the brackets of a subscript.
 */
export function walk(
	expr: Expr,
	visit: (e: Expr, inIndex: boolean) => boolean | void,
	inIndex = false
): void {
	// A stack, not recursion: a 5,000-term sum is 5,000 levels deep. Children are pushed last
	// first, so they are visited in the order written.
	const stack: [Expr, boolean][] = [[expr, inIndex]];
	for (let item = stack.pop(); item; item = stack.pop()) {
		const [e, indexed] = item;
		if (visit(e, indexed) === false) continue;
		const children: [Expr, boolean][] = [];
		switch (e.type) {
			case 'unary':
			case 'transpose':
				children.push([e.arg, indexed]);
				break;
			case 'binary':
				children.push([e.left, indexed], [e.right, indexed]);
				break;
			case 'if':
				children.push([e.cond, indexed], [e.then, indexed], [e.else, indexed]);
				break;
			case 'call':
				for (const arg of e.args) children.push([arg, indexed]);
				break;
			case 'subscript':
				children.push([e.target, indexed]);
				for (const index of e.indices) children.push([index, true]);
				break;
		}
		for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
	}
}

const KEYWORDS = new Set(['if', 'then', 'else', 'and', 'or', 'not', 'mod']);
const BARE = /^[\p{L}_$][\p{L}\p{N}_$.]*$/u;

/**
 * A variable's name as an equation refers to it: `hares.hare density` → `hares.hare_density`, and
 * in double quotes when it holds anything a bare name cannot (`"x → SMOOTH → level"`).
 */
export function reference(name: string): string {
	const underscored = name.trim().replace(/\s+/g, '_');
	const bare =
		BARE.test(underscored) &&
		!/(^|\.)_|_($|\.)|\.\.|\.$/.test(underscored) &&
		!KEYWORDS.has(underscored.toLowerCase());
	return bare ? underscored : `"${name.trim().replace(/"/g, '\\"')}"`;
}

/** True when an equation holds nothing but whitespace and {comments}, as module inputs often do. */
export function isBlankEquation(source: string | undefined): boolean {
	return typeof source !== 'string' || !source.replace(/\{[^}]*\}/g, '').trim();
}
