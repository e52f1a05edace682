/**
 * The Flowbook document: one JSON value per notebook. Everything a user sees comes from it, so
 * saving, sharing and exporting are the same act. Shapes follow XMILE where XMILE has an answer.
 */

export const SCHEMA_VERSION = 1;

export type IntegrationMethod = 'euler' | 'rk2' | 'rk4';

export interface SimSpecs {
	start: number;
	stop: number;
	dt: number;
	/** Interval between saved rows; defaults to dt. Must be a whole multiple of dt. */
	saveStep?: number;
	method: IntegrationMethod;
	/** The model's time unit, e.g. "day", "month", "year". */
	timeUnits?: string;
	/** Seed for RANDOM, NORMAL and friends, so the same seed gives the same run. */
	seed?: number;
}

export interface Point {
	x: number;
	y: number;
}

/**
 * How a graphical function reads between and beyond its points (XMILE 3.1.4):
 * continuous interpolates and clamps at the ends, extrapolate continues the end segments,
 * discrete holds each y until the next x.
 */
export type GraphicalFunctionType = 'continuous' | 'extrapolate' | 'discrete';

export interface GraphicalFunction {
	type: GraphicalFunctionType;
	/** Strictly increasing x values, as many as ys. */
	xs: number[];
	ys: number[];
	/** Display ranges, kept for the editor and for XMILE export. */
	xScale?: { min: number; max: number };
	yScale?: { min: number; max: number };
}

interface VariableBase {
	/** Stable identity: survives renames; flows name their stocks by it. */
	id: string;
	/** Display name as the user wrote it ("Teacup Temperature"). */
	name: string;
	units?: string;
	documentation?: string;
	/** Centre of the variable on the diagram. */
	position?: Point;
}

export interface Stock extends VariableBase {
	kind: 'stock';
	/** Initial value: an equation that may use constants, auxiliaries and other stocks. */
	initial: string;
	/** Ids of the flows that fill this stock. */
	inflows: string[];
	/** Ids of the flows that drain it, in priority order (first drained first). */
	outflows: string[];
	/** XMILE non-negative: outflows are cut back so the stock never goes below zero. */
	nonNegative?: boolean;
}

export interface Flow extends VariableBase {
	kind: 'flow';
	equation: string;
	/** XMILE uniflow (non-negative flow): a negative value is taken as zero. */
	uniflow?: boolean;
	/** When present the flow's value is this function of its equation. */
	graphical?: GraphicalFunction;
	/** Pipe geometry for the diagram: from the source end to the sink end. */
	points?: Point[];
}

/**
 * An auxiliary, or a constant: a constant is an auxiliary whose equation is a number (or
 * arithmetic on numbers). The compiler keeps constants in their own array so that a lever or
 * scenario can change them without recompiling.
 */
export interface Auxiliary extends VariableBase {
	kind: 'aux';
	equation: string;
	/** When present the value is this function of the equation (XMILE embedded gf). */
	graphical?: GraphicalFunction;
}

/** A standalone graphical function (XMILE `<gf>`), called as `name(x)` or `LOOKUP(name, x)`. */
export interface GraphicalFunctionVariable extends VariableBase {
	kind: 'gf';
	graphical: GraphicalFunction;
}

export type Variable = Stock | Flow | Auxiliary | GraphicalFunctionVariable;
export type VariableKind = Variable['kind'];

/** A unit the model declares (XMILE `<model_units>`), e.g. bed with equation "patient". */
export interface UnitDefinition {
	name: string;
	equation?: string;
	aliases?: string[];
}

export interface Connector {
	id: string;
	/** Variable ids. */
	from: string;
	to: string;
	/** XMILE angle in degrees at the `from` end, for the curve. */
	angle?: number;
}

export interface Cloud {
	id: string;
	/** The flow whose free end this cloud marks. */
	flow: string;
	position: Point;
}

export interface Diagram {
	connectors: Connector[];
	clouds: Cloud[];
}

export interface Model {
	simSpecs: SimSpecs;
	variables: Variable[];
	units?: UnitDefinition[];
	diagram?: Diagram;
}

export interface Scenario {
	id: string;
	name: string;
	colour: string;
	/** Constant overrides, by variable name. */
	overrides: Record<string, number>;
}

export interface Lever {
	/** The constant's variable id. */
	variable: string;
	label: string;
	min: number;
	max: number;
	step: number;
}

export type Cell =
	| { id: string; kind: 'text'; markdown: string }
	| { id: string; kind: 'diagram' }
	| { id: string; kind: 'levers'; levers?: string[] }
	| { id: string; kind: 'chart'; title?: string; variables: string[]; scenarios?: string[] }
	| { id: string; kind: 'scenario-table'; outputs: string[]; times?: number[] }
	| { id: string; kind: 'sensitivity'; outputs: string[] };

export interface FlowbookDocument {
	schemaVersion: number;
	title: string;
	description: string;
	model: Model;
	scenarios: Scenario[];
	levers: Lever[];
	cells: Cell[];
}
