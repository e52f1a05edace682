import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateDocument, type Migration } from './migrate';
import { SCHEMA_VERSION } from './types';

describe('MIGRATIONS', () => {
	it('has one step from every older version, in order, so any old document reaches the current schema', () => {
		expect(MIGRATIONS.map((m) => m.from)).toEqual(
			Array.from({ length: SCHEMA_VERSION }, (_, i) => i)
		);
		for (const m of MIGRATIONS) expect(m.description.length).toBeGreaterThan(10);
	});
});

describe('migrateDocument', () => {
	/** Three made-up steps, each leaving a mark, to see the order they run in. */
	const steps: Migration[] = [0, 1, 2].map((from) => ({
		from,
		description: `step from ${from}`,
		migrate: (doc) => {
			doc.trail = [...((doc.trail as number[]) ?? []), from];
		}
	}));

	it('applies each step from the document’s version up to the target, in order, setting the version', () => {
		const { document, applied } = migrateDocument({ schemaVersion: 1 }, [...steps].reverse(), 3);
		expect(document).toEqual({ schemaVersion: 3, trail: [1, 2] });
		expect(applied.map((m) => m.from)).toEqual([1, 2]);
	});

	it('leaves a current document alone, and never changes its input', () => {
		const input = { schemaVersion: 0, nested: { a: 1 } };
		const { document, applied } = migrateDocument(input, steps, 3);
		expect(input).toEqual({ schemaVersion: 0, nested: { a: 1 } });
		expect(document.nested).not.toBe(input.nested);
		expect(migrateDocument({ schemaVersion: 3 }, steps, 3).applied).toEqual([]);
		expect(applied).toHaveLength(3);
	});

	it('throws when a step is missing (a bug in the list, not in the document)', () => {
		expect(() => migrateDocument({ schemaVersion: 0 }, [steps[0], steps[2]], 3)).toThrow(
			/no migration from schema version 1/
		);
	});

	describe('version 0 → 1', () => {
		const v0 = (model: unknown) =>
			migrateDocument({ schemaVersion: 0, title: 't', model }).document;

		it('renames simSpecs.savePer to saveStep, and each eqn to equation, or initial for a stock', () => {
			const doc = v0({
				simSpecs: { start: 0, stop: 1, dt: 0.5, savePer: 0.5 },
				variables: [
					{ id: 's', kind: 'stock', eqn: '1', inflows: [], outflows: [] },
					{ id: 'f', kind: 'flow', eqn: '2' },
					{ id: 'a', kind: 'aux', eqn: '3' }
				]
			});
			expect(doc).toEqual({
				schemaVersion: 1,
				title: 't',
				model: {
					simSpecs: { start: 0, stop: 1, dt: 0.5, saveStep: 0.5 },
					variables: [
						{ id: 's', kind: 'stock', initial: '1', inflows: [], outflows: [] },
						{ id: 'f', kind: 'flow', equation: '2' },
						{ id: 'a', kind: 'aux', equation: '3' }
					]
				}
			});
		});

		it('keeps a field already written the new way', () => {
			const doc = v0({
				simSpecs: { savePer: 1, saveStep: 2 },
				variables: [{ kind: 'aux', eqn: 'old', equation: 'new' }]
			});
			expect(doc.model).toEqual({
				simSpecs: { saveStep: 2 },
				variables: [{ kind: 'aux', equation: 'new' }]
			});
		});

		it.each([
			undefined,
			null,
			3,
			[],
			{ simSpecs: 'x', variables: 'y' },
			{ variables: [null, 4, 'v'] }
		])('does not trip on a model of the wrong shape (%j)', (model) => {
			expect(() => v0(model)).not.toThrow();
		});
	});
});
