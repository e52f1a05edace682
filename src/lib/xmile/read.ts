/**
 * Read an XMILE file (.xmile, .stmx) into a Flowbook model.
 *
 *   const { model, diagnostics, name } = readXmile(text);
 *
 * Modules (the named <model>s and the <module>s that place them) and macros are read by
 * modules.ts and macros.ts, a scope's variables by scope.ts, dimensions by dimensions.ts and an arrayed variable's parts by
 * arrays.ts. What the file says but Flowbook cannot run is reported as an error naming the
 * variable and line, and everything else is still read. Only a file that is not XMILE at all
 * (malformed XML, no <xmile> root, no <model>) throws, as an InputError.
 */
import { InputError, type Diagnostic } from '../model/diagnostics';
import type { Model } from '../model/types';
import { readBehavior } from './behavior';
import { readDimensions } from './dimensions';
import { readMacros } from './macros';
import { readModules } from './modules';
import { Report } from './report';
import { blocks, readScope } from './scope';
import { readSimSpecs } from './sim-specs';
import { readUnits } from './units';
import { child, childrenNamed, childText, parseXmlTree, type XmlElement } from './xml-tree';

export interface XmileReadResult {
	model: Model;
	diagnostics: Diagnostic[];
	/** model name from <model name> or header */
	name?: string;
}

const NAMESPACES = [
	'http://docs.oasis-open.org/xmile/ns/XMILE/v1.0',
	// The pre-standard namespace, still written by Stella 10 and go-xmile.
	'http://www.systemdynamics.org/XMILE'
];

export function readXmile(text: string): XmileReadResult {
	try {
		return read(text);
	} catch (err) {
		if (err instanceof InputError) throw err;
		// A bug here must not surface as a crash of whoever imports a file.
		const message = `Could not read the XMILE file: ${err instanceof Error ? err.message : String(err)}`;
		throw new InputError(message);
	}
}

function read(text: string): XmileReadResult {
	const root = parseXmlTree(text);
	if (root.name !== 'xmile') {
		throw fileError(
			`This is not an XMILE file: its root element is <${root.name}>, not <xmile>`,
			root
		);
	}
	const report = new Report();
	const namespace = root.attributes.xmlns;
	if (namespace !== undefined && !NAMESPACES.includes(namespace.trim())) {
		report.warning(`Unknown XMILE namespace "${namespace}"; reading it as XMILE 1.0`, root);
	}
	const model = rootModel(root);

	const simSpecs = readSimSpecs(blocks(root, model, 'sim_specs'), report);
	const defaults = readBehavior(blocks(root, model, 'behavior'), report);
	const units = readUnits(child(root, 'model_units'), report);
	const dimensions = readDimensions(child(root, 'dimensions'), report);

	const { variables, diagram, moduleElements } = readScope(model, defaults, report, dimensions);
	const { modules, submodels } = readModules(root, model, moduleElements, variables, report);
	const macros = readMacros(root, report);

	const result: XmileReadResult = {
		model: {
			simSpecs,
			variables,
			...(units.length > 0 && { units }),
			...(dimensions.length > 0 && { dimensions }),
			diagram,
			...(modules.length > 0 && { modules }),
			...(submodels.length > 0 && { submodels }),
			...(macros.length > 0 && { macros })
		},
		diagnostics: report.diagnostics
	};
	const header = child(root, 'header');
	const name = (header && childText(header, 'name')) ?? model.attributes.name?.trim();
	if (name) result.name = name;
	return result;
}

function fileError(message: string, at: XmlElement): InputError {
	return new InputError(`${message} (line ${at.line})`, [
		{ severity: 'error', message, line: at.line, column: at.column }
	]);
}

/**
 * The model to run. Files with modules hold one <model> per module, each named, plus the root
 * model, which has no name. A single model may carry a name (<model name="default">).
 */
function rootModel(root: XmlElement): XmlElement {
	const models = childrenNamed(root, 'model');
	const model = models.find((m) => m.attributes.name === undefined) ?? models[0];
	if (!model) throw fileError('The XMILE file has no <model>', root);
	return model;
}
