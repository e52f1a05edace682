/**
 * Modules (XMILE 1.0 §3.7, §4.7): each module instance's variables join the model around it
 * under a dotted prefix, so the hares module's stock "hares" runs, and reports, as "hares.hares".
 *
 *   root:   area = 1000;  module hares { connect area ← .area }
 *   hares:  hares (stock), hare density = hares / area, area (input)
 *   flat:   area = 1000;  hares.hares;  hares.hare density = hares.hares / hares.area;
 *           hares.area = area
 *
 * A connected input becomes the outer variable (an alias keeps its name, so charts of it work);
 * an input left unconnected keeps its own equation, and is an error when it has none. Modules
 * inside modules flatten the same way, one more segment each. A connection may also set a
 * variable around the module from one of its outputs, or an input of a module inside it.
 */
import type { Diagnostic } from '../../model/diagnostics';
import { namesInScope, submodelOf } from '../../model/modules';
import { canonicalName } from '../../model/names';
import type {
	Model,
	ModuleConnection,
	ModuleInstance,
	SubModel,
	Variable
} from '../../model/types';
import { findBuiltin, RUN_CONSTANTS } from '../builtins';
import { ParseError } from '../parse/ast';
import { parseEquation } from '../parse/parser';
import type { FlattenResult } from './index';
import { flowsWithoutEquations } from '../conveyors';
import { moduleBudgetProblem } from './module-budget';
import { equationOf, withConveyorRewritten, withEquation } from './internal';
import { applyEdits, isBlankEquation, reference, walk, type Edit } from './rewrite';

export function flattenModules(model: Model): FlattenResult {
	if (!model.modules?.length && !model.submodels?.length)
		return { ok: true, model, diagnostics: [] };
	const tooMany = moduleBudgetProblem(model);
	if (tooMany) return { ok: false, diagnostics: [{ severity: 'error', message: tooMany }] };
	const flattener = new ModuleFlattener(model);
	const variables = [...model.variables];
	const rootNames = namesInScope(model, model);
	for (const instance of model.modules ?? [])
		flattener.instantiate(instance, '', rootNames, [], variables);
	flattener.connect(variables);
	const { modules: _modules, submodels: _submodels, ...rest } = model;
	const diagnostics = flattener.diagnostics;
	if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
	return { ok: true, model: { ...rest, variables }, diagnostics };
}

/** A connection, resolved: the variable it sets (by flat canonical name) and what feeds it. */
interface Wire {
	source: string;
	/** The module whose <connect> it is, for messages. */
	module: string;
}

class ModuleFlattener {
	readonly diagnostics: Diagnostic[] = [];
	/** Names readable inside each submodel, worked out once. */
	readonly #names = new Map<SubModel, Map<string, string>>();
	/** Every connection of every instance, by the flat canonical name of the variable it sets. */
	readonly #wires = new Map<string, Wire>();
	/** The variables of instances, by flat canonical name, with the module they belong to. */
	readonly #members = new Map<string, { module: string; variable: Variable }>();

	constructor(readonly model: Model) {}

