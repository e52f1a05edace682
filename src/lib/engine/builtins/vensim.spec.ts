/**
 * Vensim's variants of builtins. Each test names its source: a Vensim reference output from the
 * SDXorg test-models (../shared/conformance/vensim, quoted here), or the definition in Vensim's
 * documentation worked out by hand (analytic).
 */
import { describe, expect, it } from 'vitest';
import { lookupTable } from '../runtime';
import { aux, gf, model, seriesOf, simulate, stock, flow, table, valueOf } from '../test-models';
import {
	pulseTrain,
	quantum,
	vectorSelect,
	vensimInteger,
	vensimModulo,
	vensimPulse
} from './vensim';

describe('INTEGER and MODULO (Vensim reference: sdxorg/tests/rounding)', () => {
	it('INTEGER truncates towards zero, unlike XMILE INT', () => {
		// output.tab: StockA -9.9 → test integer -9.
		expect(vensimInteger(-9.9)).toBe(-9);
		expect(valueOf('VENSIM_INTEGER(-9.9)')).toBe(-9);
		expect(valueOf('INT(-9.9)')).toBe(-10);
	});

	it('MODULO keeps the sign of the dividend, unlike XMILE MOD', () => {
		// output.tab: StockA -10 → test modulo -1; -9.9 → -0.9.
		expect(vensimModulo(-10, 3)).toBe(-1);
		expect(vensimModulo(-9.9, 3)).toBeCloseTo(-0.9, 12);
		expect(valueOf('VENSIM_MODULO(-10, 3)')).toBe(-1);
		expect(valueOf('MOD(-10, 3)')).toBe(2);
	});
});

describe('QUANTUM (Vensim reference: sdxorg/tests/subscripted_round)', () => {
	it('cuts towards zero to a whole number of the quantum', () => {
		// var quantum3[C,D] = QUANTUM(-10, 3) = -9; var quantum2[A,D] at Time 2 = QUANTUM(3, 2) = 2.
		expect(quantum(-10, 3)).toBe(-9);
		expect(quantum(3, 2)).toBe(2);
		expect(valueOf('QUANTUM(-10, 3)')).toBe(-9);
	});

	it('gives the value itself for a quantum that is not above zero', () => {
		// var quantum4 = QUANTUM(var, -3) equals var; var quantum2[A,D] at Time 0 = QUANTUM(3, 0) = 3.
		expect(quantum(-0.97, -3)).toBe(-0.97);
		expect(quantum(3, 0)).toBe(3);
	});
});

describe('PULSE and PULSE TRAIN (analytic, from Vensim’s definitions)', () => {
	it('PULSE(start, width) is 1 from start for width, where XMILE PULSE delivers a volume', () => {
		const { x } = seriesOf('VENSIM_PULSE(2, 3)', { stop: 8, dt: 1 });
		expect([...x]).toEqual([0, 0, 1, 1, 1, 0, 0, 0, 0]);
		expect(vensimPulse(2, 0.25, 2, 0)).toBe(1); // a width under DT lasts one DT
		expect(vensimPulse(2.25, 0.25, 2, 0)).toBe(0);
	});

	it('PULSE TRAIN(start, width, interval, end) repeats the pulse until end', () => {
		const { x } = seriesOf('PULSE_TRAIN(1, 1, 3, 7)', { stop: 10, dt: 1 });
		expect([...x]).toEqual([0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0]);
		expect(pulseTrain(4.5, 0.5, 1, 2, 3, 10)).toBe(1);
		expect(pulseTrain(6, 0.5, 1, 2, 3, 10)).toBe(0);
	});
});

describe('DELAY FIXED (Vensim reference: sdxorg/tests/delay_fixed, TIME STEP 1)', () => {
	const delayed = (delay: string) =>
		seriesOf(`DELAY_FIXED(TIME^2, ${delay}, -4)`, { stop: 6, dt: 1 }).x;

	it('rounds the delay to the nearest whole number of steps', () => {
		// DF12 = DELAY FIXED(time squared, 1.2, -4): -4, 0, 1, 4, 9 … (one step, not two).
		expect([...delayed('1.2')].slice(0, 5)).toEqual([-4, 0, 1, 4, 9]);
		// DF15 (1.5): two steps.
		expect([...delayed('1.5')].slice(0, 5)).toEqual([-4, -4, 0, 1, 4]);
	});

	it('fixes the delay at its value at the start, and delays at least one step', () => {
		// DT2 = DELAY FIXED(time squared, Time/2, 4): 4, 0, 1, 4, 9: Time/2 is 0 at the start.
		expect([...delayed('TIME / 2')].slice(0, 5)).toEqual([-4, 0, 1, 4, 9]);
	});
});

