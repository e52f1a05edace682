/**
 * Undo and redo over whole document snapshots. Documents are replaced, never mutated, so a
 * snapshot is just the old value: cheap to keep and impossible to corrupt by a later edit.
 */
export class History<T> {
	#past: T[] = [];
	#future: T[] = [];

	constructor(readonly limit = 200) {}

	get canUndo(): boolean {
		return this.#past.length > 0;
	}

	get canRedo(): boolean {
		return this.#future.length > 0;
	}

	/** Records `current` before it is replaced by an edit; a new edit forgets what was undone. */
	record(current: T): void {
		this.#past.push(current);
		if (this.#past.length > this.limit) this.#past.shift();
		this.#future = [];
	}

	/** The state to go back to, given the present one, or undefined when there is none. */
	undo(current: T): T | undefined {
		const previous = this.#past.pop();
		if (previous !== undefined) this.#future.push(current);
		return previous;
	}

	redo(current: T): T | undefined {
		const next = this.#future.pop();
		if (next !== undefined) this.#past.push(current);
		return next;
	}
}
