/**
 * The planner's own notebooks, kept in this browser's IndexedDB (idb-keyval) and nowhere else.
 *
 *   const library = new Library();
 *   const id = await library.create(document);
 *   await library.save(id, edited);             // also kept as a version (see pruneVersions)
 *   await library.nameVersion(id, saved, 'Before the winter plan');   // kept for good
 *   const undo = await library.delete(id);      // await undo() brings it back, versions and all
 *
 * Documents are stored as `.flowbook.json` text with their schemaVersion, and read back through
 * readDocument, so a notebook saved by an older Flowbook is migrated when it is opened.
 */
import { createStore, delMany, entries, get, getMany, setMany, type UseStore } from 'idb-keyval';
import { readDocument, writeDocument, type DocumentRead } from '../model/document';
import type { FlowbookDocument } from '../model/types';
import { recoverUnsaved } from './unsaved-journal';

/** How many of the newest versions of each notebook are all kept. */
export const VERSIONS_KEPT = 20;

/** A version's name is at most this long. */
export const VERSION_NAME_LIMIT = 120;

/**
 * Which versions a history keeps, given their save times (oldest first) and the named ones: every
 * named version, the newest VERSIONS_KEPT, and beyond those the last one saved on each day
 * (the reader's own calendar day). Returns the times to drop.
 */
export function pruneVersions(times: readonly number[], named: ReadonlySet<number>): number[] {
	const recent = new Set(times.slice(Math.max(0, times.length - VERSIONS_KEPT)));
	const lastOfDay = new Map<string, number>();
	for (const t of times) lastOfDay.set(new Date(t).toDateString(), t);
	const daily = new Set(lastOfDay.values());
	return times.filter((t) => !recent.has(t) && !named.has(t) && !daily.has(t));
}

/** What the home page lists. */
export interface StoredSummary {
	id: string;
	title: string;
	description: string;
	/** When it last changed, in milliseconds since 1970. */
	updated: number;
}

interface StoredNotebook extends StoredSummary {
	/** The document as a `.flowbook.json` file. */
	text: string;
}

export interface StoredVersion {
	saved: number;
	text: string;
	/** Given by the planner ("Before the winter plan"); a named version is never pruned. */
	name?: string;
}

export interface OpenedNotebook extends DocumentRead {
	id: string;
	updated: number;
}

const NOTEBOOK = 'notebook:';
const VERSIONS = 'versions:';
/** Version names by save time, one record per notebook. */
const NAMES = 'names:';
const versionKey = (id: string, saved: number) => `version:${id}:${saved}`;

export const newId = () => crypto.randomUUID().replaceAll('-', '').slice(0, 12);

/** Edits a closed tab left in localStorage are moved in once per page, before the first read. */
let recovery: Promise<unknown> | undefined;

export class Library {
	#store: UseStore;
	#now: () => number;

	constructor(store: UseStore = createStore('flowbook', 'library'), now: () => number = Date.now) {
		this.#store = store;
		this.#now = now;
	}

