/**
 * The XMILE equation language for CodeMirror: highlighting by a small stream tokenizer (the
 * engine's parser stays the one judge of what is valid), and completion of variable names and
 * builtins.
 */
import { StreamLanguage, type StreamParser } from '@codemirror/language';
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { BUILTINS } from '../engine/builtins';

const KEYWORDS = new Set(['if', 'then', 'else', 'and', 'or', 'not', 'mod']);
const BUILTIN_NAMES = new Set(
	BUILTINS.flatMap((b) => [b.name, ...(b.aliases ?? [])]).map((n) => n.toLowerCase())
);

const parser: StreamParser<{ comment: boolean }> = {
	name: 'xmile',
	startState: () => ({ comment: false }),
	token(stream, state) {
		if (state.comment || stream.peek() === '{') {
			state.comment = !stream.skipTo('}');
			if (!state.comment) stream.next();
			else stream.skipToEnd();
			return 'comment';
		}
		if (stream.eatSpace()) return null;
		if (stream.match(/^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/)) return 'number';
		if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return 'variableName';
		if (stream.match(/^[\p{L}_$][\p{L}\p{N}_$.]*/u)) {
			const word = stream.current().toLowerCase();
			if (KEYWORDS.has(word)) return 'keyword';
			if (BUILTIN_NAMES.has(word)) return 'standard';
			return 'variableName';
		}
		if (stream.match(/^(<>|<=|>=|[-+*/^=<>])/)) return 'operator';
		stream.next();
		return 'punctuation';
	},
	languageData: { commentTokens: { block: { open: '{', close: '}' } } }
};

export const xmileEquations = StreamLanguage.define(parser);

const BUILTIN_COMPLETIONS: Completion[] = BUILTINS.map((b) => ({
	label: b.name.toUpperCase(),
	type: 'function',
	detail: b.signature,
	apply: `${b.name.toUpperCase()}(`
}));

/** A completion source over the model's variable names (as equations write them) and the builtins. */
export function completeNames(names: () => Array<{ label: string; detail?: string }>) {
	return (context: CompletionContext): CompletionResult | null => {
		const word = context.matchBefore(/[\p{L}_$][\p{L}\p{N}_$.]*/u);
		if (!word || (word.from === word.to && !context.explicit)) return null;
		const variables: Completion[] = names().map((n) => ({
			label: n.label,
			type: 'variable',
			detail: n.detail,
			boost: 1
		}));
		return {
			from: word.from,
			options: [...variables, ...BUILTIN_COMPLETIONS],
			validFor: /^[\p{L}\p{N}_$.]*$/u
		};
	};
}
