/**
 * The open notebook: its document, what is selected, the tool in hand, and undo and redo. Every
 * edit replaces the document with a new one made by a pure function (src/lib/edits) and keeps the old
 * one in the history, so every edit can be undone.
 */
import { getContext, setContext } from 'svelte';
import type {
	Cell,
	DataSeries,
	FlowbookDocument,
	Lever,
	Model,
	Point,
	Scenario,
	SimSpecs,
	Variable
} from '../model/types';
import type { DiagramHost, Pending, Tool } from '../diagram/host';
import type { Diagnostic } from '../model/diagnostics';
import { withLayout } from '../diagram/layout';
import { NO_WARNINGS, type ModelWarnings } from '../worker/warnings';
import {
	addAlias,
	addConnector,
	addFlow,
	addVariable,
	copyItems,
	deleteItems,
	moveNodes,
	pasteItems,
	updateVariable,
	type Clipboard,
	type FlowEnd
} from '../edits/items';
import { deleteCell, duplicateCell, insertCell, moveCell, replaceCell, retitle } from './cells';
import { History } from './history';
import { findScenario } from '../model/scenarios';
import { followRenames } from './follow-renames';
import { addLever, removeLever, updateLever } from './levers';

export class Notebook implements DiagramHost {
	document = $state.raw<FlowbookDocument>() as FlowbookDocument;
	selected = $state.raw<ReadonlySet<string>>(new Set());
	tool = $state<Tool>('select');
	keepTool = $state(false);
	pending = $state.raw<Pending | undefined>();
	canUndo = $state(false);
	canRedo = $state(false);
	/**
	 * What the diagram marks, as the worker's compile of the model found it (Runs.warnings): the
	 * page never compiles a model itself. The page that runs the notebook keeps it up to date.
	 */
	warnings = $state.raw<ModelWarnings>(NO_WARNINGS);
	/**
	 * Checks a model as its compile would, in the worker (Runs.check); set by the page that runs
	 * the notebook. Until then nothing is found.
	 */
	checker: (model: Model) => Promise<Diagnostic[]> = async () => [];

	#history = new History<FlowbookDocument>();
	#clipboard: Clipboard | undefined;

	/**
	 * Where the reader left the sliders (see FlowbookDocument.positions). Kept beside the document
	 * rather than in it, so that a slider move does not hand every chart and table a new document.
	 */
	positions = $state.raw<Record<string, number>>({});

	/** The document as it is saved, shared and downloaded: with the slider positions of its levers. */
	readonly saved = $derived.by((): FlowbookDocument => {
		const levers = new Set(this.document.levers.map((l) => l.variable));
		const kept = Object.entries(this.positions).filter(([key]) =>
			levers.has(key.includes('[') ? key.slice(0, key.indexOf('[')) : key)
		);
		return kept.length ? { ...this.document, positions: Object.fromEntries(kept) } : this.document;
	});

	constructor(document: FlowbookDocument) {
		const { positions, ...rest } = document;
		this.document = { ...rest, model: withLayout(document.model) };
		this.positions = { ...positions };
		announceNotebook(this);
	}

	get model(): Model {
		return this.document.model;
	}

	/** The one selected variable, when exactly one is selected. */
	/** Lever labels by variable id; derived, so the diagram's search sees one map until the levers change. */
	readonly labels: ReadonlyMap<string, string> = $derived(
		new Map(this.document.levers.map((l) => [l.variable, l.label]))
	);

	get selectedVariable(): Variable | undefined {
		if (this.selected.size !== 1) return undefined;
		const [id] = this.selected;
		return this.model.variables.find((v) => v.id === id);
	}

	check(model: Model): Promise<Diagnostic[]> {
		return this.checker(model);
	}

	/** Replaces the model by `change(model)`, as one undoable step (nothing when it is unchanged). */
	edit(change: (model: Model) => Model): void {
		const model = change(this.model);
		if (model === this.model) return;
		this.#history.record(this.document);
		// Scenarios, charts and tables name variables and elements: a rename carries them along.
		this.document = followRenames({ ...this.document, model }, this.model);
		this.#sync();
	}

