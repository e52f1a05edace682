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
	/**
	 * The calendar day the start time falls on, written yyyy-mm-dd, so charts and tables can show
	 * dates and financial years ("2026/27"); needs time units the calendar counts in (model/calendar.ts).
	 */
	startDate?: string;
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

/**
 * A dimension that variables can be arrayed over (XMILE §3.7.1): named elements, or the numbers
 * 1 … size.
 * @example { name: 'Region', elements: ['North', 'South'] }
 * @example { name: 'Cohort', size: 10 }
 */
export interface Dimension {
	name: string;
	/** Element names in order; absent for a numbered dimension. */
	elements?: string[];
	/** A numbered dimension's size (elements "1" … "size"); absent when elements are named. */
	size?: number;
	/**
	 * Another dimension this one stands for, element by element in order (Vensim's
	 * `DimB: B1, B2 -> DimA`, which XMILE files carry as isee:maps_to), so an equation over
	 * DimB may read `x[DimA]`.
	 */
	mapsTo?: string;
}

/**
 * One element's own definition in an arrayed variable.
 * @example { subscript: ['North'], equation: '120' }
 */
export interface ArrayElement {
	/** One element name per dimension, in the variable's dimension order. */
	subscript: string[];
	/** The element's own equation (a stock's initial value); absent when only the table differs. */
	equation?: string;
	/** The element's own graphical function, read at the variable's equation. */
	graphical?: GraphicalFunction;
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
	/**
	 * In a submodel (see ModuleInstance): 'input' is set from outside by a connection, 'output'
	 * is meant to be read from outside as `module.name` (XMILE access). Informative: any variable
	 * of a module can be read from outside, and any can be connected.
	 */
	access?: 'input' | 'output';
	/**
	 * Arrayed over these dimensions (names from model.dimensions), the first varying slowest.
	 * The variable's equation then applies to every element, with dimension names standing
	 * for the element's own position (XMILE apply-to-all).
	 */
	dimensions?: string[];
	/**
	 * Element by element: when these carry equations, every element has one and the variable's
	 * own equation (or initial value) is unused (XMILE non-apply-to-all); when they carry only
	 * graphical functions, the shared equation feeds each element's own table.
	 */
	elements?: ArrayElement[];
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
	/**
	 * A conveyor (XMILE 1.0 §4.2.1): what flows in rides a belt for the transit time and comes
	 * off through the first outflow that is not a leak; the stock is what is on the belt.
	 */
	conveyor?: Conveyor;
	/**
	 * A queue (XMILE 1.0 §4.2.2): first in, first out; its outflows take from the front in the
	 * order listed, and it never goes below zero.
	 */
	queue?: boolean;
}

/**
 * A conveyor's settings, each an equation read every DT.
 * @example { transitTime: 'length of stay', capacity: 'beds' }
 */
export interface Conveyor {
	/** How long material rides the belt (XMILE <len>), in time units. */
	transitTime: string;
	/** The most the belt holds; what does not fit stays upstream. Unlimited when absent. */
	capacity?: string;
	/** The most that may come on per time unit (XMILE <in_limit>). Unlimited when absent. */
	inflowLimit?: string;
	/** New material takes the transit time in force when this was last non-zero; every DT when absent. */
	sample?: string;
	/** While non-zero the belt stands still: nothing comes on, moves, leaks or comes off. */
	arrest?: string;
	/** Material moves in whole time units, and the initial value sits at their starts. */
	discrete?: boolean;
	/** Leaks take a fraction of what is on the belt per time unit, rather than of what came on. */
	exponentialLeak?: boolean;
	/** Queue upstream: take only whole batches (kept for export). */
	batchIntegrity?: boolean;
	/** Queue upstream: take one batch per DT (kept for export). */
	oneAtATime?: boolean;
}

/**
 * A conveyor's leakage (XMILE <leak>): the flow's equation is the fraction that leaks, over the
 * part of the belt from `start` to `end` (fractions of its length, 0 to 1).
 * @example { start: 0, end: 0.5 }
 */
