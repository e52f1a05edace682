import { describe, expect, it } from 'vitest';
import { formatDifference, formatValue } from './format';

describe('formatValue', () => {
	it('writes percentages, pounds and large numbers as a planner reads them', () => {
		expect(formatValue(0.912, 'percent')).toBe('91.2%');
		expect(formatValue(12_340_000, 'currency')).toBe('£12.3m');
		expect(formatValue(-2_500_000, 'currency')).toBe('−£2.5m');
		expect(formatValue(1234.567)).toBe('1,235');
		expect(formatValue(0.01234)).toBe('0.0123');
	});
	it('signs differences', () => {
		expect(formatDifference(0.02, 'percent')).toBe('+2%');
		expect(formatDifference(-3)).toBe('−3');
	});
});
