/**
 * How much JavaScript a model may compile to. The array and module budgets stop models that are
 * too big to list; this one stops models whose equations, though few enough, would make more code
 * than a browser can compile in reasonable time and memory (C-LEARN, 5,300 variables, makes
 * 0.55 MB). The count stops as soon as it passes the budget, so a refusal is quick.
 */

/** Characters of generated statements, all phases together. */
export const MAX_CODE_CHARACTERS = 32_000_000;

/**
 * Characters of the equations arrays are written out to, element by element, before any code is
 * made: SUM(x[*]) in each of 2,000 elements of y writes 2,000 × 2,000 names. Counting there stops
 * such a model in about a second instead of a minute (C-LEARN writes 0.55 MB in all).
 */
export const MAX_ELEMENT_EQUATION_CHARACTERS = 8_000_000;

export class CodeBudgetError extends Error {
	constructor(
		message: string,
		readonly variable: string
	) {
		super(message);
		this.name = 'CodeBudgetError';
	}
}

const megabytes = (n: number) =>
	n >= 1e6
		? `${(n / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`
		: `${n.toLocaleString('en-GB')} characters`;

/** An arrayed element's code counts towards its array: "x[north]" → "x". */
const variableOf = (name: string) => name.replace(/\[.*$/, '');

export class CodeBudget {
	#total = 0;
	readonly #byVariable = new Map<string, number>();

	constructor(
		readonly limit = MAX_CODE_CHARACTERS,
		/** What passes the budget, as the message says it. */
		readonly what = 'the model would compile to more than'
	) {}

	/** Counts one statement for the variable it computes; throws once the budget is passed. */
	add(statement: string, name: string): string {
		this.#total += statement.length;
		const variable = variableOf(name);
		this.#byVariable.set(variable, (this.#byVariable.get(variable) ?? 0) + statement.length);
		if (this.#total > this.limit) throw this.#refusal();
		return statement;
	}

	/** Refuses now if this much more would pass the budget (checked, not counted). */
	expect(characters: number, name: string): void {
		if (this.#total + characters <= this.limit) return;
		const variable = variableOf(name);
		this.#byVariable.set(variable, (this.#byVariable.get(variable) ?? 0) + characters);
		throw this.#refusal();
	}

	#refusal(): CodeBudgetError {
		const [variable, size] = [...this.#byVariable].reduce((a, b) => (b[1] > a[1] ? b : a));
		return new CodeBudgetError(
			`${this.what} ${megabytes(this.limit)} of code, the most a model may make; "${variable}" makes ${megabytes(size)} of it: shorten its equation or give it fewer elements`,
			variable
		);
	}
}