	/** New run settings (checked by the caller: see run-settings.ts), as one undoable step. */
	setRunSettings(simSpecs: SimSpecs): void {
		this.edit((m) => (sameSettings(m.simSpecs, simSpecs) ? m : { ...m, simSpecs }));
	}

	/**
	 * Where the reader left the sliders. Saved, shared and downloaded with the notebook (`saved`),
	 * but not a step of undo: moving a slider is reading the model, not editing it.
	 */
	setPositions(positions: Record<string, number>): void {
		const now = this.positions;
		const keys = Object.keys(positions);
		if (keys.length === Object.keys(now).length && keys.every((k) => now[k] === positions[k]))
			return;
		this.positions = { ...positions };
	}

	/**
	 * Replaces the document's scenarios, as one undoable step. A reference that is deleted goes with
	 * it, so the first scenario is compared with until another is chosen.
	 */
	setScenarios(scenarios: Scenario[]): void {
		this.#history.record(this.document);
		const { reference, ...rest } = this.document;
		const kept = reference && findScenario(scenarios, reference) ? { reference } : {};
		this.document = { ...rest, ...kept, scenarios };
		this.#sync();
	}

	/** Replaces the notebook's data series, as one undoable step; none leaves no `data` field. */
	setData(data: DataSeries[]): void {
		this.#history.record(this.document);
		const { data: _old, ...rest } = this.document;
		void _old;
		this.document = data.length ? { ...rest, data } : rest;
		this.#sync();
	}

	/** Names the scenario every other one is compared with ("do nothing"), as one undoable step. */
	setReference(id: string): void {
		if (this.document.reference === id || !this.document.scenarios.some((s) => s.id === id)) return;
		this.#history.record(this.document);
		this.document = { ...this.document, reference: id };
		this.#sync();
	}

	/** Adds a lever (and to `cellId`'s list of levers), as one undoable step. */
	addLever(lever: Lever, cellId?: string): void {
		this.#replace(addLever(this.document, lever, cellId));
	}

	updateLever(variable: string, patch: Partial<Omit<Lever, 'variable'>>): void {
		this.#replace(updateLever(this.document, variable, patch));
	}

	removeLever(variable: string): void {
		this.#replace(removeLever(this.document, variable));
	}

