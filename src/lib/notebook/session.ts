/**
 * Notebooks opened in this tab (new or imported) until the library in IndexedDB lands: kept in
 * memory, so they last as long as the page does.
 */
import { SCHEMA_VERSION, type FlowbookDocument } from '../model/types';

const open = new Map<string, FlowbookDocument>();

/** A notebook with nothing in it yet but a diagram to draw on. */
export function emptyDocument(title = 'Untitled notebook'): FlowbookDocument {
	return {
		schemaVersion: SCHEMA_VERSION,
		title,
		description: '',
		model: {
			simSpecs: { start: 0, stop: 100, dt: 1, method: 'euler', timeUnits: 'day' },
			variables: [],
			diagram: { connectors: [], clouds: [] }
		},
		scenarios: [{ id: 'baseline', name: 'Baseline', colour: '#1f5f8b', overrides: {} }],
		levers: [],
		cells: [{ id: 'diagram', kind: 'diagram' }]
	};
}

/** Keeps a notebook for this session and returns the id its page opens it by. */
export function keepNotebook(document: FlowbookDocument): string {
	const id = Math.random().toString(36).slice(2, 10);
	open.set(id, document);
	return id;
}

export function keptNotebook(id: string): FlowbookDocument | undefined {
	return open.get(id);
}
