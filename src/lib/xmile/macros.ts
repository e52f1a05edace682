/**
 * Macros in XMILE (1.0 §4.8): <macro name> beside the <model>s, with its parameters in calling
 * order, the equation a call gives, and optionally variables of its own (stocks included):
 *
 *   <macro name="SMOOTH1">
 *     <parm>input</parm> <parm>averaging_time</parm> <parm default="input">initial</parm>
 *     <eqn>Smooth_of_Input</eqn>
 *     <variables> <stock name="Smooth_of_Input">…</stock> … </variables>
 *   </macro>
 *
 * A macro with its own <sim_specs> runs on a clock of its own, and an option filter (§4.8.4)
 * changes how stocks or flows behave; Flowbook supports neither, and says so.
 */
import { canonicalName } from '../model/names';
import type { Macro, MacroParameter } from '../model/types';
import { readBehavior } from './behavior';
import { blocks, readScope } from './scope';
import { Report } from './report';
import { childrenNamed, childText, type XmlElement } from './xml-tree';

/** Parts of a <macro> beside its variables; anything else gets a warning. */
const MACRO_PARTS = new Set(['parm', 'eqn', 'doc', 'format', 'variables', 'views', 'sim_specs']);

export function readMacros(root: XmlElement, report: Report): Macro[] {
	const macros: Macro[] = [];
	const seen = new Map<string, XmlElement>();
	for (const element of childrenNamed(root, 'macro')) {
		const name = element.attributes.name?.trim();
		if (!name) {
			report.error('A <macro> has no name and is ignored', element);
			continue;
		}
		const first = seen.get(canonicalName(name));
		if (first) {
			report.error(
				`Macro "${name}" is defined twice, on lines ${first.line} and ${element.line}; the second is ignored`,
				element
			);
			continue;
		}
		seen.set(canonicalName(name), element);
		macros.push(readMacro(root, element, name, report));
	}
	return macros;
}

function readMacro(root: XmlElement, element: XmlElement, name: string, report: Report): Macro {
	const parameters: MacroParameter[] = [];
	for (const parm of childrenNamed(element, 'parm')) {
		const parameter = parm.text.trim();
		if (!parameter) {
			report.error(`Macro "${name}" has a <parm> without a name`, parm);
			continue;
		}
		const fallback = parm.attributes.default?.trim();
		parameters.push({ name: parameter, ...(fallback && { default: fallback }) });
	}
	const equation = childText(element, 'eqn');
	if (equation === undefined)
		report.error(`Macro "${name}" has no <eqn>: it must say what a call gives`, element);
	if (element.attributes.filter !== undefined) {
		report.error(
			`Macro "${name}" is an option filter (filter="${element.attributes.filter}"): option filters are not supported`,
			element
		);
	}
	for (const specs of childrenNamed(element, 'sim_specs')) {
		report.error(
			`Macro "${name}" has its own <sim_specs>: macros that run on a clock of their own are not supported`,
			specs
		);
	}
	for (const part of element.children) {
		if (!MACRO_PARTS.has(part.name) && !part.name.includes(':'))
			report.warning(`Unknown element <${part.name}> in <macro> is ignored`, part);
	}
	const macro: Macro = { name, parameters, equation: equation ?? '' };
	const documentation = childText(element, 'doc');
	if (documentation) macro.documentation = documentation;
	const format = childText(element, 'format');
	if (format) macro.format = format;

	if (childrenNamed(element, 'variables').length) {
		// Only the body and its diagram: the parameters and equation are not variables.
		const body: XmlElement = {
			...element,
			children: element.children.filter((c) => c.name === 'variables' || c.name === 'views')
		};
		const own = new Report();
		const scope = readScope(body, readBehavior(blocks(root, element, 'behavior'), own), own);
		// xmutil writes INTEG(input, …) with a flow called like the parameter and no equation:
		// the parameter is its equation.
		const isParameter = new Set(parameters.map((p) => canonicalName(p.name)));
		report.diagnostics.push(
			...own.diagnostics.filter(
				(d) =>
					!(
						d.message === 'Has no equation' &&
						d.variable !== undefined &&
						isParameter.has(canonicalName(d.variable))
					)
			)
		);
		for (const module of scope.moduleElements)
			report.error(
				`Macro "${name}" places a module: modules inside macros are not supported`,
				module
			);
		macro.variables = scope.variables;
		if (
			scope.diagram.connectors.length ||
			scope.diagram.clouds.length ||
			scope.diagram.aliases ||
			scope.diagram.sectors
		)
			macro.diagram = scope.diagram;
	}
	return macro;
}
