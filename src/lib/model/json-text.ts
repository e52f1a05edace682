/**
 * JSON text as files hold it: parsed with the platform's JSON.parse, and located with
 * jsonc-parser, so that a syntax error names its line and column in every browser (JSON.parse's
 * own messages differ between engines, and only some give a position), and a field of a valid
 * file can be pointed to by its path.
 */
import {
	findNodeAtLocation,
	parse as scanJson,
	parseTree,
	printParseErrorCode,
	type ParseError
} from 'jsonc-parser';
import { InputError } from './diagnostics';
import { MAX_JSON_DEPTH, tooDeepAt } from './json-depth';
import { positionFinder, type TextPosition } from './text-position';

export type JsonPath = Array<string | number>;

/** A JSON syntax error: what is wrong, in words, and where. */
export interface JsonSyntaxProblem extends TextPosition {
	reason: string;
}

function shownText(text: string, error: ParseError): string {
	const found = text.slice(error.offset, error.offset + Math.max(error.length, 1));
	return found.length > 20 ? `${found.slice(0, 19)}…` : found;
}

function reasonOf(text: string, error: ParseError): string {
	const found = shownText(text, error);
	// By name: jsonc-parser's codes are a const enum, which isolated modules cannot read.
	switch (printParseErrorCode(error.error)) {
		case 'InvalidSymbol':
			return found.startsWith("'")
				? `${found} is in single quotes, and JSON text must be in double quotes`
				: `unexpected ${JSON.stringify(found)}`;
		case 'InvalidNumberFormat':
			return `${found} is not a JSON number`;
		case 'PropertyNameExpected':
			return 'a field name in double quotes is expected (a comma before } or ] is not allowed)';
		case 'ValueExpected':
			return error.offset >= text.trimEnd().length
				? 'the file ends where a value is expected'
				: `a value is expected, not ${JSON.stringify(found)}`;
		case 'ColonExpected':
			return 'a colon is expected after the field name';
		case 'CommaExpected':
			return 'a comma is expected between two values';
		case 'CloseBraceExpected':
			return error.offset >= text.trimEnd().length
				? 'the file ends before the closing }'
				: 'a comma or a closing } is expected';
		case 'CloseBracketExpected':
			return error.offset >= text.trimEnd().length
				? 'the file ends before the closing ]'
				: 'a comma or a closing ] is expected';
		case 'EndOfFileExpected':
			return `the document has ended, but ${JSON.stringify(found)} follows it`;
		case 'InvalidCommentToken':
		case 'UnexpectedEndOfComment':
			return 'comments are not allowed in JSON';
		case 'UnexpectedEndOfString':
			return 'a text value is not closed with " before the end of its line';
		case 'UnexpectedEndOfNumber':
			return 'a number is cut off';
		case 'InvalidUnicode':
			return 'a \\u escape needs four hexadecimal digits';
		case 'InvalidEscapeCharacter':
			return `${found} is not a JSON escape`;
		case 'InvalidCharacter':
			return 'a text value holds a control character (write a tab as \\t, a new line as \\n)';
		default:
			return 'the text is not JSON';
	}
}

/** The first syntax error of a text JSON.parse refused, or undefined if none is found. */
export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
	const errors: ParseError[] = [];
	scanJson(text, errors, {
		disallowComments: true,
		allowTrailingComma: false,
		allowEmptyContent: false
	});
	const first = errors[0];
	if (!first) return undefined;
	return { reason: reasonOf(text, first), ...positionFinder(text)(first.offset) };
}

/**
 * Parses a JSON file's text (a UTF-8 byte order mark, which some editors write, is skipped).
 * Text that is not JSON throws an InputError whose message and diagnostic name the line and
 * column: "the file is not valid JSON: a comma is expected between two values (line 3, column 2)".
 */
export function parseJsonText(text: string): unknown {
	const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
	refuseDeepNesting(source);
	try {
		return JSON.parse(source);
	} catch (e) {
		const problem = jsonSyntaxProblem(source);
		const reason = problem?.reason ?? (e instanceof Error ? e.message : String(e));
		const where = problem ? ` (line ${problem.line}, column ${problem.column})` : '';
		const message = `the file is not valid JSON: ${reason}${where}`;
		throw new InputError(message, [
			{
				severity: 'error',
				message: `the file is not valid JSON: ${reason}`,
				...(problem && { line: problem.line, column: problem.column })
			}
		]);
	}
}

/** Refuses, by its line and column, text nested deeper than any document, before anything walks it. */
function refuseDeepNesting(source: string): void {
	const offset = tooDeepAt(source);
	if (offset === undefined) return;
	const { line, column } = positionFinder(source)(offset);
	const reason = `lists and objects are nested more than ${MAX_JSON_DEPTH} deep, far deeper than any Flowbook document`;
	throw new InputError(`the file is refused: ${reason} (line ${line}, column ${column})`, [
		{ severity: 'error', message: `the file is refused: ${reason}`, line, column }
	]);
}

/**
 * For a valid JSON text: the line of the value at a path, so that a message about a field can
 * point into the file. A field that is missing gets the line of its nearest parent that is there;
 * the document itself has no line.
 */
export function jsonLineFinder(text: string): (path: JsonPath) => number | undefined {
	const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
	// Built on the first message only: a file with no problem is never parsed a second time.
	let located: {
		tree: ReturnType<typeof parseTree>;
		positionOf: ReturnType<typeof positionFinder>;
	};
	return (path) => {
		located ??= { tree: parseTree(source), positionOf: positionFinder(source) };
		const { tree, positionOf } = located;
		if (!tree) return undefined;
		for (let n = path.length; n > 0; n--) {
			const node = findNodeAtLocation(tree, path.slice(0, n));
			if (node) {
				// A field's value: point at its name, where the reader looks for it.
				const at = node.parent?.type === 'property' ? node.parent : node;
				return positionOf(at.offset).line;
			}
		}
		return undefined;
	};
}
