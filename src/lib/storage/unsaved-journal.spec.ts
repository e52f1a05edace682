/**
 * Edits kept at close: written synchronously, moved into the library by the next page unless the
 * library has something as new, and never lost when the library refuses them.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createStore } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDocument } from '../model/document';
import { Autosave } from './autosave.svelte';
import { Library } from './library';
import {
	clearUnsaved,
	recoverUnsaved,
	unsavedEdits,
	writeUnsaved,
	type RecoveryTarget
} from './unsaved-journal';

const example = readDocument(
	readFileSync(new URL('../../../models/bathtub-basics.flowbook.json', import.meta.url), 'utf8')
).document;

/** localStorage as the browser has it, in memory; `full` makes every write throw as a full one does. */
class MemoryStorage implements Storage {
	#items = new Map<string, string>();
	full = false;
	get length() {
		return this.#items.size;
	}
	key(i: number) {
		return [...this.#items.keys()][i] ?? null;
	}
	getItem(k: string) {
		return this.#items.get(k) ?? null;
	}
	setItem(k: string, v: string) {
		if (this.full) throw new DOMException('full', 'QuotaExceededError');
		this.#items.set(k, v);
	}
	removeItem(k: string) {
		this.#items.delete(k);
	}
	clear() {
		this.#items.clear();
	}
}

function target(updated: Record<string, number>, fail = false) {
	const saved: string[] = [];
	const t: RecoveryTarget = {
		updatedAt: async (id) => updated[id],
		saveText: async (id) => {
			if (fail) throw new Error('QuotaExceededError');
			saved.push(id);
		}
	};
	return { t, saved };
}

afterEach(() => vi.unstubAllGlobals());

describe('the unsaved-edit journal', () => {
	it('moves in an edit the library does not have, and skips one the library saved after it', async () => {
		const store = new MemoryStorage();
		writeUnsaved({ id: 'a', text: '{}', versioned: true, at: 100 }, store);
		writeUnsaved({ id: 'b', text: '{}', versioned: true, at: 100 }, store);
		writeUnsaved({ id: 'c', text: '{}', versioned: false, at: 100 }, store);
		// a: saved at 90, before the edit; b: the tab's own save finished at 120; c: never saved.
		const { t, saved } = target({ a: 90, b: 120 });
		expect(await recoverUnsaved(t, store)).toEqual(['a', 'c']);
		expect(saved).toEqual(['a', 'c']);
		expect(unsavedEdits(store)).toEqual([]);
	});

	it('keeps an edit the library refuses, for the next page to try', async () => {
		const store = new MemoryStorage();
		writeUnsaved({ id: 'a', text: '{}', versioned: true, at: 100 }, store);
		expect(await recoverUnsaved(target({}, true).t, store)).toEqual([]);
		expect(unsavedEdits(store).map((e) => e.id)).toEqual(['a']);
	});

	it('says when an edit cannot be kept, and drops entries it cannot read', () => {
		const store = new MemoryStorage();
		store.full = true;
		expect(writeUnsaved({ id: 'a', text: '{}', versioned: true, at: 1 }, store)).toBe(false);
		expect(writeUnsaved({ id: 'a', text: '{}', versioned: true, at: 1 }, undefined)).toBe(false);
		store.full = false;
		store.setItem('flowbook-unsaved:x', 'not json');
		store.setItem('other', 'left alone');
		expect(unsavedEdits(store)).toEqual([]);
		expect(store.getItem('flowbook-unsaved:x')).toBeNull();
		expect(store.getItem('other')).toBe('left alone');
		clearUnsaved('nothing', store);
	});

	it('an edit kept at close reaches the library when the next page first reads it', async () => {
		const store = new MemoryStorage();
		vi.stubGlobal('localStorage', store);
		const library = new Library(createStore('journal-1', 'library'));
		const autosave = new Autosave(library, undefined, () => {});
		autosave.change({ ...example, title: 'Closed at once' });
		// The tab is closed before the save's delay is up: only the synchronous write happens.
		expect(autosave.keepForClose()).toBe(true);
		const [kept] = unsavedEdits(store);
		expect(readDocument(kept.text).document.title).toBe('Closed at once');
		// The next page: the library moves the edit in before it lists anything.
		const next = new Library(createStore('journal-1', 'library'));
		const list = await next.list();
		expect(list.map((n) => n.title)).toEqual(['Closed at once']);
		expect((await next.get(kept.id))?.document.title).toBe('Closed at once');
		expect(unsavedEdits(store)).toEqual([]);
		// The tab's own timer never fired a second copy: one notebook, under the id it kept.
		autosave.discardPending();
	});

	it('keeps nothing while a conflict with another tab waits, so closing asks first', () => {
		vi.stubGlobal('localStorage', new MemoryStorage());
		const autosave = new Autosave(new Library(createStore('journal-2', 'library')), 'x', () => {});
		autosave.status = { state: 'conflict' };
		expect(autosave.keepForClose()).toBe(false);
		expect(unsavedEdits()).toEqual([]);
	});
});