describe('ACTIVE INITIAL (Vensim reference: sdxorg/tests/active_initial)', () => {
	it('is its initial argument while stocks are initialised, and its expression after', () => {
		// Stock A = INTEG(Flow A, Value A), Value A = ACTIVE INITIAL(Time, 45), Flow A = 1:
		// Stock A 45, 46, 47 …; Value A 0, 1, 2 ….
		const m = model(
			[
				stock('Stock A', 'Value_A', { inflows: ['Flow A'] }),
				flow('Flow A', '1'),
				aux('Value A', 'ACTIVE_INITIAL(TIME, 45)')
			],
			{ stop: 3, dt: 1 }
		);
		const { get } = simulate(m);
		expect([...get('Stock A')]).toEqual([45, 46, 47, 48]);
		expect([...get('Value A')]).toEqual([0, 1, 2, 3]);
	});
});

describe('SAMPLE IF TRUE (analytic, from Vensim’s definition)', () => {
	it('follows the input while the condition holds and keeps the last value otherwise', () => {
		const { x } = seriesOf('SAMPLE_IF_TRUE(MOD(TIME, 3) = 0, TIME * 10, -1)', { stop: 7, dt: 1 });
		expect([...x]).toEqual([0, 0, 0, 30, 30, 30, 60, 60]);
	});

	it('starts at its initial value when the condition does not hold at the start', () => {
		const { x } = seriesOf('SAMPLE_IF_TRUE(TIME >= 2, TIME, -1)', { stop: 3, dt: 1 });
		expect([...x]).toEqual([-1, -1, 2, 3]);
	});
});

describe('VECTOR SELECT (Vensim reference: sdxorg/tests/vector_select)', () => {
	// selection matrix no zeros[dim1!, B1] = 1, 1, -1, 1, 1 and input2 = 0.5, 1.2, 0.3, -1, every pair.
	const selection = [1, 1, -1, 1, 1];
	const input = [0.5, 1.2, 0.3, -1];
	const pairs = selection.flatMap((s) => input.flatMap((v) => [s, v]));

	it('sums selection × value for action 0 (Fout2[B1] = 3 at Time 0)', () => {
		expect(vectorSelect(-12345, 0, 0, ...pairs)).toBeCloseTo(3, 12);
	});

	it('sums the selected values for action 6 (Fout2 0[B1] = 5 at Time 0)', () => {
		expect(vectorSelect(-12345, 6, 0, ...pairs)).toBeCloseTo(5, 12);
	});

	it('gives the missing value when nothing is selected, and NaN when the error action forbids it', () => {
		expect(vectorSelect(-12345, 0, 0, 0, 1, 0, 2)).toBe(-12345);
		expect(vectorSelect(-12345, 0, 1, 0, 1, 0, 2)).toBeNaN();
		expect(vectorSelect(-12345, 0, 2, 1, 1, 1, 2)).toBeNaN();
	});
});

describe('LOOKUP EXTRAPOLATE, FORWARD and BACKWARD (analytic, from Vensim’s definitions)', () => {
	const t = {
		type: 'continuous' as const,
		xs: new Float64Array([0, 1, 2]),
		ys: new Float64Array([0, 10, 30])
	};

	it('reads the table otherwise than its own type', () => {
		expect(lookupTable(t, 3)).toBe(30); // a continuous table clamps
		expect(lookupTable(t, 3, 1)).toBe(50); // EXTRAPOLATE continues the last segment
		expect(lookupTable(t, 1.5, 2)).toBe(30); // FORWARD: the next point's y
		expect(lookupTable(t, 1, 2)).toBe(10); // … or this point's, on a point
		expect(lookupTable(t, 1.5, 3)).toBe(10); // BACKWARD: the last point's y
	});

	it('works through the compiler', () => {
		const m = model(
			[
				gf(
					'g',
					table('continuous', [
						[0, 0],
						[1, 10],
						[2, 30]
					])
				),
				aux('x', 'LOOKUP_EXTRAPOLATE(g, -1)')
			],
			{
				stop: 0
			}
		);
		expect(simulate(m).get('x')[0]).toBe(-10);
	});
});
