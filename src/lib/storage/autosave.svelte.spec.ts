import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createStore } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { readDocument } from '../model/document';
import { Autosave, SAVE_DELAY_MS } from './autosave.svelte';
import { Library } from './library';

const example = readDocument(
	readFileSync(new URL('../../../models/bathtub-basics.flowbook.json', import.meta.url), 'utf8')
).document;
let databases = 0;
const newLibrary = () => new Library(createStore(`autosave-${++databases}`, 'library'));

describe('autosave', () => {
	it('makes a notebook not yet stored into a new one at its first save, within a second', async () => {
		const library = newLibrary();
		const created = vi.fn();
		const autosave = new Autosave(library, undefined, created);
		expect(autosave.status.state).toBe('not-stored');
		autosave.change({ ...example, title: 'Mine' });
		expect(autosave.status.state).toBe('pending');
		expect(SAVE_DELAY_MS).toBeLessThan(1000);
		await vi.waitFor(() => expect(autosave.status.state).toBe('saved'), { timeout: 1000 });
		expect(created).toHaveBeenCalledWith(autosave.id);
		expect((await library.get(autosave.id!))?.document.title).toBe('Mine');
		autosave.dispose();
	});

	it('saves slider moves without a version of their own, and never makes an example a copy for them', async () => {
		const library = newLibrary();
		const id = await library.create(example);
		const autosave = new Autosave(library, id, () => undefined);
		autosave.opened(example);
		const save = vi.spyOn(library, 'save');
		const moved = { ...example, positions: { admissions_per_day: 60 } };
		autosave.change(moved);
		await autosave.flush();
		expect(save).toHaveBeenLastCalledWith(id, moved, { version: false });
		// An edit with them is a version.
		const edited = { ...moved, title: 'Edited' };
		autosave.change(edited);
		autosave.change({ ...edited, positions: { admissions_per_day: 70 } });
		await autosave.flush();
		expect(save).toHaveBeenLastCalledWith(id, expect.anything(), { version: true });
		expect(await library.versions(id)).toHaveLength(2);
		expect((await library.get(id))?.document.positions).toEqual({ admissions_per_day: 70 });
		autosave.dispose();

		// An example (not in the library): moving a slider saves nothing.
		const created = vi.fn();
		const reading = new Autosave(library, undefined, created);
		reading.opened(example);
		reading.change(moved);
		expect(reading.status.state).toBe('not-stored');
		await reading.flush();
		expect(created).not.toHaveBeenCalled();
		reading.dispose();
	});

	it('keeps an edit the browser refused, says so, and writes it when tried again', async () => {
		const library = newLibrary();
		const id = await library.create(example);
		const autosave = new Autosave(library, id, () => undefined);
		const save = vi
			.spyOn(library, 'save')
			.mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
		await autosave.flush({ ...example, title: 'Edited' });
		expect(autosave.status).toMatchObject({
			state: 'failed',
			message: expect.stringContaining('storage is full')
		});
		await autosave.keepMine();
		expect(save).toHaveBeenCalledTimes(2);
		expect(autosave.status.state).toBe('saved');
		expect((await library.get(id))?.document.title).toBe('Edited');
		autosave.dispose();
	});

	it('hears another tab save the same notebook: reloads when clean, warns when it has unsaved edits', async () => {
		const library = newLibrary();
		const id = await library.create(example);
		const here = new Autosave(library, id, () => undefined);
		const there = new Autosave(library, id, () => undefined);
		await there.flush({ ...example, title: 'There' });
		await vi.waitFor(() => expect(here.otherTabSaved).toBe(1));
		here.change({ ...example, title: 'Here' });
		await there.flush({ ...example, title: 'There again' });
		await vi.waitFor(() => expect(here.status.state).toBe('conflict'));
		await here.keepMine();
		expect((await library.get(id))?.document.title).toBe('Here');
		here.dispose();
		there.dispose();
	});
});
