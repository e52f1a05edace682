/**
 * Vensim's subscript ranges: ranges and subranges (`Sub: a2, a3` inside `Region: a1, a2, a3`),
 * numbered ranges (`(a1-a10)`, expanded by definitions.ts), equivalences (`Zone <-> Region`: the
 * same elements under another name) and mappings (`From: a, b -> To`: a reference to `x[To]` in an
 * equation over From reads the element of To that the current element of From maps to).
 */
import { canonicalName } from '../model/names';
import type { Dimension } from '../model/types';
import type { EquivalenceDefinition, RangeDefinition } from './definitions';
import { VensimReadError } from './errors';

export interface Range {
	name: string;
	elements: string[];
	/** Target range key → the target element (key) each of this range's elements maps to. */
	mappings: Map<string, string[][]>;
}

export class Subscripts {
	readonly ranges = new Map<string, Range>();
	/** Element key → the element as first written. */
	readonly elementNames = new Map<string, string>();

	constructor(ranges: RangeDefinition[], equivalences: EquivalenceDefinition[]) {
		const pending = [...ranges];
		// A range may list another range among its members: define those first.
		for (let pass = 0; pending.length > 0 && pass <= ranges.length; pass++) {
			for (let i = 0; i < pending.length; i++) {
				const r = pending[i];
				const unresolved = r.members.some(
					(m) =>
						!this.ranges.has(canonicalName(m)) &&
						pending.some((p) => p !== r && canonicalName(p.name) === canonicalName(m))
				);
				if (unresolved) continue;
				this.#define(r);
				pending.splice(i--, 1);
			}
		}
		for (const e of equivalences) {
			const other = this.ranges.get(canonicalName(e.other));
			if (!other)
				throw new VensimReadError(
					`the range ${e.other} that ${e.name} is equivalent to is not defined`,
					e.entry.line,
					e.name
				);
			this.ranges.set(canonicalName(e.name), {
				name: e.name,
				elements: other.elements,
				mappings: new Map()
			});
		}
		for (const r of ranges) this.#map(r);
	}

