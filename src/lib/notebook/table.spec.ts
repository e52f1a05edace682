import { describe, expect, it } from 'vitest';
import { judge, summarise } from './table';

describe('summarise', () => {
	it('reads values at times, the total over the run and the peak', () => {
		const times = [0, 1, 2, 3, 4];
		const values = [1, 3, 5, 4, 2];
		expect(summarise(times, values, [1, 3, 9])).toEqual({
			at: [3, 4, NaN],
			cumulative: 13,
			peak: 5
		});
		expect(summarise(times, values, [], 2).cumulative).toBe(6.5);
	});
});

describe('judge', () => {
	it('marks a difference better or worse by the direction the document says is better', () => {
		expect(judge(-2, 'lower')).toBe('better');
		expect(judge(2, 'lower')).toBe('worse');
		expect(judge(2, 'higher')).toBe('better');
		expect(judge(0, 'higher')).toBeUndefined();
		expect(judge(2, undefined)).toBeUndefined();
	});
});