	#ends: Set<string> | undefined;
	#beltEnds(out: Variable[]): Set<string> {
		if (!this.#ends) {
			const byId = new Map(out.map((v) => [v.id, v]));
			this.#ends = flowsWithoutEquations(out, (ref) => {
				const variable = byId.get(ref);
				return variable && { variable };
			});
		}
		return this.#ends;
	}

	error(message: string, variable?: string): void {
		this.diagnostics.push({
			severity: 'error',
			message,
			...(variable !== undefined && { variable })
		});
	}

	namesIn(submodel: SubModel): Map<string, string> {
		let names = this.#names.get(submodel);
		if (!names) this.#names.set(submodel, (names = namesInScope(this.model, submodel, [submodel])));
		return names;
	}

	/**
	 * Adds one instance's variables to `out`, and notes its connections. `outer` is the path of
	 * the model around it ('' at the root) and `outerNames` what can be read there.
	 */
	instantiate(
		instance: ModuleInstance,
		outer: string,
		outerNames: Map<string, string>,
		within: SubModel[],
		out: Variable[]
	): void {
		const path = outer ? `${outer}.${instance.name}` : instance.name;
		const submodel = submodelOf(this.model, instance);
		if (!submodel) {
			const wanted = instance.model ?? instance.name;
			const known = (this.model.submodels ?? []).map((s) => `"${s.name}"`).join(', ');
			this.error(
				`module "${path}" is an instance of the model "${wanted}", which is not defined${known ? ` (the file defines ${known})` : ''}`,
				path
			);
			return;
		}
		if (within.includes(submodel)) {
			const chain = [...within, submodel].map((s) => `"${s.name}"`).join(' → ');
			this.error(
				`module "${path}" contains itself: ${chain}. A model cannot be a module of itself`,
				path
			);
			return;
		}
		const local = this.namesIn(submodel);
		for (const connection of instance.connections ?? [])
			this.wire(connection, instance, path, local, outer, outerNames);
		for (const variable of submodel.variables) {
			const name = `${path}.${variable.name}`;
			const copy = this.copy(variable, name, `${path}.${variable.id}`, path, local);
			this.#members.set(canonicalName(name), { module: path, variable });
			out.push(copy);
		}
		for (const inner of submodel.modules ?? [])
			this.instantiate(inner, path, local, [...within, submodel], out);
	}

	/**
	 * One <connect>. The variable it sets (`to`) is an input of the module, or of a module inside
	 * it ("inner.x"), or with a leading dot a variable around the module that reads one of the
	 * module's outputs (XMILE 1.0 §4.7.1). What feeds it (`from`) is named where the module sits.
	 */
	wire(
		connection: ModuleConnection,
		instance: ModuleInstance,
		path: string,
		local: Map<string, string>,
		outer: string,
		outerNames: Map<string, string>
	): void {
		const flat = (scope: string, name: string) => (scope ? `${scope}.${name}` : name);
		const to = (connection.to ?? '').trim();
		let target: string | undefined;
		if (to.startsWith('.')) {
			const found = outerNames.get(canonicalName(to.slice(1)));
			if (!found) {
				this.error(
					`the connection from "${path}.${connection.from}" to "${to.slice(1)}" cannot be made: there is no "${to.slice(1)}" in the model around module "${path}"; check the spelling of to="${to}"`,
					path
				);
				return;
			}
			target = flat(outer, found);
		} else {
			let key = canonicalName(to);
			// Stella writes the input with the module's name in front ("hares.area").
			const own = canonicalName(instance.name) + '.';
			if (!local.has(key) && key.startsWith(own)) key = key.slice(own.length);
			const found = local.get(key);
			if (!found) {
				const submodel = instance.model ?? instance.name;
				this.error(
					`the connection from "${connection.from}" to "${path}.${to}" cannot be made: the model "${submodel}" of module "${path}" has no variable "${to}"; check the spelling, and that the input is a variable of that model`,
					path
				);
				return;
			}
			target = `${path}.${found}`;
		}
		// ".area" is the model around the module; "lynxes.lynxes" a variable of a sibling module.
		const from = (connection.from ?? '').trim().replace(/^\./, '');
		const source = outerNames.get(canonicalName(from));
		if (!source) {
			this.error(
				`the connection from "${from}" to "${target}" cannot be made: there is no "${from}" around module "${path}"; check the spelling, and that it is a variable of the model around the module or an output of a module beside it (written module.variable)`,
				target
			);
			return;
		}
		const key = canonicalName(target);
		const earlier = this.#wires.get(key);
		if (earlier) {
			this.error(
				`"${target}" is connected twice, by module "${earlier.module}" and by module "${path}"`,
				target
			);
			return;
		}
		this.#wires.set(key, { source: flat(outer, source), module: path });
	}

	/**
	 * Every connected variable becomes the variable feeding it; an unconnected one keeps its own
	 * equation, and one with none is an error that names the module and the input.
	 */
	connect(out: Variable[]): void {
		out.forEach((variable, i) => {
			const key = canonicalName(variable.name);
			const wire = this.#wires.get(key);
			if (wire) {
				out[i] = alias(variable, wire.source);
				return;
			}
			const member = this.#members.get(key);
			if (!member || variable.kind === 'gf' || !isBlankEquation(equationOf(variable))) return;
			// A conveyor's outflow comes off its belt: it has no equation of its own.
			if (this.#beltEnds(out).has(variable.id)) return;
			this.error(
				member.variable.access === 'input'
					? `"${variable.name}" is an input of module "${member.module}" and is not connected: connect it to a variable outside the module, or give it an equation`
					: `"${variable.name}" has no equation, and no connection of module "${member.module}" sets it`,
				variable.name
			);
		});
	}

	/** A variable of the submodel under its flat name, its equation reading flat names. */
	copy(
		variable: Variable,
		name: string,
		id: string,
		path: string,
		local: Map<string, string>
	): Variable {
		const source = equationOf(variable);
		const renamed = withConveyorRewritten(
			source === undefined ? variable : withEquation(variable, prefixNames(source, path, local)),
			(setting) => prefixNames(setting, path, local)
		);
		const copy = { ...renamed, id, name };
		if (copy.kind === 'stock') {
			copy.inflows = (copy.inflows ?? []).map((f) => `${path}.${f}`);
			copy.outflows = (copy.outflows ?? []).map((f) => `${path}.${f}`);
		}
		return copy;
	}
}

/**
 * A connected input: the outer variable under the input's name. A flow stays a flow (a stock of
 * the module may list it); anything else reads as an auxiliary.
 */
function alias(input: Variable, source: string): Variable {
	const common = {
		id: input.id,
		name: input.name,
		...(input.units !== undefined && { units: input.units }),
		...(input.access && { access: input.access })
	};
	if (input.kind === 'flow')
		return {
			...common,
			kind: 'flow',
			equation: reference(source),
			...(input.uniflow && { uniflow: true })
		};
	return { ...common, kind: 'aux', equation: reference(source) };
}

/**
 * The equation with every name of the submodel prefixed by the instance's path. A name the
 * submodel lacks (and that is not TIME, DT or a function) is prefixed too, so the compiler
 * reports "hares.foo" as unknown rather than quietly reading a "foo" outside the module.
 * An equation that does not parse is left for the compiler to report.
 */
function prefixNames(source: string, path: string, local: Map<string, string>): string {
	let ast;
	try {
		ast = parseEquation(source);
	} catch (e) {
		if (e instanceof ParseError || e instanceof RangeError) return source;
		throw e;
	}
	const edits: Edit[] = [];
	walk(ast, (e, inIndex) => {
		if (e.type === 'name') {
			const found = local.get(e.canonical);
			if (found !== undefined)
				edits.push({ start: e.start, end: e.end, text: reference(`${path}.${found}`) });
			else if (
				!inIndex &&
				e.canonical !== '*' &&
				!RUN_CONSTANTS.has(e.canonical) &&
				e.canonical !== 'self' &&
				!findBuiltin(e.canonical)
			) {
				edits.push({ start: e.start, end: e.end, text: reference(`${path}.${e.name}`) });
			}
		} else if (e.type === 'call') {
			// A graphical function of the submodel, called as table(x).
			const found = local.get(e.canonical);
			if (found !== undefined)
				edits.push({
					start: e.nameSpan.start,
					end: e.nameSpan.end,
					text: reference(`${path}.${found}`)
				});
		}
	});
	return applyEdits(source, edits);
}
