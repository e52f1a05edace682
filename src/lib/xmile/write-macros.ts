/**
 * Macros as XMILE writes them (§4.8): <macro name> beside the models, its parameters in calling
 * order (strongly recommended before the equation), the equation a call gives, then its
 * variables and their diagram.
 */
import type { Macro } from '../model/types';
import { needsExactName, writeVariable } from './write-variable';
import { writeViews } from './write-views';
import { element, type XmlNode } from './xml-writer';

export function writeMacro(macro: Macro): { node: XmlNode; usesFlowbook: boolean } {
	const variables = macro.variables ?? [];
	const byId = new Map(variables.map((v) => [v.id, v]));
	const views = macro.variables
		? writeViews({ variables, diagram: macro.diagram })
		: { usesFlowbook: false };
	return {
		node: element(
			'macro',
			{ name: macro.name },
			macro.parameters.map((p) => element('parm', { default: p.default }, p.name)),
			element('eqn', {}, macro.equation),
			macro.format ? element('format', {}, macro.format) : undefined,
			macro.documentation ? element('doc', {}, macro.documentation) : undefined,
			macro.variables &&
				element(
					'variables',
					{},
					variables.map((v) => writeVariable(v, byId))
				),
			views.node && element('views', {}, views.node)
		),
		usesFlowbook: views.usesFlowbook || variables.some((v) => needsExactName(v.name))
	};
}
