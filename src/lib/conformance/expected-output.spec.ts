import { describe, expect, it } from 'vitest';
import {
	ExpectedOutputError,
	isTransposed,
	parseCell,
	parseExpectedOutput,
	separatorFor,
	splitRecords
} from './expected-output';

// Fixtures are the first lines of files in the shared suite, byte for byte.
const ABS_CSV_CR = 'Time,FlowA,StockA,test abs\r0,1,-10,10\r1,1,-9,9\r2,1,-8,8'; // sdxorg/tests/abs (CR only)
const BUILTIN_INT_TAB_CRLF = 'Months\tint clamped\r\n-20\t-20\r\n-19.875\t-20\r\n-19.75\t-20\r\n'; // simlin/builtin_int
const ACTIVE_INITIAL_CSV_LF =
	'Months,FINAL TIME,Flow A,INITIAL TIME,SAVEPER,Stock A,TIME STEP,Value A\n0,10,1,0,1,0,1,0\n1,10,1,0,1,1,1,1\n'; // Stella export
const UPDIMENSIONING_TAB =
	'Time\tFINAL TIME\tINITIAL TIME\tOne Dim[A]\tOne Dim[B]\tOne Dim[C]\tSAVEPER\tTIME STEP\t"Two Dims[A,D]"\t"Two Dims[A,E]"\t"Two Dims[B,D]"\t"Two Dims[B,E]"\t"Two Dims[C,D]"\t"Two Dims[C,E]"\r0\t2\t0\t1\t2\t3\t1\t1\t1\t1\t2\t2\t3\t3\r1\t2\t0\t1\t2\t3\t1\t1\t1\t1\t2\t2\t3\t3';
// simlin/subscript_mixed_assembly: Vensim leaves constants blank after the first row; LF endings, blank last line.
const MIXED_ASSEMBLY_TAB =
	'Time\tFINAL TIME\tINITIAL TIME\tmixed assembly[A,D]\tmixed assembly[A,E]\tSAVEPER\tTIME STEP\n' +
	'0\t3\t0\t1.1\t2.1\t1\t1\n' +
	'1\t\t\t1.1\t\t1\t\n' +
	'2\t\t\t1.1\t\t1\t\n' +
	'\n';
const HARES_CSV_HEADER =
	'time,area,hares.hares,hares.birth fraction\n0.000,1000,50000,1.25\n0.500,1000,50000,1.25\n';

describe('separatorFor', () => {
	it('goes by the extension, and sniffs anything else', () => {
		expect(separatorFor('sdxorg/tests/ln/output.tab')).toBe('\t');
		expect(separatorFor('sdxorg/tests/abs/output.csv')).toBe(',');
		expect(separatorFor('OUTPUT.TAB')).toBe('\t');
		expect(separatorFor('out.txt', 'Time\tx\n0\t1')).toBe('\t');
		expect(separatorFor('out.txt', 'Time,x\n0,1')).toBe(',');
	});
});

describe('splitRecords', () => {
	it('splits on CR, LF and CRLF alike', () => {
		expect(splitRecords('a,b\rc,d\ne,f\r\ng,h', ',')).toEqual([
			['a', 'b'],
			['c', 'd'],
			['e', 'f'],
			['g', 'h']
		]);
	});

	it('does not make a record of a final line break', () => {
		expect(splitRecords('a,b\r\n', ',')).toEqual([['a', 'b']]);
	});

	it('keeps separators, line breaks and doubled quotes inside quoted fields', () => {
		const text = 'Time,"Inflow A[Entry 1,Column 1]","Heat\r\nLoss","say ""hi"""\n0,1,2,3';
		expect(splitRecords(text, ',')).toEqual([
			['Time', 'Inflow A[Entry 1,Column 1]', 'Heat\r\nLoss', 'say "hi"'],
			['0', '1', '2', '3']
		]);
	});

	it('keeps empty fields', () => {
		expect(splitRecords('1\t\t\t1.1\t', '\t')).toEqual([['1', '', '', '1.1', '']]);
	});

	it('rejects a quote that is never closed', () => {
		expect(() => splitRecords('Time,"abc\n0,1', ',')).toThrow(ExpectedOutputError);
	});
});

describe('parseCell', () => {
	it('reads the number forms the suite uses', () => {
		expect(parseCell('0.000')).toBe(0);
		expect(parseCell('3.70764e+14')).toBe(3.70764e14);
		expect(parseCell('100.0')).toBe(100);
		expect(parseCell('-19.875')).toBe(-19.875);
		expect(parseCell('3.141592653589793')).toBe(Math.PI);
		expect(parseCell(' 7 ')).toBe(7);
		expect(parseCell('.5')).toBe(0.5);
	});

	it('reads NaN and infinities', () => {
		expect(parseCell('NaN')).toBeNaN();
		expect(parseCell('nan')).toBeNaN();
		expect(parseCell('inf')).toBe(Infinity);
		expect(parseCell('-Infinity')).toBe(-Infinity);
	});

	it('returns undefined for a blank cell and throws for text', () => {
		expect(parseCell('')).toBeUndefined();
		expect(parseCell('  ')).toBeUndefined();
		expect(() => parseCell('abc')).toThrow(/"abc" is not a number/);
		expect(() => parseCell('0x10')).toThrow(ExpectedOutputError);
	});
});