	/** Moves to a new document as one undoable step, or does nothing when it is the same one. */
	#replace(document: FlowbookDocument): void {
		if (document === this.document) return;
		this.#history.record(this.document);
		this.document = document;
		this.#sync();
	}

	/** Adds a cell at `index` (the end when absent), as one undoable step; returns the id it got. */
	addCell(cell: Cell, index = this.document.cells.length): string {
		const at = Math.max(0, Math.min(this.document.cells.length, Math.round(index)));
		const next = insertCell(this.document, cell, at);
		this.#replace(next);
		return next.cells[at].id;
	}

	/** Moves a cell `by` places (−1 is up); nothing when it is already at that end. */
	moveCell(id: string, by: number): void {
		this.#replace(moveCell(this.document, id, by));
	}

	/** Puts a copy of a cell just below it; returns the copy's id. */
	duplicateCell(id: string): string | undefined {
		const result = duplicateCell(this.document, id);
		this.#replace(result.document);
		return result.id;
	}

	deleteCell(id: string): void {
		this.#replace(deleteCell(this.document, id));
	}

	/** Replaces a cell (found by its id) with a changed one. */
	updateCell(cell: Cell): void {
		this.#replace(replaceCell(this.document, cell));
	}

	/** A new title and description; a blank title is refused (titleProblem says why). */
	retitle(title: string, description: string): void {
		this.#replace(retitle(this.document, title, description));
	}

	undo(): void {
		const previous = this.#history.undo(this.document);
		if (previous) this.#restore(previous);
	}

	redo(): void {
		const next = this.#history.redo(this.document);
		if (next) this.#restore(next);
	}

	#restore(document: FlowbookDocument): void {
		this.document = document;
		const ids = new Set(document.model.variables.map((v) => v.id));
		this.selected = new Set([...this.selected].filter((id) => ids.has(id)));
		this.#sync();
	}

	#sync(): void {
		this.canUndo = this.#history.canUndo;
		this.canRedo = this.#history.canRedo;
	}

	/** Keeps the order things were selected in, so "the first selected" is the one chosen first. */
	select(ids: Iterable<string>): void {
		const wanted = new Set(ids);
		if (wanted.size === this.selected.size && [...wanted].every((id) => this.selected.has(id)))
			return;
		const kept = [...this.selected].filter((id) => wanted.has(id));
		this.selected = new Set([...kept, ...wanted]);
	}

	choose(tool: Tool): void {
		this.tool = tool;
		this.pending = undefined;
	}

	/** After a tool is used: back to selecting, unless the tool is kept for another go. */
	#putDown(): void {
		if (this.keepTool) this.pending = undefined;
		else this.choose('select');
	}

	place(kind: 'stock' | 'aux', where: Point): string {
		const at = { x: Math.round(where.x), y: Math.round(where.y) };
		let id = '';
		this.edit((m) => {
			const r = addVariable(m, kind, at);
			id = r.id;
			return r.model;
		});
		this.select([id]);
		this.#putDown();
		return id;
	}

	addFlow(from: FlowEnd, to: FlowEnd): string {
		let id = '';
		this.edit((m) => {
			const r = addFlow(m, from, to);
			id = r.id;
			return r.model;
		});
		this.select([id]);
		this.#putDown();
		return id;
	}

	/** A new alias of a variable, beside it, selected so it can be moved at once. */
	alias(of: string): string {
		const variable = this.model.variables.find((v) => v.id === of);
		if (!variable) return '';
		const at = variable.position ?? { x: 0, y: 0 };
		let id = '';
		this.edit((m) => {
			const r = addAlias(m, of, { x: Math.round(at.x + 80), y: Math.round(at.y - 60) });
			id = r.id;
			return r.model;
		});
		this.select([id]);
		return id;
	}

	connect(from: string, to: string): void {
		this.edit((m) => addConnector(m, from, to));
		this.#putDown();
	}

	/** Moves nodes to new centres; a cloud the diagram drew but the model lacked is kept from now on. */
	move(moves: ReadonlyMap<string, Point>, clouds: ReadonlyMap<string, string> = new Map()): void {
		this.edit((m) => {
			const known = new Set((m.diagram?.clouds ?? []).map((c) => c.id));
			const extra = [...clouds]
				.filter(([id]) => !known.has(id) && moves.has(id))
				.map(([id, flow]) => ({ id, flow, position: moves.get(id)! }));
			const base = extra.length
				? {
						...m,
						diagram: {
							...m.diagram,
							connectors: m.diagram?.connectors ?? [],
							clouds: [...(m.diagram?.clouds ?? []), ...extra]
						}
					}
				: m;
			const moved = moveNodes(base, moves);
			return moved === base ? m : moved;
		});
	}

	update(id: string, patch: Partial<Variable>): void {
		this.edit((m) => updateVariable(m, id, patch));
	}

	deleteSelected(): void {
		if (this.selected.size === 0) return;
		this.edit((m) => deleteItems(m, this.selected));
		this.selected = new Set();
	}

	copy(): void {
		if (this.selected.size) this.#clipboard = copyItems(this.model, this.selected);
	}

	paste(): void {
		const clip = this.#clipboard;
		if (!clip || clip.variables.length === 0) return;
		let ids: string[] = [];
		this.edit((m) => {
			const r = pasteItems(m, clip, { x: 40, y: 40 });
			ids = r.ids;
			return r.model;
		});
		this.select(ids);
	}
}

function sameSettings(a: SimSpecs, b: SimSpecs): boolean {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof SimSpecs>;
	return [...keys].every((k) => a[k] === b[k]);
}

const HOST = Symbol('notebook host');

/**
 * Lets a page around a NotebookView (autosave, share) have the notebook the view makes: call it
 * while the page is set up, and `found` gets each notebook made inside it.
 */
export function watchNotebooks(found: (notebook: Notebook) => void): void {
	setContext(HOST, found);
}

function announceNotebook(notebook: Notebook): void {
	let found: ((notebook: Notebook) => void) | undefined;
	try {
		found = getContext(HOST);
	} catch {
		return; // made outside a component, as in a unit test
	}
	found?.(notebook);
}
