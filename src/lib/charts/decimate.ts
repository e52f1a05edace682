/**
 * Fewer points, the same picture: a line of thousands of saved times drawn on a few hundred pixel
 * columns keeps, per column, its first, lowest, highest and last point (and every gap), so peaks and
 * the shape survive while the path a repaint builds is a fraction of the size.
 */
export function decimate(times: ArrayLike<number>, values: ArrayLike<number>, column: (t: number) => number, length = Math.min(times.length, values.length)): number[] {
	const kept: number[] = [];
	let i = 0;
	while (i < length) {
		const c = Math.floor(column(times[i]));
		let [first, lo, hi, last] = [i, i, i, i];
		while (i < length && Math.floor(column(times[i])) === c) {
			const v = values[i];
			if (!Number.isFinite(v)) {
				kept.push(...new Set([first, lo, hi, last].filter((k) => k < i)).values(), i);
				first = lo = hi = last = i + 1;
			} else {
				if (!Number.isFinite(values[lo]) || v < values[lo]) lo = i;
				if (!Number.isFinite(values[hi]) || v > values[hi]) hi = i;
				last = i;
			}
			i++;
		}
		if (first < i) for (const k of [...new Set([first, lo, hi, last])].sort((a, b) => a - b)) kept.push(k);
	}
	return kept;
}
