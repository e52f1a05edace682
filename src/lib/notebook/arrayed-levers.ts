/**
 * Levers on constants, arrayed ones included. A lever on an arrayed constant shows one slider
 * that sets every element to one value (overriding the constant by its own name), or, when
 * `perElement`, one slider per element (overriding `Name[North]`). These pure functions say
 * which sliders a lever shows, where each starts, and which overrides their positions make.
 *
 *   leverSliders(model, { variable: 'beds', perElement: true, … })
 *   // [{ key: 'beds[North]', override: 'Beds[North]', element: 'North', own: 110, start: 110 }, …]
 */
import {
	elementName,
	elementSubscripts,
	isArrayed,
	isPerElement,
	sameSubscript,
	splitElementName
} from '../model/arrays';
import { findVariable } from '../model/lookup';
import { canonicalName } from '../model/names';
import type { Lever, Model, Variable } from '../model/types';

/** A plain number, as a constant's equation holds it ("21", " 0.5 ", "1e3"). */
export function numberIn(text: string | undefined): number | undefined {
	if (typeof text !== 'string' || text.trim() === '') return undefined;
	const value = Number(text.trim());
	return Number.isFinite(value) ? value : undefined;
}

/** "110, 140, 75": one number per element, as an apply-to-all equation may list them (XMILE). */
function numberList(text: string | undefined): number[] | undefined {
	if (typeof text !== 'string' || !/[,;]/.test(text)) return undefined;
	const parts = text.split(/[,;]/).map((s) => s.trim());
	if (parts.at(-1) === '') parts.pop();
	const values = parts.map(numberIn);
	return values.every((v) => v !== undefined) ? (values as number[]) : undefined;
}

/** One element of an arrayed constant and its own value. */
export interface ElementValue {
	subscript: string[];
	/** The element as the reader names it: "North", or "North, Adult" over two dimensions. */
	label: string;
	/** Its results' and overrides' name: "Beds[North]". */
	name: string;
	value: number;
}

/**
 * Each element's value of an arrayed constant: an apply-to-all number (or list of numbers), or
 * every element's own equation a number. Undefined when the variable is not arrayed, or is not
 * a constant in every element.
 */
export function elementValues(
	model: Pick<Model, 'dimensions'>,
	variable: Variable
): ElementValue[] | undefined {
	if (!isArrayed(variable) || variable.kind === 'stock' || variable.kind === 'gf') return undefined;
	const subscripts = elementSubscripts(model, variable);
	if (!subscripts?.length) return undefined;
	const own = Array.isArray(variable.elements) ? variable.elements : [];
	if (own.some((e) => e.graphical)) return undefined;
	const perElement = isPerElement(variable);
	const listed = perElement ? undefined : numberList(variable.equation);
	const shared = perElement || listed ? undefined : numberIn(variable.equation);
	if (listed && listed.length !== subscripts.length) return undefined;
	const values = subscripts.map((subscript, i) => {
		if (listed) return listed[i];
		if (!perElement) return shared;
		return numberIn(
			own.find((e) => Array.isArray(e.subscript) && sameSubscript(e.subscript, subscript))?.equation
		);
	});
	if (values.some((v) => v === undefined)) return undefined;
	return subscripts.map((subscript, i) => ({
		subscript,
		label: subscript.join(', '),
		name: elementName(variable.name, subscript),
		value: values[i]!
	}));
}

/** A constant's own values: one for a scalar constant, one per element for an arrayed one. */
export function constantValues(
	model: Pick<Model, 'dimensions'>,
	variable: Variable | undefined
): number[] | undefined {
	if (!variable || variable.kind === 'stock' || variable.kind === 'gf') return undefined;
	if (isArrayed(variable)) return elementValues(model, variable)?.map((e) => e.value);
	const value = numberIn(variable.equation);
	return value === undefined ? undefined : [value];
}

/** Whether a variable can carry a lever: a scalar constant, or an arrayed one (see elementValues). */
export function isLeverCandidate(model: Pick<Model, 'dimensions'>, variable: Variable): boolean {
	return constantValues(model, variable) !== undefined;
}

/** One slider of a lever: the whole constant, or one element of it. */
export interface LeverSlider {
	/** Where the reader's position is kept: the lever's variable id, or `id[North]` for one element. */
	key: string;
	/** The override its position makes: the constant's name (every element), or `Name[North]`. */
	override: string;
	/** The element it sets, for a slider per element. */
	subscript?: string[];
	/** "North", for a slider per element. */
	element?: string;
	/** The model's own value where the slider sets; undefined when the elements it sets differ (or it is no constant). */
	own: number | undefined;
	/** Where the slider stands until moved: the own value, the first element's, or the lever's min. */
	start: number;
	/** For one slider over elements that differ: each element's own value, to show until it is moved. */
	differing?: ElementValue[];
}

