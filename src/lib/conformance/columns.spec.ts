import { describe, expect, it } from 'vitest';
import { CONTROL_COLUMNS, columnKey, isControlColumn, planColumns } from './columns';

describe('columnKey', () => {
	it('treats case, spaces, underscores and line breaks alike', () => {
		const key = columnKey('Teacup Temperature');
		expect(columnKey('teacup_temperature')).toBe(key);
		expect(columnKey('TEACUP\nTEMPERATURE')).toBe(key);
		expect(columnKey('Teacup\r\nTemperature')).toBe(key);
		expect(columnKey('Teacup\\nTemperature')).toBe(key); // literal \n, as in the hares and lynxes model
		expect(columnKey('  Teacup   Temperature ')).toBe(key);
		expect(columnKey('Teacup Temperatures')).not.toBe(key);
	});

	it('strips quotes', () => {
		expect(columnKey('"Heat Loss to Room"')).toBe(columnKey('Heat Loss to Room'));
		expect(columnKey('"Two Dims[A,D]"')).toBe(columnKey('Two Dims[A,D]'));
	});

	it('keeps `.` as the module separator and canonicalises each side of it', () => {
		expect(columnKey('hares.birth fraction')).toBe('hares.birth_fraction');
		expect(columnKey('Hares.Birth_Fraction')).toBe('hares.birth_fraction');
		expect(columnKey('"hares"."birth fraction"')).toBe('hares.birth_fraction');
		expect(columnKey('hares.hares')).not.toBe(columnKey('hares'));
	});

	it('ignores spaces beside subscript brackets and commas', () => {
		expect(columnKey('Two Dims[A, D]')).toBe(columnKey('Two Dims[A,D]'));
		expect(columnKey('Inflow A[Entry 1,Column 1]')).toBe(
			columnKey('inflow_a[ entry_1 , column_1 ]')
		);
		expect(columnKey('Inflow A[Entry 1,Column 1]')).not.toBe(
			columnKey('Inflow A[Entry 1,Column 2]')
		);
	});

	it('keeps very long names whole (line_continuation has names over 200 characters)', () => {
		const long =
			'Absurdly long stock name with more words in it than is generally considered good modeling practice';
		expect(columnKey(long)).toBe(long.toLowerCase().replace(/ /g, '_'));
	});
});

describe('isControlColumn', () => {
	it("knows Vensim's four control columns in any spelling", () => {
		for (const c of CONTROL_COLUMNS) expect(isControlColumn(c)).toBe(true);
		expect(isControlColumn('time_step')).toBe(true);
		expect(isControlColumn('Saveper')).toBe(true);
		expect(isControlColumn('Time')).toBe(false);
		expect(isControlColumn('Stock A')).toBe(false);
	});
});

describe('planColumns', () => {
	// sdxorg/tests/game/output.tab
	const GAME = [
		'Constant',
		'FINAL TIME',
		'Gamed Equation',
		'Gamed Variable',
		'INITIAL TIME',
		'SAVEPER',
		'Stock',
		'TIME STEP'
	];

	it('skips control columns the model lacks and pairs the rest by name', () => {
		const plan = planColumns(GAME, [
			'stock',
			'constant',
			'gamed_variable',
			'Gamed\nEquation',
			'Extra Output'
		]);
		expect(plan.missing).toEqual([]);
		expect(plan.skipped).toEqual(['FINAL TIME', 'INITIAL TIME', 'SAVEPER', 'TIME STEP']);
		expect(plan.compared).toEqual([
			{ column: 'Constant', refIndex: 0, modelIndex: 1 },
			{ column: 'Gamed Equation', refIndex: 2, modelIndex: 3 },
			{ column: 'Gamed Variable', refIndex: 3, modelIndex: 2 },
			{ column: 'Stock', refIndex: 6, modelIndex: 0 }
		]);
	});

	it('compares a control column when the model does have it', () => {
		const plan = planColumns(['TIME STEP', 'x'], ['x', 'TIME STEP']);
		expect(plan.compared.map((p) => p.column)).toEqual(['TIME STEP', 'x']);
		expect(plan.skipped).toEqual([]);
	});

	it('fails a reference column the model lacks', () => {
		const plan = planColumns(['FlowA', 'StockA', 'test abs'], ['FlowA', 'StockA']);
		expect(plan.missing).toEqual(['test abs']);
	});

	it("never compares a case's ignore_columns, even where the model has that name", () => {
		// sdxorg/tests/smooth_and_stock: three reference columns belong to another model.
		const ref = [
			'accumulation',
			'FINAL TIME',
			'first order smooth',
			'INITIAL TIME',
			'Input',
			'rate',
			'SAVEPER',
			'Smoothed Input',
			'Smoothing Time',
			'third order smooth',
			'TIME STEP'
		];
		const model = ['accumulation', 'rate', 'first order smooth', 'third order smooth', 'input'];
		const plan = planColumns(ref, model, ['Input', 'Smoothed Input', 'Smoothing Time']);
		expect(plan.missing).toEqual([]);
		expect(plan.compared.map((p) => p.column)).toEqual([
			'accumulation',
			'first order smooth',
			'rate',
			'third order smooth'
		]);
		expect(plan.skipped).toContain('Input');
		expect(plan.skipped).toContain('Smoothed Input');
		// Without the ignore list, the same reference fails on the columns the model lacks.
		expect(planColumns(ref, model).missing).toEqual(['Smoothed Input', 'Smoothing Time']);
	});

	it('matches ignore_columns by the same name rule', () => {
		expect(planColumns(['Smoothing Time'], [], ['smoothing_time']).missing).toEqual([]);
	});

	it('takes the first of two model outputs with one key', () => {
		expect(planColumns(['a b'], ['A B', 'a_b']).compared[0].modelIndex).toBe(0);
	});
});
