import { describe, expect, it } from 'vitest';
import { sweepContext, sweepPositions } from './lever-sweep';

describe('sweepPositions', () => {
	it('gives every position of a short slider, nearest the current value first', () => {
		expect(sweepPositions({ min: 0, max: 0.3, step: 0.025 }, 0.1)).toEqual([
			0.1, 0.125, 0.075, 0.15, 0.05, 0.175, 0.025, 0.2, 0, 0.225, 0.25, 0.275, 0.3
		]);
	});

	it('gives the values a range input reports, written in decimal', () => {
		const positions = sweepPositions({ min: 0, max: 0.3, step: 0.025 }, 0);
		expect(positions).toContain(0.175);
		expect(positions).not.toContain(0.025 * 7);
		const input = { min: 0.05, max: 0.2, step: 0.01 };
		expect(sweepPositions(input, 0.05)).toEqual([
			0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.17, 0.18, 0.19, 0.2
		]);
	});

	it('keeps to the limit, around the current value', () => {
		const positions = sweepPositions({ min: 0, max: 800, step: 5 }, 400, 5);
		expect(positions).toEqual([400, 405, 395, 410, 390]);
	});

	it('snaps a current value between positions to the nearest, and clamps one outside the range', () => {
		expect(sweepPositions({ min: 0, max: 150, step: 10 }, 44, 3)).toEqual([40, 50, 30]);
		expect(sweepPositions({ min: 0, max: 150, step: 10 }, 900, 2)).toEqual([150, 140]);
	});

	it('gives nothing for a lever it cannot step through', () => {
		expect(sweepPositions({ min: 0, max: 1, step: 0 }, 0)).toEqual([]);
		expect(sweepPositions({ min: 1, max: 0, step: 0.1 }, 0)).toEqual([]);
		expect(sweepPositions({ min: 0, max: Infinity, step: 1 }, 0)).toEqual([]);
	});

	it('copes with steps written in exponent form', () => {
		expect(sweepPositions({ min: 0, max: 3e-7, step: 1e-7 }, 0)).toEqual([0, 1e-7, 2e-7, 3e-7]);
	});
});

describe('sweepContext', () => {
	it('ignores the lever itself and the order of the others', () => {
		expect(sweepContext(1, 'a', { a: 1, b: 2, c: 3 }, ['x'])).toBe(
			sweepContext(1, 'a', { c: 3, a: 9, b: 2 }, ['x'])
		);
	});

	it('changes with the model version, another lever or the saved outputs', () => {
		const base = sweepContext(1, 'a', { b: 2 }, ['x']);
		expect(sweepContext(2, 'a', { b: 2 }, ['x'])).not.toBe(base);
		expect(sweepContext(1, 'a', { b: 3 }, ['x'])).not.toBe(base);
		expect(sweepContext(1, 'a', { b: 2 }, ['x', 'y'])).not.toBe(base);
	});
});
