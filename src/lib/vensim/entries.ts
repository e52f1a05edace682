/**
 * The parts of a .mdl file: equation entries (`equation ~ units ~ comment |`), macros
 * (`:MACRO: NAME(args) … :END OF MACRO:`), group headers (`****…` then `.Name`), and after
 * `\\\---///` the sketch and Vensim's settings.
 */

export interface Entry {
	/** The equation, with Vensim's line continuations (`\` at a line's end) joined. */
	equation: string;
	units: string;
	comment: string;
	/** 1-based line in the .mdl where the entry starts. */
	line: number;
	/** The group (Vensim's `.Name` header) the entry sits in. */
	group?: string;
}

export interface MacroEntries {
	name: string;
	/** Parameter names; after a colon, Vensim's extra outputs (`:MACRO: M(in : out)`). */
	parameters: string[];
	outputs: string[];
	entries: Entry[];
	line: number;
}

export interface MdlParts {
	entries: Entry[];
	macros: MacroEntries[];
	/** The sketch section, one string per view (each starting with `*View name`). */
	sketch: string;
}

const SKETCH_START = '\\\\\\---///';
const SKETCH_END = '///---\\\\\\';

export function splitMdl(text: string): MdlParts {
	const normalised = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
	const sketchAt = normalised.indexOf(SKETCH_START);
	const equations = sketchAt < 0 ? normalised : normalised.slice(0, sketchAt);
	let sketch = '';
	if (sketchAt >= 0) {
		const rest = normalised.slice(sketchAt);
		const end = rest.indexOf(SKETCH_END);
		sketch = end < 0 ? rest : rest.slice(0, end);
	}
	const { entries, macros } = splitEquations(equations);
	return { entries, macros, sketch };
}

/** Splits at `|` outside quotes, keeping the line each chunk starts on. */
function chunks(text: string): { text: string; line: number }[] {
	const out: { text: string; line: number }[] = [];
	let line = 1;
	let chunkLine = 1;
	let from = 0;
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '\n') line++;
		else if (quoted && ch === '\\' && text[i + 1] === '"') i++;
		else if (ch === '"') quoted = !quoted;
		else if (ch === '|' && !quoted) {
			out.push({ text: text.slice(from, i), line: chunkLine });
			from = i + 1;
			chunkLine = line;
		}
	}
	if (text.slice(from).trim()) out.push({ text: text.slice(from), line: chunkLine });
	return out;
}

/** Splits at `~` outside quotes. */
function fields(text: string): string[] {
	const out: string[] = [];
	let current = '';
	let quote = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quote && ch === '\\' && text[i + 1] === '"') {
			current += ch + text[++i];
			continue;
		}
		if (ch === '"') quote = !quote;
		if (ch === '~' && !quote) {
			out.push(current);
			current = '';
		} else current += ch;
	}
	out.push(current);
	return out;
}

const joinContinuations = (s: string) => s.replace(/[ \t]*\\[ \t]*\n[ \t]*/g, ' ');

function splitEquations(text: string): { entries: Entry[]; macros: MacroEntries[] } {
	const entries: Entry[] = [];
	const macros: MacroEntries[] = [];
	let macro: MacroEntries | undefined;
	let group: string | undefined;
	for (const chunk of chunks(text.replace(/^\s*\{UTF-8\}/, ''))) {
		let body = chunk.text;
		let line = chunk.line;
		// `:END OF MACRO:` sits at the start of the chunk after the macro's last entry.
		const end = /^\s*:END OF MACRO:/i.exec(body);
		if (end) {
			if (macro) macros.push(macro);
			macro = undefined;
			line += countLines(body.slice(0, end[0].length));
			body = body.slice(end[0].length);
		}
		const start = /^\s*:MACRO:\s*([^(]+)\(([^)]*)\)/i.exec(body);
		if (start) {
			const [inputs, outputs = ''] = start[2].split(':');
			macro = {
				name: start[1].trim().replace(/\s+/g, ' '),
				parameters: splitNames(inputs),
				outputs: splitNames(outputs),
				entries: [],
				line: line + countLines(body.slice(0, body.indexOf(':MACRO:')))
			};
			line += countLines(body.slice(0, start[0].length));
			body = body.slice(start[0].length);
		}
		if (!body.trim()) continue;
		const groupHeader = /^\s*\*{3,}\s*\n\s*\.?([^\n]*)\n\s*\*{3,}/.exec(body);
		if (groupHeader) {
			group = groupHeader[1].trim();
			continue;
		}
		const [equation = '', units = '', ...rest] = fields(body);
		line += countLines(body.slice(0, body.length - body.trimStart().length));
		const entry: Entry = {
			equation: joinContinuations(equation).trim(),
			units: joinContinuations(units).trim(),
			comment: joinContinuations(rest.join('~')).trim(),
			line,
			...(group !== undefined && { group })
		};
		(macro ? macro.entries : entries).push(entry);
	}
	if (macro) macros.push(macro);
	return { entries, macros };
}

function splitNames(list: string): string[] {
	return list
		.split(',')
		.map((s) => s.trim().replace(/\s+/g, ' '))
		.filter(Boolean);
}

function countLines(s: string): number {
	return s.split('\n').length - 1;
}
