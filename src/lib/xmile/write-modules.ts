/**
 * Modules as XMILE writes them (§4.7): each module instance as a <module> among the variables of
 * the model it sits in, its inputs as <connect to="module.input" from=".source"/> (Stella's
 * spelling: a source with no module of its own starts with "."), and each submodel as a
 * <model name> after the root model. modules.ts reads both this and go-xmile's spelling.
 */
import type { Model, ModuleConnection, ModuleInstance, SubModel } from '../model/types';
import { canonicalName } from '../model/names';
import { toNameAttribute, toReference } from './identifiers';
import { needsExactName, writeVariable } from './write-variable';
import { writeViews } from './write-views';
import { element, type XmlNode } from './xml-writer';

export function writeModule(module: ModuleInstance): XmlNode {
	const model =
		module.model !== undefined && canonicalName(module.model) !== canonicalName(module.name)
			? module.model
			: undefined;
	return element(
		'module',
		{ name: toNameAttribute(module.name), 'flowbook:model': model },
		(module.connections ?? []).map((c) => writeConnection(module, c)),
		module.documentation ? element('doc', {}, module.documentation) : undefined
	);
}

function writeConnection(module: ModuleInstance, connection: ModuleConnection): XmlNode {
	const path = (name: string) => name.split('.').map(toReference).join('.');
	const from = connection.from.includes('.')
		? path(connection.from)
		: `.${toReference(connection.from)}`;
	const to = connection.to.startsWith('.')
		? `.${path(connection.to.slice(1))}`
		: `${toReference(module.name)}.${path(connection.to)}`;
	return element('connect', { to, from });
}

export function writeSubmodel(submodel: SubModel): { node: XmlNode; usesFlowbook: boolean } {
	const byId = new Map(submodel.variables.map((v) => [v.id, v]));
	const views = writeViews(submodel);
	return {
		node: element(
			'model',
			{ name: submodel.name },
			element(
				'variables',
				{},
				submodel.variables.map((v) => writeVariable(v, byId)),
				(submodel.modules ?? []).map(writeModule)
			),
			views.node && element('views', {}, views.node)
		),
		usesFlowbook:
			views.usesFlowbook ||
			submodel.variables.some((v) => needsExactName(v.name)) ||
			usesFlowbookInModules(submodel)
	};
}

/** Whether a module names its submodel apart from its own name (written as flowbook:model). */
export function usesFlowbookInModules(model: Pick<Model, 'modules'>): boolean {
	return (model.modules ?? []).some(
		(m) => m.model !== undefined && canonicalName(m.model) !== canonicalName(m.name)
	);
}
