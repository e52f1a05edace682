import { describe, expect, it } from 'vitest';
import type { SimSpecs } from '../model/types';
import { fieldTexts, formatDt, parseAmount, settingsSummary, withField } from './run-settings';

const specs: SimSpecs = { start: 0, stop: 30, dt: 1, method: 'euler', timeUnits: 'days' };
const message = (r: ReturnType<typeof withField>) => (r.ok ? '' : r.message);

describe('run settings as the form reads them', () => {
	it('reads numbers and, for DT and the save interval, fractions 1/n', () => {
		expect(parseAmount('0.25', false)).toBe(0.25);
		expect(parseAmount(' -3 ', false)).toBe(-3);
		expect(parseAmount('1e3', false)).toBe(1000);
		expect(parseAmount('1/16', true)).toBe(0.0625);
		expect(parseAmount('1 / 3', true)).toBe(1 / 3);
		expect(parseAmount('1/16', false)).toBeUndefined();
		expect(parseAmount('quarter', true)).toBeUndefined();
		expect(parseAmount('', true)).toBeUndefined();
	});

	it('shows a DT of one over a whole number as 1/n', () => {
		expect(formatDt(0.0625)).toBe('1/16');
		expect(formatDt(1 / 3)).toBe('1/3');
		expect(formatDt(0.3)).toBe('0.3');
		expect(formatDt(2)).toBe('2');
		expect(fieldTexts({ ...specs, dt: 0.25, saveStep: 1 })).toMatchObject({
			dt: '1/4',
			saveStep: '1',
			startDate: ''
		});
	});

	it('changes one field and keeps the rest', () => {
		const r = withField(specs, 'dt', '1/16');
		expect(r).toEqual({ ok: true, specs: { ...specs, dt: 0.0625 } });
		expect(withField(specs, 'stop', '365')).toEqual({ ok: true, specs: { ...specs, stop: 365 } });
		expect(withField(specs, 'method', 'rk4')).toMatchObject({ specs: { method: 'rk4' } });
		expect(withField({ ...specs, saveStep: 1 }, 'saveStep', ' ')).toEqual({ ok: true, specs });
		expect(withField(specs, 'startDate', '2026-04-01')).toMatchObject({
			specs: { startDate: '2026-04-01' }
		});
	});

	it('refuses what cannot run, naming the field and what was typed', () => {
		expect(message(withField(specs, 'dt', 'small'))).toMatch(
			/^DT must be a number.*1\/16.*"small"/
		);
		expect(message(withField(specs, 'dt', '0'))).toMatch(/DT must be a number greater than 0/);
		expect(message(withField(specs, 'dt', '-1/4'))).toMatch(/greater than 0/);
		expect(message(withField(specs, 'stop', '-5'))).toMatch(/stop time \(-5\) is before the start/);
		expect(message(withField(specs, 'start', 'Jan'))).toBe('Start must be a number (it is "Jan")');
		expect(message(withField(specs, 'saveStep', '1.5'))).toMatch(/whole multiple of DT/);
		expect(message(withField(specs, 'saveStep', '0.5'))).toMatch(/shorter than DT/);
		expect(message(withField(specs, 'dt', '1e-9'))).toMatch(/steps, more than the limit/);
		expect(message(withField(specs, 'startDate', '31/03/2026'))).toMatch(/year-month-day/);
		// A start date needs a calendar unit.
		expect(message(withField({ ...specs, timeUnits: 'hours' }, 'startDate', '2026-04-01'))).toMatch(
			/days, weeks, months, quarters or years/
		);
	});

	it('sums the settings up in one line', () => {
		expect(settingsSummary({ ...specs, dt: 0.0625, startDate: '2026-04-01' })).toBe(
			'Days 0 to 30, DT 1/16, Euler, from 1 Apr 2026'
		);
		expect(settingsSummary({ start: 0, stop: 5, dt: 0.25, saveStep: 1, method: 'rk4' })).toBe(
			'Time 0 to 5, DT 1/4, saved every 1, Runge–Kutta 4'
		);
		// A unit written in the singular still reads as a span of them.
		expect(settingsSummary({ start: 0, stop: 30, dt: 1, method: 'euler', timeUnits: 'day' })).toBe(
			'Days 0 to 30, DT 1, Euler'
		);
	});
});