	#define(r: RangeDefinition): void {
		const elements: string[] = [];
		for (const m of r.members) {
			const sub = this.ranges.get(canonicalName(m));
			if (sub) elements.push(...sub.elements);
			else {
				const key = canonicalName(m);
				if (!this.elementNames.has(key)) this.elementNames.set(key, m);
				elements.push(this.elementNames.get(key)!);
			}
		}
		this.ranges.set(canonicalName(r.name), { name: r.name, elements, mappings: new Map() });
	}

	#map(r: RangeDefinition): void {
		const from = this.ranges.get(canonicalName(r.name))!;
		for (const m of r.mappings) {
			const to = this.ranges.get(canonicalName(m.to));
			if (!to)
				throw new VensimReadError(
					`${r.name} maps to ${m.to}, which is not a subscript range`,
					r.entry.line,
					r.name
				);
			const targets = m.elements ?? to.elements;
			// Each target is an element, or a range whose every element the source element maps to.
			const images = targets.map((t) => this.elementsOf(t).map(canonicalName));
			if (images.length !== from.elements.length)
				throw new VensimReadError(
					`${r.name} has ${from.elements.length} elements but maps onto ${images.length} of ${m.to}`,
					r.entry.line,
					r.name
				);
			from.mappings.set(canonicalName(m.to), images);
		}
	}

	/**
	 * An element's number, as a range name standing alone in an equation reads it: its position
	 * (from 1) in the largest range that holds it, its family (Vensim reference output,
	 * sdxorg subscript_definition and subscript_logicals).
	 */
	elementNumber(element: string): number {
		const key = canonicalName(element);
		let family: Range | undefined;
		for (const r of this.ranges.values())
			if (r.elements.some((e) => canonicalName(e) === key))
				if (!family || r.elements.length > family.elements.length) family = r;
		return family ? family.elements.findIndex((e) => canonicalName(e) === key) + 1 : NaN;
	}

	isRange(name: string): boolean {
		return this.ranges.has(canonicalName(name));
	}

	range(name: string): Range | undefined {
		return this.ranges.get(canonicalName(name));
	}

	/** A range's elements, or the element itself. */
	elementsOf(name: string): string[] {
		return this.range(name)?.elements ?? [this.elementNames.get(canonicalName(name)) ?? name];
	}

	isElement(name: string): boolean {
		return this.elementNames.has(canonicalName(name));
	}

	/** Whether `element` belongs to the range. */
	contains(range: string, element: string): boolean {
		const key = canonicalName(element);
		return this.elementsOf(range).some((e) => canonicalName(e) === key);
	}

	/**
	 * The element of `target` that goes with `element` of `source` in an equation over source:
	 * the same element when target holds it (a subrange or its parent), the same position in an
	 * equivalent range, or what a mapping between the two says.
	 */
	correspond(source: string, element: string, target: string): string | undefined {
		const key = canonicalName(element);
		const targetRange = this.range(target);
		const sourceRange = this.range(source);
		if (!targetRange || !sourceRange) return undefined;
		const forward = sourceRange.mappings.get(canonicalName(target));
		const at = sourceRange.elements.findIndex((e) => canonicalName(e) === key);
		if (forward && at >= 0) {
			const image = forward[at];
			return image.length === 1 ? (this.elementNames.get(image[0]) ?? image[0]) : undefined;
		}
		const backward = targetRange.mappings.get(canonicalName(source));
		if (backward) {
			const index = backward.findIndex((image) => image.includes(key));
			return index >= 0 ? targetRange.elements[index] : undefined;
		}
		if (this.contains(target, element)) return this.elementNames.get(key) ?? element;
		return undefined;
	}

	/**
	 * A range with the same elements as `range` and not among `taken`: an equivalent one the
	 * model declares, or else one made for the purpose ("Dims 2"), as `Dims 2 <-> Dims` would.
	 */
	twinOf(range: Range, taken: Range[]): Range {
		const same = (r: Range) =>
			r.elements.length === range.elements.length &&
			r.elements.every((e, i) => canonicalName(e) === canonicalName(range.elements[i]));
		const declared = [...this.ranges.values()].find((r) => same(r) && !taken.includes(r));
		if (declared) return declared;
		let n = 2;
		while (this.ranges.has(canonicalName(`${range.name} ${n}`))) n++;
		const twin: Range = {
			name: `${range.name} ${n}`,
			elements: range.elements,
			mappings: new Map()
		};
		this.ranges.set(canonicalName(twin.name), twin);
		return twin;
	}

	/** The model's dimensions: every range, subranges included, with its own elements. */
	dimensions(): Dimension[] {
		const seen = new Set<string>();
		const out: Dimension[] = [];
		for (const [key, r] of this.ranges) {
			if (seen.has(key)) continue;
			seen.add(key);
			out.push({ name: r.name, elements: [...r.elements] });
		}
		return out;
	}

	/**
	 * The range a variable is arrayed over at one position, given every subscript its
	 * definitions use there: the one range they all name, else the smallest range holding
	 * every element they cover (the parent of the subranges they are defined over).
	 */
	rangeCovering(names: string[]): Range | undefined {
		const distinct = [...new Set(names.map(canonicalName))];
		if (distinct.length === 1 && this.ranges.has(distinct[0])) return this.ranges.get(distinct[0]);
		const wanted = new Set(names.flatMap((n) => this.elementsOf(n).map(canonicalName)));
		let best: Range | undefined;
		for (const r of this.ranges.values()) {
			const keys = new Set(r.elements.map(canonicalName));
			if (
				[...wanted].every((w) => keys.has(w)) &&
				(!best || r.elements.length < best.elements.length)
			)
				best = r;
		}
		return best;
	}
}
