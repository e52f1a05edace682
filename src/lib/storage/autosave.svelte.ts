/**
 * Saves the open notebook to the library shortly after every change, and says where it stands.
 * A notebook not yet in the library (an example, a shared link, a new one) becomes the planner's
 * own copy at its first edit. A write the browser refuses leaves the edit in memory, says so,
 * and is tried again at the next change. Tabs tell each other what they saved, so a notebook
 * edited in two tabs never loses an edit silently.
 */
import { writeDocument } from '../model/document';
import type { FlowbookDocument } from '../model/types';
import { newId, saveProblem, type Library } from './library';
import { clearUnsaved, writeUnsaved } from './unsaved-journal';

/** Saves wait for a pause this long, so a burst of typing is one save, well within a second. */
export const SAVE_DELAY_MS = 400;

export type SaveState =
	| { state: 'not-stored' }
	| { state: 'pending' }
	| { state: 'saving' }
	| { state: 'saved'; at: number }
	| { state: 'failed'; message: string }
	/** Another tab saved this notebook while this one had edits it had not saved. */
	| { state: 'conflict' };

interface Saved {
	id: string;
	tab: string;
}

export class Autosave {
	id = $state<string | undefined>();
	status = $state.raw<SaveState>({ state: 'not-stored' });
	/** Changes whenever the library holds something newer for this notebook from another tab. */
	otherTabSaved = $state(0);

	#library: Library;
	#pending: FlowbookDocument | undefined;
	/** What the save under way writes, until the library has it. */
	#inFlight: { document: FlowbookDocument; versioned: boolean } | undefined;
	/** A new notebook's id, chosen before its first save so an edit kept at close can name it. */
	#plannedId = newId();
	/** The document as last seen, and whether what is waiting holds more than slider moves. */
	#last: FlowbookDocument | undefined;
	#versioned = false;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#tab = crypto.randomUUID();
	#channel: BroadcastChannel | undefined;
	#created: (id: string) => void;

	constructor(library: Library, id: string | undefined, created: (id: string) => void) {
		this.#library = library;
		this.id = id;
		this.#created = created;
		if (id) this.status = { state: 'saved', at: Date.now() };
		if (typeof BroadcastChannel !== 'undefined') {
			this.#channel = new BroadcastChannel('flowbook-library');
			this.#channel.onmessage = (event: MessageEvent<Saved>) => this.#heard(event.data);
		}
	}

	/** The document the page opened with, so a first change of sliders alone is known as one. */
	opened(document: FlowbookDocument): void {
		this.#last = document;
	}

	/**
	 * The notebook changed: save it soon. A change of slider positions alone is saved over the
	 * newest version rather than as a version of its own, so a reader's dragging never pushes the
	 * modeller's edits out of the history.
	 */
	change(document: FlowbookDocument): void {
		const readingOnly = this.#last !== undefined && onlyPositionsDiffer(this.#last, document);
		this.#last = document;
		// Moving a slider on an example or a shared link does not make it the reader's own copy;
		// the positions go along with the first real edit, a share link or a download.
		if (readingOnly && !this.id && this.#pending === undefined) return;
		if (!readingOnly) this.#versioned = true;
		this.#pending = document;
		if (this.status.state === 'conflict') return;
		this.status = { state: 'pending' };
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
	}

	/** Saves now whatever is waiting (and when asked, `document` first). */
	async flush(document?: FlowbookDocument): Promise<void> {
		if (document) this.#pending = document;
		clearTimeout(this.#timer);
		const doc = this.#pending;
		if (!doc) return;
		const versioned = this.#versioned;
		this.#pending = undefined;
		this.#versioned = false;
		this.#inFlight = { document: doc, versioned };
		this.status = { state: 'saving' };
		try {
			let at: number;
			if (this.id) {
				at = await this.#library.save(this.id, doc, { version: versioned });
			} else {
				this.id = await this.#library.create(doc, this.#plannedId);
				at = Date.now();
				this.#created(this.id);
			}
			this.#inFlight = undefined;
			this.#channel?.postMessage({ id: this.id, tab: this.#tab } satisfies Saved);
			if (this.#pending) this.status = { state: 'pending' };
			else {
				this.status = { state: 'saved', at };
				// Whatever was kept for a close is in the library now.
				clearUnsaved(this.id);
			}
		} catch (e) {
			this.#inFlight = undefined;
			// Keep the edit: the next change or "Try again" writes it.
			this.#pending ??= doc;
			this.#versioned ||= versioned;
			this.status = { state: 'failed', message: saveProblem(e) };
		}
	}

	/**
	 * The tab is going away: keeps what the library does not have yet in localStorage, at once
	 * (an IndexedDB write started now may not finish), for the next page to move in. Returns
	 * whether closing now loses nothing: false while a conflict waits for the planner's choice
	 * (keeping this tab's edits then would overwrite the other tab's without asking) or when the
	 * edit could not be kept.
	 */
	keepForClose(): boolean {
		if (this.status.state === 'conflict') return false;
		const doc = this.#pending ?? this.#inFlight?.document;
		if (!doc) return true;
		return writeUnsaved({
			id: this.id ?? this.#plannedId,
			text: writeDocument(doc),
			versioned: this.#versioned || !!this.#inFlight?.versioned,
			at: Date.now()
		});
	}

	/** After a conflict, this tab's edits are saved over the other tab's. */
	keepMine(): Promise<void> {
		this.status = { state: 'pending' };
		return this.flush();
	}

	/** After a conflict or a notice, this tab's unsaved edits are given up for the library's. */
	discardPending(): void {
		clearTimeout(this.#timer);
		this.#pending = undefined;
		this.status = { state: 'saved', at: Date.now() };
	}

	dispose(): void {
		clearTimeout(this.#timer);
		if (this.#pending && this.status.state !== 'conflict') void this.flush();
		this.#channel?.close();
	}

	#heard(message: Saved): void {
		if (!message || message.id !== this.id || message.tab === this.#tab) return;
		const unsaved =
			this.#pending !== undefined ||
			this.status.state === 'saving' ||
			this.status.state === 'failed';
		if (unsaved) {
			clearTimeout(this.#timer);
			this.status = { state: 'conflict' };
		} else {
			this.otherTabSaved++;
		}
	}
}

/** Whether two documents differ in nothing but where the sliders stand. */
export function onlyPositionsDiffer(a: FlowbookDocument, b: FlowbookDocument): boolean {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof FlowbookDocument>;
	keys.delete('positions');
	return [...keys].every((k) => a[k] === b[k]);
}