/** The sliders a lever shows; none when the model has no such variable. */
export function leverSliders(model: Model, lever: Lever): LeverSlider[] {
	const variable = findVariable(model, lever.variable);
	if (!variable) return [];
	const elements = elementValues(model, variable);
	if (!elements) {
		const own = constantValues(model, variable)?.[0];
		return [{ key: lever.variable, override: variable.name, own, start: own ?? lever.min }];
	}
	if (lever.perElement) {
		return elements.map((e) => ({
			key: elementName(lever.variable, e.subscript),
			override: e.name,
			subscript: e.subscript,
			element: e.label,
			own: e.value,
			start: e.value
		}));
	}
	const same = elements.every((e) => e.value === elements[0].value);
	return [
		{
			key: lever.variable,
			override: variable.name,
			own: same ? elements[0].value : undefined,
			start: elements[0].value,
			differing: same ? undefined : elements
		}
	];
}

/** The slider of `lever` that sets `subscript` (its only slider when no subscript is given). */
export function findSlider(
	model: Model,
	lever: Lever,
	subscript?: readonly string[]
): LeverSlider | undefined {
	const sliders = leverSliders(model, lever);
	return subscript
		? sliders.find((s) => s.subscript && sameSubscript(s.subscript, subscript))
		: sliders.length === 1 && !sliders[0].subscript
			? sliders[0]
			: undefined;
}

/**
 * The overrides the sliders' positions make, by override name, only where they move a constant
 * from its own value. A slider over elements that differ always overrides once moved: setting
 * every element to the first one's value still changes the others.
 */
export function leverOverrides(
	model: Model,
	levers: readonly Lever[],
	positions: Readonly<Record<string, number>>
): Record<string, number> {
	const overrides: Record<string, number> = {};
	for (const lever of levers) {
		for (const slider of leverSliders(model, lever)) {
			const value = positions[slider.key];
			if (value === undefined || value === slider.own) continue;
			overrides[slider.override] = value;
		}
	}
	return overrides;
}

/**
 * The slider positions a scenario's overrides give the levers. An override of a whole arrayed
 * constant moves each of its sliders; one element's override moves that element's slider, and a
 * single slider when the scenario sets every element to the same value. What no slider can show
 * (elements set to different values under one slider) is left out.
 */
export function positionsFromOverrides(
	model: Model,
	levers: readonly Lever[],
	overrides: Readonly<Record<string, number>>
): Record<string, number> {
	const byName = new Map(
		Object.entries(overrides).map(([name, value]) => [canonicalName(name), value])
	);
	const positions: Record<string, number> = {};
	for (const lever of levers) {
		const variable = findVariable(model, lever.variable);
		if (!variable) continue;
		const whole = byName.get(canonicalName(variable.name));
		const sliders = leverSliders(model, lever);
		for (const slider of sliders) {
			const value = byName.get(canonicalName(slider.override)) ?? whole;
			if (value !== undefined) positions[slider.key] = value;
			else if (slider.differing) {
				const each = slider.differing.map((e) => byName.get(canonicalName(e.name)));
				if (each.every((v) => v !== undefined && v === each[0])) positions[slider.key] = each[0]!;
			}
		}
	}
	return positions;
}

/**
 * Overrides in words, one constant at a time: "Community Beds 150 in North, 160 in Central;
 * Length of Stay 19 in every Locality; Step Down Start 120".
 */
export function describeOverrides(
	model: Model,
	overrides: Readonly<Record<string, number>>
): string {
	const groups = new Map<string, { name: string; whole?: number; elements: string[] }>();
	for (const [name, value] of Object.entries(overrides)) {
		const element = splitElementName(name);
		const base = element?.name ?? name;
		const variable = findVariable(model, base);
		const key = canonicalName(variable?.name ?? base);
		const group = groups.get(key) ?? { name: variable?.name ?? base, elements: [] };
		groups.set(key, group);
		if (element) group.elements.push(`${value} in ${element.subscript.join(', ')}`);
		else group.whole = value;
	}
	return [...groups.values()]
		.map(({ name, whole, elements }) => {
			const variable = findVariable(model, name);
			const every =
				variable && isArrayed(variable)
					? ` in every ${elements.length ? 'other ' : ''}${variable.dimensions!.join(' × ')}`
					: '';
			const parts = [...elements, ...(whole !== undefined ? [`${whole}${every}`] : [])];
			return `${name} ${parts.join(', ')}`;
		})
		.join('; ');
}
