/**
 * Results as CSV: first column `time`, then one column per variable named as in the model.
 * Numbers are written in full (shortest round-trip form) so a CSV re-read gives the same values.
 */
import type { RunResult } from '../engine/api';

export function csvField(text: string): string {
	return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvNumber(x: number): string {
	return Number.isNaN(x) ? 'NaN' : Object.is(x, -0) ? '-0' : String(x);
}

/** One run; with `scenario`, a leading scenario column (for several runs in one long file). */
export function resultsToCsv(
	result: RunResult,
	options: { scenario?: string; header?: boolean } = {}
): string {
	const lines: string[] = [];
	const lead = options.scenario !== undefined ? [csvField(options.scenario)] : [];
	if (options.header !== false)
		lines.push(
			[
				...(options.scenario !== undefined ? ['scenario'] : []),
				'time',
				...result.names.map(csvField)
			].join(',')
		);
	for (let r = 0; r < result.times.length; r++) {
		const row = [...lead, csvNumber(result.times[r])];
		for (const s of result.series) row.push(csvNumber(s[r]));
		lines.push(row.join(','));
	}
	return lines.join('\n') + '\n';
}
