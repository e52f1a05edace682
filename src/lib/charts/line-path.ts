/**
 * The `d` of a chart line, built for speed: a lever dragged on a page redraws its lines every
 * frame, so this avoids d3.line's accessor calls and every per-point allocation.
 *
 * Fewer points, the same picture: a line of thousands of saved times drawn on a few hundred pixel
 * columns keeps, per column, its first, lowest, highest and last point (and every gap), so peaks
 * and the shape survive while the path is a fraction of the size. Points are written to a tenth
 * of a pixel.
 */

/** The pixel column (floor of the x position) of every saved time, shared by all of a chart's lines. */
export function columnsOf(xs: Float64Array): Int32Array {
	const columns = new Int32Array(xs.length);
	for (let i = 0; i < xs.length; i++) columns[i] = Math.floor(xs[i]);
	return columns;
}

/**
 * v to a tenth, as text: "12.3", "-0.5", "7". Built from integers because turning a fractional
 * double into text is the slowest step of drawing a line.
 */
function tenth(v: number): string {
	const k = Math.round(v * 10);
	const whole = k / 10;
	if (k % 10 === 0) return String(whole);
	const a = Math.abs(k);
	return `${k < 0 ? '-' : ''}${Math.floor(a / 10)}.${a % 10}`;
}

/**
 * A path through (xs[i], y(values[i])) keeping, per pixel column, the first, lowest, highest and
 * last point in time order; a NaN or infinite value breaks the line, as d3.line's `defined` does.
 * Null when no point can be drawn.
 */
export function linePath(
	xs: Float64Array,
	columns: Int32Array,
	values: ArrayLike<number>,
	y: (v: number) => number
): string | null {
	const n = Math.min(xs.length, values.length);
	let d = '';
	let command = 'M';
	let i = 0;
	while (i < n) {
		if (!Number.isFinite(values[i])) {
			command = 'M';
			i++;
			continue;
		}
		// One run of finite values within a column.
		const column = columns[i];
		const first = i;
		let lo = i;
		let hi = i;
		let last = i;
		for (i++; i < n && columns[i] === column && Number.isFinite(values[i]); i++) {
			const v = values[i];
			if (v < values[lo]) lo = i;
			if (v > values[hi]) hi = i;
			last = i;
		}
		// The four in time order, each once.
		const a = lo < hi ? lo : hi;
		const b = lo < hi ? hi : lo;
		d += `${command}${tenth(xs[first])},${tenth(y(values[first]))}`;
		command = 'L';
		if (a !== first) d += `L${tenth(xs[a])},${tenth(y(values[a]))}`;
		if (b !== a && b !== first) d += `L${tenth(xs[b])},${tenth(y(values[b]))}`;
		if (last !== b && last !== first) d += `L${tenth(xs[last])},${tenth(y(values[last]))}`;
	}
	return d === '' ? null : d;
}
