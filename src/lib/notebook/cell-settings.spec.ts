import { describe, expect, it } from 'vitest';
import type { Cell, FlowbookDocument } from '../model/types';
import {
	chartDraft,
	chartFromDraft,
	chartProblems,
	chartVariableDraft,
	leversDraft,
	leversFromDraft,
	leversProblems,
	parseTimes,
	tableDraft,
	tableFromDraft,
	tableProblems,
	variableLabel
} from './cell-settings';

type Of<K> = Extract<Cell, { kind: K }>;

const document: FlowbookDocument = {
	schemaVersion: 1,
	title: 'Beds',
	description: '',
	display: { timeUnit: 'year', modelTimePerUnit: 365 },
	model: {
		simSpecs: { start: 0, stop: 3650, dt: 1, method: 'euler', timeUnits: 'day' },
		variables: [
			{ id: 'beds', kind: 'stock', name: 'Occupied beds', initial: '0', inflows: [], outflows: [] },
			{ id: 'admissions', kind: 'aux', name: 'Admissions', equation: '3' }
		]
	},
	scenarios: [
		{ id: 's0', name: 'S0 baseline', colour: '#000', overrides: {} },
		{ id: 's1', name: 'S1 more beds', colour: '#111', overrides: {} },
		{ id: 's2', name: 'S2 community', colour: '#222', overrides: {} }
	],
	levers: [
		{ variable: 'a', label: 'A', min: 0, max: 1, step: 0.1 },
		{ variable: 'b', label: 'B', min: 0, max: 1, step: 0.1 },
		{ variable: 'c', label: 'C', min: 0, max: 1, step: 0.1 }
	],
	cells: []
};

describe('chart settings', () => {
	const chart: Of<'chart'> = { id: 'c', kind: 'chart', variables: ['beds'] };

	it('round-trips a plain chart without adding defaults to it', () => {
		const draft = chartDraft(document, chart);
		expect(draft).toEqual({
			title: '',
			variables: [{ variable: 'beds', sum: false }],
			scenarios: { all: true, chosen: ['s0', 's1', 's2'] },
			mode: 'values',
			baseline: '',
			format: 'number'
		});
		expect(chartFromDraft(document, chart, draft)).toEqual(chart);
		expect(chartProblems(draft)).toEqual([]);
	});

	it('keeps a title, a chosen set of scenarios in the document order, a difference mode and a format', () => {
		const draft = chartDraft(document, chart);
		draft.title = '  Beds  ';
		draft.variables.push(chartVariableDraft(document, 'admissions'));
		draft.scenarios = { all: false, chosen: ['s2', 's0'] };
		draft.mode = 'difference';
		draft.baseline = 's0';
		draft.format = 'percent';
		expect(chartFromDraft(document, chart, draft)).toEqual({
			id: 'c',
			kind: 'chart',
			title: 'Beds',
			variables: ['beds', 'admissions'],
			scenarios: ['s0', 's2'],
			mode: 'difference',
			baseline: 's0',
			format: 'percent'
		});
		expect(chart.variables).toEqual(['beds']);
	});

	it('reads scenarios named by name or code as ids, and keeps ones the document lacks', () => {
		const draft = chartDraft(document, {
			...chart,
			scenarios: ['S1', 'S2 community', 'gone'],
			baseline: 'S1'
		});
		expect(draft.scenarios).toEqual({ all: false, chosen: ['s1', 's2', 'gone'] });
		expect(draft.baseline).toBe('s1');
		expect(chartFromDraft(document, chart, draft).scenarios).toEqual(['s1', 's2', 'gone']);
	});

	it('says what stops a chart being saved', () => {
		const draft = chartDraft(document, chart);
		draft.variables = [];
		draft.scenarios = { all: false, chosen: [] };
		expect(chartProblems(draft)).toEqual([
			'choose at least one variable to plot',
			'tick at least one scenario, or show all of them'
		]);
		draft.variables = [chartVariableDraft(document, 'beds')];
		draft.scenarios = { all: false, chosen: ['s1'] };
		draft.mode = 'difference';
		draft.baseline = 's0';
		expect(chartProblems(draft)).toEqual([
			expect.stringMatching(/difference is taken from a scenario the chart does not show/)
		]);
		draft.mode = 'values';
		expect(chartProblems(draft)).toEqual([]);
		// A baseline left over from difference mode is not saved in values mode.
		expect(chartFromDraft(document, chart, draft).baseline).toBeUndefined();
	});
});

