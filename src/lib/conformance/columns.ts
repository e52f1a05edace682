/**
 * Matching the reference output's columns to the model's outputs by name. Names compare
 * lower-case, with spaces, underscores, line breaks and literal "\n" alike and quotes stripped
 * (canonicalName, the same rule as everywhere else in Flowbook); `.` separates a module from a
 * variable, and spaces next to the brackets and commas of a subscript do not count.
 */
import { canonicalName } from '../model/names';

/** Vensim's control variables: compared when the model has them, otherwise not required. */
export const CONTROL_COLUMNS = ['INITIAL TIME', 'FINAL TIME', 'TIME STEP', 'SAVEPER'] as const;

/** Split on `.` outside double quotes. */
function moduleSegments(name: string): string[] {
	const out: string[] = [];
	let cur = '';
	let quoted = false;
	for (const ch of name) {
		if (ch === '"') quoted = !quoted;
		if (ch === '.' && !quoted) {
			out.push(cur);
			cur = '';
		} else cur += ch;
	}
	out.push(cur);
	return out;
}

/** The key two column names share when they name the same variable. */
export function columnKey(name: string): string {
	return moduleSegments(name)
		.map((segment) => canonicalName(segment).replace(/"/g, ''))
		.join('.')
		.replace(/_*([[\],])_*/g, '$1');
}

const CONTROL_KEYS = new Set<string>(CONTROL_COLUMNS.map(columnKey));

export function isControlColumn(name: string): boolean {
	return CONTROL_KEYS.has(columnKey(name));
}

export interface ColumnPair {
	/** The reference column's name as written. */
	column: string;
	/** Index into the reference columns (after time). */
	refIndex: number;
	/** Index into the model's output names. */
	modelIndex: number;
}

export interface ColumnPlan {
	/** Columns both sides have, in reference order. */
	compared: ColumnPair[];
	/** Reference columns the model lacks, which fail the case. */
	missing: string[];
	/** Reference columns not compared: control columns the model lacks, and ignore_columns. */
	skipped: string[];
}

/**
 * Decide which reference columns to compare with which model output. Outputs the reference lacks
 * are ignored. A case's ignore_columns are never compared, even where the model has a variable of
 * that name (the reference column belongs to another model).
 */
export function planColumns(
	refColumns: readonly string[],
	modelNames: readonly string[],
	ignoreColumns: readonly string[] = []
): ColumnPlan {
	const byKey = new Map<string, number>();
	modelNames.forEach((name, i) => {
		const key = columnKey(name);
		if (!byKey.has(key)) byKey.set(key, i);
	});
	const ignored = new Set(ignoreColumns.map(columnKey));
	const plan: ColumnPlan = { compared: [], missing: [], skipped: [] };
	refColumns.forEach((column, refIndex) => {
		const key = columnKey(column);
		if (ignored.has(key)) {
			plan.skipped.push(column);
			return;
		}
		const modelIndex = byKey.get(key);
		if (modelIndex !== undefined) plan.compared.push({ column, refIndex, modelIndex });
		else if (CONTROL_KEYS.has(key)) plan.skipped.push(column);
		else plan.missing.push(column);
	});
	return plan;
}
