/**
 * Diagnostics while reading a file. Every one names the file line (and the variable when there
 * is one), so that a planner can find what the message is about.
 */
import type { Diagnostic } from '../model/diagnostics';
import type { XmlElement } from './xml-tree';

export class Report {
	readonly diagnostics: Diagnostic[] = [];

	error(message: string, at?: XmlElement, variable?: string): void {
		this.add('error', message, at, variable);
	}

	warning(message: string, at?: XmlElement, variable?: string): void {
		this.add('warning', message, at, variable);
	}

	private add(
		severity: Diagnostic['severity'],
		message: string,
		at: XmlElement | undefined,
		variable: string | undefined
	): void {
		const d: Diagnostic = { severity, message };
		if (variable !== undefined) d.variable = variable;
		if (at) {
			d.line = at.line;
			d.column = at.column;
		}
		this.diagnostics.push(d);
	}
}
