/**
 * How a Vensim variable spreads over its subscripts. Vensim may define one variable in several
 * equations, each over some elements (`x[North] = 1`, `x[South] = 2`), over a subrange, or over
 * a range minus an EXCEPT list. Flowbook then holds one equation per element; a variable given by
 * one equation over whole ranges stays one equation for all its elements (XMILE apply-to-all).
 */
import { canonicalName } from '../model/names';
import type { Lhs } from './definitions';
import type { Range, Subscripts } from './subscripts';

export interface Cell {
	/** One element per dimension, in the variable's dimension order. */
	subscript: string[];
	/** Which of the variable's definitions gives this element. */
	definition: number;
	/** Range key → element, for writing the definition's equation for this element. */
	binding: Map<string, string>;
	/** The element's position among those its definition covers (for constant lists). */
	index: number;
}

/** The ranges a variable is arrayed over, one per position of its left-hand sides. */
export function dimensionsOf(lhss: Lhs[], subscripts: Subscripts): Range[] | string {
	const count = lhss[0].subscripts.length;
	if (lhss.some((l) => l.subscripts.length !== count))
		return 'its equations do not all have the same number of subscripts';
	const dims: Range[] = [];
	for (let i = 0; i < count; i++) {
		const names = lhss.map((l) => l.subscripts[i]);
		const unknown = names.find((n) => !subscripts.isRange(n) && !subscripts.isElement(n));
		if (unknown) return `"${unknown}" is neither a subscript range nor an element of one`;
		let range = subscripts.rangeCovering(names);
		if (!range) return `no subscript range holds every element of ${names.join(', ')}`;
		// x[A, Dims] with A an element of Dims: the first position needs a range of its own.
		if (dims.includes(range)) range = subscripts.twinOf(range, dims);
		dims.push(range);
	}
	return dims;
}

/** Whether one definition over exactly the variable's ranges defines every element alike. */
export function isWholeRange(lhss: Lhs[], dims: Range[]): boolean {
	return (
		lhss.length === 1 &&
		lhss[0].except.length === 0 &&
		lhss[0].subscripts.every((s, i) => canonicalName(s) === canonicalName(dims[i].name))
	);
}

/** Every element of the variable with the definition that gives it. */
export function cellsOf(lhss: Lhs[], dims: Range[], subscripts: Subscripts): (Cell | string[])[] {
	const cells: (Cell | string[])[] = [];
	for (const tuple of product(dims.map((d) => d.elements))) {
		let found: Cell | undefined;
		for (let d = 0; d < lhss.length && !found; d++) {
			const lhs = lhss[d];
			if (!covers(lhs.subscripts, tuple, subscripts)) continue;
			if (lhs.except.some((ex) => covers(ex, tuple, subscripts))) continue;
			const binding = new Map<string, string>();
			lhs.subscripts.forEach((s, i) => {
				if (subscripts.isRange(s)) binding.set(canonicalName(s), tuple[i]);
				if (!binding.has(canonicalName(dims[i].name)))
					binding.set(canonicalName(dims[i].name), tuple[i]);
			});
			found = {
				subscript: tuple,
				definition: d,
				binding,
				index: indexWithin(lhs, tuple, subscripts)
			};
		}
		cells.push(found ?? tuple);
	}
	return cells;
}

function covers(subs: string[], tuple: string[], subscripts: Subscripts): boolean {
	return subs.every((s, i) => subscripts.contains(s, tuple[i]));
}

/** Row-major position of the element among those the left-hand side's subscripts cover. */
function indexWithin(lhs: Lhs, tuple: string[], subscripts: Subscripts): number {
	let index = 0;
	lhs.subscripts.forEach((s, i) => {
		const elements = subscripts.elementsOf(s).map(canonicalName);
		index = index * elements.length + elements.indexOf(canonicalName(tuple[i]));
	});
	return index;
}

export function product(lists: string[][]): string[][] {
	let rows: string[][] = [[]];
	for (const list of lists) rows = rows.flatMap((row) => list.map((e) => [...row, e]));
	return rows;
}