export interface Leak {
	start?: number;
	end?: number;
	/** Only whole units leak; the fractions are carried until they make one. */
	integers?: boolean;
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
	/** The flow is a conveyor's leakage; its equation is then the leak fraction. */
	leak?: Leak;
	/** A queue's overflow: takes what the queue it would fill has no room for (kept for export). */
	overflow?: boolean;
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
	/** Variable ids; `from` may be an alias's id, for a connector drawn out of an alias. */
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

/**
 * A second drawing of a variable elsewhere in the diagram (XMILE <alias>, Stella's ghost), so a
 * connector can start near where it is used instead of crossing the diagram. It has no equation.
 */
export interface Alias {
	id: string;
	/** The variable it draws, by id. */
	of: string;
	position: Point;
}

/**
 * A named region of the diagram (XMILE <group> in a view, Stella's sector), such as "Acute
 * hospital": what is drawn inside it belongs to it, for finding your way and fitting the view.
 */
export interface Sector {
	id: string;
	name: string;
	/** The top-left corner. */
	position: Point;
	width: number;
	height: number;
}

export interface Diagram {
	connectors: Connector[];
	clouds: Cloud[];
	aliases?: Alias[];
	sectors?: Sector[];
}

/**
 * Where a module input gets its value (XMILE <connect>).
 * @example { to: 'area', from: 'area' } // the module's "area" is the model's "area"
 * @example { to: 'lynxes', from: 'lynxes.lynxes' } // … or another module's variable
 */
export interface ModuleConnection {
	/**
	 * The input: a variable of the module's model, by its name there ("area"), or of a module
	 * inside it ("inner.area"); or, after a dot, a variable around the module that this
	 * connection sets from one of the module's outputs (".hare density seen", XMILE §4.7.1).
	 */
	to: string;
	/** What feeds it, by its name where the module sits: a variable, or `module.variable` of a sibling. */
	from: string;
}

/**
 * An instance of a submodel (XMILE <module>). Its variables join the model around it with a
 * dotted prefix, so the hares module's stock "hares" runs and reports as "hares.hares".
 */
export interface ModuleInstance {
	id: string;
	name: string;
	/** The submodel it instantiates, by name; the module's own name when absent (XMILE's rule). */
	model?: string;
	connections: ModuleConnection[];
	documentation?: string;
	position?: Point;
}

/** A named model that modules instantiate (XMILE <model name>); it runs only through them. */
export interface SubModel {
	name: string;
	variables: Variable[];
	modules?: ModuleInstance[];
	diagram?: Diagram;
}

/** A parameter of a macro; an argument left out takes the default, an expression of earlier parameters. */
export interface MacroParameter {
	name: string;
	default?: string;
}

/**
 * A function the model defines (XMILE <macro>), called in equations as `NAME(arguments)`. Each
 * call runs its own copy of the macro's variables, so a macro may hold stocks (a hand-made smooth).
 * @example { name: 'LOG', parameters: [{ name: 'x' }, { name: 'base' }], equation: 'LN(x)/LN(base)' }
 */
export interface Macro {
	name: string;
	parameters: MacroParameter[];
	/** The value of a call: an expression of the parameters, or the name of one of the variables. */
	equation: string;
	variables?: Variable[];
	documentation?: string;
	/** How a call is written, for people: "LOG(<value>, <base>)". */
	format?: string;
	diagram?: Diagram;
}

export interface Model {
	simSpecs: SimSpecs;
	variables: Variable[];
	/** Dimensions that variables are arrayed over; absent when nothing is arrayed. */
	dimensions?: Dimension[];
	units?: UnitDefinition[];
	diagram?: Diagram;
	/** Module instances in this model; their submodels are in `submodels`. */
	modules?: ModuleInstance[];
	submodels?: SubModel[];
	macros?: Macro[];
}

export interface Scenario {
	id: string;
	/** Starts with a short code a CLI can use, e.g. "S3 same money in community". */
	name: string;
	colour: string;
	/** What the scenario changes, in words, e.g. "growth, extra_acute_beds 100 (about £11m a year)". */
	description?: string;
	/** Constant overrides, by variable name. */
	overrides: Record<string, number>;
}

/**
 * What one unit of a lever costs a year, so options can be compared at the same spend.
 * @example { perYear: 109500, currency: 'GBP' } // an acute bed: £300 a day
 */
export interface LeverCost {
	/** The cost of one unit of the lever (one bed, one place) for a year. */
	perYear: number;
	/** An ISO 4217 code ("GBP", "EUR"). */
	currency: string;
}

export interface Lever {
	/** The constant's variable id. */
	variable: string;
	label: string;
	min: number;
	max: number;
	step: number;
	/** What a unit of it costs a year; levers without one are not counted as spend. */
	cost?: LeverCost;
	/**
	 * For an arrayed constant: one slider per element when true; when absent or false, one slider
	 * that sets every element to the same value.
	 */
	perElement?: boolean;
}

/**
 * An arrayed variable in a chart, when not every element is drawn as its own line. A plain name
 * in a chart's variables draws each element of an arrayed variable; `Beds[North]` draws one.
 * @example { variable: 'beds', elements: ['North', 'South'] } // two of the localities
 * @example { variable: 'beds', sum: true } // one line: the sum over every locality
 */
export interface ChartSeries {
	/** The arrayed variable's id or name. */
	variable: string;
	/** The elements drawn, each as its subscript ("North", or "North,Adult" over two dimensions); all when absent. */
	elements?: string[];
	/** Draw one line, the sum of those elements, instead of a line each. */
	sum?: boolean;
}

/** How a chart axis or table cell shows a value: 0.91 as "91%", 12.3e6 GBP as "£12.3m". */
export type ValueFormat = 'number' | 'percent' | 'currency';

/**
 * A row of a scenario table.
 * @example { variable: 'four_hour_performance', label: 'A&E within 4 hours', better: 'higher', format: 'percent' }
 */
export interface TableOutput {
	/** Variable id or name. */
	variable: string;
	/** Row label; defaults to the variable's display name. */
	label?: string;
	/** Which way is better, so the table can mark each scenario against the first one shown. */
	better?: 'higher' | 'lower';
	format?: ValueFormat;
	/**
	 * How the column over the period sums it up: the total (the integral of a rate), the average
	 * (of a level: a stock, a ratio, a percentage) or the value at the end (of a running total).
	 * By its kind when absent (see notebook/totals.ts).
	 */
	over?: 'total' | 'average' | 'end';
}

export type Cell =
	| { id: string; kind: 'text'; markdown: string }
	| { id: string; kind: 'diagram' }
	/**
	 * Levers (constant ids) to show, all when absent, under an optional heading; `charts` names
	 * chart cells of the same notebook (by cell id) to draw beside the sliders, as a dashboard.
	 * @example { id: 'try-it', kind: 'levers', levers: ['extra_beds'], charts: ['chart-occupancy'] }
	 */
	| { id: string; kind: 'levers'; title?: string; levers?: string[]; charts?: string[] }
	| {
			id: string;
			kind: 'chart';
			title?: string;
			/**
			 * Variable ids or names, one line each per scenario (an arrayed variable: one per element),
			 * or an arrayed variable's chosen elements or their sum.
			 */
			variables: (string | ChartSeries)[];
			/** Scenario ids or names; all when absent. */
			scenarios?: string[];
			/** 'difference' plots each scenario minus `baseline` (default the notebook's reference). */
			mode?: 'values' | 'difference';
			baseline?: string;
			format?: ValueFormat;
	  }
	| {
			id: string;
			kind: 'scenario-table';
			/** Variable ids or names, or rows with a label, direction and format. */
			outputs: (string | TableOutput)[];
			/** Columns, in the document's display time unit (model time when it has none); default [1, 3, 5]. */
			times?: number[];
			/** Scenario ids or names, one block of rows each; all when absent. */
			scenarios?: string[];
	  }
	/**
	 * Bars: each output at each chosen time (or over the period to the last), one bar per scenario.
	 * @example { id: 'bars', kind: 'bars', outputs: ['occupancy'], times: [1, 5] }
	 */
	| {
			id: string;
			kind: 'bars';
			title?: string;
			/** Variable ids or names, or rows with a label, direction and format; one chart each. */
			outputs: (string | TableOutput)[];
			/** In the display time unit; default the end of the run. */
			times?: number[];
			/** Show each output's total or average over the period (as a table's column) beside the times. */
			period?: boolean;
			/** Scenario ids or names; all when absent, the reference first. */
			scenarios?: string[];
			/** 'difference': each scenario minus the notebook's reference. */
			mode?: 'values' | 'difference';
	  }
	/**
	 * A bridge (waterfall) from one scenario to another: how much of the change in an output each
	 * lever makes, changing one at a time from `from` (or, with `shapley`, averaged over every
	 * order), the rest from their interaction.
	 * @example { id: 'bridge', kind: 'bridge', output: 'delayed_bed_days', to: 's9', at: 3 }
	 */
	| {
			id: string;
			kind: 'bridge';
			title?: string;
			output: string | TableOutput;
			/** Scenario id or name; default the notebook's reference. */
			from?: string;
			to: string;
			/** In the display time unit; default the end of the run. */
			at?: number;
			/** Bridge the output's total or average over the period to `at` (as a table's column), not its value then. */
			period?: boolean;
			shapley?: boolean;
	  }
	/**
	 * The feedback loops that matter for an output (Loops that Matter): their relative loop
	 * scores over the run, the dominant loop in each phase, and the loops drawn on the diagram.
	 * @example { id: 'loops', kind: 'loops', output: 'occupancy', scenario: 's1', count: 4 }
	 */
	| {
			id: string;
			kind: 'loops';
			title?: string;
			/** Variable id or name: the loops through it are shown. */
			output: string;
			/** Scenario id or name whose run is analysed; the notebook's reference when absent. */
			scenario?: string;
			/** How many loops to show, the strongest first (default 4). */
			count?: number;
	  }
	/**
	 * A tornado: which uncertain constant moves an output most, each taken from its 5th to its 95th
	 * percentile with the others at the reference scenario's values.
	 * @example { id: 'tornado', kind: 'tornado', output: 'occupancy', at: 5 }
	 */
	| {
			id: string;
			kind: 'tornado';
			title?: string;
			output: string | TableOutput;
			/** In the display time unit; default the end of the run. */
			at?: number;
			/** The sensitivity cell whose uncertain constants it takes; the notebook's first when absent. */
			sensitivity?: string;
	  }
	/**
	 * Options side by side at the same spend: each scenario's lever changes from the reference,
	 * scaled so they cost `budget` a year (by the levers' costs), as a table and bars.
	 * @example { id: 'same-money', kind: 'equal-cost', options: ['s2', 's3'], budget: 10e6, outputs: ['occupancy'] }
	 */
	| {
			id: string;
			kind: 'equal-cost';
			title?: string;
			/** Scenario ids or names: the options. */
			options: string[];
			/** The spend a year, in the levers' currency; default the first option's own cost. */
			budget?: number;
			outputs: (string | TableOutput)[];
			/** In the display time unit; default the end of the run. */
			at?: number;
	  }
	/** The notebook's data series (FlowbookDocument.data): an import button and a table of them. */
	| { id: string; kind: 'data' }
	/**
	 * Fits constants, each within its bounds, to the data series linked to model variables.
	 * @example { id: 'fit', kind: 'calibration', parameters: [{ variable: 'demand_growth', min: 0, max: 0.1 }] }
	 */
	| {
			id: string;
			kind: 'calibration';
			title?: string;
			parameters: FitBound[];
			/** Data series ids, each with its weight (default 1); every linked series when absent. */
			series?: { series: string; weight?: number }[];
			/** What is minimised; default least squares. */
			payoff?: 'least-squares' | 'gaussian' | 'poisson';
	  }
	/**
	 * The best mix of levers within their bounds for an objective, under a budget (the levers'
	 * costs a year), and the best at each of `frontier`'s budgets.
	 * @example { id: 'mix', kind: 'optimisation', levers: [{ variable: 'extra_ic_beds', min: 0, max: 150 }], objective: 'min Cumulative_Delayed_Bed_Days at 1095', budget: 5e6 }
	 */
	| {
			id: string;
			kind: 'optimisation';
			title?: string;
			levers: FitBound[];
			/** `min NAME at TIME` or `max NAME at TIME`: a variable, at model time (the end when absent). */
			objective: string;
			/** The scenario the levers move from (its other overrides hold, e.g. its growth); the model's own values when absent. */
			scenario?: string;
			/** Robust: the average over this many samples (default 20) of a sensitivity cell's uncertain constants, by its id. */
			robust?: { sensitivity: string; runs?: number };
			budget?: number;
			frontier?: number[];
	  }
	| {
			id: string;
			kind: 'sensitivity';
			/** Variable ids or names, one fan chart each. */
			outputs: string[];
			/** The constants to vary; when absent, the notebook's first lever over its range. */
			parameters?: SensitivityParameter[];
			/** How many runs, from 1 to MAX_SENSITIVITY_RUNS; default 200. */
			runs?: number;
			/** Seed of the samples, a whole number from 0 to 2³² − 1; default 1. The same seed gives the same fans. */
			seed?: number;
	  };

/** A constant with bounds, for calibration or optimisation. */
export interface FitBound {
	/** The constant's variable id (or name). */
	variable: string;
	min: number;
	max: number;
}

/**
 * How one constant varies across a sensitivity analysis's runs.
 * @example { kind: 'triangular', min: 0, mode: 0.1, max: 0.3 }
 */
export type Distribution =
	| { kind: 'uniform'; min: number; max: number }
	| { kind: 'normal'; mean: number; sd: number }
	| { kind: 'triangular'; min: number; mode: number; max: number };

/**
 * A constant a sensitivity analysis varies.
 * @example { variable: 'demand_growth', distribution: { kind: 'uniform', min: 0, max: 0.04 } }
 */
export interface SensitivityParameter {
	/** The constant's variable id (or name). */
	variable: string;
	distribution: Distribution;
}

/** The most runs a sensitivity analysis may ask for: each run's series of each output is held on the page. */
export const MAX_SENSITIVITY_RUNS = 10_000;

/**
 * A series of observations imported from a CSV or XLSX file ("A&E attendances by week"), kept in
 * the notebook so it saves, shares and downloads with it. Times are model time (a calendar date
 * in the file is mapped through the model's start date when it is read).
 * @example { id: 'attendances', name: 'attendances', times: [0, 7, 14], values: [2100, 2240, 2180], variable: 'attendances' }
 */
export interface DataSeries {
	id: string;
	/** The file's column heading; equations read the series by it when `use` is set. */
	name: string;
	/** Model times, strictly increasing; as many as values. */
	times: number[];
	values: number[];
	/** The model variable this series measures (id or name): charts draw it beside it, calibration fits it. */
	variable?: string;
	/** Readable in equations by its name, interpolated between points or holding each until the next. */
	use?: 'interpolate' | 'hold';
	/** The file it came from, for the reader. */
	source?: string;
}

/**
 * How a notebook shows time: a model that runs in days can chart and tabulate in years.
 * @example { timeUnit: 'year', modelTimePerUnit: 365 }
 */
export interface DisplaySettings {
	/** The unit charts and tables show time in, e.g. "year". */
	timeUnit: string;
	/** Model time units in one display unit (365 days in a year); default 1. */
	modelTimePerUnit?: number;
}

export interface FlowbookDocument {
	schemaVersion: number;
	title: string;
	description: string;
	/** Time as charts and tables show it; model time units when absent. */
	display?: DisplaySettings;
	model: Model;
	scenarios: Scenario[];
	/**
	 * The scenario every other one is compared with ("S1 do nothing"): a table's differences, a
	 * difference chart's and the live "Current levers" line's. Its id (or name, or code); the first
	 * scenario when absent.
	 */
	reference?: string;
	levers: Lever[];
	/**
	 * Where the reader left each slider, by slider key: the lever's variable id, or `id[North]` for
	 * one element's slider. A slider not here sits at the model's own value.
	 */
	positions?: Record<string, number>;
	/** Observed series imported from files (see DataSeries); none when absent. */
	data?: DataSeries[];
	cells: Cell[];
}
