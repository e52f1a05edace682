/**
 * `sweep merge`: shards' files joined in sample order. Each shard holds one contiguous range of
 * samples (shard.ts), so merging is ordering the parts by their first sample, checking that they
 * share columns and that no sample is missing or twice, and joining them. The result is the same
 * bytes as the sweep run whole.
 */
import { InputError } from '../../lib/model/diagnostics';
import { splitCsv, tableCsvHeader, type SweepTable } from './table';

/** A part's name and the samples it holds (undefined when it holds none). */
interface PartRange {
	name: string;
	first?: number;
	last?: number;
}

/** The parts' indices in sample order; an error names a gap, an overlap or a part out of place. */
export function sampleOrder(parts: readonly PartRange[]): number[] {
	const order = parts
		.map((p, i) => ({ ...p, i }))
		.filter((p) => p.first !== undefined)
		.sort((a, b) => a.first! - b.first!);
	for (let k = 1; k < order.length; k++) {
		const before = order[k - 1];
		const part = order[k];
		if (part.first! <= before.last!)
			throw new InputError(
				`${before.name} and ${part.name} both hold sample ${part.first}: are they from the same shard, or from two sweeps?`
			);
		if (part.first! > before.last! + 1)
			throw new InputError(
				`no part holds samples ${before.last! + 1} to ${part.first! - 1} (between ${before.name} and ${part.name}): is a shard missing?`
			);
	}
	if (order.length && order[0].first !== 0)
		throw new InputError(
			`the first part, ${order[0].name}, starts at sample ${order[0].first}: samples 0 to ${order[0].first! - 1} are missing`
		);
	return order.map((p) => p.i);
}

function firstField(line: string): number {
	return Number(line.slice(0, line.indexOf(',')));
}

/** CSV parts, each a sweep's or a shard's file, merged into one. */
export function mergeCsv(parts: readonly { name: string; text: string }[]): string {
	const split = parts.map((p) => ({ name: p.name, ...splitCsv(p.text) }));
	const header = split[0].header;
	for (const part of split) {
		if (!part.header.startsWith('sample,'))
			throw new InputError(`${part.name} is not a sweep's CSV: its first column is not "sample"`);
		if (part.header !== header)
			throw new InputError(
				`${part.name} has other columns than ${split[0].name}: ${part.header.trim()} against ${header.trim()}`
			);
	}
	const order = sampleOrder(
		split.map((p) => ({
			name: p.name,
			first: p.lines.length ? firstField(p.lines[0]) : undefined,
			last: p.lines.length ? firstField(p.lines[p.lines.length - 1]) : undefined
		}))
	);
	return header + order.map((i) => split[i].lines.join('')).join('');
}

/** Tables (read from Parquet parts) merged into one. */
export function mergeTables(parts: readonly { name: string; table: SweepTable }[]): SweepTable {
	const columns = parts[0].table.columns;
	for (const { name, table } of parts) {
		if (table.columns[0] !== 'sample')
			throw new InputError(`${name} is not a sweep's table: its first column is not "sample"`);
		if (tableCsvHeader(table.columns) !== tableCsvHeader(columns))
			throw new InputError(`${name} has other columns than ${parts[0].name}`);
	}
	const width = columns.length;
	const order = sampleOrder(
		parts.map(({ name, table }) => ({
			name,
			first: table.rows.length ? table.rows[0] : undefined,
			last: table.rows.length ? table.rows[table.rows.length - width] : undefined
		}))
	);
	const rows = new Float64Array(parts.reduce((n, p) => n + p.table.rows.length, 0));
	let at = 0;
	for (const i of order) {
		rows.set(parts[i].table.rows, at);
		at += parts[i].table.rows.length;
	}
	return { columns, rows };
}