describe('chart settings for an arrayed variable', () => {
	const arrayed: FlowbookDocument = {
		...document,
		model: {
			...document.model,
			dimensions: [{ name: 'Locality', elements: ['North', 'Central', 'South'] }],
			variables: [
				...document.model.variables,
				{ id: 'stays', kind: 'aux', name: 'Stays', equation: '1', dimensions: ['Locality'] }
			]
		}
	};
	const chart: Of<'chart'> = { id: 'c', kind: 'chart', variables: ['stays'] };
	const ticks = (draft: ReturnType<typeof chartDraft>) =>
		draft.variables[0].elements!.map((e) => `${e.subscript}${e.shown ? '' : ' (off)'}`);

	it('lists every element, all ticked, for a variable named alone, and saves it back as the name', () => {
		const draft = chartDraft(arrayed, chart);
		expect(ticks(draft)).toEqual(['North', 'Central', 'South']);
		expect(draft.variables[0].sum).toBe(false);
		expect(chartFromDraft(arrayed, chart, draft)).toEqual(chart);
	});

	it('saves chosen elements and a sum, and reads them back', () => {
		const draft = chartDraft(arrayed, chart);
		draft.variables[0].elements![1].shown = false;
		draft.variables[0].sum = true;
		const saved = chartFromDraft(arrayed, chart, draft);
		expect(saved.variables).toEqual([
			{ variable: 'stays', elements: ['North', 'South'], sum: true }
		]);
		expect(ticks(chartDraft(arrayed, saved))).toEqual(['North', 'Central (off)', 'South']);
		// Every element ticked with a sum: no list of elements, the sum of them all.
		draft.variables[0].elements![1].shown = true;
		expect(chartFromDraft(arrayed, chart, draft).variables).toEqual([
			{ variable: 'stays', sum: true }
		]);
	});

	it('asks for at least one element, naming the variable', () => {
		const draft = chartDraft(arrayed, chart);
		for (const e of draft.variables[0].elements!) e.shown = false;
		expect(chartProblems(draft, arrayed)).toEqual(['tick at least one element of Stays']);
	});

	it('keeps one element named with its subscript as it is', () => {
		const one: Of<'chart'> = { id: 'c', kind: 'chart', variables: ['Stays[North]'] };
		const draft = chartDraft(arrayed, one);
		expect(draft.variables).toEqual([{ variable: 'Stays[North]', sum: false }]);
		expect(chartFromDraft(arrayed, one, draft)).toEqual(one);
	});
});

describe('scenario table settings', () => {
	const table: Of<'scenario-table'> = {
		id: 't',
		kind: 'scenario-table',
		outputs: [
			'beds',
			{
				variable: 'admissions',
				label: 'Admitted',
				better: 'lower',
				format: 'percent',
				over: 'average'
			}
		]
	};

	it('round-trips rows as plain names or as rows with a label, direction, format and period sum', () => {
		const draft = tableDraft(document, table);
		expect(draft.outputs).toEqual([
			{ variable: 'beds', label: '', better: '', format: 'number', over: '' },
			{
				variable: 'admissions',
				label: 'Admitted',
				better: 'lower',
				format: 'percent',
				over: 'average'
			}
		]);
		expect(draft.times).toBe('1, 3, 5');
		expect(tableFromDraft(document, table, draft)).toEqual({ ...table, times: [1, 3, 5] });
	});

	it('keeps each output’s better direction, and drops what is back at its default', () => {
		const draft = tableDraft(document, table);
		draft.outputs[0].better = 'higher';
		draft.outputs[1] = { ...draft.outputs[1], label: ' ', better: '', format: 'number', over: '' };
		expect(tableFromDraft(document, table, draft).outputs).toEqual([
			{ variable: 'beds', better: 'higher' },
			'admissions'
		]);
	});

	it('reads column times typed with commas or spaces, in display time, and names a bad one', () => {
		expect(parseTimes('1, 3,5', document)).toEqual({ times: [1, 3, 5] });
		expect(parseTimes(' 0.5 10 10 ', document)).toEqual({ times: [0.5, 10] });
		expect(parseTimes('', document)).toEqual({
			problem: expect.stringMatching(/at least one time/)
		});
		expect(parseTimes('1, three', document)).toEqual({
			problem: expect.stringMatching(/“three” is not a number/)
		});
		expect(parseTimes('1, 12', document)).toEqual({
			problem: 'time 12 is outside the run, which goes from 0 to 10 (year)'
		});
	});

	it('puts the scenario compared with first, and leaves "all scenarios" open when it is the first anyway', () => {
		const draft = tableDraft(document, table);
		expect(draft.base).toBe('s0');
		expect(tableFromDraft(document, table, draft).scenarios).toBeUndefined();
		draft.base = 's2';
		expect(tableFromDraft(document, table, draft).scenarios).toEqual(['s2', 's0', 's1']);
		draft.scenarios = { all: false, chosen: ['s1', 's2'] };
		expect(tableFromDraft(document, table, draft).scenarios).toEqual(['s2', 's1']);
		draft.base = 's0';
		// A base that is not ticked gives way to the first ticked.
		expect(tableFromDraft(document, table, draft).scenarios).toEqual(['s1', 's2']);
		expect(tableDraft(document, { ...table, scenarios: ['s2', 's1'] })).toMatchObject({
			base: 's2',
			scenarios: { all: false, chosen: ['s2', 's1'] }
		});
	});

	it('compares with the notebook’s reference by default, and keeps "all scenarios" open when it stays the base', () => {
		const withReference = { ...document, reference: 's1' };
		const draft = tableDraft(withReference, table);
		expect(draft.base).toBe('s1');
		expect(tableFromDraft(withReference, table, draft).scenarios).toBeUndefined();
		draft.base = 's0';
		expect(tableFromDraft(withReference, table, draft).scenarios).toEqual(['s0', 's1', 's2']);
		// A table that names its scenarios keeps its own first.
		expect(tableDraft(withReference, { ...table, scenarios: ['s2', 's1'] }).base).toBe('s2');
	});

	it('says what stops a table being saved', () => {
		const draft = tableDraft(document, table);
		draft.outputs = [];
		draft.times = 'soon';
		draft.scenarios = { all: false, chosen: [] };
		expect(tableProblems(document, draft)).toEqual([
			'choose at least one output',
			'the times must be numbers separated by commas: “soon” is not a number',
			'tick at least one scenario, or show all of them'
		]);
	});
});

