import { describe, expect, it } from 'vitest';
import { formatDifference, formatValue } from './format';

// Expected strings are en-GB as a UK board paper writes them (k, m, bn, tn; £; per cent).
describe('formatValue', () => {
	it('writes percentages, pounds and large numbers as a planner reads them', () => {
		expect(formatValue(0.912, 'percent')).toBe('91.2%');
		expect(formatValue(12_340_000, 'currency')).toBe('£12.3m');
		expect(formatValue(-2_500_000, 'currency')).toBe('−£2.5m');
		expect(formatValue(1234.567)).toBe('1,235');
		expect(formatValue(0.01234)).toBe('0.0123');
	});

	it('writes pounds short from ten thousand and other numbers from a million', () => {
		expect(formatValue(9_999.4, 'currency')).toBe('£9,999');
		expect(formatValue(12_345, 'currency')).toBe('£12.3k');
		expect(formatValue(999_999.5, 'currency')).toBe('£1m');
		expect(formatValue(999_999)).toBe('999,999');
		expect(formatValue(4.56e9)).toBe('4.56bn');
		expect(formatValue(1.5e12)).toBe('1.5tn');
	});

	it('keeps every digit of the whole part, and the given significant digits otherwise', () => {
		expect(formatValue(123.456, 'number', 2)).toBe('123');
		expect(formatValue(1.23456, 'number', 2)).toBe('1.2');
		expect(formatValue(0.5, 'currency')).toBe('£0.5');
	});

	it('writes tiny values in scientific notation rather than as zero', () => {
		expect(formatValue(6.9276e-6)).toBe('6.93E-6');
		expect(formatValue(-1.7e-17)).toBe('−1.7E-17');
		expect(formatValue(0.00012345)).toBe('0.000123');
		expect(formatValue(0)).toBe('0');
	});

	it('uses a true minus sign in every format, and names what is not a number', () => {
		expect(formatValue(-1, 'percent')).toBe('−100%');
		expect(formatValue(-3)).toBe('−3');
		expect(formatValue(NaN)).toBe('NaN');
		expect(formatValue(-Infinity)).toBe('-Infinity');
	});
});

describe('formatDifference', () => {
	it('signs differences', () => {
		// Percentages differ in points, not per cent of each other.
		expect(formatDifference(0.02, 'percent')).toBe('+2 pts');
		expect(formatDifference(0.912 - 0.888, 'percent')).toBe('+2.4 pts');
		expect(formatDifference(-0.0237, 'percent')).toBe('−2.37 pts');
		expect(formatDifference(-3)).toBe('−3');
		expect(formatDifference(0)).toBe('0');
	});
});
