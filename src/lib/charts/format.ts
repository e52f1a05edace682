/**
 * How charts and tables write a value: 0.91 as "91%", 12.3e6 as "£12.3m", 1234.5 as "1,235".
 * Intl.NumberFormat (en-GB) does the work: its compact notation writes k, m and bn as a UK
 * board paper does, its currency style the pound sign, its percent style the per cent.
 */
import type { ValueFormat } from '../model/types';

/** Sizes from which a value is written short: £12.3k from ten thousand, 12.3m from a million. */
const COMPACT_FROM: Record<ValueFormat, number> = { number: 1e6, currency: 1e4, percent: Infinity };
/** Below this a value is written as Stella and Vensim write it, 6.93E-6, not as 0.00000693. */
const TINY = 1e-4;

type Notation = 'standard' | 'compact' | 'scientific';

export function formatValue(value: number, format: ValueFormat = 'number', digits = 3): string {
	if (!Number.isFinite(value)) return String(value);
	// A true minus sign (U+2212), which Intl does not offer for en-GB, lines up with the plus.
	const sign = value < 0 ? '−' : '';
	const size = Math.abs(value);
	const notation =
		size > 0 && size < TINY ? 'scientific' : size >= COMPACT_FROM[format] ? 'compact' : 'standard';
	return sign + formatter(format, notation, digits).format(size);
}

/** A difference with its sign always shown: "+2.1 pts" (of percentages), "−£3m". */
export function formatDifference(value: number, format: ValueFormat = 'number'): string {
	// A difference of two percentages is in percentage points: 91.2% against 88.8% is "+2.4 pts".
	const text =
		format === 'percent' ? `${formatValue(value * 100, 'number')} pts` : formatValue(value, format);
	return value > 0 ? `+${text}` : text;
}

/**
 * One formatter per kind: building an Intl.NumberFormat on every call made labelling six charts
 * the slowest part of a lever's repaint. `digits` significant digits, but never fewer than the
 * whole part ("1,235", not "1,230": a bed count is not rounded away).
 */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(format: ValueFormat, notation: Notation, digits: number): Intl.NumberFormat {
	const key = `${format} ${notation} ${digits}`;
	let found = formatters.get(key);
	if (!found) {
		found = new Intl.NumberFormat('en-GB', {
			...(format === 'percent' && { style: 'percent' }),
			...(format === 'currency' && { style: 'currency', currency: 'GBP' }),
			notation,
			...(notation === 'compact' && { compactDisplay: 'short' as const }),
			minimumFractionDigits: 0,
			maximumFractionDigits: 0,
			maximumSignificantDigits: digits,
			roundingPriority: 'morePrecision'
		});
		formatters.set(key, found);
	}
	return found;
}
