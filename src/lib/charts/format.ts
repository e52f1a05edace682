/** How charts and tables write a value: 0.91 as "91%", 12.3e6 as "£12.3m". */
import type { ValueFormat } from '../model/types';

export function formatValue(value: number, format: ValueFormat = 'number', digits = 3): string {
	if (!Number.isFinite(value)) return String(value);
	if (format === 'percent') return `${trim(value * 100, digits)}%`;
	const sign = value < 0 ? '−' : '';
	const size = Math.abs(value);
	const prefix = format === 'currency' ? '£' : '';
	if (size >= 1e9) return `${sign}${prefix}${trim(size / 1e9, digits)}bn`;
	if (size >= 1e6) return `${sign}${prefix}${trim(size / 1e6, digits)}m`;
	if (size >= 1e4 && format === 'currency') return `${sign}${prefix}${trim(size / 1e3, digits)}k`;
	return `${sign}${prefix}${trim(size, digits)}`;
}

/** A difference with its sign always shown: "+2.1%", "−£3m". */
export function formatDifference(value: number, format: ValueFormat = 'number'): string {
	const text = formatValue(value, format);
	return value > 0 ? `+${text}` : text;
}

function trim(value: number, digits: number): string {
	if (value === 0) return '0';
	const magnitude = Math.floor(Math.log10(Math.abs(value)));
	const decimals = Math.max(0, digits - 1 - magnitude);
	return numberFormat(Math.min(decimals, 6)).format(value);
}

/**
 * One formatter per number of decimals: toLocaleString builds a new Intl.NumberFormat on every
 * call, which made labelling six charts the slowest part of a lever's repaint.
 */
const formats = new Map<number, Intl.NumberFormat>();
function numberFormat(maximumFractionDigits: number): Intl.NumberFormat {
	let format = formats.get(maximumFractionDigits);
	if (!format)
		formats.set(
			maximumFractionDigits,
			(format = new Intl.NumberFormat('en-GB', { maximumFractionDigits }))
		);
	return format;
}
