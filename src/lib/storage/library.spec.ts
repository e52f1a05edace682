import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/document';
import { SCHEMA_VERSION } from '../model/types';
import { Library, pruneVersions, saveProblem, VERSIONS_KEPT } from './library';

const example = readDocument(
	readFileSync(new URL('../../../models/whole-system-flow.flowbook.json', import.meta.url), 'utf8')
).document;

let databases = 0;
/** A library in a database of its own, with a clock that ticks a second per call. */
function library() {
	let time = 1_000_000;
	const store = createStore(`test-${++databases}`, 'library');
	return { library: new Library(store, () => (time += 1000)), store };
}

describe('the library', () => {
	it('keeps a notebook and gives it back identical', async () => {
		const { library: lib } = library();
		const id = await lib.create(example);
		const opened = await lib.get(id);
		expect(opened?.document).toEqual(example);
		expect(opened?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(await lib.list()).toEqual([
			{ id, title: example.title, description: example.description, updated: opened!.updated }
		]);
		expect(await lib.get('nothing')).toBeUndefined();
	});

	it('lists the most recently changed first, with title, description and last change', async () => {
		const { library: lib } = library();
		const a = await lib.create({ ...example, title: 'A' });
		const b = await lib.create({ ...example, title: 'B', description: 'Second' });
		expect((await lib.list()).map((n) => n.id)).toEqual([b, a]);
		await lib.save(a, { ...example, title: 'A again' });
		const list = await lib.list();
		expect(list.map((n) => n.title)).toEqual(['A again', 'B']);
		expect(list[1].description).toBe('Second');
		expect(list[0].updated).toBeGreaterThan(list[1].updated);
	});

	it('duplicates and renames', async () => {
		const { library: lib } = library();
		const id = await lib.create(example);
		const copy = await lib.duplicate(id);
		expect(copy).not.toBe(id);
		expect((await lib.get(copy))?.document.title).toBe(`Copy of ${example.title}`);
		await lib.rename(id, '  Winter plan  ');
		expect((await lib.get(id))?.document.title).toBe('Winter plan');
		await expect(lib.rename(id, ' ')).rejects.toThrow('needs a title');
	});

	it('deletes a notebook, and the undo brings it back with its versions', async () => {
		const { library: lib } = library();
		const id = await lib.create(example);
		await lib.save(id, { ...example, title: 'Edited' });
		const undo = await lib.delete(id);
		expect(await lib.list()).toEqual([]);
		expect(await lib.get(id)).toBeUndefined();
		await undo();
		expect((await lib.get(id))?.document.title).toBe('Edited');
		expect(await lib.versions(id)).toHaveLength(2);
	});

	it(`keeps the last ${VERSIONS_KEPT} versions, the newest first`, async () => {
		const { library: lib } = library();
		const id = await lib.create({ ...example, title: 'v0' });
		for (let i = 1; i <= 25; i++) await lib.save(id, { ...example, title: `v${i}` });
		const versions = await lib.versions(id);
		expect(versions).toHaveLength(VERSIONS_KEPT);
		expect(readDocument(versions[0].text).document.title).toBe('v25');
		expect(readDocument(versions.at(-1)!.text).document.title).toBe('v6');
		expect(versions[0].saved).toBeGreaterThan(versions[1].saved);
	});

	it('keeps every named version, however many saves follow', async () => {
		const { library: lib } = library();
		const id = await lib.create({ ...example, title: 'Before the winter plan' });
		const [first] = await lib.versions(id);
		await lib.nameVersion(id, first.saved, '  Before   the winter plan ');
		for (let i = 1; i <= 30; i++) await lib.save(id, { ...example, title: `v${i}` });
		const versions = await lib.versions(id);
		expect(versions).toHaveLength(VERSIONS_KEPT + 1);
		expect(versions.at(-1)).toMatchObject({ saved: first.saved, name: 'Before the winter plan' });
		expect(readDocument(versions.at(-1)!.text).document.title).toBe('Before the winter plan');
		// Unnamed, it is pruned at the next save like any other.
		await lib.nameVersion(id, first.saved, '');
		await lib.save(id, { ...example, title: 'v31' });
		expect((await lib.versions(id)).some((v) => v.saved === first.saved)).toBe(false);
		await expect(lib.nameVersion(id, first.saved, 'Gone')).rejects.toThrow('not kept any more');
		await expect(lib.nameVersion(id, versions[0].saved, 'x'.repeat(121))).rejects.toThrow(
			'at most 120'
		);
	});

	it('beyond the newest 20, keeps the last version of each day', () => {
		const day = 86_400_000;
		// Three saves a day for ten days, then twenty more on the last day.
		const times: number[] = [];
		for (let d = 0; d < 10; d++) for (let k = 0; k < 3; k++) times.push(d * day + k * 1000);
		for (let k = 0; k < 20; k++) times.push(9 * day + 10_000 + k * 1000);
		const dropped = new Set(pruneVersions(times, new Set()));
		const kept = times.filter((t) => !dropped.has(t));
		// The twenty newest, and the last of each of days 0 to 8 (day 9's last is among the newest).
		expect(kept).toHaveLength(20 + 9);
		for (let d = 0; d < 9; d++) expect(kept).toContain(d * day + 2000);
		expect(kept).not.toContain(0);
		// A named one is kept too.
		expect(pruneVersions(times, new Set([1000]))).not.toContain(1000);
	});

	it('saves slider moves over the newest version, keeping the history as it was', async () => {
		const { library: lib } = library();
		const id = await lib.create(example);
		await lib.save(id, { ...example, title: 'Edited' });
		const moved = { ...example, title: 'Edited', positions: { community_capacity: 40 } };
		await lib.save(id, moved, { version: false });
		const versions = await lib.versions(id);
		expect(versions).toHaveLength(2);
		expect(readDocument(versions[0].text).document.positions).toEqual({ community_capacity: 40 });
		expect((await lib.get(id))?.document.positions).toEqual({ community_capacity: 40 });
	});

	it('stores the schema version and migrates an older stored notebook when it is opened', async () => {
		const { library: lib, store } = library();
		const old = {
			schemaVersion: 0,
			title: 'Written by the draft schema',
			model: {
				simSpecs: { start: 0, stop: 4, dt: 0.5, savePer: 1, method: 'euler' },
				variables: [
					{ id: 's', kind: 'stock', name: 'S', eqn: '10', inflows: ['f'], outflows: [] },
					{ id: 'f', kind: 'flow', name: 'F', eqn: 'S * 0.1' }
				]
			}
		};
		await set(
			'notebook:old',
			{ id: 'old', title: old.title, description: '', updated: 1, text: JSON.stringify(old) },
			store
		);
		const opened = await lib.get('old');
		expect(opened?.migratedFrom).toBe(0);
		expect(opened?.document.schemaVersion).toBe(SCHEMA_VERSION);
		expect(opened?.document.model.simSpecs.saveStep).toBe(1);
		expect(opened?.document.model.variables[0]).toMatchObject({ initial: '10' });
		await lib.save('old', opened!.document);
		expect(JSON.parse((await lib.versions('old'))[0].text).schemaVersion).toBe(SCHEMA_VERSION);
	});

	it('says plainly when the browser storage is full', () => {
		expect(saveProblem(new DOMException('full', 'QuotaExceededError'))).toMatch(
			/storage is full.*kept on this page/
		);
		expect(saveProblem(new Error('disk on fire'))).toMatch(/^Not saved: disk on fire/);
	});
});
