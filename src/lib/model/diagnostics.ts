/**
 * A problem found in a model, a file or a run. Every message names what the user wrote:
 * the variable, the position in its equation, or the line of the file.
 */
export interface Diagnostic {
	severity: 'error' | 'warning';
	/** What is wrong, in a sentence a planner can act on. */
	message: string;
	/** Display name of the variable concerned, when there is one. */
	variable?: string;
	/** Character offsets in the variable's equation (0-based, end exclusive). */
	start?: number;
	end?: number;
	/** Line and column (1-based) in a source file. */
	line?: number;
	column?: number;
	/** Simulation time, for problems that appear during a run. */
	time?: number;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
	return diagnostics.some((d) => d.severity === 'error');
}

/** One line per diagnostic, as the CLI prints them: `error: Heat Loss (char 7): unknown name "tmp"`. */
export function formatDiagnostic(d: Diagnostic, file?: string): string {
	const where: string[] = [];
	if (file) where.push(d.line ? `${file}:${d.line}${d.column ? `:${d.column}` : ''}` : file);
	else if (d.line) where.push(`line ${d.line}${d.column ? `, column ${d.column}` : ''}`);
	if (d.variable)
		where.push(d.start !== undefined ? `${d.variable} (character ${d.start + 1})` : d.variable);
	if (d.time !== undefined) where.push(`at time ${d.time}`);
	return `${d.severity}: ${where.length ? where.join(': ') + ': ' : ''}${d.message}`;
}

/** Thrown for input that cannot be read at all (malformed file, wrong format). */
export class InputError extends Error {
	constructor(
		message: string,
		readonly diagnostics: Diagnostic[] = [{ severity: 'error', message }]
	) {
		super(message);
		this.name = 'InputError';
	}
}
