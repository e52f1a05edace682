/**
 * `<gf>`: a graphical function (XMILE 1.0 §3.1.4), standalone or embedded in a variable.
 *
 * Points come as <xpts> + <ypts>, or as <xscale min max> + <ypts> meaning evenly spaced x.
 * Either list may set its own separator (`sep`, comma by default). We always produce explicit,
 * equal-length xs and ys so the engine has one shape to deal with.
 */
import type { GraphicalFunction, GraphicalFunctionType } from '../model/types';
import { parseNumber, parseNumberList } from './numbers';
import type { Report } from './report';
import { child, type XmlElement } from './xml-tree';

const TYPES: Record<string, GraphicalFunctionType> = {
	continuous: 'continuous',
	extrapolate: 'extrapolate',
	discrete: 'discrete'
};

/** The graphical function, or undefined (with an error reported) when its points are unusable. */
export function readGraphicalFunction(
	gf: XmlElement,
	variable: string,
	report: Report
): GraphicalFunction | undefined {
	const type = readType(gf, variable, report);
	const xScale = readScale(gf, 'xscale', variable, report);
	const yScale = readScale(gf, 'yscale', variable, report);

	const yElement = child(gf, 'ypts');
	if (!yElement) {
		report.error('The graphical function has no <ypts>', gf, variable);
		return undefined;
	}
	const ys = readPoints(yElement, variable, report);
	if (!ys) return undefined;

	const xElement = child(gf, 'xpts');
	let xs: number[] | undefined;
	if (xElement) {
		xs = readPoints(xElement, variable, report);
		if (!xs) return undefined;
		if (xs.length !== ys.length) {
			report.error(
				`The graphical function has ${xs.length} x values but ${ys.length} y values`,
				xElement,
				variable
			);
			return undefined;
		}
	} else if (xScale) {
		xs = evenlySpaced(xScale.min, xScale.max, ys.length);
	} else {
		report.error('The graphical function needs <xpts> or <xscale> for its x values', gf, variable);
		return undefined;
	}

	const decrease = xs.findIndex((x, i) => i > 0 && !(x > xs[i - 1]));
	if (decrease > 0) {
		report.error(
			`The graphical function's x values must increase, but ${xs[decrease]} follows ${xs[decrease - 1]}`,
			xElement ?? gf,
			variable
		);
		return undefined;
	}

	const result: GraphicalFunction = { type, xs, ys };
	// Some writers leave a placeholder range such as <xscale min="0" max="0"> beside explicit
	// points; an empty range is no use to the editor, so only real ranges are kept.
	if (xScale && xScale.max > xScale.min) result.xScale = xScale;
	if (yScale && yScale.max > yScale.min) result.yScale = yScale;
	return result;
}

function readType(gf: XmlElement, variable: string, report: Report): GraphicalFunctionType {
	const text = gf.attributes.type?.trim().toLowerCase();
	if (text === undefined || text === '') {
		// The pre-standard namespace (go-xmile, older Stella) wrote discrete="true|false".
		return gf.attributes.discrete?.trim().toLowerCase() === 'true' ? 'discrete' : 'continuous';
	}
	if (text in TYPES) return TYPES[text];
	if (text === 'extrapolation') {
		report.warning('Graphical function type "extrapolation" read as "extrapolate"', gf, variable);
		return 'extrapolate';
	}
	report.warning(
		`Unknown graphical function type "${gf.attributes.type}"; using continuous`,
		gf,
		variable
	);
	return 'continuous';
}

function readScale(
	gf: XmlElement,
	name: 'xscale' | 'yscale',
	variable: string,
	report: Report
): { min: number; max: number } | undefined {
	const element = child(gf, name);
	if (!element) return undefined;
	const min = parseNumber(element.attributes.min);
	const max = parseNumber(element.attributes.max);
	if (min === undefined || max === undefined) {
		report.error(
			`<${name}> needs numeric min and max attributes (min="${element.attributes.min ?? ''}", max="${element.attributes.max ?? ''}")`,
			element,
			variable
		);
		return undefined;
	}
	return { min, max };
}

function readPoints(element: XmlElement, variable: string, report: Report): number[] | undefined {
	const sep = element.attributes.sep || ',';
	const text = element.text.trim();
	if (!text) {
		report.error(`<${element.name}> is empty`, element, variable);
		return undefined;
	}
	const values = parseNumberList(text, sep);
	if (!values) {
		report.error(
			`<${element.name}> must be numbers separated by "${sep}": "${text}"`,
			element,
			variable
		);
	}
	return values;
}

function evenlySpaced(min: number, max: number, count: number): number[] {
	if (count === 1) return [min];
	// The last point is max itself, not a rounded sum that could fall short of it.
	return Array.from({ length: count }, (_, i) =>
		i === count - 1 ? max : min + ((max - min) * i) / (count - 1)
	);
}
