/**
 * A sweep's rows as a table, and its two file formats: CSV (the one CSV writer of
 * src/lib/results/csv.ts) and Parquet (hyparquet-writer, read back by hyparquet for `merge`).
 * Both are pure functions of the rows, so a table written whole and the same rows merged from
 * shards are the same bytes.
 */
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { csvLine } from '../../lib/results/csv';

export interface SweepTable {
	/** sample, time, each varied input, each output (see sweepColumns). */
	columns: string[];
	/** Row after row, `columns.length` values each; the sample index first. */
	rows: Float64Array;
}

export type TableFormat = 'csv' | 'parquet';

export function formatOf(path: string): TableFormat | undefined {
	const lower = path.toLowerCase();
	return lower.endsWith('.csv') ? 'csv' : lower.endsWith('.parquet') ? 'parquet' : undefined;
}

export function rowCount(table: SweepTable): number {
	return table.rows.length / table.columns.length;
}

export function tableCsvHeader(columns: readonly string[]): string {
	return csvLine(columns);
}

/** The rows as CSV lines, without the header. */
export function tableCsvRows(table: SweepTable): string {
	const width = table.columns.length;
	let text = '';
	for (let at = 0; at < table.rows.length; at += width)
		text += csvLine(Array.from(table.rows.subarray(at, at + width)));
	return text;
}

export function tableToCsv(table: SweepTable): string {
	return tableCsvHeader(table.columns) + tableCsvRows(table);
}

/** Parquet: `sample` as INT32, every other column DOUBLE, not nullable. */
export function tableToParquet(table: SweepTable): Uint8Array {
	const width = table.columns.length;
	const n = rowCount(table);
	const columnData = table.columns.map((name, c) => {
		const data = c === 0 ? new Int32Array(n) : new Float64Array(n);
		for (let r = 0; r < n; r++) data[r] = table.rows[r * width + c];
		return {
			name,
			data,
			type: c === 0 ? ('INT32' as const) : ('DOUBLE' as const),
			nullable: false
		};
	});
	return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'flowbook sweep' }));
}

/** A sweep's Parquet file read back as a table (for `merge`). */
export async function tableFromParquet(bytes: Uint8Array): Promise<SweepTable> {
	const file = bytes.buffer.slice(
		bytes.byteOffset,
		bytes.byteOffset + bytes.byteLength
	) as ArrayBuffer;
	const metadata = parquetMetadata(file);
	const columns = parquetSchema(metadata).children.map((c) => c.element.name);
	const objects = await parquetReadObjects({ file, metadata });
	const rows = new Float64Array(objects.length * columns.length);
	let at = 0;
	for (const row of objects) for (const name of columns) rows[at++] = Number(row[name]);
	return { columns, rows };
}

/** A sweep's CSV read back: its header line and its rows' lines, each with its line end. */
export function splitCsv(text: string): { header: string; lines: string[] } {
	const lines = text.split(/(?<=\n)/);
	const header = lines.shift() ?? '';
	return { header, lines };
}
