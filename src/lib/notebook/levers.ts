/**
 * Adding, editing and removing levers: pure functions from one document to the next, so the
 * notebook can keep the old one for undo.
 */
import type { FlowbookDocument, Lever } from '../model/types';

/** Why a lever cannot be kept as it is, in words, or undefined when it can. */
export function leverProblem(lever: Lever): string | undefined {
	if (!lever.label.trim()) return 'give it a label';
	if (![lever.min, lever.max, lever.step].every(Number.isFinite))
		return 'min, max and step must be numbers';
	if (lever.min >= lever.max) return 'min must be below max';
	if (lever.step <= 0) return 'the step must be above zero';
	return undefined;
}

/**
 * A lever on a constant of value `value` (or on an arrayed constant's element values): from zero
 * (or twice below) to twice the largest, in about 100 steps. An arrayed constant whose elements
 * differ gets a slider per element; one whose elements are all alike, one slider for all.
 */
export function defaultLever(
	variable: string,
	label: string,
	value: number | readonly number[]
): Lever {
	const values = typeof value === 'number' ? [value] : value.length ? value : [0];
	const low = Math.min(0, ...values.map((v) => 2 * v));
	const high = Math.max(0, ...values.map((v) => 2 * v));
	const [min, max] = low === high ? [0, 2] : [low, high];
	const step = 10 ** Math.floor(Math.log10((max - min) / 100));
	const lever: Lever = { variable, label, min, max, step: Number(step.toPrecision(1)) };
	return typeof value === 'number'
		? lever
		: { ...lever, perElement: values.some((v) => v !== values[0]) };
}

/** Adds a lever (one per constant), also to `cellId`'s list when that levers cell names its levers. */
export function addLever(
	document: FlowbookDocument,
	lever: Lever,
	cellId?: string
): FlowbookDocument {
	if (document.levers.some((l) => l.variable === lever.variable)) return document;
	const cells = document.cells.map((c) =>
		c.id === cellId && c.kind === 'levers' && c.levers
			? { ...c, levers: [...c.levers, lever.variable] }
			: c
	);
	return { ...document, levers: [...document.levers, lever], cells };
}

export function updateLever(
	document: FlowbookDocument,
	variable: string,
	patch: Partial<Omit<Lever, 'variable'>>
): FlowbookDocument {
	const lever = document.levers.find((l) => l.variable === variable);
	if (!lever || Object.entries(patch).every(([k, v]) => lever[k as keyof Lever] === v))
		return document;
	return {
		...document,
		levers: document.levers.map((l) => (l === lever ? { ...l, ...patch } : l))
	};
}

/** Removes a lever, and its place in every levers cell that lists it. */
export function removeLever(document: FlowbookDocument, variable: string): FlowbookDocument {
	if (!document.levers.some((l) => l.variable === variable)) return document;
	const cells = document.cells.map((c) =>
		c.kind === 'levers' && c.levers?.includes(variable)
			? { ...c, levers: c.levers.filter((v) => v !== variable) }
			: c
	);
	return { ...document, levers: document.levers.filter((l) => l.variable !== variable), cells };
}