describe('parseExpectedOutput', () => {
	it('reads a CR-only Vensim csv', () => {
		const out = parseExpectedOutput(ABS_CSV_CR, ',');
		expect(out.timeColumn).toBe('Time');
		expect(out.columns).toEqual(['FlowA', 'StockA', 'test abs']);
		expect(out.times).toEqual([0, 1, 2]);
		expect(out.values).toEqual([
			[1, 1, 1],
			[-10, -9, -8],
			[10, 9, 8]
		]);
	});

	it('reads a CRLF tab file whose time column is "Months", with negative times', () => {
		const out = parseExpectedOutput(BUILTIN_INT_TAB_CRLF, '\t');
		expect(out.timeColumn).toBe('Months');
		expect(out.columns).toEqual(['int clamped']);
		expect(out.times).toEqual([-20, -19.875, -19.75]);
		expect(out.values[0]).toEqual([-20, -20, -20]);
	});

	it('reads an LF Stella export with control columns', () => {
		const out = parseExpectedOutput(ACTIVE_INITIAL_CSV_LF, ',');
		expect(out.columns).toContain('TIME STEP');
		expect(out.times).toEqual([0, 1]);
	});

	it('reads a lower-case "time" header and dotted module columns', () => {
		const out = parseExpectedOutput(HARES_CSV_HEADER, ',');
		expect(out.timeColumn).toBe('time');
		expect(out.columns).toEqual(['area', 'hares.hares', 'hares.birth fraction']);
		expect(out.times).toEqual([0, 0.5]);
	});

	it('strips the quotes of quoted tab headers that contain commas', () => {
		const out = parseExpectedOutput(UPDIMENSIONING_TAB, '\t');
		expect(out.columns).toHaveLength(13);
		expect(out.columns[7]).toBe('Two Dims[A,D]');
		expect(out.columns.at(-1)).toBe('Two Dims[C,E]');
		expect(out.values[7]).toEqual([1, 1]);
	});

	it("fills blank cells with the previous row's value", () => {
		const out = parseExpectedOutput(MIXED_ASSEMBLY_TAB, '\t');
		expect(out.columns).toEqual([
			'FINAL TIME',
			'INITIAL TIME',
			'mixed assembly[A,D]',
			'mixed assembly[A,E]',
			'SAVEPER',
			'TIME STEP'
		]);
		expect(out.times).toEqual([0, 1, 2]);
		expect(out.values[0]).toEqual([3, 3, 3]);
		expect(out.values[3]).toEqual([2.1, 2.1, 2.1]);
		expect(out.values[5]).toEqual([1, 1, 1]);
	});

	it('gives null where a column has no value yet, then fills from its first value', () => {
		const out = parseExpectedOutput('Time,a,b\n0,,1\n1,5,\n2,,\n', ',');
		expect(out.values[0]).toEqual([null, 5, 5]);
		expect(out.values[1]).toEqual([1, 1, 1]);
	});

	it('treats rows shorter than the header as blank at the end', () => {
		const out = parseExpectedOutput('Time\ta\tb\n0\t1\t2\n1\t3\n', '\t');
		expect(out.values[1]).toEqual([2, 2]);
	});

	it('ignores a trailing separator and a byte order mark', () => {
		const out = parseExpectedOutput('\uFEFFTime\ta\t\n0\t1\t\n1\t2\t\n', '\t');
		expect(out.timeColumn).toBe('Time');
		expect(out.columns).toEqual(['a']);
		expect(out.values[0]).toEqual([1, 2]);
	});

	it('keeps a newline inside a quoted csv header (the column matcher handles it)', () => {
		const out = parseExpectedOutput('Time,"Teacup\nTemperature"\r\n0,180\r\n', ',');
		expect(out.columns).toEqual(['Teacup\nTemperature']);
		expect(out.values[0]).toEqual([180]);
	});

	it("reads Vensim's transposed tab layout (variables as rows)", () => {
		const text = 'Time\t0\t1\t2\r\nStock\t10\t11\t12\r\nRate\t1\t\t\r\n';
		const records = splitRecords(text, '\t');
		expect(isTransposed(records)).toBe(true);
		const out = parseExpectedOutput(text, '\t');
		expect(out.timeColumn).toBe('Time');
		expect(out.columns).toEqual(['Stock', 'Rate']);
		expect(out.times).toEqual([0, 1, 2]);
		expect(out.values).toEqual([
			[10, 11, 12],
			[1, 1, 1]
		]);
	});

	it('does not take an ordinary file for a transposed one', () => {
		expect(isTransposed(splitRecords(ABS_CSV_CR, ','))).toBe(false);
		expect(isTransposed(splitRecords(BUILTIN_INT_TAB_CRLF, '\t'))).toBe(false);
	});

	it('explains what is wrong with a bad file', () => {
		expect(() => parseExpectedOutput('', ',')).toThrow(/empty/);
		expect(() => parseExpectedOutput('\r\n\r\n', ',')).toThrow(/empty/);
		expect(() => parseExpectedOutput('Time,a\n', ',')).toThrow(/no rows/);
		expect(() => parseExpectedOutput('Time\n0\n', ',')).toThrow(/no columns/);
		expect(() => parseExpectedOutput('Time,a\n0,1\n1,x\n', ',')).toThrow(
			/row 3, column "a": "x" is not a number/
		);
		expect(() => parseExpectedOutput('Time,a\n0,1,2\n', ',')).toThrow(/more cells/);
		expect(() => parseExpectedOutput('Time,a\n,1\n', ',')).toThrow(/row 2 has no time/);
		expect(() => parseExpectedOutput('Time,,b\n0,1,2\n', ',')).toThrow(
			/column 2 of the header has no name/
		);
	});
});
