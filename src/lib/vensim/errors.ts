/** A problem in a .mdl that stops one definition from being read: it names the line and the variable. */
export class VensimReadError extends Error {
	constructor(
		message: string,
		readonly line: number,
		readonly variable?: string
	) {
		super(message);
		this.name = 'VensimReadError';
	}
}
