/**
 * The run settings as the settings form shows and reads them: each field as text, parsed back
 * with a message that names the field, and the whole set checked before it replaces the model's.
 */
import { checkSimSpecs, wholeReciprocal } from '../engine/sim-specs';
import { dateAfter, formatDay, isIsoDate } from '../model/calendar';
import type { IntegrationMethod, SimSpecs } from '../model/types';
import { plural } from './results';

export type RunSettingField =
	'start' | 'stop' | 'dt' | 'saveStep' | 'method' | 'timeUnits' | 'startDate';

export const FIELD_NAMES: Record<RunSettingField, string> = {
	start: 'Start',
	stop: 'Stop',
	dt: 'DT',
	saveStep: 'Save interval',
	method: 'Method',
	timeUnits: 'Time units',
	startDate: 'Start date'
};

export const METHOD_NAMES: Record<IntegrationMethod, string> = {
	euler: 'Euler',
	rk2: 'Runge–Kutta 2',
	rk4: 'Runge–Kutta 4'
};

/** Units a planner's model counts time in, offered as suggestions; any other unit may be typed. */
export const TIME_UNIT_SUGGESTIONS = ['days', 'weeks', 'months', 'quarters', 'years'];

/** A number as typed: "0.25", "-3", "1e3", or a fraction "1/16" (DT and save interval). */
export function parseAmount(text: string, fractions: boolean): number | undefined {
	const trimmed = text.trim().replace(/,/g, '');
	const fraction = /^([+-]?\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(trimmed);
	if (fraction && fractions) {
		const value = Number(fraction[1]) / Number(fraction[2]);
		return Number.isFinite(value) ? value : undefined;
	}
	if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return undefined;
	return Number(trimmed);
}

/** DT as a modeller writes it: "1/16" when it is one over a whole number, else the number. */
export function formatDt(dt: number): string {
	const whole = wholeReciprocal(dt);
	return whole ? `1/${whole}` : String(dt);
}

/** The text each field shows for these settings. */
export function fieldTexts(specs: SimSpecs): Record<RunSettingField, string> {
	return {
		start: String(specs.start),
		stop: String(specs.stop),
		dt: formatDt(specs.dt),
		saveStep: specs.saveStep === undefined ? '' : formatDt(specs.saveStep),
		method: specs.method,
		timeUnits: specs.timeUnits ?? '',
		startDate: specs.startDate ?? ''
	};
}

export type FieldResult = { ok: true; specs: SimSpecs } | { ok: false; message: string };

/**
 * The settings with one field changed to what was typed, or the message saying why it cannot be:
 * the field's own text first ("DT must be a number or 1/n"), then the whole set (stop after start,
 * the save interval a multiple of DT, the step budget).
 */
export function withField(specs: SimSpecs, field: RunSettingField, text: string): FieldResult {
	const name = FIELD_NAMES[field];
	const next: SimSpecs = { ...specs };
	const trimmed = text.trim();
	switch (field) {
		case 'start':
		case 'stop': {
			const value = parseAmount(trimmed, false);
			if (value === undefined)
				return { ok: false, message: `${name} must be a number (it is "${trimmed}")` };
			next[field] = value;
			break;
		}
		case 'dt': {
			const value = parseAmount(trimmed, true);
			if (value === undefined)
				return {
					ok: false,
					message: `DT must be a number, such as 0.25, or a fraction 1/n, such as 1/16 (it is "${trimmed}")`
				};
			next.dt = value;
			break;
		}
		case 'saveStep': {
			if (!trimmed) {
				delete next.saveStep;
				break;
			}
			const value = parseAmount(trimmed, true);
			if (value === undefined)
				return {
					ok: false,
					message: `The save interval must be a number or 1/n, or blank to save every DT (it is "${trimmed}")`
				};
			next.saveStep = value;
			break;
		}
		case 'method':
			if (!(trimmed in METHOD_NAMES))
				return { ok: false, message: `The method must be Euler, RK2 or RK4 (it is "${trimmed}")` };
			next.method = trimmed as IntegrationMethod;
			break;
		case 'timeUnits':
			if (trimmed) next.timeUnits = trimmed;
			else delete next.timeUnits;
			break;
		case 'startDate':
			if (!trimmed) {
				delete next.startDate;
				break;
			}
			if (!isIsoDate(trimmed))
				return {
					ok: false,
					message: `The start date must be a day written year-month-day, such as 2026-04-01 (it is "${trimmed}")`
				};
			next.startDate = trimmed;
			break;
	}
	const problems = checkSimSpecs(next);
	if (problems.length)
		return {
			ok: false,
			message: problems.map((p) => p.message.replace(/^Simulation settings: /, '')).join('; ')
		};
	return { ok: true, specs: next };
}

/** One line for the page header: "Days 0 to 30, DT 1/16, Euler, from 1 Apr 2026". */
export function settingsSummary(specs: SimSpecs): string {
	// "Days 0 to 30", whether the model's time unit is written "day" or "days".
	const named = specs.timeUnits?.trim();
	const unit = named && /^[a-z]+$/i.test(named) ? plural(named) : named;
	const span = `${unit ? `${unit[0].toUpperCase()}${unit.slice(1)} ` : 'Time '}${specs.start} to ${specs.stop}`;
	const save = specs.saveStep !== undefined && specs.saveStep !== specs.dt;
	return [
		span,
		`DT ${formatDt(specs.dt)}`,
		save ? `saved every ${formatDt(specs.saveStep!)}` : '',
		METHOD_NAMES[specs.method] ?? specs.method,
		specs.startDate ? `from ${formatDay(dateAfter(specs.startDate, 'day', 0)!)}` : ''
	]
		.filter(Boolean)
		.join(', ');
}
