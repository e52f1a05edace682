/**
 * `<behavior>` defaults for non-negative stocks and flows (XMILE 1.0 §2.6).
 *
 * The spec cascades from the entity outwards: the variable's own <non_negative>, then the
 * model's <behavior>, then the file's, then the default (not non-negative). Inside one block,
 * <stock>/<flow> settings are more specific than a bare <non_negative/> and win over it.
 * We resolve all of this at import so each stock and flow carries an explicit flag.
 */
import type { Report } from './report';
import { child, type XmlElement } from './xml-tree';

export interface NonNegativeDefaults {
	stock: boolean;
	flow: boolean;
}

/** Blocks in cascade order, outermost first: the file's <behavior>, then the model's. */
export function readBehavior(blocks: XmlElement[], report: Report): NonNegativeDefaults {
	const defaults: NonNegativeDefaults = { stock: false, flow: false };
	for (const block of blocks) {
		const all = readNonNegative(child(block, 'non_negative'), report);
		if (all !== undefined) defaults.stock = defaults.flow = all;
		for (const kind of ['stock', 'flow'] as const) {
			const section = child(block, kind);
			const value = section && readNonNegative(child(section, 'non_negative'), report);
			if (value !== undefined) defaults[kind] = value;
		}
	}
	return defaults;
}

/**
 * A <non_negative> element: empty or "true" means on, "false" means off (the per-variable
 * override test_non_negative_all2.xmile uses). Undefined when the element is absent.
 */
export function readNonNegative(
	element: XmlElement | undefined,
	report: Report,
	variable?: string
): boolean | undefined {
	if (!element) return undefined;
	const text = element.text.trim().toLowerCase();
	if (text === '' || text === 'true') return true;
	if (text === 'false') return false;
	const message = `<non_negative> should be empty, true or false, not "${element.text.trim()}"`;
	report.warning(`${message}; taken as true`, element, variable);
	return true;
}
