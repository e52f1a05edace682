/**
 * Edits not yet in the library when the tab goes away. IndexedDB writes are asynchronous, and a
 * tab closed a few milliseconds after an edit is gone before its write finishes; localStorage
 * writes are synchronous, so the page writes what is waiting there as it is hidden, and the next
 * page that reads the library moves it in (recoverUnsaved) unless the library already has it.
 *
 *   writeUnsaved({ id, text, versioned, at: Date.now() });   // in pagehide: done before it returns
 *   await recoverUnsaved(library);                           // on the next page, before reading
 */

export interface UnsavedEdit {
	/** The notebook's id in the library (chosen before its first save for a new one). */
	id: string;
	/** The document as a `.flowbook.json` file. */
	text: string;
	/** Whether the edit is more than slider moves, so it makes a version of its own. */
	versioned: boolean;
	/** When it was written here: a library save at or after this time already holds it. */
	at: number;
}

const PREFIX = 'flowbook-unsaved:';

function storage(): Storage | undefined {
	try {
		return globalThis.localStorage ?? undefined;
	} catch {
		// A browser that blocks storage for the page throws on the very access.
		return undefined;
	}
}

/** Writes the edit synchronously; false when it cannot be kept (no storage, or it is full). */
export function writeUnsaved(edit: UnsavedEdit, store = storage()): boolean {
	if (!store) return false;
	try {
		store.setItem(PREFIX + edit.id, JSON.stringify(edit));
		return true;
	} catch {
		return false;
	}
}

export function clearUnsaved(id: string, store = storage()): void {
	try {
		store?.removeItem(PREFIX + id);
	} catch {
		// Nothing to clear where there is no storage.
	}
}

/** Every edit waiting, oldest first; unreadable entries are dropped. */
export function unsavedEdits(store = storage()): UnsavedEdit[] {
	if (!store) return [];
	const edits: UnsavedEdit[] = [];
	for (let i = 0; i < store.length; i++) {
		const key = store.key(i);
		if (!key?.startsWith(PREFIX)) continue;
		try {
			const edit = JSON.parse(store.getItem(key) ?? '') as UnsavedEdit;
			if (typeof edit.id === 'string' && typeof edit.text === 'string' && Number.isFinite(edit.at))
				edits.push(edit);
			else store.removeItem(key);
		} catch {
			store.removeItem(key);
		}
	}
	return edits.sort((a, b) => a.at - b.at);
}

/** What recovery needs of the library: when a notebook last changed, and a way to write one. */
export interface RecoveryTarget {
	updatedAt(id: string): Promise<number | undefined>;
	saveText(id: string, text: string, versioned: boolean): Promise<void>;
}

/**
 * Moves each waiting edit into the library unless the library changed since it was written (the
 * tab's own save finished after all, or another tab saved later); returns the ids recovered. An
 * edit the library refuses stays waiting for the next page.
 */
export async function recoverUnsaved(target: RecoveryTarget, store = storage()): Promise<string[]> {
	const recovered: string[] = [];
	for (const edit of unsavedEdits(store)) {
		try {
			const updated = await target.updatedAt(edit.id);
			if (updated === undefined || updated < edit.at) {
				await target.saveText(edit.id, edit.text, edit.versioned);
				recovered.push(edit.id);
			}
			clearUnsaved(edit.id, store);
		} catch {
			// Left for the next page to try: the edit is not lost.
		}
	}
	return recovered;
}
