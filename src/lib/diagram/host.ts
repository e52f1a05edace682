/**
 * What the diagram needs of the page that holds it, and nothing more: the model, the selection,
 * the tool in hand, and the edits it may ask for. The notebook implements it; the diagram never
 * sees the notebook's cells, levers or history, as xyflow's core never sees its Svelte bindings.
 */
import type { FlowEnd } from '../edits/items';
import type { Diagnostic } from '../model/diagnostics';
import type { Model, Point, Variable } from '../model/types';
import type { ModelWarnings } from '../worker/warnings';

export type Tool = 'select' | 'stock' | 'flow' | 'aux' | 'connector';

/** The first click of a two-click tool: a flow's source, or a connector's source. */
export type Pending = { tool: 'flow'; from: FlowEnd } | { tool: 'connector'; from: string };

export interface DiagramHost {
	readonly model: Model;
	readonly selected: ReadonlySet<string>;
	/** The one selected variable, when exactly one is selected. */
	readonly selectedVariable: Variable | undefined;
	readonly tool: Tool;
	/** Lever labels by variable id, so a variable can be found by what its slider is called. */
	readonly labels: ReadonlyMap<string, string>;
	/** Whether a tool stays in hand after use (several connectors in a row), as Stella's locked tool. */
	keepTool: boolean;
	/** Set by the diagram on a two-click tool's first click, cleared by the host on the second. */
	pending: Pending | undefined;
	readonly warnings: ModelWarnings;
	/** What compiling `model` would report, from the worker (an edit not yet committed). */
	check(model: Model): Promise<Diagnostic[]>;
	/** Replaces the model by `change(model)`, as one undoable step. */
	edit(change: (model: Model) => Model): void;
	select(ids: Iterable<string>): void;
	choose(tool: Tool): void;
	/** Places a new stock or auxiliary; returns its id. */
	place(kind: 'stock' | 'aux', where: Point): string;
	/** Adds a flow between two stocks or clouds; returns its id. */
	addFlow(from: FlowEnd, to: FlowEnd): string;
	/** Adds an alias of a variable beside it, and selects it; returns its id. */
	alias(of: string): string;
	/** A connector from a variable or an alias to a variable. */
	connect(from: string, to: string): void;
	/** Moves nodes to new centres; `clouds` are clouds drawn but not yet kept in the model. */
	move(moves: ReadonlyMap<string, Point>, clouds?: ReadonlyMap<string, string>): void;
	update(id: string, patch: Partial<Variable>): void;
	deleteSelected(): void;
	copy(): void;
	paste(): void;
}
