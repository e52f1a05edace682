/**
 * What the diagram marks on a variable: errors from the compiler, unit warnings, and connectors
 * that disagree with the equations (an equation using a variable no connector brings in, or a
 * connector whose variable the equation does not use). Worked out in the worker, from the
 * diagnostics of the compile it makes anyway: the page never compiles a model itself.
 */
import { isPerElement } from '../model/arrays';
import type { Diagnostic } from '../model/diagnostics';
import { canonicalName } from '../model/names';
import type { Model } from '../model/types';
import { nameSpans } from '../engine/parse/equation-names';

export interface VariableWarnings {
	level: 'error' | 'warning';
	messages: string[];
	/** The diagnostics with positions in the variable's equation, for the editor. */
	diagnostics: Diagnostic[];
}

export interface ModelWarnings {
	byVariable: Map<string, VariableWarnings>;
	/** Connector id → why it is flagged. */
	connectors: Map<string, string>;
}

/** Nothing flagged: before the first compile has answered. */
export const NO_WARNINGS: ModelWarnings = { byVariable: new Map(), connectors: new Map() };

/**
 * The marks for `model`, given what its compile (and, once they have run, its unit checks) found.
 * Plain Maps of plain data, so they cross to the page by structured clone.
 */
export function modelWarnings(model: Model, diagnostics: readonly Diagnostic[]): ModelWarnings {
	const byVariable = new Map<string, VariableWarnings>();
	const connectors = new Map<string, string>();
	const idByName = new Map(model.variables.map((v) => [canonicalName(v.name), v.id]));
	const nameById = new Map(model.variables.map((v) => [v.id, v.name]));
	const add = (id: string, d: Diagnostic) => {
		const w = byVariable.get(id) ?? { level: 'warning', messages: [], diagnostics: [] };
		if (d.severity === 'error') w.level = 'error';
		if (!w.messages.includes(d.message)) w.messages.push(d.message);
		w.diagnostics.push(d);
		byVariable.set(id, w);
	};

	for (const d of diagnostics) {
		const id = d.variable !== undefined ? idByName.get(canonicalName(d.variable)) : undefined;
		if (id) add(id, d);
	}

	// A connector out of an alias brings in the variable the alias draws.
	const aliasOf = new Map((model.diagram?.aliases ?? []).map((a) => [a.id, a.of]));
	const links = (model.diagram?.connectors ?? []).map((c) =>
		aliasOf.has(c.from) ? { ...c, from: aliasOf.get(c.from)! } : c
	);
	for (const v of model.variables) {
		if (v.kind !== 'flow' && v.kind !== 'aux') continue;
		// Element by element, the elements' own equations are what the variable uses.
		const equations = isPerElement(v) ? v.elements!.map((e) => e.equation ?? '') : [v.equation];
		const used = new Set(
			equations
				.flatMap((text) => nameSpans(text))
				.map((s) => idByName.get(s.canonical))
				.filter((id): id is string => !!id && id !== v.id)
		);
		const incoming = links.filter((c) => c.to === v.id);
		for (const u of used) {
			if (!incoming.some((c) => c.from === u)) {
				add(v.id, {
					severity: 'warning',
					variable: v.name,
					message: `uses "${nameById.get(u)}" but no connector brings it in`
				});
			}
		}
		for (const c of incoming) {
			if (!used.has(c.from) && nameById.has(c.from)) {
				const message = `a connector brings in "${nameById.get(c.from)}" but the equation does not use it`;
				connectors.set(c.id, message);
				add(v.id, { severity: 'warning', variable: v.name, message });
			}
		}
	}
	return { byVariable, connectors };
}
