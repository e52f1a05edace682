/**
 * `<dimensions>`: the dimensions a model's arrays run over (XMILE 3.7.1), named elements or
 * numbered ones:
 *
 *   <dimensions>
 *     <dim name="Region"><elem name="North"/><elem name="South"/></dim>
 *     <dim name="Cohort" size="10"/>
 *   </dimensions>
 */
import type { Dimension } from '../model/types';
import { canonicalName } from '../model/names';
import type { Report } from './report';
import { childText, childrenNamed, type XmlElement } from './xml-tree';
import { element, type XmlNode } from './xml-writer';

export function readDimensions(dimensions: XmlElement | undefined, report: Report): Dimension[] {
	if (!dimensions) return [];
	const read: Dimension[] = [];
	const seen = new Set<string>();
	for (const dim of childrenNamed(dimensions, 'dim')) {
		const name = dim.attributes.name?.trim();
		if (!name) {
			report.error('A <dim> has no name and is ignored', dim);
			continue;
		}
		if (seen.has(canonicalName(name))) {
			report.error(`Dimension "${name}" is declared twice; the second is ignored`, dim);
			continue;
		}
		const elems = childrenNamed(dim, 'elem');
		const size = dim.attributes.size?.trim();
		if (elems.length > 0) {
			const elements = elems.map((e) => e.attributes.name?.trim() ?? '');
			const blank = elements.findIndex((e) => e === '');
			if (blank >= 0) {
				report.error(`Element ${blank + 1} of dimension "${name}" has no name`, elems[blank]);
				continue;
			}
			const twice = elements.findIndex(
				(e, i) => elements.findIndex((f) => canonicalName(f) === canonicalName(e)) !== i
			);
			if (twice >= 0) {
				report.error(
					`Dimension "${name}" has the element "${elements[twice]}" twice`,
					elems[twice]
				);
				continue;
			}
			read.push({ name, elements });
		} else if (size !== undefined && /^\d+$/.test(size) && Number(size) > 0) {
			read.push({ name, size: Number(size) });
		} else {
			const why =
				size === undefined
					? 'has no <elem> elements and no size'
					: `has size "${size}", which is not a whole number above 0`;
			report.error(`Dimension "${name}" ${why}, so it is ignored`, dim);
			continue;
		}
		seen.add(canonicalName(name));
		const mapsTo = (childText(dim, 'isee:maps_to') ?? childText(dim, 'maps_to'))?.trim();
		if (mapsTo) read[read.length - 1].mapsTo = mapsTo;
	}
	return read;
}

export function writeDimensions(dimensions: readonly Dimension[] | undefined): XmlNode | undefined {
	if (!dimensions?.length) return undefined;
	return element(
		'dimensions',
		{},
		dimensions.map((d) => {
			const mapping = d.mapsTo ? [element('isee:maps_to', {}, d.mapsTo)] : [];
			return Array.isArray(d.elements)
				? element(
						'dim',
						{ name: d.name },
						d.elements.map((e) => element('elem', { name: e })),
						mapping
					)
				: element('dim', { name: d.name, size: d.size }, mapping);
		})
	);
}
