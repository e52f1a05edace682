/**
 * Vensim macros (`:MACRO: NAME(input, parameter) … :END OF MACRO:`) as Flowbook macros. The
 * macro's value is its variable of the same name, so a macro may hold a stock; its other
 * variables are its own, copied per call by the engine (engine/flatten/macros.ts).
 */
import type { Diagnostic } from '../model/diagnostics';
import { canonicalName } from '../model/names';
import type { Macro } from '../model/types';
import { readDefinitions } from './definitions';
import type { MacroEntries } from './entries';
import { translateCall } from './functions';
import { connectStocks } from './stocks';
import type { Subscripts } from './subscripts';
import { buildVariables, type VariableDefinition } from './variables';
import { identifier } from './xmile-text';

export function readMacros(
	parts: MacroEntries[],
	subscripts: Subscripts,
	controls: Map<string, string>,
	diagnostics: Diagnostic[]
): Macro[] {
	const names = new Set(parts.map((m) => canonicalName(m.name)));
	return parts.map((part) => {
		if (part.outputs.length)
			diagnostics.push({
				severity: 'error',
				message: `the macro ${part.name} has extra outputs (after ":"), which are not supported yet`,
				line: part.line,
				variable: part.name
			});
		const groups = new Map<string, VariableDefinition[]>();
		for (const d of readDefinitions(part.entries, diagnostics)) {
			if (d.kind === 'range' || d.kind === 'equivalence' || d.kind === 'reality-check') continue;
			const key = canonicalName(d.lhs.name);
			groups.set(key, [...(groups.get(key) ?? []), d]);
		}
		const built = buildVariables(groups, subscripts, (variable, line, binding = new Map()) => ({
			call: translateCall,
			subscripts,
			binding,
			controls,
			lookups: new Set(),
			macros: names,
			variable: `${part.name}: ${variable}`,
			line
		}));
		diagnostics.push(...built.diagnostics);
		const variables = connectStocks(built.variables, built.stocks);
		return {
			name: part.name,
			parameters: part.parameters.map((name) => ({ name })),
			equation: identifier(part.name),
			variables
		};
	});
}
