import type { Span } from './parse/ast';

/** A mistake in an equation found while compiling, with where it is in the equation when known. */
export class CompileError extends Error {
	constructor(
		message: string,
		readonly span?: Span
	) {
		super(message);
		this.name = 'CompileError';
	}
}
