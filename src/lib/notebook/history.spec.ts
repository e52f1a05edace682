import { describe, expect, it } from 'vitest';
import { History } from './history';

describe('History', () => {
	it('undoes and redoes, and a new edit forgets the redo', () => {
		const h = new History<number>();
		h.record(1);
		h.record(2);
		expect(h.undo(3)).toBe(2);
		expect(h.undo(2)).toBe(1);
		expect(h.undo(1)).toBeUndefined();
		expect(h.redo(1)).toBe(2);
		h.record(2);
		expect(h.canRedo).toBe(false);
		expect(h.canUndo).toBe(true);
	});
});
