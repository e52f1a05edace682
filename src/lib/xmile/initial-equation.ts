/**
 * `<init_eqn>`: the value a variable takes at the start of the run only (how XMILE files from
 * xmutil carry Vensim's ACTIVE INITIAL, and how Simlin writes it). Flowbook keeps it in the
 * equation as `ACTIVE_INITIAL(equation, initial)`, so every pass (modules, arrays, macros)
 * rewrites both parts alike; the writer splits it back into <eqn> and <init_eqn>.
 *
 * A stock's value at the start is its initial value, so a stock's <init_eqn> is its initial
 * value; one that disagrees with the stock's own <eqn> is an error, never a silent choice.
 */
import { parseEquation } from '../engine/parse/parser';
import type { Report } from './report';
import { child, type XmlElement } from './xml-tree';

/** The equation to keep for a variable (or one array element) given its <eqn> text. */
export function withInitialEquation(
	owner: XmlElement,
	kind: 'stock' | 'flow' | 'aux',
	equation: string | undefined,
	name: string,
	report: Report
): string | undefined {
	const element = child(owner, 'init_eqn');
	const initial = element?.text.trim();
	if (!element || !initial) return equation;
	if (kind === 'stock') {
		if (equation !== undefined && equation !== initial) {
			report.error(
				`Stock "${name}" has two initial values, <eqn> "${equation}" and <init_eqn> "${initial}": keep one`,
				element,
				name
			);
		}
		return equation ?? initial;
	}
	if (equation === undefined) {
		report.error(
			`"${name}" has an <init_eqn> (its value at the start) but no <eqn> for the rest of the run`,
			element,
			name
		);
		return undefined;
	}
	return `ACTIVE_INITIAL(${equation}, ${initial})`;
}

/**
 * An equation that is one ACTIVE_INITIAL call, split into what <eqn> and <init_eqn> hold;
 * anything else is the <eqn> alone.
 */
export function splitInitialEquation(equation: string): { equation: string; initial?: string } {
	let ast;
	try {
		ast = parseEquation(equation);
	} catch {
		return { equation };
	}
	if (ast.type !== 'call' || ast.canonical !== 'active_initial' || ast.args.length !== 2)
		return { equation };
	const [value, initial] = ast.args;
	return {
		equation: equation.slice(value.start, value.end).trim(),
		initial: equation.slice(initial.start, initial.end).trim()
	};
}