	/** The notebooks, the most recently changed first. */
	async list(): Promise<StoredSummary[]> {
		await this.#recovered();
		const all = await entries<string, StoredNotebook>(this.#store);
		return all
			.filter(([key]) => key.startsWith(NOTEBOOK))
			.map(([, { id, title, description, updated }]) => ({ id, title, description, updated }))
			.sort((a, b) => b.updated - a.updated || a.title.localeCompare(b.title));
	}

	/** One notebook, migrated to the current schema and checked; undefined when there is none. */
	async get(id: string): Promise<OpenedNotebook | undefined> {
		await this.#recovered();
		const stored = await get<StoredNotebook>(NOTEBOOK + id, this.#store);
		if (!stored) return undefined;
		return { id, updated: stored.updated, ...readDocument(stored.text) };
	}

	/** Keeps a new notebook and returns its id (one chosen beforehand, or a new one). */
	async create(document: FlowbookDocument, id = newId()): Promise<string> {
		await this.save(id, document);
		return id;
	}

	#recovered(): Promise<unknown> {
		recovery ??= recoverUnsaved({
			updatedAt: async (id) => (await get<StoredNotebook>(NOTEBOOK + id, this.#store))?.updated,
			saveText: async (id, text, versioned) => {
				await this.save(id, readDocument(text).document, { version: versioned });
			}
		});
		return recovery;
	}

	/**
	 * Writes the notebook and keeps it as its newest version. A write the browser refuses (its
	 * storage is full) rejects, and nothing stored changes.
	 */
	async save(
		id: string,
		document: FlowbookDocument,
		{ version = true }: { version?: boolean } = {}
	): Promise<number> {
		const text = writeDocument(document);
		// The index holds times only, so a save writes one document however many versions are kept.
		const times = (await get<number[]>(VERSIONS + id, this.#store)) ?? [];
		const newest = times.at(-1);
		if (!version && newest !== undefined) {
			// Slider moves only: the newest version takes them, and no older version is pushed out.
			const stored = await get<StoredNotebook>(NOTEBOOK + id, this.#store);
			if (stored) {
				await setMany(
					[
						[NOTEBOOK + id, { ...stored, text } satisfies StoredNotebook],
						[versionKey(id, newest), text]
					],
					this.#store
				);
				return stored.updated;
			}
		}
		// Each version's time is its key, so two saves in one millisecond are kept apart.
		const updated = Math.max(this.#now(), (times.at(-1) ?? 0) + 1);
		times.push(updated);
		const names = (await get<Record<string, string>>(NAMES + id, this.#store)) ?? {};
		const dropped = pruneVersions(times, new Set(Object.keys(names).map(Number)));
		const gone = new Set(dropped);
		const kept = times.filter((t) => !gone.has(t));
		await setMany(
			[
				[
					NOTEBOOK + id,
					{
						id,
						title: document.title,
						description: document.description,
						updated,
						text
					} satisfies StoredNotebook
				],
				[versionKey(id, updated), text],
				[VERSIONS + id, kept]
			],
			this.#store
		);
		if (dropped.length)
			await delMany(
				dropped.map((t) => versionKey(id, t)),
				this.#store
			);
		return updated;
	}

	/** The kept versions, the newest first. */
	async versions(id: string): Promise<StoredVersion[]> {
		const times = ((await get<number[]>(VERSIONS + id, this.#store)) ?? []).toReversed();
		const texts = await getMany<string | undefined>(
			times.map((t) => versionKey(id, t)),
			this.#store
		);
		const names = (await get<Record<string, string>>(NAMES + id, this.#store)) ?? {};
		return times.flatMap((saved, i) =>
			texts[i] === undefined
				? []
				: [{ saved, text: texts[i], ...(names[saved] ? { name: names[saved] } : {}) }]
		);
	}

	/**
	 * Names a kept version, so it is never pruned; a blank name takes the name away (and the
	 * version is then kept or pruned as any other).
	 */
	async nameVersion(id: string, saved: number, name: string): Promise<void> {
		const text = name.trim().replace(/\s+/g, ' ');
		if (text.length > VERSION_NAME_LIMIT)
			throw new Error(`A version name can be at most ${VERSION_NAME_LIMIT} characters.`);
		const times = (await get<number[]>(VERSIONS + id, this.#store)) ?? [];
		if (!times.includes(saved)) throw new Error('That version is not kept any more.');
		const names = (await get<Record<string, string>>(NAMES + id, this.#store)) ?? {};
		if (text) names[saved] = text;
		else delete names[saved];
		await setMany([[NAMES + id, names]], this.#store);
	}

	/** A copy of a notebook, titled "Copy of …", with a history of its own; returns its id. */
	async duplicate(id: string): Promise<string> {
		const opened = await this.#need(id);
		return this.create({ ...opened.document, title: `Copy of ${opened.document.title}` });
	}

	async rename(id: string, title: string): Promise<void> {
		const name = title.trim();
		if (!name) throw new Error('A notebook needs a title.');
		const opened = await this.#need(id);
		await this.save(id, { ...opened.document, title: name });
	}

	/** Deletes a notebook and its versions; the function returned puts them back. */
	async delete(id: string): Promise<() => Promise<void>> {
		const notebook = await get<StoredNotebook>(NOTEBOOK + id, this.#store);
		const times = (await get<number[]>(VERSIONS + id, this.#store)) ?? [];
		const keys = times.map((t) => versionKey(id, t));
		const texts = await getMany<string | undefined>(keys, this.#store);
		const names = await get<Record<string, string>>(NAMES + id, this.#store);
		await delMany([NOTEBOOK + id, VERSIONS + id, NAMES + id, ...keys], this.#store);
		return async () => {
			const back: [IDBValidKey, unknown][] = keys.flatMap((key, i) =>
				texts[i] === undefined ? [] : [[key, texts[i]] as [IDBValidKey, unknown]]
			);
			if (notebook) back.push([NOTEBOOK + id, notebook]);
			back.push([VERSIONS + id, times]);
			if (names) back.push([NAMES + id, names]);
			await setMany(back, this.#store);
		};
	}

	async #need(id: string): Promise<OpenedNotebook> {
		const opened = await this.get(id);
		if (!opened) throw new Error('This notebook is not in the library any more.');
		return opened;
	}
}

/** Asks the browser not to clear the library when space runs short; true when it agrees. */
export async function askForPersistentStorage(): Promise<boolean> {
	try {
		return (await navigator.storage?.persist?.()) ?? false;
	} catch {
		return false;
	}
}

/** A sentence for a write the browser refused. */
export function saveProblem(error: unknown): string {
	const name = error instanceof DOMException || error instanceof Error ? error.name : '';
	if (name === 'QuotaExceededError')
		return 'Not saved: this browser’s storage is full. Your edits are kept on this page: export the notebook as a file, or delete notebooks you no longer need.';
	return `Not saved: ${error instanceof Error ? error.message : String(error)}. Your edits are kept on this page; export the notebook as a file to be safe.`;
}
