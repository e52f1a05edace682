/**
 * `<model_units>`: the units a model declares, e.g. <unit name="Dollar"><eqn>$</eqn>
 * <alias>Dollars</alias></unit>. An empty <eqn/> means a base unit.
 */
import type { UnitDefinition } from '../model/types';
import type { Report } from './report';
import { childrenNamed, childText, type XmlElement } from './xml-tree';

export function readUnits(modelUnits: XmlElement | undefined, report: Report): UnitDefinition[] {
	if (!modelUnits) return [];
	const units: UnitDefinition[] = [];
	for (const unit of childrenNamed(modelUnits, 'unit')) {
		const name = unit.attributes.name?.trim();
		if (!name) {
			report.warning('A <unit> without a name is ignored', unit);
			continue;
		}
		// A unit the author switched off in Stella should not take part in unit checks.
		if (unit.attributes.disabled?.trim().toLowerCase() === 'true') continue;
		const definition: UnitDefinition = { name };
		const equation = childText(unit, 'eqn');
		if (equation) definition.equation = equation;
		const aliases = childrenNamed(unit, 'alias')
			.map((a) => a.text.trim())
			.filter((a) => a !== '');
		if (aliases.length) definition.aliases = aliases;
		units.push(definition);
	}
	return units;
}
