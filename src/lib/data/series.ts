/**
 * A data grid (cells.ts) as data series: the first column is time, every other column a series
 * headed by its name. Empty cells are missing observations; anything else that is not a number
 * is an error naming its row and column as the file shows them ("row 5, column C").
 *
 *   const { series, problems } = seriesFromGrid(grid, { startDate: '2025-10-01', timeUnits: 'day' });
 */
import type { Diagnostic } from '../model/diagnostics';
import { canonicalName, idFromName } from '../model/names';
import type { DataSeries } from '../model/types';
import { columnLetters, type DataCell, type DataGrid } from './cells';
import { timeOfCell, type Calendar } from './times';

export interface SeriesRead {
	series: DataSeries[];
	problems: Diagnostic[];
}

const place = (row: number, column: number) => `row ${row + 1}, column ${columnLetters(column)}`;

/** The number in a value cell, null when it is empty, or a sentence saying what is wrong. */
function valueOf(cell: DataCell): number | null | string {
	if (cell === null || cell === undefined) return null;
	if (typeof cell === 'number') return Number.isFinite(cell) ? cell : `${cell} is not a number`;
	if (typeof cell === 'boolean' || cell instanceof Date) return `${String(cell)} is not a number`;
	const text = cell.trim().replace(/,/g, '');
	const n = Number(text);
	return text !== '' && Number.isFinite(n) ? n : `"${cell.trim()}" is not a number`;
}

export function seriesFromGrid(grid: DataGrid, calendar: Calendar): SeriesRead {
	const problems: Diagnostic[] = [];
	const error = (message: string) =>
		problems.push({ severity: 'error', message: `${grid.name}: ${message}` });
	const [headings = [], ...rows] = grid.rows;
	if (headings.length < 2 || rows.length === 0) {
		error(
			'a data file needs a heading row, then rows of a time and at least one value (time in column A)'
		);
		return { series: [], problems };
	}
	const names: string[] = [];
	const seen = new Map<string, string>();
	for (let c = 1; c < headings.length; c++) {
		const heading = headings[c] === null ? '' : String(headings[c]).trim();
		if (!heading) {
			if (rows.some((row) => row[c] !== null && row[c] !== undefined))
				error(`${place(0, c)} has no heading: name the series it holds`);
			names.push('');
			continue;
		}
		const key = canonicalName(heading);
		if (seen.has(key))
			error(
				`${place(0, c)}: "${heading}" is the same name as "${seen.get(key)}" in column ${columnLetters(names.indexOf(seen.get(key)!) + 1)}`
			);
		seen.set(key, heading);
		names.push(heading);
	}
	const times: (number | undefined)[] = [];
	let last: { time: number; row: number } | undefined;
	rows.forEach((row, r) => {
		const cell = row[0];
		if (cell === null || cell === undefined) {
			if (row.some((x) => x !== null && x !== undefined)) error(`${place(r + 1, 0)} has no time`);
			times.push(undefined);
			return;
		}
		const time = timeOfCell(cell, calendar);
		if (typeof time === 'string') {
			error(`${place(r + 1, 0)}: ${time}`);
			times.push(undefined);
			return;
		}
		if (last && !(time > last.time))
			error(
				`${place(r + 1, 0)}: time ${time} is not after ${last.time} on row ${last.row + 1}: times must increase`
			);
		last = { time, row: r + 1 };
		times.push(time);
	});
	const series: DataSeries[] = [];
	names.forEach((name, i) => {
		if (!name) return;
		const c = i + 1;
		const points: DataSeries = {
			id: idFromName(name) || `series-${c}`,
			name,
			times: [],
			values: [],
			source: grid.name
		};
		rows.forEach((row, r) => {
			const value = valueOf(row[c] ?? null);
			if (typeof value === 'string') return error(`${place(r + 1, c)} ("${name}"): ${value}`);
			const time = times[r];
			if (value === null || time === undefined) return;
			points.times.push(time);
			points.values.push(value);
		});
		if (points.times.length === 0) error(`column ${columnLetters(c)} ("${name}") has no values`);
		else series.push(points);
	});
	return { series: problems.length ? [] : series, problems };
}