describe('levers settings', () => {
	it('shows every lever, or those ticked, in the cell’s own order then the document’s', () => {
		const all: Of<'levers'> = { id: 'l', kind: 'levers' };
		const draft = leversDraft(document, all);
		expect(draft).toEqual({ title: '', all: true, levers: ['a', 'b', 'c'], charts: [] });
		expect(leversFromDraft(document, all, draft)).toEqual(all);
		const some: Of<'levers'> = { id: 'l', kind: 'levers', title: 'Some', levers: ['c', 'a'] };
		const chosen = leversDraft(document, some);
		expect(chosen).toEqual({ title: 'Some', all: false, levers: ['c', 'a'], charts: [] });
		chosen.levers = ['a', 'b', 'c'];
		expect(leversFromDraft(document, some, chosen)).toEqual({ ...some, levers: ['c', 'a', 'b'] });
		chosen.levers = [];
		expect(leversProblems(chosen)).toEqual(['tick at least one lever, or show all of them']);
		chosen.all = true;
		chosen.title = '';
		expect(leversProblems(chosen)).toEqual([]);
		expect(leversFromDraft(document, some, chosen)).toEqual({ id: 'l', kind: 'levers' });
	});

	it('shows the charts ticked beside the sliders, in the cell’s own order then the notebook’s', () => {
		const withCharts: FlowbookDocument = {
			...document,
			cells: [
				{ id: 'x', kind: 'chart', variables: ['beds'] },
				{ id: 'y', kind: 'chart', variables: ['beds'] },
				{ id: 'z', kind: 'chart', variables: ['beds'] }
			]
		};
		const cell: Of<'levers'> = { id: 'l', kind: 'levers', charts: ['z', 'gone'] };
		const draft = leversDraft(withCharts, cell);
		expect(draft.charts).toEqual(['z', 'gone']);
		draft.charts = ['x', 'z', 'gone'];
		expect(leversFromDraft(withCharts, cell, draft)).toEqual({
			...cell,
			charts: ['z', 'gone', 'x']
		});
		// Unticked, a chart that is no longer there goes; with none ticked the cell keeps no list.
		draft.charts = ['z'];
		expect(leversFromDraft(withCharts, cell, draft)).toEqual({ ...cell, charts: ['z'] });
		draft.charts = [];
		expect(leversFromDraft(withCharts, cell, draft)).toEqual({ id: 'l', kind: 'levers' });
	});
});

it('names a variable, or marks one the model does not have', () => {
	expect(variableLabel(document, 'beds')).toEqual({ name: 'Occupied beds', missing: false });
	expect(variableLabel(document, 'occupied_beds')).toEqual({
		name: 'Occupied beds',
		missing: false
	});
	expect(variableLabel(document, 'gone')).toEqual({ name: 'gone', missing: true });
});
