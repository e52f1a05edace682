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
const isObject = (x: unknown): x is Json =>
	typeof x === 'object' && x !== null && !Array.isArray(x);
const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function validateModel(model: unknown, where = 'model'): Diagnostic[] {
	const problems: Diagnostic[] = [];
	const error = (message: string, variable?: string) =>
		problems.push({ severity: 'error', message, variable });
	if (!isObject(model)) {
		error(`${where} must be an object`);
		return problems;
	}
	validateSimSpecs(model.simSpecs, `${where}.simSpecs`, error);
	if (!Array.isArray(model.variables)) {
		error(`${where}.variables must be a list of variables`);
		return problems;
	}
	problems.push(...validateVariables(model.variables, where));
	problems.push(...validateModules(model, where));
	return problems;
}

/**
 * The rules every list of variables keeps: names and ids unique, stocks listing flows that exist.
 * A submodel's or macro's messages say where (`nested`), as its names may repeat the model's.
 */
function validateVariables(variables: unknown[], where: string, nested = false): Diagnostic[] {
	const problems: Diagnostic[] = [];
	const error = (message: string, variable?: string) =>
		problems.push({ severity: 'error', message, variable });
	const ids = new Map<string, string>();
	const names = new Map<string, string>();
	const flowIds = new Set<string>();
	for (const v of variables)
		if (isObject(v) && v.kind === 'flow' && typeof v.id === 'string') flowIds.add(v.id);

	variables.forEach((v: unknown, i: number) => {
		const at = `${where}.variables[${i}]`;
		if (!isObject(v)) return error(`${at} must be an object`);
		const label = typeof v.name === 'string' && v.name.trim() ? v.name : undefined;
		const fail = (message: string) =>
			error(label ? (nested ? `${where}: ${message}` : message) : `${at}: ${message}`, label);
		if (!label) fail('has no name');
		if (typeof v.id !== 'string' || !v.id) fail('has no id');
		else if (ids.has(v.id)) fail(`has the id "${v.id}", already used by "${ids.get(v.id)}"`);
		else ids.set(v.id, label ?? at);
		if (label) {
			const key = canonicalName(label);
			if (names.has(key))
				fail(
					`has the same name as "${names.get(key)}" (names ignore case, spaces and underscores)`
				);
			else names.set(key, label);
		}
		if (!KINDS.includes(v.kind as string))
			return fail(`has kind ${JSON.stringify(v.kind)}; it must be stock, flow, aux or gf`);
		for (const field of ['units', 'documentation'] as const) {
			if (v[field] !== undefined && typeof v[field] !== 'string') fail(`${field} must be text`);
		}
		if (
			v.position !== undefined &&
			!(isObject(v.position) && isFiniteNumber(v.position.x) && isFiniteNumber(v.position.y))
		) {
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
					if (typeof id !== 'string' || !flowIds.has(id))
						fail(`lists ${JSON.stringify(id)} in its ${list}, but there is no flow with that id`);
				}
			}
		} else if (v.kind !== 'gf' && typeof v.equation !== 'string') {
			fail('needs an equation (as text)');
		}
		if (v.kind === 'gf' && v.graphical === undefined)
			fail('is a graphical function without points');
		if (v.graphical !== undefined) validateGraphical(v.graphical, fail);
	});
	return problems;
}

/**
 * Submodels and macros keep the variable rules too; each module instance must be named once in
 * its model and instantiate a submodel the model defines; submodel and macro names are unique.
 */
function validateModules(model: Json, where: string): Diagnostic[] {
	const problems: Diagnostic[] = [];
	const error = (message: string, variable?: string) =>
		problems.push({ severity: 'error', message, ...(variable !== undefined && { variable }) });
	const submodels = Array.isArray(model.submodels) ? model.submodels.filter(isObject) : [];
	const submodelNames = new Set(
		submodels.map((s) => (typeof s.name === 'string' ? canonicalName(s.name) : ''))
	);
	const label = (list: string, i: number, name: unknown) =>
		`${where}.${list}[${i}]${typeof name === 'string' ? ` (${JSON.stringify(name)})` : ''}`;
	const instances = (scope: Json, at: string) => {
		if (!Array.isArray(scope.modules)) return;
		const names = new Set<string>();
		for (const m of scope.modules) {
			if (!isObject(m) || typeof m.name !== 'string') continue;
			const key = canonicalName(m.name);
			if (names.has(key)) error(`${at}: the module "${m.name}" is placed twice`, m.name);
			names.add(key);
			const model = typeof m.model === 'string' ? m.model : m.name;
			if (!submodelNames.has(canonicalName(model)))
				error(
					`${at}: the module "${m.name}" is an instance of "${model}", which is not one of the submodels`,
					m.name
				);
		}
	};
	instances(model, where);
	const unique = (list: string, items: Json[]) => {
		const seen = new Set<string>();
		items.forEach((item, i) => {
			if (typeof item.name !== 'string') return;
			if (seen.has(canonicalName(item.name)))
				error(`${label(list, i, item.name)}: another of the ${list} has this name`);
			seen.add(canonicalName(item.name));
		});
	};
	unique('submodels', submodels);
	submodels.forEach((s, i) => {
		if (Array.isArray(s.variables))
			problems.push(...validateVariables(s.variables, label('submodels', i, s.name), true));
		instances(s, label('submodels', i, s.name));
	});
	const macros = Array.isArray(model.macros) ? model.macros.filter(isObject) : [];
	unique('macros', macros);
	macros.forEach((m, i) => {
		if (Array.isArray(m.variables))
			problems.push(...validateVariables(m.variables, label('macros', i, m.name), true));
	});
	return problems;
}

function validateSimSpecs(specs: unknown, at: string, error: (m: string) => void): void {
	if (!isObject(specs)) return error(`${at} is missing: the model needs start, stop and dt`);
	for (const field of ['start', 'stop', 'dt'] as const) {
		if (!isFiniteNumber(specs[field]))
			error(`${at}.${field} must be a number (it is ${JSON.stringify(specs[field])})`);
	}
	if (specs.saveStep !== undefined && !isFiniteNumber(specs.saveStep))
		error(`${at}.saveStep must be a number`);
	if (specs.method !== undefined && !['euler', 'rk2', 'rk4'].includes(specs.method as string)) {
		error(`${at}.method must be "euler", "rk2" or "rk4" (it is ${JSON.stringify(specs.method)})`);
	}
}

function validateGraphical(gf: unknown, fail: (m: string) => void): void {
	if (!isObject(gf)) return fail('graphical must be an object with xs and ys');
	if (gf.type !== undefined && !GF_TYPES.includes(gf.type as string))
		fail(`graphical.type must be continuous, extrapolate or discrete`);
	if (!Array.isArray(gf.xs) || !Array.isArray(gf.ys))
		return fail('graphical needs xs and ys lists');
	if (gf.xs.length !== gf.ys.length)
		fail(`graphical has ${gf.xs.length} x values but ${gf.ys.length} y values`);
	if (![...gf.xs, ...gf.ys].every(isFiniteNumber)) fail('graphical points must all be numbers');
}

/** Narrows after validation: a model with no errors has the Model shape. */
export function isValidModel(model: unknown): model is Model {
	return validateModel(model).length === 0;
}
