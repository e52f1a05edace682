/**
 * Shape checks for a model (and, in document.ts, the notebook around it). A document can come
 * from a file, a link or an older version, so nothing is trusted: every problem names the
 * variable (or field) and says what is wrong. Equations are checked later, by the compiler.
 */
import type { Diagnostic } from './diagnostics';
import { canonicalName } from './names';
import type { Model } from './types';

const KINDS = ['stock', 'flow', 'aux', 'gf'];
const GF_TYPES = ['continuous', 'extrapolate', 'discrete'];

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function validateModel(model: unknown, where = 'model'): Diagnostic[] {
	const problems: Diagnostic[] = [];
	const error = (message: string, variable?: string) => problems.push({ severity: 'error', message, variable });
	if (!isObject(model)) {
		error(`${where} must be an object`);
		return problems;
	}
	validateSimSpecs(model.simSpecs, `${where}.simSpecs`, error);
	if (!Array.isArray(model.variables)) {
		error(`${where}.variables must be a list of variables`);
		return problems;
	}

	const ids = new Map<string, string>();
	const names = new Map<string, string>();
	const flowIds = new Set<string>();
	for (const v of model.variables) if (isObject(v) && v.kind === 'flow' && typeof v.id === 'string') flowIds.add(v.id);

	model.variables.forEach((v: unknown, i: number) => {
		const at = `${where}.variables[${i}]`;
		if (!isObject(v)) return error(`${at} must be an object`);
		const label = typeof v.name === 'string' && v.name.trim() ? v.name : undefined;
		const fail = (message: string) => error(label ? message : `${at}: ${message}`, label);
		if (!label) fail('has no name');
		if (typeof v.id !== 'string' || !v.id) fail('has no id');
		else if (ids.has(v.id)) fail(`has the id "${v.id}", already used by "${ids.get(v.id)}"`);
		else ids.set(v.id, label ?? at);
		if (label) {
			const key = canonicalName(label);
			if (names.has(key)) fail(`has the same name as "${names.get(key)}" (names ignore case, spaces and underscores)`);
			else names.set(key, label);
		}
		if (!KINDS.includes(v.kind as string)) return fail(`has kind ${JSON.stringify(v.kind)}; it must be stock, flow, aux or gf`);
		for (const field of ['units', 'documentation'] as const) {
			if (v[field] !== undefined && typeof v[field] !== 'string') fail(`${field} must be text`);
		}
		if (v.position !== undefined && !(isObject(v.position) && isFiniteNumber(v.position.x) && isFiniteNumber(v.position.y))) {
			fail('position must have numeric x and y');
		}
		if (v.kind === 'stock') {
			if (typeof v.initial !== 'string') fail('needs an initial value (an equation, as text)');
			for (const list of ['inflows', 'outflows'] as const) {
				if (!Array.isArray(v[list])) {
					fail(`${list} must be a list of flow ids`);
					continue;
				}
				for (const id of v[list] as unknown[]) {
					if (typeof id !== 'string' || !flowIds.has(id)) fail(`lists ${JSON.stringify(id)} in its ${list}, but there is no flow with that id`);
				}
			}
		} else if (v.kind !== 'gf' && typeof v.equation !== 'string') {
			fail('needs an equation (as text)');
		}
		if (v.kind === 'gf' && v.graphical === undefined) fail('is a graphical function without points');
		if (v.graphical !== undefined) validateGraphical(v.graphical, fail);
	});
	return problems;
}

function validateSimSpecs(specs: unknown, at: string, error: (m: string) => void): void {
	if (!isObject(specs)) return error(`${at} is missing: the model needs start, stop and dt`);
	for (const field of ['start', 'stop', 'dt'] as const) {
		if (!isFiniteNumber(specs[field])) error(`${at}.${field} must be a number (it is ${JSON.stringify(specs[field])})`);
	}
	if (specs.saveStep !== undefined && !isFiniteNumber(specs.saveStep)) error(`${at}.saveStep must be a number`);
	if (specs.method !== undefined && !['euler', 'rk2', 'rk4'].includes(specs.method as string)) {
		error(`${at}.method must be "euler", "rk2" or "rk4" (it is ${JSON.stringify(specs.method)})`);
	}
}

function validateGraphical(gf: unknown, fail: (m: string) => void): void {
	if (!isObject(gf)) return fail('graphical must be an object with xs and ys');
	if (gf.type !== undefined && !GF_TYPES.includes(gf.type as string)) fail(`graphical.type must be continuous, extrapolate or discrete`);
	if (!Array.isArray(gf.xs) || !Array.isArray(gf.ys)) return fail('graphical needs xs and ys lists');
	if (gf.xs.length !== gf.ys.length) fail(`graphical has ${gf.xs.length} x values but ${gf.ys.length} y values`);
	if (![...gf.xs, ...gf.ys].every(isFiniteNumber)) fail('graphical points must all be numbers');
}

/** Narrows after validation: a model with no errors has the Model shape. */
export function isValidModel(model: unknown): model is Model {
	return validateModel(model).length === 0;
}
