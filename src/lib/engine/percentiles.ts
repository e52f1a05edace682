/**
 * Percentiles across many runs at each saved time, for fan charts. The definition is R-7 (Excel
 * PERCENTILE.INC, numpy's default): linear interpolation between the order statistics around
 * (n − 1) × p / 100. Values that are not finite (a run that stopped early, or could not run) are
 * left out at that time.
 */

/**
 * The p-th percentile (0–100) of values sorted ascending, interpolating linearly between
 * neighbours. NaN when empty.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const h = ((n - 1) * p) / 100;
	const lo = Math.floor(h);
	const hi = Math.min(n - 1, lo + 1);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Percentiles over runs at each saved time. `runs[r]` is run r's series; runs that stopped early
 * (shorter) or hold NaN at a time are left out at that time. Returns one series per percentile;
 * with `from`, `to` and `into`, fills only those times of existing series.
 */
export function percentileBands(
	runs: readonly ArrayLike<number>[],
	times: number,
	percentiles: readonly number[],
	from = 0,
	to = times,
	into?: Float64Array[]
): Float64Array[] {
	const bands = into ?? percentiles.map(() => new Float64Array(times).fill(NaN));
	const column = new Float64Array(runs.length);
	for (let t = from; t < to; t++) {
		let n = 0;
		for (const run of runs) {
			const v = t < run.length ? run[t] : NaN;
			if (Number.isFinite(v)) column[n++] = v;
		}
		percentilesOf(column, n, percentiles, bands, t);
	}
	return bands;
}

/** Runs packed as sample blocks send them: `count` runs of `rows` values each, run after run. */
export interface RunBlock {
	values: Float64Array;
	count: number;
	rows: number;
}

/**
 * Percentiles at saved times from..to of every run in `blocks`. Returns one array per percentile,
 * to − from long. The order of runs does not matter, so blocks may come in any order.
 */
export function blockBands(
	blocks: readonly RunBlock[],
	percentiles: readonly number[],
	from: number,
	to: number
): Float64Array[] {
	const bands = percentiles.map(() => new Float64Array(to - from));
	const column = new Float64Array(blocks.reduce((n, b) => n + b.count, 0));
	for (let t = from; t < to; t++) {
		let n = 0;
		for (const { values, count, rows } of blocks) {
			if (t >= rows) continue;
			for (let i = 0, at = t; i < count; i++, at += rows) {
				const v = values[at];
				if (v - v === 0) column[n++] = v; // finite: NaN − NaN and ∞ − ∞ are NaN
			}
		}
		percentilesOf(column, n, percentiles, bands, t - from);
	}
	return bands;
}

/**
 * Saved times from..to of a block's runs, packed as a block of their own (a copy): one worker's
 * share of the times. Times past the block's rows are not there, as they were not before.
 */
export function sliceBlock(block: RunBlock, from: number, to: number): RunBlock {
	const rows = Math.max(0, Math.min(block.rows, to) - from);
	const values = new Float64Array(block.count * rows);
	for (let i = 0; i < block.count; i++)
		values.set(
			block.values.subarray(i * block.rows + from, i * block.rows + from + rows),
			i * rows
		);
	return { values, count: block.count, rows };
}

/**
 * Writes the percentiles of column[0..n) into bands[k][at], reordering the column. Only the order
 * statistics the percentiles read are put in place (quickselect), which is faster than sorting.
 */
function percentilesOf(
	column: Float64Array,
	n: number,
	percentiles: readonly number[],
	bands: Float64Array[],
	at: number
): void {
	if (n === 0) {
		for (const band of bands) band[at] = NaN;
		return;
	}
	const ranks: number[] = [];
	for (const p of percentiles) {
		const lo = Math.floor(((n - 1) * p) / 100);
		ranks.push(lo, Math.min(n - 1, lo + 1));
	}
	const wanted = [...new Set(ranks)].sort((a, b) => a - b);
	selectRanks(column, 0, n - 1, wanted, 0, wanted.length);
	percentiles.forEach((p, k) => {
		const h = ((n - 1) * p) / 100;
		const lo = Math.floor(h);
		const hi = Math.min(n - 1, lo + 1);
		bands[k][at] = column[lo] + (h - lo) * (column[hi] - column[lo]);
	});
}

/** Puts each of ranks[first..last) (ascending) at its sorted place in a[lo..hi], middle rank first. */
function selectRanks(
	a: Float64Array,
	lo: number,
	hi: number,
	ranks: readonly number[],
	first: number,
	last: number
): void {
	if (first >= last || lo > hi) return;
	const middle = (first + last) >> 1;
	const k = ranks[middle];
	select(a, k, lo, hi);
	selectRanks(a, lo, k - 1, ranks, first, middle);
	selectRanks(a, k + 1, hi, ranks, middle + 1, last);
}

/** Hoare's quickselect: a[k] becomes the value sorting would put there, smaller ones before it and larger after. */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
	while (hi > lo) {
		const x = a[lo];
		const y = a[(lo + hi) >>> 1];
		const z = a[hi];
		const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (a[i] < pivot) i++;
			while (a[j] > pivot) j--;
			if (i <= j) {
				const t = a[i];
				a[i] = a[j];
				a[j] = t;
				i++;
				j--;
			}
		}
		if (k <= j) hi = j;
		else if (k >= i) lo = i;
		else return;
	}
}
